"""Fair clocks with a fake clock across China's National Day holiday of 2026
(1–7 October off, Saturday 10 October a make-up working day): the unit's clock runs
from dispatch, a new unit and a reopened case get a fresh limit, a pause moves both
clocks on, and the first resolution stays on record."""

import datetime as dt
import uuid

from console.calendar.deadlines import package_days
from console.calendar.workdays import WorkCalendar
from console.casework.lifecycle import CaseState, Move, apply
from console.core.clock import CENTRE_TZ, FakeClock
from console.supervision.escalation import (
    LEADER_URGE,
    REMINDER,
    URGE,
    CaseClock,
    LadderRule,
    automatic_orders,
)

CALENDAR = WorkCalendar(package_days(2026))
LIMIT_DAYS = 3  # the category's rule: 3 working days
DISPATCHER, OPERATOR = frozenset({"dispatcher"}), frozenset({"operator"})
LADDER = LadderRule(0.75, 1)


def at(month: int, day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=CENTRE_TZ)


def limit_from(start: dt.datetime) -> dt.datetime:
    return CALENDAR.due_at(start, limit_working_days=LIMIT_DAYS).at


def move(state: CaseState, action: str, roles: frozenset[str], clock: FakeClock,
         **facts: object) -> Move:
    """A move at the fake clock's now, the unit's limit by the category's rule from then."""
    now = clock.now()
    return apply(state, action, roles, dict(facts), now, unit_due=limit_from(now))


def accepted(clock: FakeClock, *, grid_report: bool = False) -> CaseState:
    return CaseState("accepted", due_at=limit_from(clock.now()), grid_report=grid_report)


def test_the_unit_counts_from_dispatch_not_from_intake() -> None:
    clock = FakeClock(at(9, 29, 10))  # Tuesday before the holiday
    case = accepted(clock)
    assert case.due_at == at(10, 10)  # 30 Sep, 8 and 9 Oct: the citizen's deadline
    clock.set(at(9, 30, 10))  # a day at the centre
    made = move(case, "dispatch", DISPATCHER, clock, unit_id=7)
    unit = made.after
    # 8, 9 and Saturday 10 Oct (a make-up working day): the unit loses no day.
    assert (unit.unit_clock_at, unit.unit_due_at) == (at(9, 30, 10), at(10, 11))
    assert unit.due_at == at(10, 10)  # the case's own clock is untouched
    assert unit.clock_round == 2 and made.payload["unit_due_at"] == at(10, 11)


def test_a_return_stops_the_clock_and_the_next_unit_gets_a_fresh_limit() -> None:
    clock = FakeClock(at(9, 30, 10))
    first = move(accepted(clock), "dispatch", DISPATCHER, clock, unit_id=7).after
    clock.set(at(10, 8, 9))
    back = move(first, "return", OPERATOR, clock, reason="不属本单位").after
    assert (back.unit_clock_at, back.unit_due_at, back.clock_round) == (None, None, 2)
    clock.set(at(10, 8, 14))
    second = move(back, "dispatch", DISPATCHER, clock, unit_id=9).after
    # 9 Oct, Saturday 10 Oct, Monday 12 Oct.
    assert (second.unit_clock_at, second.unit_due_at) == (at(10, 8, 14), at(10, 13))
    assert second.clock_round == 3 and second.due_at == first.due_at


def test_settling_a_dispute_to_another_unit_starts_its_clock_the_same_unit_keeps_its() -> None:
    clock = FakeClock(at(9, 30, 10))
    first = move(accepted(clock), "dispatch", DISPATCHER, clock, unit_id=7).after
    clock.set(at(10, 8, 9))
    disputed = move(first, "dispute", DISPATCHER, clock, reason="职责不清").after
    leader = frozenset({"shift_leader"})
    clock.set(at(10, 9, 9))
    kept = move(disputed, "settle", leader, clock, unit_id=7).after
    assert (kept.unit_due_at, kept.clock_round) == (first.unit_due_at, first.clock_round)
    other = move(disputed, "settle", leader, clock, unit_id=9).after
    assert other.unit_clock_at == at(10, 9, 9)
    assert other.unit_due_at == at(10, 14)  # Saturday 10, Monday 12, Tuesday 13 Oct
    assert other.clock_round == first.clock_round + 1


def test_a_pause_moves_both_clocks_on_by_the_paused_time() -> None:
    clock = FakeClock(at(9, 29, 10))
    case = accepted(clock)
    clock.set(at(9, 30, 10))
    unit = move(case, "dispatch", DISPATCHER, clock, unit_id=7).after
    clock.set(at(10, 8, 10))
    paused = move(unit, "pause", DISPATCHER, clock, reason="等待市民补充材料").after
    clock.advance(hours=5)
    resumed = move(paused, "resume", DISPATCHER, clock).after
    assert resumed.unit_due_at == at(10, 11, 5) and resumed.due_at == at(10, 10, 5)


def test_a_clock_started_during_a_pause_stands_still_from_its_start() -> None:
    clock = FakeClock(at(9, 30, 9))
    paused = move(accepted(clock), "pause", DISPATCHER, clock, reason="核实地址").after
    clock.set(at(9, 30, 10))
    unit = move(paused, "dispatch", DISPATCHER, clock, unit_id=7).after
    clock.set(at(9, 30, 12))
    resumed = move(unit, "resume", DISPATCHER, clock).after
    assert resumed.unit_due_at == at(10, 11, 2)  # two hours since its start, not three
    assert resumed.due_at == paused.due_at + dt.timedelta(hours=3)


def test_a_reopened_case_gets_a_fresh_limit_and_keeps_its_first_resolution() -> None:
    clock = FakeClock(at(9, 30, 10))
    unit = move(accepted(clock), "dispatch", DISPATCHER, clock, unit_id=7).after
    clock.set(at(10, 9, 16))
    resolving = move(unit, "resolve", OPERATOR, clock, result="已修复")
    assert resolving.payload["on_time"] is True
    resolved = resolving.after
    assert resolved.first_resolved_at == at(10, 9, 16)
    clock.set(at(10, 13, 9))  # the callback finds it not fixed, after the unit's deadline
    reopened_move = move(resolved, "reopen", OPERATOR, clock, reason="路面仍破损")
    reopened = reopened_move.after
    assert reopened_move.changes["resolved_at"] is None
    assert reopened.first_resolved_at == at(10, 9, 16)
    assert (reopened.unit_clock_at, reopened.unit_due_at) == (at(10, 13, 9), at(10, 17))
    assert reopened.clock_round == resolved.clock_round + 1
    # The next sweep sees a fresh clock in a new round: no reminder and urge at once.
    assert reopened.unit_clock_at is not None and reopened.unit_due_at is not None
    assert unit.unit_clock_at is not None and unit.unit_due_at is not None
    fresh = CaseClock(uuid.uuid4(), reopened.unit_clock_at, reopened.unit_due_at, False,
                      reopened.clock_round, frozenset())
    assert automatic_orders(fresh, LADDER, clock.now(), CALENDAR) == []
    old = CaseClock(fresh.case_id, unit.unit_clock_at, unit.unit_due_at, False, 1, frozenset())
    # as it was: the old clock, days overdue, earns the whole ladder at once
    assert automatic_orders(old, LADDER, clock.now(), CALENDAR) == [REMINDER, URGE, LEADER_URGE]
    clock.set(at(10, 16, 10))
    again = move(reopened, "resolve", OPERATOR, clock, result="已重新铺设").after
    assert (again.first_resolved_at, again.status) == (at(10, 9, 16), "resolved")


def test_a_grid_report_failing_verification_goes_back_to_the_same_unit_with_a_fresh_limit(
        ) -> None:
    clock = FakeClock(at(9, 30, 10))
    unit = move(accepted(clock, grid_report=True), "dispatch", DISPATCHER, clock,
                unit_id=7).after
    clock.set(at(10, 9, 9))
    resolved = move(unit, "resolve", OPERATOR, clock, result="已清理").after
    clock.set(at(10, 10, 9))  # the make-up Saturday
    failed = move(resolved, "verify_failed", DISPATCHER, clock, reason="现场仍有垃圾")
    assert (failed.after.status, failed.after.assigned_unit_id) == ("dispatched", 7)
    assert failed.after.unit_due_at == at(10, 15)  # Monday 12 to Wednesday 14 Oct
    assert failed.payload["reason"] == "现场仍有垃圾"
    passed = move(move(failed.after, "resolve", OPERATOR, clock, result="已清理").after,
                  "verify_passed", OPERATOR, clock)
    assert passed.after.status == "closed" and "closed_at" in passed.changes


def test_by_the_sign_rule_the_unit_counts_from_its_signing_across_the_holiday() -> None:
    from console.units.clocks import sign_due

    clock = FakeClock(at(9, 30, 17))  # the last working afternoon before the holiday
    case = accepted(clock)
    sign_by = sign_due(CALENDAR, clock.now())
    assert sign_by == at(10, 8, 10)  # one office hour that day, one after the holiday
    sent = apply(case, "dispatch", DISPATCHER, {"unit_id": 7}, clock.now(),
                 unit_due=limit_from(clock.now()), clock_starts="sign", sign_due=sign_by)
    waiting = sent.after
    assert (waiting.unit_clock_at, waiting.unit_due_at, waiting.sign_due_at) == (
        None, None, sign_by)
    assert waiting.clock_round == 2 and sent.payload["sign_due_at"] == sign_by
    clock.set(at(10, 8, 9))  # signed the first morning after the holiday
    signed = move(waiting, "sign", frozenset({"unit_handler"}), clock)
    assert (signed.after.unit_clock_at, signed.after.unit_due_at) == (at(10, 8, 9),
                                                                     at(10, 13))
    assert signed.after.clock_round == 3 and signed.payload["unit_due_at"] == at(10, 13)
    # By the dispatch rule the clock runs from the dispatch and signing keeps it.
    running = apply(case, "dispatch", DISPATCHER, {"unit_id": 7}, at(9, 30, 17),
                    unit_due=limit_from(at(9, 30, 17)), sign_due=sign_by).after
    kept = move(running, "sign", frozenset({"unit_handler"}), clock).after
    assert (kept.unit_clock_at, kept.unit_due_at, kept.clock_round) == (
        running.unit_clock_at, running.unit_due_at, running.clock_round)
    # A return takes the case, its sign deadline and its clock back to the centre.
    back = move(waiting, "return", frozenset({"dispatcher"}), clock, reason="错派").after
    assert (back.sign_due_at, back.unit_clock_at) == (None, None)
