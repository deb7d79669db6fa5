"""The change feed: every event once, in order, also across a killed connection."""

import asyncio

import psycopg
import pytest

from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.hotline.intake import create_case
from db.engine import libpq_conninfo
from db.listen import Listener
from tests.factories import draft


async def wait_for(condition, timeout: float = 10.0) -> None:  # noqa: ANN001
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


async def test_feed_delivers_each_event_once_in_id_order(database_url: str, store: Store,
                                                         catalog: Catalog) -> None:
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)
    writers = [Store(database_url, f"seat{i}") for i in range(3)]
    try:
        await asyncio.gather(*(create_case(w, catalog, draft(catalog)) for w in writers
                               for _ in range(5)))
    finally:
        for w in writers:
            await w.close()
    await asyncio.gather(feed.wake(), feed.wake(), feed.wake())  # coalesced wake-ups
    await feed.wake()
    ids = [e.id for e in seen]
    assert len(ids) == 15 and ids == sorted(ids) and len(set(ids)) == 15
    assert {e.kind for e in seen} == {"created"}


@pytest.mark.expected_log(r"^db\.listen: change feed link lost")
async def test_a_listener_whose_connection_is_killed_catches_up(
        database_url: str, store: Store, catalog: Catalog) -> None:
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)
    states: list[bool] = []
    listener = Listener(store.libpq, feed.wake, states.append, retry_delays=(0.3,))
    listener.start()
    try:
        await asyncio.wait_for(listener.connected.wait(), 10)
        first = await create_case(store, catalog, draft(catalog))
        await wait_for(lambda: any(e.case_id == first.id for e in seen))

        old_pid = listener.backend_pid
        async with await psycopg.AsyncConnection.connect(
                libpq_conninfo(database_url), autocommit=True) as admin:
            await admin.execute("SELECT pg_terminate_backend(%s)", (old_pid,))
        await wait_for(lambda: False in states)
        # Written while the listener is away: no notification reaches it.
        during = await create_case(store, catalog, draft(catalog))
        await wait_for(lambda: any(e.case_id == during.id for e in seen))
        assert listener.backend_pid not in (None, old_pid)
        assert states[-1] is True
        assert [e.case_id for e in seen].count(during.id) == 1
    finally:
        await listener.stop()
