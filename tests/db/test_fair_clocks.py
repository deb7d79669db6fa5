"""The unit's clock and field verification in the database (migration 0008), tried
by the people who use them: the database keeps the clock whatever a login writes,
computes the unit's limit as the console's calendar does, and lets a resolved
case leave only by its callback (a caller) or its field verification (a grid report)."""

import datetime as dt
import uuid

import pytest
from psycopg import errors
from sqlalchemy import func, insert, select, text

from console.calendar.deadlines import seed_calendar
from console.casework import cases
from console.casework.lifecycle import TransitionError
from console.catalog.catalog import Catalog, load_catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw

C = s.Case


def manual(catalog: Catalog) -> int:
    return next(c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and not c.auto_dispatch and c.limit_working_days)


def units(catalog: Catalog) -> list[int]:
    return sorted(u.id for u in catalog.units.values() if u.active)


async def clock(store: Store, case_id: uuid.UUID) -> dict:
    async with store.read() as conn:
        row = (await conn.execute(select(
            C.status, C.assigned_unit_id, C.due_at, C.unit_clock_at, C.unit_due_at,
            C.clock_round, C.resolved_at, C.first_resolved_at, C.version,
            func.unit_deadline(C.category_id, C.urgency, C.unit_clock_at).label("by_rule"))
            .where(C.id == case_id))).one()
    return dict(row._mapping)


async def test_the_database_counts_a_limit_as_the_consoles_calendar_does(
        store: Store) -> None:
    await seed_calendar(store, (2026,))
    catalog = await load_catalog(store)
    leaves = sorted((c for c in catalog.categories.values() if c.is_leaf),
                    key=lambda c: c.code)
    by_days = [c for c in leaves if c.limit_working_days][:3]
    by_hours = [c for c in leaves if c.limit_hours][:1]
    starts = [dt.datetime(2026, month, day, hour, tzinfo=CENTRE_TZ)
              for month, day in ((4, 30), (5, 1), (5, 8), (9, 24), (9, 30), (10, 1), (10, 9),
                                 (10, 10), (12, 31))
              for hour in (0, 9, 23)]
    async with store.read() as conn:
        for category in by_days + by_hours:
            for start in starts:
                wanted = catalog.deadline(category.id, "B", start)
                got = (await conn.execute(select(func.unit_deadline(category.id, "B", start))
                                          )).scalar_one()
                assert wanted is not None and got == wanted.at, (category.code, start)


async def test_the_units_clock_follows_dispatch_return_pause_and_reopening(
        login_as: MakeLogin) -> None:
    operator = await person(login_as("operator"))
    dispatcher = await person(login_as("dispatcher"))
    try:
        catalog = await load_catalog(operator)
        first, second = units(catalog)[:2]
        case_id = await a_case(login_as("operator"), category_id=manual(catalog))
        at_intake = await clock(operator, case_id)
        assert (at_intake["unit_clock_at"], at_intake["clock_round"]) == (None, 1)

        sent = await cases.perform(dispatcher, case_id, "dispatch", None, unit_id=first)
        row = await clock(operator, case_id)
        assert row["unit_clock_at"] is not None and row["unit_due_at"] == row["by_rule"]
        assert sent.payload["unit_due_at"] == row["unit_due_at"]  # the console agrees
        assert row["clock_round"] == 2 and row["due_at"] == at_intake["due_at"]

        await cases.perform(operator, case_id, "return", None, reason="不属本单位")
        back = await clock(operator, case_id)
        assert (back["unit_clock_at"], back["unit_due_at"], back["clock_round"]) == (
            None, None, 2)
        await cases.perform(dispatcher, case_id, "dispatch", None, unit_id=second)
        again = await clock(operator, case_id)
        assert again["unit_clock_at"] > row["unit_clock_at"]
        assert (again["unit_due_at"], again["clock_round"]) == (again["by_rule"], 3)

        await cases.perform(dispatcher, case_id, "pause", None, reason="等待补充材料")
        async with operator.read() as conn:
            paused_at = (await conn.execute(select(C.paused_at).where(C.id == case_id))
                         ).scalar_one()
        resumed = await cases.perform(dispatcher, case_id, "resume", None)
        after = await clock(operator, case_id)
        stood = after["unit_due_at"] - again["unit_due_at"]
        assert stood > dt.timedelta(0)
        assert after["due_at"] - again["due_at"] == stood  # both clocks, by the pause
        assert resumed.after.unit_due_at == after["unit_due_at"]
        assert paused_at is not None

        await cases.perform(operator, case_id, "resolve", None, result="已修复")
        resolved = await clock(operator, case_id)
        assert resolved["first_resolved_at"] == resolved["resolved_at"] is not None
        await cases.perform(operator, case_id, "reopen", None, reason="仍未修好")
        reopened = await clock(operator, case_id)
        assert (reopened["status"], reopened["assigned_unit_id"]) == ("dispatched", second)
        assert reopened["resolved_at"] is None
        assert reopened["first_resolved_at"] == resolved["first_resolved_at"]
        assert reopened["unit_clock_at"] > after["unit_clock_at"]
        assert (reopened["unit_due_at"], reopened["clock_round"]) == (reopened["by_rule"], 4)
    finally:
        await operator.close()
        await dispatcher.close()


async def test_a_login_cannot_write_the_units_clock(login_as: MakeLogin) -> None:
    dispatcher_url = login_as("dispatcher")
    dispatcher = await person(dispatcher_url)
    try:
        catalog = await load_catalog(dispatcher)
        case_id = await a_case(login_as("operator"), category_id=manual(catalog))
        await cases.perform(dispatcher, case_id, "dispatch", None, unit_id=units(catalog)[0])
        before = await clock(dispatcher, case_id)
    finally:
        await dispatcher.close()
    with raw(dispatcher_url) as conn, conn.transaction():
        conn.execute('UPDATE "case" SET unit_due_at = now() + interval \'1 year\','
                     " unit_clock_at = now() + interval '360 days', clock_round = 1,"
                     " first_resolved_at = now(), version = version + 1 WHERE id = %s",
                     (case_id,))
        conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'note')", (case_id,))
    with raw(dispatcher_url) as conn:
        kept = conn.execute('SELECT unit_clock_at, unit_due_at, clock_round, first_resolved_at'
                            ' FROM "case" WHERE id = %s', (case_id,)).fetchone()
    assert kept == (before["unit_clock_at"], before["unit_due_at"], before["clock_round"],
                    None)


async def grid_report_resolved(login_as: MakeLogin) -> tuple[uuid.UUID, int, str, str]:
    """A grid worker's report, dispatched and resolved; with an operator's and a
    dispatcher's URL."""
    operator_url, dispatcher_url = login_as("operator"), login_as("dispatcher")
    operator, dispatcher = await person(operator_url), await person(dispatcher_url)
    try:
        catalog = await load_catalog(operator)
        unit = units(catalog)[0]
        case_id = await a_case(operator_url, category_id=manual(catalog),
                               channel="grid_worker", caller_phone="")
        await cases.perform(dispatcher, case_id, "dispatch", None, unit_id=unit)
        await cases.perform(operator, case_id, "resolve", None, result="已清理")
    finally:
        await operator.close()
        await dispatcher.close()
    return case_id, unit, operator_url, dispatcher_url


async def test_a_grid_report_is_verified_in_the_field_not_called_back(
        login_as: MakeLogin) -> None:
    case_id, unit, operator_url, dispatcher_url = await grid_report_resolved(login_as)
    operator, dispatcher = await person(operator_url), await person(dispatcher_url)
    try:
        with pytest.raises(TransitionError) as refused:
            await cases.perform(operator, case_id, "callback_closed", None, satisfaction=5)
        assert refused.value.code == "transition.grid_report"
        before = await clock(operator, case_id)
        failed = await cases.perform(dispatcher, case_id, "verify_failed", None,
                                     reason="现场仍有垃圾堆放")
        row = await clock(operator, case_id)
        assert (row["status"], row["assigned_unit_id"]) == ("dispatched", unit)
        assert row["unit_clock_at"] > before["unit_clock_at"]
        assert row["unit_due_at"] == row["by_rule"] == failed.after.unit_due_at
        assert row["first_resolved_at"] == before["first_resolved_at"] is not None
        await cases.perform(operator, case_id, "resolve", None, result="已再次清理")
        await cases.perform(operator, case_id, "verify_passed", None)
        assert (await clock(operator, case_id))["status"] == "closed"
    finally:
        await operator.close()
        await dispatcher.close()
    with raw(operator_url) as conn:
        found = conn.execute("SELECT result, note FROM verification WHERE case_id = %s"
                             " ORDER BY id", (case_id,)).fetchall()
        callbacks = conn.execute("SELECT count(*) FROM callback WHERE case_id = %s",
                                 (case_id,)).fetchone()
    assert found == [("failed", "现场仍有垃圾堆放"), ("passed", "")]
    assert callbacks == (0,)


async def test_the_database_refuses_a_callback_on_a_grid_report(login_as: MakeLogin) -> None:
    case_id, unit, operator_url, dispatcher_url = await grid_report_resolved(login_as)
    with raw(operator_url) as conn:
        with pytest.raises(errors.CheckViolation, match="no caller"):
            conn.execute("INSERT INTO callback (case_id, attempt, result, satisfaction)"
                         " VALUES (%s, 1, 'satisfied', 5)", (case_id,))
        with pytest.raises(errors.InsufficientPrivilege, match="field verification"), \
                conn.transaction():  # closing it as if called back, without a verification
            conn.execute("UPDATE \"case\" SET status = 'closed', closed_at = now(),"
                         " version = version + 1 WHERE id = %s", (case_id,))
    # A failed verification reopens it to the same unit, not another.
    with raw(dispatcher_url) as conn, pytest.raises(errors.InsufficientPrivilege,
                                                    match="resolved it"), conn.transaction():
        conn.execute("INSERT INTO verification (case_id, result, note) VALUES"
                     " (%s, 'failed', '仍未清理')", (case_id,))
        conn.execute("UPDATE \"case\" SET status = 'dispatched', resolved_at = NULL,"
                     " assigned_unit_id = (SELECT max(id) FROM unit WHERE active"
                     " AND id <> %s), version = version + 1 WHERE id = %s", (unit, case_id))
    with raw(operator_url) as conn:
        with pytest.raises(errors.InsufficientPrivilege), conn.transaction():
            conn.execute("INSERT INTO verification (case_id, result, at) VALUES"
                         " (%s, 'passed', now())", (case_id,))  # no grant on the time
        with pytest.raises(errors.CheckViolation), conn.transaction():
            conn.execute("INSERT INTO verification (case_id, result) VALUES"
                         " (%s, 'failed')", (case_id,))  # a failure needs its reason
        status = conn.execute('SELECT status FROM "case" WHERE id = %s', (case_id,)).fetchone()
        count = conn.execute("SELECT count(*) FROM callback WHERE case_id = %s",
                             (case_id,)).fetchone()
    assert (status, count) == (("resolved",), (0,))


async def test_a_case_with_a_caller_leaves_resolved_only_by_its_callback(
        store: Store, login_as: MakeLogin) -> None:
    operator_url, dispatcher_url = login_as("operator"), login_as("dispatcher")
    operator, dispatcher = await person(operator_url), await person(dispatcher_url)
    try:
        catalog = await load_catalog(operator)
        case_id = await a_case(operator_url, category_id=manual(catalog))
        await cases.perform(dispatcher, case_id, "dispatch", None, unit_id=units(catalog)[0])
        await cases.perform(operator, case_id, "resolve", None, result="已修复")
        with pytest.raises(TransitionError) as refused:
            await cases.perform(dispatcher, case_id, "verify_passed", None)
        assert refused.value.code == "transition.needs_grid_report"
    finally:
        await operator.close()
        await dispatcher.close()
    with raw(dispatcher_url) as conn:
        with pytest.raises(errors.InsufficientPrivilege, match="callback"), conn.transaction():
            conn.execute("UPDATE \"case\" SET status = 'closed', closed_at = now(),"
                         " version = version + 1 WHERE id = %s", (case_id,))
        with pytest.raises(errors.CheckViolation, match="grid worker"), conn.transaction():
            conn.execute("INSERT INTO verification (case_id, result) VALUES (%s, 'passed')",
                         (case_id,))
    async with store.transaction() as conn:  # the owner loads data as it was, but not this
        with pytest.raises(Exception, match="grid worker"):
            await conn.execute(insert(s.Verification).values(case_id=case_id, result="passed"))


async def test_the_demos_callback_queue_holds_only_cases_with_a_caller(store: Store) -> None:
    from console.casework import queue
    from console.demodata import demo

    await seed_calendar(store, range(dt.date.today().year - 1, dt.date.today().year + 2))
    assert await demo.generate_cases(store, count=1500) > 0
    waiting = queue.CaseFilter(statuses=("resolved",), grid_reports=False)
    verifying = queue.CaseFilter(statuses=("resolved",), grid_reports=True)
    callbacks = await queue.fetch_rows(store, (await queue.fetch_ids(store, waiting)).ids)
    to_verify = await queue.fetch_rows(store, (await queue.fetch_ids(store, verifying)).ids)
    # What waits right now depends on the hour the demo is made (a callback follows a
    # resolution within hours): the queues may be short; the history is not.
    assert len(callbacks) + len(to_verify) > 0
    assert all(r.channel != "grid_worker" for r in callbacks.values())
    assert all(r.channel == "grid_worker" and r.caller_phone is None
               for r in to_verify.values())
    async with store.read() as conn:  # every callback of the history had a caller to call
        called, grid_called, verified, citizen_verified = (await conn.execute(text("""
            SELECT count(*) FILTER (WHERE b.id IS NOT NULL),
                   count(*) FILTER (WHERE b.id IS NOT NULL AND c.caller_phone IS NULL),
                   count(*) FILTER (WHERE v.id IS NOT NULL),
                   count(*) FILTER (WHERE v.id IS NOT NULL AND c.caller_phone IS NOT NULL)
            FROM "case" c LEFT JOIN callback b ON b.case_id = c.id
                 LEFT JOIN verification v ON v.case_id = c.id"""))).one()
    assert called > 100 and verified > 100 and grid_called == citizen_verified == 0
    async with store.read() as conn:
        closed_grid = (await conn.execute(select(func.count()).where(
            C.channel == "grid_worker", C.status == "closed"))).scalar_one()
        passed = (await conn.execute(select(func.count()).select_from(s.Verification).where(
            s.Verification.result == "passed"))).scalar_one()
        failed = (await conn.execute(select(func.count()).select_from(s.Verification).where(
            s.Verification.result == "failed"))).scalar_one()
        unfair = (await conn.execute(select(func.count()).where(
            C.unit_clock_at < C.created_at))).scalar_one()
        with_unit = (await conn.execute(select(func.count()).where(
            C.status.in_(("dispatched", "in_progress")), C.unit_due_at.is_(None)))).scalar_one()
    assert passed == closed_grid > 0 and 0 < failed < passed
    assert (unfair, with_unit) == (0, 0)
