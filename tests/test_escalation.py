"""The escalation ladder with a fake clock, across working days and holidays."""

import datetime as dt
import uuid

from console.calendar.workdays import DayInfo, WorkCalendar
from console.core.clock import CENTRE_TZ
from console.supervision.escalation import (
    REMINDER,
    SUPERVISION,
    URGE,
    CaseClock,
    LadderRule,
    OrderClock,
    automatic_orders,
    needs_inspection,
    supervision_candidate,
)

START = dt.datetime(2026, 9, 28, 9, 0, tzinfo=CENTRE_TZ)  # a Monday before National Day
RULE = LadderRule(reminder_share=0.75, supervision_after_working_days=1)


def case(hours: float = 40, issued: frozenset[str] = frozenset(), paused: bool = False
         ) -> CaseClock:
    return CaseClock(uuid.uuid4(), START, START + dt.timedelta(hours=hours), paused, 1, issued)


def at(hours: float) -> dt.datetime:
    return START + dt.timedelta(hours=hours)


def test_reminder_at_the_share_then_urge_when_overdue() -> None:
    assert automatic_orders(case(), RULE, at(29)) == []
    assert automatic_orders(case(), RULE, at(30)) == [REMINDER]
    assert automatic_orders(case(), RULE, at(41)) == [REMINDER, URGE]
    assert automatic_orders(case(issued=frozenset({REMINDER})), RULE, at(41)) == [URGE]
    assert automatic_orders(case(issued=frozenset({REMINDER, URGE})), RULE, at(99)) == []
    assert automatic_orders(case(paused=True), RULE, at(99)) == []


def test_supervision_candidates_count_working_days_over_the_holiday() -> None:
    national_day = {dt.date(2026, 10, d): DayInfo(False, "国庆") for d in range(1, 8)}
    national_day[dt.date(2026, 10, 10)] = DayInfo(True, "国庆调休上班")
    calendar = WorkCalendar(national_day, known_years=[2026])
    overdue = case(hours=40)  # due Wednesday 30 September, 01:00
    assert not supervision_candidate(overdue, RULE, at(41), calendar)
    # One working day after the due day: Sept 30 is the day; Oct 1-7 are holidays,
    # Oct 8 (Thursday) is the next working day, so it ends at Oct 9 00:00.
    assert not supervision_candidate(overdue, RULE, dt.datetime(2026, 10, 8, 12,
                                                                tzinfo=CENTRE_TZ), calendar)
    assert supervision_candidate(overdue, RULE, dt.datetime(2026, 10, 9, 0, 1,
                                                            tzinfo=CENTRE_TZ), calendar)
    assert not supervision_candidate(case(hours=40, issued=frozenset({SUPERVISION})), RULE,
                                     dt.datetime(2026, 10, 12, tzinfo=CENTRE_TZ), calendar)


def test_unanswered_supervision_goes_to_inspection_after_its_deadline() -> None:
    order = OrderClock(1, uuid.uuid4(), 1, at(24), replied=False)
    assert not needs_inspection(order, at(23))
    assert needs_inspection(order, at(24))
    assert not needs_inspection(OrderClock(1, uuid.uuid4(), 1, at(24), True), at(48))


def test_bad_rules_are_named() -> None:
    assert LadderRule(1.2, 1).check() == ["ladder.reminder_share"]
    assert LadderRule(0.5, -1).check() == ["ladder.supervision_days"]
    assert RULE.check() == []
