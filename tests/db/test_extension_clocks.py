"""An extension (延期) moves the unit's deadline too (migration 0016), tried by the
people who use it: a unit handler applies, a shift leader decides, any seat sweeps.
The calendar ahead holds a public holiday the days granted skip. Approved, both
deadlines move, each from where it fell, and the request row says so; the sweep urges
nobody before the unit's new deadline and the reply is on time against it. Refused,
nothing moves. By raw SQL, the unit's deadline moves only to what an extension
approved in the same transaction, by the person writing, grants."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from psycopg import errors
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from console.calendar.deadlines import load_calendar
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.supervision import sweeper
from console.units import clocks, requests, work
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.db.test_signing_clock import the_rule
from tests.db.units_fixture import a_handler, dispatched_to, two_units

C, R = s.Case, s.UnitRequest
NOTE = "INSERT INTO case_event (case_id, kind, payload) VALUES (%s, %s, '{}')"
MOVE = ('UPDATE "case" SET unit_due_at = %s, version = version + 1 WHERE id = %s')


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CENTRE_TZ)


async def overdue_at_the_unit(store: Store, case_id: uuid.UUID) -> dict[str, Any]:
    """The case's clocks set (by the owner) so that the unit's deadline passed a minute
    ago, on day D; the next day is a public holiday, the two after it working days.
    The case's own deadline is at noon on D+2. Returns D and the deadlines."""
    async with store.transaction() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        unit_due = now - dt.timedelta(minutes=1)
        day = (unit_due - dt.timedelta(microseconds=1)).astimezone(CENTRE_TZ).date()
        due = dt.datetime.combine(day + dt.timedelta(days=2), dt.time(12), CENTRE_TZ)
        for offset, working, note in ((1, False, "国庆节"), (2, True, "调休上班"),
                                      (3, True, "调休上班")):
            values = {"day": day + dt.timedelta(days=offset), "is_working": working,
                      "note": note, "source": "admin", "estimated": False}
            await conn.execute(insert(s.WorkingDay).values(**values).on_conflict_do_update(
                index_elements=["day"], set_={k: v for k, v in values.items() if k != "day"}))
        await conn.execute(update(C).where(C.id == case_id).values(
            accepted_at=now - dt.timedelta(days=4), unit_clock_at=now - dt.timedelta(days=3),
            unit_due_at=unit_due, due_at=due))
    return {"day": day, "unit_due": unit_due, "due": due}


async def clocks_of(store: Store, case_id: uuid.UUID) -> tuple[Any, ...]:
    async with store.read() as conn:
        return tuple((await conn.execute(select(C.due_at, C.unit_due_at).where(
            C.id == case_id))).one())


async def test_an_approved_extension_moves_both_deadlines_and_the_ladder_waits(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    approved, refused = [await dispatched_to(operator, dispatcher, unit) for _ in range(2)]
    handler = await person(a_handler(login_as, database_url, unit))
    leader, desk = await person(login_as("shift_leader")), await person(dispatcher)
    try:
        set_ups = {}
        for case_id in (approved, refused):
            await work.sign(handler, case_id, None)
            set_ups[case_id] = await overdue_at_the_unit(store, case_id)
            await requests.apply_extension(handler, case_id, 1, "需协调供电局停电施工")
        calendar = await load_calendar(leader)
        set_up, day = set_ups[approved], set_ups[approved]["day"]
        asks = {r.case_id: r for r in await requests.pending(leader)}
        await requests.decide(leader, calendar, asks[approved].id, True)
        await requests.decide(leader, calendar, asks[refused].id, False, "时限内可办结")

        # Each deadline one working day on from where it fell, past the holiday (D+1).
        assert await clocks_of(store, approved) == (day_start(day + dt.timedelta(days=4)),
                                                    day_start(day + dt.timedelta(days=3)))
        assert await clocks_of(store, refused) == (set_ups[refused]["due"],
                                                   set_ups[refused]["unit_due"])
        granted, refusal = await requests.of_case(handler, approved), await requests.of_case(
            handler, refused)
        assert granted[0].granted_unit_due_at == day_start(day + dt.timedelta(days=3))
        assert refusal[0].granted_due_at is refusal[0].granted_unit_due_at is None
        async with store.read() as conn:
            row = (await conn.execute(select(
                R.previous_due_at, R.granted_due_at, R.previous_unit_due_at,
                R.granted_unit_due_at).where(R.id == asks[approved].id))).one()
        assert tuple(row) == (set_up["due"], day_start(day + dt.timedelta(days=4)),
                              set_up["unit_due"], day_start(day + dt.timedelta(days=3)))
        assert row[3] == clocks.extended_due(calendar, set_up["unit_due"], 1)

        # The sweep urges the refused case's unit, not the one whose deadline moved.
        report = await sweeper.sweep(desk, calendar)
        assert report.swept and (refused, "urge") in report.issued
        assert (approved, "urge") not in report.issued

        # The unit's list shows and sorts by the deadline it is held to.
        listed = {c.id: c for c in await work.my_cases(handler)}
        assert listed[approved].running_due == day_start(day + dt.timedelta(days=3))
        assert listed[refused].running_due == set_ups[refused]["unit_due"]

        # The replies count on time against the unit's deadline as it stands.
        on_time = await work.reply(handler, approved, None, "已修复", "")
        late = await work.reply(handler, refused, None, "已修复", "")
        assert (on_time.payload["on_time"], on_time.payload["unit_due_at"]) == (
            True, day_start(day + dt.timedelta(days=3)))
        assert (late.payload["on_time"], late.payload["unit_due_at"]) == (
            False, set_ups[refused]["unit_due"])
    finally:
        for person_store in (handler, leader, desk):
            await person_store.close()


async def test_before_the_signing_by_the_sign_rule_only_the_cases_deadline_moves(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    await the_rule(store, "sign")
    unit, _ = two_units(database_url)
    case_id = await dispatched_to(login_as("operator"), login_as("dispatcher"), unit)
    handler = await person(a_handler(login_as, database_url, unit))
    leader = await person(login_as("supervisor"))
    try:
        before = await clocks_of(store, case_id)
        assert before[1] is None  # the unit's clock waits for its signing
        await requests.apply_extension(handler, case_id, 2, "需协调多部门")
        calendar = await load_calendar(leader)
        [ask] = await requests.pending(leader)
        await requests.decide(leader, calendar, ask.id, True)
        [decided] = await requests.of_case(leader, case_id)
        assert await clocks_of(store, case_id) == (
            clocks.extended_due(calendar, before[0], 2), None)
        assert decided.granted_unit_due_at is None
        await work.sign(handler, case_id, None)  # the limit counts from the signing
        async with store.read() as conn:
            started, by_rule = (await conn.execute(select(
                C.unit_due_at, func.unit_deadline(C.category_id, C.urgency, C.signed_at))
                .where(C.id == case_id))).one()
        assert started == by_rule is not None
    finally:
        await handler.close()
        await leader.close()


def _unit_due(url: str, case_id: uuid.UUID) -> dt.datetime:
    with raw(url) as conn:
        row = conn.execute('SELECT unit_due_at FROM "case" WHERE id = %s', (case_id,)).fetchone()
    assert row is not None and row[0] is not None
    return row[0]  # type: ignore[no-any-return]


APPROVE = ("UPDATE unit_request r SET decision = 'approved', decided_by = session_user,"
           " decided_at = now(), previous_due_at = c.due_at,"
           " granted_due_at = c.due_at + interval '2 days',"
           " previous_unit_due_at = c.unit_due_at,"
           " granted_unit_due_at = c.unit_due_at + interval '2 days', version = r.version + 1"
           ' FROM "case" c WHERE c.id = r.case_id AND r.id = %s'
           " RETURNING r.granted_due_at, r.granted_unit_due_at")
MOVE_BOTH = ('UPDATE "case" SET due_at = %s, unit_due_at = %s, version = version + 1'
             " WHERE id = %s")


async def test_a_handler_cannot_move_the_units_deadline_by_raw_sql(
        login_as: MakeLogin, database_url: str) -> None:
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    mine, other = [await dispatched_to(operator, dispatcher, unit) for _ in range(2)]
    handler = a_handler(login_as, database_url, unit)
    # A handler of the unit who is also a shift leader: they decide others' requests.
    both = a_handler(login_as, database_url, unit, "shift_leader")
    with raw(handler) as conn:
        asked = [conn.execute("INSERT INTO unit_request (case_id, unit_id, kind, reason, days)"
                              " VALUES (%s, %s, 'extension', '需协调', 2) RETURNING id",
                              (case_id, unit)).fetchone()[0]  # type: ignore[index]
                 for case_id in (mine, other)]
    kept = _unit_due(database_url, mine)
    with raw(database_url) as conn:  # the same unit deadline: only the case differs
        conn.execute('UPDATE "case" SET unit_due_at = %s WHERE id = %s', (kept, other))

    with raw(handler) as conn:  # plainly: whatever they write there is replaced
        with conn.transaction():
            conn.execute(MOVE, (kept + dt.timedelta(days=9), mine))
            conn.execute(NOTE, (mine, "progress_noted"))
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            conn.execute(APPROVE, (asked[0],))  # nor approve their own
    assert _unit_due(database_url, mine) == kept

    with raw(both) as conn:
        # An extension of another case, approved now: it moves that case only.
        with conn.transaction():
            _, granted_other = conn.execute(APPROVE, (asked[1],)).fetchone()  # type: ignore[misc]
            conn.execute(MOVE, (granted_other, mine))
            conn.execute(NOTE, (mine, "progress_noted"))
            conn.execute(NOTE, (other, "unit_request"))
        assert _unit_due(database_url, mine) == kept
        # One they approved themselves, now: to what it grants and nowhere else.
        with conn.transaction():
            granted_due, granted_unit = conn.execute(APPROVE, (asked[0],)).fetchone()  # type: ignore[misc]
            conn.execute(MOVE_BOTH, (granted_due, granted_unit + dt.timedelta(days=1), mine))
            conn.execute(NOTE, (mine, "unit_request"))
        assert _unit_due(database_url, mine) == kept
    # That approval is spent once its transaction ended: a later write moves nothing.
    with raw(both) as conn, conn.transaction():
        conn.execute(MOVE, (granted_unit, mine))
        conn.execute(NOTE, (mine, "progress_noted"))
    assert _unit_due(database_url, mine) == kept


async def test_the_approver_moves_the_units_deadline_to_what_was_granted(
        login_as: MakeLogin, database_url: str) -> None:
    unit, _ = two_units(database_url)
    case_id = await dispatched_to(login_as("operator"), login_as("dispatcher"), unit)
    handler = a_handler(login_as, database_url, unit)
    with raw(handler) as conn:
        ask = conn.execute("INSERT INTO unit_request (case_id, unit_id, kind, reason, days)"
                           " VALUES (%s, %s, 'extension', '需协调', 2) RETURNING id",
                           (case_id, unit)).fetchone()[0]  # type: ignore[index]
    kept = _unit_due(database_url, case_id)
    with raw(login_as("shift_leader")) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="unit's running deadline"):
            conn.execute(APPROVE.replace("previous_unit_due_at = c.unit_due_at",
                                         "previous_unit_due_at = c.unit_due_at - interval"
                                         " '1 day'"), (ask,))
        with conn.transaction():
            granted_due, granted_unit = conn.execute(APPROVE, (ask,)).fetchone()  # type: ignore[misc]
            conn.execute(MOVE_BOTH, (granted_due, granted_unit, case_id))
            conn.execute(NOTE, (case_id, "unit_request"))
    assert _unit_due(database_url, case_id) == granted_unit == kept + dt.timedelta(days=2)
