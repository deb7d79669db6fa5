"""Intake at city scale (issue 16): the save's time limit is the database's, not the
seat's catalog's; the save leaves no transaction open while the seat works and keeps
its deadline exact when the save's transaction began after the read before it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from console.catalog.catalog import Catalog, load_catalog
from console.core.clock import CENTRE_TZ
from console.hotline import case_row, intake
from console.hotline.intake import create_case
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.factories import draft, leaf


def _saved(url: str, case_id: object) -> tuple[dt.datetime, dt.datetime, bool, dict]:
    with raw(url) as conn:
        row = conn.execute(
            'SELECT c.accepted_at, c.due_at, c.due_estimated, e.payload FROM "case" c'
            " JOIN case_event e ON e.case_id = c.id AND e.kind = 'created' WHERE c.id = %s",
            (case_id,)).fetchone()
    assert row is not None
    return row  # type: ignore[return-value]


async def test_a_stale_catalog_saves_by_the_limit_the_database_has(
        database_url: str, login_as: MakeLogin) -> None:
    operator = login_as("operator")
    store = await person(operator)
    try:
        catalog = await load_catalog(store)  # loaded before the change: stale
        cat = leaf(catalog)
        assert cat.limit_working_days is not None and cat.limit_hours is None
        with raw(database_url) as conn:  # another connection changes the category's limit
            conn.execute("UPDATE category SET limit_working_days = NULL, limit_hours = 7"
                         " WHERE id = %s", (cat.id,))
        assert catalog.categories[cat.id].limit_hours is None  # the seat has not followed
        made = await create_case(store, catalog, draft(catalog, category_id=cat.id))
        accepted, due, estimated, payload = _saved(operator, made.id)
        assert due - accepted == dt.timedelta(hours=7)  # exactly, from its acceptance
        assert estimated is False
        assert dt.datetime.fromisoformat(payload["due_at"]) == due  # the event says so too

        # A rule for the category's class, made at another seat, wins over its limit.
        with raw(database_url) as conn:
            conn.execute("INSERT INTO deadline_rule (category_id, urgency, limit_hours)"
                         " VALUES (%s, %s, 3)", (cat.parent_id, cat.urgency))
        made = await create_case(store, catalog, draft(catalog, category_id=cat.id))
        accepted, due, _, _ = _saved(operator, made.id)
        assert due - accepted == dt.timedelta(hours=3)
        # ... and with the limit gone the save is refused, nothing saved.
        with raw(database_url) as conn:
            conn.execute("DELETE FROM deadline_rule")
            conn.execute("UPDATE category SET limit_hours = NULL WHERE id = %s", (cat.id,))
        with pytest.raises(intake.ValidationError) as refused:
            await create_case(store, catalog, draft(catalog, category_id=cat.id))
        assert [e.code for e in refused.value.errors] == ["category.no_limit"]
    finally:
        await store.close()


async def test_a_limit_in_working_days_follows_the_database_too(
        database_url: str, login_as: MakeLogin) -> None:
    operator = login_as("operator")
    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        cat = leaf(catalog)
        with raw(database_url) as conn:
            conn.execute("UPDATE category SET limit_working_days = %s WHERE id = %s",
                         ((cat.limit_working_days or 1) + 4, cat.id))
        made = await create_case(store, catalog, draft(catalog, category_id=cat.id))
        accepted, due, estimated, _ = _saved(operator, made.id)
        expected = catalog.calendar.due_at(
            accepted, limit_working_days=(cat.limit_working_days or 1) + 4)
        assert (due, estimated) == (expected.at, expected.estimated)
    finally:
        await store.close()


async def test_a_day_turned_between_the_read_and_the_save_is_counted_again(
        login_as: MakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read before the save says it is yesterday (as when the centre's day turns
    between the read and the save): the database stores no deadline counted from
    the wrong day, and the seat counts again from the next read."""
    operator = login_as("operator")
    store = await person(operator)
    reads: list[dt.datetime] = []
    before = case_row.before

    async def a_day_late(*args: object, **kw: object) -> case_row.Before:
        known = await before(*args, **kw)  # type: ignore[arg-type]
        reads.append(known.now)
        if len(reads) == 1:
            from dataclasses import replace
            return replace(known, now=known.now - dt.timedelta(days=1))
        return known

    monkeypatch.setattr(case_row, "before", a_day_late)
    try:
        catalog: Catalog = await load_catalog(store)
        cat = leaf(catalog)
        made = await create_case(store, catalog, draft(catalog, category_id=cat.id))
        assert made.created and len(reads) == 2
        accepted, due, _, _ = _saved(operator, made.id)
        expected = catalog.calendar.due_at(accepted, limit_working_days=cat.limit_working_days)
        assert due == expected.at
        assert accepted.astimezone(CENTRE_TZ).date() == reads[1].astimezone(CENTRE_TZ).date()
    finally:
        await store.close()


async def test_a_refused_save_leaves_the_connection_as_the_pool_lends_it(
        login_as: MakeLogin) -> None:
    """A save the database refuses (a point outside its cell) rolls its transaction
    back, and the next save on the same pooled connection works in a transaction of
    its own."""
    operator = login_as("operator")
    store = await person(operator)
    try:
        catalog = await load_catalog(store)
        with pytest.raises(intake.ValidationError) as refused:
            await create_case(store, catalog, draft(catalog, lon=10.0, lat=10.0))
        assert [e.code for e in refused.value.errors] == ["point.outside_cell"]
        made = await create_case(store, catalog, draft(catalog))
        async with store.transaction() as conn:  # an ordinary transaction afterwards
            found = (await conn.execute(select(s.Case.id))).scalars().all()
        assert found == [made.id]
    finally:
        await store.close()


async def test_one_query_commits_then_runs_its_last_statement_on_its_own(
        login_as: MakeLogin) -> None:
    """``driver_committed``: the statements commit together; a failure among them
    commits nothing and leaves the pooled connection usable; a failure of the
    statement after the commit leaves the commit standing and says so."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from db.driver_sql import driver_committed

    operator = login_as("operator")
    store = await person(operator)
    note = "INSERT INTO case_event (kind) VALUES (CAST(%(kind)s AS varchar)) RETURNING id"
    try:
        async with store.unbegun() as conn:
            rows, failed = await driver_committed(conn, [(note, {"kind": "note"})],
                                                  ("SELECT 1", {}))
            assert failed is None and rows is not None and rows[0] is not None
            first = rows[0][0]
            with pytest.raises(IntegrityError):  # the second insert fails: neither stays
                await driver_committed(conn, [(note, {"kind": "note"}),
                                              ("INSERT INTO case_event (kind) VALUES (NULL)",
                                               {})], ("SELECT 1", {}))
        async with store.unbegun() as conn:  # the same pooled connection, usable
            rows, failed = await driver_committed(conn, [(note, {"kind": "note"})],
                                                  ("SELECT 1 / 0", {}))
            assert rows is None and isinstance(failed, DBAPIError)
        async with store.transaction() as conn:
            kept = (await conn.execute(select(s.CaseEvent.id).where(
                s.CaseEvent.kind == "note").order_by(s.CaseEvent.id))).scalars().all()
        assert kept[0] == first and len(kept) == 2  # the failed query's insert is not there
    finally:
        await store.close()
