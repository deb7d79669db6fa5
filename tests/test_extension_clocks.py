"""An extension (延期) with a fake clock across China's National Day holiday of 2026
(1–7 October off, Saturday 10 October a make-up working day): approved, it moves the
case's deadline and the unit's running one, each by the days granted from where it
fell; the ladder then urges nobody before the unit's new deadline and the reply is on
time against it. Refused, nothing moves. A unit whose clock waits for its signing has
no deadline to move."""

import datetime as dt
import uuid
from dataclasses import replace

from console.calendar.deadlines import package_days
from console.calendar.workdays import WorkCalendar
from console.casework.lifecycle import CaseState, apply
from console.core.clock import CENTRE_TZ, FakeClock
from console.supervision.escalation import (
    LEADER_URGE,
    REMINDER,
    URGE,
    CaseClock,
    LadderRule,
    automatic_orders,
)
from console.units import clocks

CALENDAR = WorkCalendar(package_days(2026))
LIMIT_DAYS = 3
DISPATCHER, UNIT = frozenset({"dispatcher"}), frozenset({"unit_handler"})
LADDER = LadderRule(0.75, 1)


def at(month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=CENTRE_TZ)


def limit_from(start: dt.datetime) -> dt.datetime:
    return CALENDAR.due_at(start, limit_working_days=LIMIT_DAYS).at


def signed_case(clock: FakeClock) -> CaseState:
    """Accepted on Friday 25 September, dispatched and signed on Monday the 28th."""
    case = CaseState("accepted", due_at=limit_from(at(9, 25, 10)))
    clock.set(at(9, 28, 10))
    sent = apply(case, "dispatch", DISPATCHER, {"unit_id": 7}, clock.now(),
                 unit_due=limit_from(clock.now())).after
    clock.advance(hours=1)
    return apply(sent, "sign", UNIT, {}, clock.now()).after


def ladder(case: CaseState, now: dt.datetime) -> list[str]:
    assert case.unit_clock_at is not None and case.unit_due_at is not None
    clock = CaseClock(uuid.uuid4(), case.unit_clock_at, case.unit_due_at, False,
                      case.clock_round, frozenset())
    return automatic_orders(clock, LADDER, now, CALENDAR)


def reply(case: CaseState, now: dt.datetime) -> dict[str, object]:
    return apply(case, "reply", UNIT, {"result": "已修复"}, now).payload


def test_an_approved_extension_moves_both_deadlines_across_the_holiday() -> None:
    clock = FakeClock(at(9, 25, 10))
    case = signed_case(clock)
    # The citizen's deadline: 28, 29, 30 Sep. The unit's: 29, 30 Sep and 8 Oct.
    assert (case.due_at, case.unit_due_at) == (at(10, 1), at(10, 9))
    assert case.due_at is not None
    clock.set(at(9, 30, 16))  # two more working days approved, the day before the holiday
    due, unit_due = clocks.extended(CALENDAR, case.due_at, case.unit_due_at, 2)
    assert due == at(10, 10)  # from 30 Sep: 8 and 9 Oct (the holiday skipped)
    assert unit_due == at(10, 11)  # from 8 Oct: 9 Oct and the make-up Saturday the 10th
    extended = replace(case, due_at=due, unit_due_at=unit_due)

    # A day after the unit's old deadline, before its new one: a reminder, no urge.
    clock.set(at(10, 10, 12))
    assert ladder(case, clock.now()) == [REMINDER, URGE, LEADER_URGE]  # had it not moved
    assert ladder(extended, clock.now()) == [REMINDER]
    assert ladder(extended, at(10, 11)) == [REMINDER, URGE]  # due at the new deadline

    clock.set(at(10, 10, 15))  # the unit replies on the make-up Saturday
    on_time = reply(extended, clock.now())
    assert (on_time["on_time"], on_time["unit_due_at"]) == (True, at(10, 11))
    late = reply(case, clock.now())  # the same reply had the extension been refused
    assert (late["on_time"], late["unit_due_at"]) == (False, at(10, 9))


def test_a_unit_waiting_for_its_signing_has_only_the_cases_deadline_moved() -> None:
    clock = FakeClock(at(9, 30, 10))
    case = CaseState("accepted", due_at=limit_from(at(9, 29, 10)))
    sent = apply(case, "dispatch", DISPATCHER, {"unit_id": 7}, clock.now(),
                 unit_due=limit_from(clock.now()), clock_starts="sign",
                 sign_due=at(9, 30, 12)).after
    assert sent.due_at is not None and sent.unit_due_at is None
    due, unit_due = clocks.extended(CALENDAR, sent.due_at, sent.unit_due_at, 1)
    assert (due, unit_due) == (at(10, 11), None)  # 10 Oct, the make-up Saturday
    # Signed after the holiday: the unit's limit counts from then, by the category's rule.
    clock.set(at(10, 8, 9))
    signed = apply(replace(sent, due_at=due), "sign", UNIT, {}, clock.now(),
                   unit_due=limit_from(clock.now()), clock_starts="sign").after
    assert (signed.unit_clock_at, signed.unit_due_at, signed.due_at) == (
        at(10, 8, 9), at(10, 13), at(10, 11))
