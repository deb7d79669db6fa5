"""Issue 11, finding 3: a case changes only as a move changes it. Staff may update
only the columns moves change; unit, deadline, clock and stamps change only along
a move of the person's groups, with its event; values the console reads stay in
range; and rows stored before those checks stop neither the sweep nor the lists."""

from __future__ import annotations

import logging
import uuid
from typing import NamedTuple

import pytest
from psycopg import errors

from console.calendar.workdays import WorkCalendar
from console.casework import cases, countdown, queue
from console.catalog.catalog import load_catalog
from console.core.store import Store
from console.demodata.demo import load_reference_data
from console.supervision import board, sweeper
from db.migrate import upgrade
from tests.db.conftest import MakeLogin
from tests.db.old_intake import a_case_on_an_old_schema
from tests.db.people import a_case, person, raw

STATE = 'SELECT status, assigned_unit_id, due_at, paused_at, version FROM "case" WHERE id = %s'


def state(url: str, case_id: uuid.UUID) -> tuple[object, ...]:
    with raw(url) as conn:
        row = conn.execute(STATE, (case_id,)).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return tuple(row)


def with_event(url: str, case_id: uuid.UUID, statement: str) -> None:
    """``statement`` on the case and an event for it, in one transaction."""
    with raw(url) as conn, conn.transaction():
        conn.execute(statement, (case_id,))  # type: ignore[arg-type]
        conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'note')", (case_id,))


async def dispatched_case(login_as: MakeLogin) -> tuple[uuid.UUID, str, int]:
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await a_case(operator)
    desk = await person(dispatcher)
    try:
        units = sorted(u.id for u in (await load_catalog(desk)).units.values() if u.active)
        await cases.perform(desk, case_id, "dispatch", None, unit_id=units[0])
    finally:
        await desk.close()
    return case_id, operator, units[1]


async def test_an_operator_changes_no_unit_deadline_or_clock_by_raw_sql(
        login_as: MakeLogin) -> None:
    case_id, operator, other_unit = await dispatched_case(login_as)
    before = state(operator, case_id)
    for change in (f"assigned_unit_id = {other_unit}", "due_at = NULL", "due_at = 'infinity'",
                   "due_at = due_at + interval '30 days'", "paused_at = now()",
                   "dispatched_at = now() - interval '1 day'", "closed_at = now()"):
        with pytest.raises(errors.InsufficientPrivilege):
            with_event(operator, case_id,
                       f'UPDATE "case" SET {change}, version = version + 1 WHERE id = %s')
    for statement in ('UPDATE "case" SET version = 1 WHERE id = %s',  # others' edits go through
                      'UPDATE "case" SET address = \'别处\', version = version + 1 WHERE id = %s',
                      'UPDATE "case" SET category_id = category_id WHERE id = %s'):
        with pytest.raises(errors.InsufficientPrivilege):
            with_event(operator, case_id, statement)
    with raw(operator) as conn, pytest.raises(errors.InsufficientPrivilege, match="its event"):
        conn.execute("UPDATE \"case\" SET status = 'in_progress', version = version + 1"
                     " WHERE id = %s", (case_id,))  # a move the operator may make, unrecorded
    assert state(operator, case_id) == before


async def test_the_clock_pauses_and_resumes_only_as_the_moves_do(login_as: MakeLogin) -> None:
    case_id, operator, _unit = await dispatched_case(login_as)
    dispatcher = login_as("dispatcher")
    with pytest.raises(errors.InsufficientPrivilege):  # backdated: the deadline would gain
        with_event(dispatcher, case_id, "UPDATE \"case\" SET paused_at = now() - interval"
                   " '2 days', version = version + 1 WHERE id = %s")
    desk = await person(dispatcher)
    try:
        await cases.perform(desk, case_id, "pause", None, reason="等待市民补充材料")
        _status, _unit, due, paused, _version = state(operator, case_id)
        assert paused is not None
        await cases.perform(desk, case_id, "resume", None)
    finally:
        await desk.close()
    _status, _unit, due_after, paused_after, _version = state(operator, case_id)
    assert paused_after is None and due_after > due  # type: ignore[operator]


def test_values_the_console_reads_stay_in_range(database_url: str) -> None:
    """Even the owner cannot store them (these are CHECK constraints)."""
    with raw(database_url) as conn:
        case_id = conn.execute(
            "INSERT INTO \"case\" (id, public_no, channel, text, category_id, urgency, status,"
            " due_at, created_by) SELECT gen_random_uuid(), 'X-1', 'web', 't', id, 'B',"
            " 'accepted', now() + interval '1 day', 'import' FROM category WHERE level = 3"
            " LIMIT 1 RETURNING id").fetchone()
        for change in ("due_at = NULL", "due_at = 'infinity'", "due_at = '-infinity'",
                       "paused_at = '294276-01-01'", "lon = 'NaN'", "lat = 91",
                       "status = 'closed', paused_at = now()"):
            with pytest.raises(errors.CheckViolation):
                conn.execute(f'UPDATE "case" SET {change} WHERE id = %s',  # type: ignore[arg-type]
                             case_id)
        with pytest.raises(errors.CheckViolation):
            conn.execute("INSERT INTO escalation_order (case_id, level, issuer, reply_due_at)"
                         " VALUES (%s, 'urge', 'import', 'infinity')", case_id)


async def test_case_numbers_only_count(login_as: MakeLogin) -> None:
    operator = login_as("operator")
    await a_case(operator)
    with raw(operator) as conn:
        before = conn.execute("SELECT day, last FROM case_number_counter").fetchall()
        for statement in ("UPDATE case_number_counter SET last = 2147483647",
                          "UPDATE case_number_counter SET last = 0",
                          "INSERT INTO case_number_counter VALUES ('2030-01-01', 999999)"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
        assert conn.execute("SELECT day, last FROM case_number_counter").fetchall() == before



class Made(NamedTuple):
    id: uuid.UUID
    public_no: str


@pytest.mark.expected_log(r"^console\.supervision\.sweeper: the sweep skips")
async def test_rows_stored_before_the_checks_stop_neither_the_sweep_nor_the_lists(
        empty_database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    url = empty_database_url
    upgrade(url, "0006")
    store = Store(url, "setup")
    store.roles = frozenset({"admin", "supervisor"})
    try:
        await load_reference_data(store, boundaries=False)  # 0006 has no columns for them
        # As the intake of 0006 saved them (nobody to tell: 0006 has no outbox).
        made = [Made(*await a_case_on_an_old_schema(url)) for _ in range(3)]
        with raw(url) as conn:  # what finding 3 let an operator store, and one overdue case
            conn.execute("UPDATE \"case\" SET due_at = 'infinity' WHERE id = %s", (made[0].id,))
            conn.execute("UPDATE \"case\" SET accepted_at = '-infinity', due_at = now()"
                         " - interval '1 hour' WHERE id = %s", (made[1].id,))
            conn.execute("UPDATE \"case\" SET accepted_at = now() - interval '9 hours',"
                         " due_at = now() - interval '1 hour' WHERE id = %s", (made[2].id,))
        upgrade(url)  # the checks arrive; the old rows stay until someone mends them
        with raw(url) as conn:
            assert conn.execute("SELECT convalidated FROM pg_constraint"
                                " WHERE conname = 'ck_case_timestamps'").fetchone() == (False,)
        caplog.set_level(logging.WARNING, logger="console.supervision.sweeper")
        report = await sweeper.sweep(store, WorkCalendar())
        assert report.swept and (made[2].id, "urge") in report.issued
        assert made[0].public_no in caplog.text and made[1].public_no in caplog.text
        ids = (await queue.fetch_ids(store, queue.CaseFilter())).ids
        rows = await queue.fetch_rows(store, ids)
        assert set(ids) == {m.id for m in made}
        assert rows[made[0].id].due_at.year == 2200  # shown at the end of the range
        shown = {c.id for c in await countdown.open_countdowns(store)}
        assert made[2].id in shown and made[0].id not in shown
        at_risk = {c.id for c in await board.at_risk(store, WorkCalendar())}
        assert made[2].id in at_risk and made[0].id not in at_risk
    finally:
        await store.close()
