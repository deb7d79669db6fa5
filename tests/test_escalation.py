"""The escalation ladder with a fake clock, across working days and holidays."""

import datetime as dt
import uuid

import pytest

from console.calendar.workdays import DayInfo, WorkCalendar
from console.core.clock import CENTRE_TZ, FakeClock
from console.supervision.escalation import (
    LEADER_URGE,
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
EVERY_DAY = WorkCalendar({START.date() + dt.timedelta(days=d): DayInfo(True)
                          for d in range(-7, 60)}, known_years=[2026])


def case(hours: float = 40, issued: frozenset[str] = frozenset(), paused: bool = False
         ) -> CaseClock:
    return CaseClock(uuid.uuid4(), START, START + dt.timedelta(hours=hours), paused, 1, issued)


def at(hours: float) -> dt.datetime:
    return START + dt.timedelta(hours=hours)


def test_reminder_at_the_share_then_urge_when_overdue() -> None:
    assert automatic_orders(case(), RULE, at(29), EVERY_DAY) == []
    assert automatic_orders(case(), RULE, at(30), EVERY_DAY) == [REMINDER]
    assert automatic_orders(case(), RULE, at(41), EVERY_DAY) == [REMINDER, URGE]
    assert automatic_orders(case(issued=frozenset({REMINDER})), RULE, at(41), EVERY_DAY) \
        == [URGE]
    assert automatic_orders(case(issued=frozenset({REMINDER, URGE})), RULE, at(47.9),
                            EVERY_DAY) == []
    assert automatic_orders(case(issued=frozenset({REMINDER, URGE})), RULE, at(48),
                            EVERY_DAY) == [LEADER_URGE]  # 8 working hours after the urge
    assert automatic_orders(case(issued=frozenset({REMINDER, URGE, LEADER_URGE})), RULE,
                            at(99), EVERY_DAY) == []
    assert automatic_orders(case(paused=True), RULE, at(99), EVERY_DAY) == []


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


def test_a_case_still_overdue_at_the_reply_deadline_goes_to_inspection() -> None:
    overdue = {"case_due_at": at(10)}
    order = OrderClock(1, uuid.uuid4(), 1, at(24), replied=False, **overdue)
    assert not needs_inspection(order, at(23))
    assert needs_inspection(order, at(24))
    # Replied but still open and overdue (仍旧超期): inspection all the same.
    assert needs_inspection(OrderClock(1, uuid.uuid4(), 1, at(24), True, **overdue), at(48))
    # Settled in time, or the clock no longer overdue: no inspection.
    assert not needs_inspection(OrderClock(1, uuid.uuid4(), 1, at(24), True, False,
                                           at(10)), at(48))
    assert not needs_inspection(OrderClock(1, uuid.uuid4(), 1, at(24), False,
                                           case_due_at=at(30)), at(25))
    assert not needs_inspection(OrderClock(1, uuid.uuid4(), 1, at(24), False,
                                           case_due_at=at(10), case_paused=True), at(25))


def test_bad_rules_are_named() -> None:
    assert LadderRule(1.2, 1).check() == ["ladder.reminder_share"]
    assert LadderRule(0.5, -1).check() == ["ladder.supervision_days"]
    assert LadderRule(0.5, 1, leader_urge_after_working_hours=0).check() == [
        "ladder.leader_urge_hours"]
    assert LadderRule(0.5, 1, dispute_briefing_working_days=-1).check() == [
        "ladder.briefing_days"]
    assert RULE.check() == []


def test_the_whole_ladder_with_a_fake_clock_across_the_mid_autumn_holiday() -> None:
    """提醒 → 催办 → 催办（单位领导）→ 可督办 → 督办 → 回复，仍超期 → 效能监察, with the
    working hours of the second urge skipping a weekend and a public holiday."""
    holidays = {dt.date(2026, 9, 25): DayInfo(False, "中秋节")}  # a Friday off
    calendar = WorkCalendar(holidays, known_years=[2026])
    rule = LadderRule(0.75, supervision_after_working_days=1,
                      leader_urge_after_working_hours=8)
    clock = FakeClock(dt.datetime(2026, 9, 22, 9, 0, tzinfo=CENTRE_TZ))  # Tuesday
    started = clock.now()
    due = dt.datetime(2026, 9, 24, 20, 0, tzinfo=CENTRE_TZ)  # Thursday evening
    issued: set[str] = set()

    def sweep() -> list[str]:
        clock_ = CaseClock(uuid.uuid4(), started, due, False, 1, frozenset(issued))
        levels = automatic_orders(clock_, rule, clock.now(), calendar)
        issued.update(levels)
        return levels

    def candidate() -> bool:
        return supervision_candidate(CaseClock(uuid.uuid4(), started, due, False, 1,
                                               frozenset(issued)), rule, clock.now(), calendar)

    clock.set(dt.datetime(2026, 9, 24, 8, 0, tzinfo=CENTRE_TZ))
    assert sweep() == [REMINDER] and sweep() == []  # idempotent
    clock.set(due)
    assert sweep() == [URGE] and not candidate()
    # 4 working hours are left of Thursday; Friday (holiday), Saturday and Sunday do
    # not count; the other 4 run on Monday: the second urge falls due Monday 04:00.
    clock.set(dt.datetime(2026, 9, 28, 3, 59, tzinfo=CENTRE_TZ))
    assert sweep() == [] and not candidate()
    clock.set(dt.datetime(2026, 9, 28, 4, 0, tzinfo=CENTRE_TZ))
    assert sweep() == [LEADER_URGE] and sweep() == []
    # Overdue by one working day: the due day is Thursday, the next working day is
    # Monday, so supervision may come once Monday has ended.
    assert not candidate()
    clock.set(dt.datetime(2026, 9, 29, 0, 0, tzinfo=CENTRE_TZ))
    assert candidate()
    issued.add(SUPERVISION)  # the supervisor's order, by hand
    assert not candidate() and sweep() == []
    reply_due = clock.now() + dt.timedelta(days=1)
    clock.advance(hours=12)  # the unit replies, and leaves the case open
    order = OrderClock(1, uuid.uuid4(), 1, reply_due, replied=True, case_due_at=due)
    assert not needs_inspection(order, clock.now())
    clock.set(reply_due)
    assert needs_inspection(order, clock.now())


def test_working_hours_skip_rest_days_and_count_make_up_days() -> None:
    national_day = {dt.date(2026, 10, d): DayInfo(False, "国庆") for d in range(1, 8)}
    national_day[dt.date(2026, 10, 10)] = DayInfo(True, "国庆调休上班")  # a Saturday
    calendar = WorkCalendar(national_day, known_years=[2026])
    eve = dt.datetime(2026, 9, 30, 20, 0, tzinfo=CENTRE_TZ)
    assert calendar.add_working_hours(eve, 4) == dt.datetime(2026, 10, 1, 0, 0,
                                                             tzinfo=CENTRE_TZ)
    assert calendar.add_working_hours(eve, 5) == dt.datetime(2026, 10, 8, 1, 0,
                                                             tzinfo=CENTRE_TZ)
    friday = dt.datetime(2026, 10, 9, 23, 0, tzinfo=CENTRE_TZ)
    assert calendar.add_working_hours(friday, 2) == dt.datetime(2026, 10, 10, 1, 0,
                                                                tzinfo=CENTRE_TZ)
    assert calendar.add_working_hours(friday, 0) == friday
    with pytest.raises(ValueError):
        calendar.add_working_hours(friday, -1)
