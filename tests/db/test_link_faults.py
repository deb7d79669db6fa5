"""The seat's link to the database through cut reads: whatever is cut — the
change feed's read, a save, every connection of the seat — the seat says it is
disconnected, reconnects, catches up, and resends what waited in its journal."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import psycopg
import pytest

from console.app import ConsoleApp
from console.casework.queue import CaseFilter, fetch_ids
from console.core.feed import Event
from console.core.store import Store
from console.hotline.intake import create_case
from db.engine import libpq_conninfo
from tests.factories import draft


async def wait_for(condition, timeout: float = 15.0) -> None:  # noqa: ANN001
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


class Seat:
    def __init__(self, app: ConsoleApp) -> None:
        self.app = app
        self.states: list[bool] = []
        self.seen: list[Event] = []
        app.on_link_change = self.states.append
        app.feed.subscribe(self.seen.extend)


@pytest.fixture
async def seat(database_url: str, tmp_path: Path) -> AsyncIterator[Seat]:
    app = ConsoleApp(database_url, "op_a", journal_path=tmp_path / "journal.json")
    await app.open()
    await asyncio.wait_for(app.listener.connected.wait(), 15)
    try:
        yield Seat(app)
    finally:
        await app.close()


@pytest.fixture
async def admin(database_url: str) -> AsyncIterator[psycopg.AsyncConnection]:
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                     autocommit=True) as conn:
        yield conn


async def blocked_backend(admin: psycopg.AsyncConnection) -> int | None:
    """The seat's connection waiting on the test's lock, if any."""
    row = await (await admin.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND application_name = 'hotline-console'")).fetchone()
    return None if row is None else int(row[0])


async def until_blocked(admin: psycopg.AsyncConnection) -> int:
    pid: int | None = None
    async with asyncio.timeout(15):
        while (pid := await blocked_backend(admin)) is None:
            await asyncio.sleep(0.02)
    return pid


@pytest.mark.expected_log(
    r"^db\.listen: change feed link lost",
    r"^console\.hotline\.outbox: database unreachable",
)
async def test_a_feed_read_cut_mid_query_reconnects_catches_up_and_resends(
        seat: Seat, admin: psycopg.AsyncConnection, database_url: str) -> None:
    app = seat.app
    waiting = draft(app.catalog, text="停电时记下的诉求")
    app.outbox.journal.add(waiting)  # kept from an outage, waiting for the link
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url)) as locker:
        await locker.execute("LOCK TABLE case_event IN ACCESS EXCLUSIVE MODE")
        await admin.execute("SELECT pg_notify('case_event', '0')")  # the feed goes to read
        await admin.execute("SELECT pg_terminate_backend(%s)", (await until_blocked(admin),))
        await wait_for(lambda: seat.states[-1:] == [False])
        assert not app.listener.connected.is_set()
        # Reconnected, its catch-up read waits on the lock: still not "connected".
        await until_blocked(admin)
        assert seat.states == [False] and len(app.outbox.journal) == 1
        await locker.rollback()
    await wait_for(lambda: seat.states == [False, True])
    await wait_for(lambda: len(app.outbox.journal) == 0)  # resent once the link was back
    found = await fetch_ids(app.store, CaseFilter(statuses=None))
    assert waiting.id in found.ids
    writer = Store(database_url, "op_b")
    try:
        later = await create_case(writer, app.catalog, draft(app.catalog))
    finally:
        await writer.close()
    await wait_for(lambda: any(e.case_id == later.id for e in seat.seen))  # still listening
    assert [e.case_id for e in seat.seen].count(waiting.id) == 1


@pytest.mark.expected_log(
    r"^db\.listen: change feed link lost",
    r"^console\.hotline\.outbox: database unreachable",
)
async def test_a_save_cut_mid_query_has_the_link_checked_and_is_resent(
        seat: Seat, admin: psycopg.AsyncConnection, database_url: str) -> None:
    app = seat.app
    saved = draft(app.catalog, text="保存时连接被切断")
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url)) as locker:
        await locker.execute('LOCK TABLE "case" IN ACCESS EXCLUSIVE MODE')
        submission = asyncio.ensure_future(app.outbox.submit(saved))
        await admin.execute("SELECT pg_terminate_backend(%s)", (await until_blocked(admin),))
        result = await submission
        assert result.created is None and result.pending == 1  # kept in the journal
        await wait_for(lambda: seat.states[-1:] == [False])  # the seat says so
        await locker.rollback()
    await wait_for(lambda: seat.states == [False, True])
    await wait_for(lambda: len(app.outbox.journal) == 0)
    await wait_for(lambda: any(e.case_id == saved.id for e in seat.seen))
    assert [e.kind for e in seat.seen if e.case_id == saved.id].count("created") == 1


@pytest.mark.expected_log(
    r"^db\.listen: change feed link lost",
    r"^console\.hotline\.outbox: database unreachable",
)
async def test_every_connection_of_the_seat_terminated_at_once(
        seat: Seat, admin: psycopg.AsyncConnection, database_url: str) -> None:
    app = seat.app
    await admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()")
    await wait_for(lambda: seat.states == [False, True])
    made = await app.outbox.submit(draft(app.catalog))
    assert made.created is not None
    await wait_for(lambda: any(e.case_id == made.created.id for e in seat.seen))
