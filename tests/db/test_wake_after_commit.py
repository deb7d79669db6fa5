"""Issue 16: waking the other seats after a commit is the store's mechanism (migration
0023). The database tells a seat's connection of every event it appends, so a path
that writes ``case_event`` by plain SQL through the store wakes the others as
``events.append`` does; a transaction that rolls back wakes nobody."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.catalog.catalog import Catalog
from console.core.store import Store
from db import engine
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import person
from tests.factories import draft

PLAIN = text("INSERT INTO case_event (kind) VALUES ('note') RETURNING id")


async def heard(listen: psycopg.AsyncConnection, timeout: float) -> list[int]:
    return [int(n.payload) async for n in listen.notifies(timeout=timeout)]


async def test_an_event_written_by_plain_sql_through_the_store_wakes_another_seat(
        database_url: str, login_as: MakeLogin) -> None:
    store = await person(login_as("operator"))
    try:
        async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                         autocommit=True) as other_seat:
            await other_seat.execute("LISTEN case_event")
            async with store.transaction() as conn:
                first = (await conn.execute(PLAIN)).scalar_one()
                second = (await conn.execute(PLAIN)).scalar_one()
                assert await heard(other_seat, 0.3) == []  # nothing before the commit
            assert await heard(other_seat, 5) == [max(first, second)]  # once, the newest
    finally:
        await store.close()


async def test_a_rolled_back_event_wakes_nobody_and_is_not_announced_later(
        database_url: str, login_as: MakeLogin) -> None:
    store = await person(login_as("operator"))
    try:
        async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                         autocommit=True) as other_seat:
            await other_seat.execute("LISTEN case_event")
            with pytest.raises(RuntimeError):
                async with store.transaction() as conn:
                    await conn.execute(PLAIN)
                    raise RuntimeError("the operator's save failed")
            assert await heard(other_seat, 0.5) == []
            async with store.transaction() as conn:  # the same pooled connection
                await conn.execute(text("SELECT 1"))
            assert await heard(other_seat, 0.5) == []
    finally:
        await store.close()


async def test_the_notice_is_for_the_seats_connections_only(database_url: str,
                                                            login_as: MakeLogin) -> None:
    """A writer that is not a seat (psql, a loader) gets no notice and notifies in its
    transaction as before; a seat's connection says it wants the notices."""
    url = login_as("operator")
    notices: list[str] = []
    with psycopg.connect(libpq_conninfo(url), autocommit=True) as writer:
        writer.add_notice_handler(lambda d: notices.append(str(d.sqlstate)))
        writer.execute("INSERT INTO case_event (kind) VALUES ('note')")
        assert notices == []
        writer.execute("SET hotline.notify = after_commit")
        writer.execute("INSERT INTO case_event (kind) VALUES ('note')")
        assert notices == ["HL001"]
    seat = Store(url, "nobody")
    try:
        async with seat.read() as conn:
            setting = (await conn.execute(text(
                "SELECT current_setting('hotline.notify'),"
                " current_setting('client_min_messages')"))).one()
        assert tuple(setting) == ("after_commit", "notice")
    finally:
        await seat.close()


async def _backend_pid(store: Store) -> int:
    async with store.read() as conn:
        return int((await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def test_a_connection_idle_in_the_pool_is_pinged_and_replaced_when_dead(
        database_url: str, login_as: MakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ping per transaction (a round trip per save); a connection idle for a while is
    pinged when lent, and one the server dropped meanwhile is replaced, not failed."""
    store = await person(login_as("operator"))
    try:
        old = await _backend_pid(store)
        monkeypatch.setattr(engine, "IDLE_PING_S", 0.0)  # "a while" is now
        with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s, 5000)", (old,))
        assert await _backend_pid(store) != old
    finally:
        await store.close()


async def test_a_connection_in_use_a_moment_ago_is_not_pinged(
        login_as: MakeLogin, monkeypatch: pytest.MonkeyPatch) -> None:
    store = await person(login_as("operator"))
    pings: list[object] = []
    ping = store.engine.dialect.do_ping
    monkeypatch.setattr(store.engine.dialect, "do_ping",
                        lambda conn: pings.append(conn) or ping(conn))
    try:
        await _backend_pid(store)
        await _backend_pid(store)
        assert pings == []
        monkeypatch.setattr(engine, "IDLE_PING_S", 0.0)
        await _backend_pid(store)
        assert len(pings) == 1
    finally:
        await store.close()


async def test_a_commit_that_fails_after_an_event_wakes_nobody_and_says_so(
        database_url: str, login_as: MakeLogin, catalog: Catalog) -> None:
    """The commit and the wake-up go in one round trip; a commit the database refuses
    (here: a case inserted without its event, checked at commit) is the save's error
    and no seat is woken."""
    leaf = catalog.categories[draft(catalog).category_id or 0]
    store = await person(login_as("operator"))
    try:
        async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                         autocommit=True) as other_seat:
            await other_seat.execute("LISTEN case_event")
            with pytest.raises(DBAPIError, match="changed without its event"):
                async with store.transaction() as conn:
                    await conn.execute(PLAIN)
                    await conn.execute(text(
                        'INSERT INTO "case" (id, channel, text, category_id, urgency, status,'
                        " created_by, due_at) VALUES (:id, 'web', '手写', :category, :urgency,"
                        " 'accepted', session_user, now() + interval '3 days')"),
                        {"id": uuid.uuid4(), "category": leaf.id, "urgency": leaf.urgency})
            assert await heard(other_seat, 0.5) == []
            async with store.read() as conn:  # the connection is fine afterwards
                assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        await store.close()
