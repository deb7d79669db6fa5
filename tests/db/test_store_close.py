"""Closing a seat's store leaves no connection behind on the server, even with a
read still running when the seat closes."""

import asyncio

import psycopg
from sqlalchemy import make_url, text

from console.core.store import Store
from db.engine import libpq_conninfo


def backends(admin_url: str, database: str) -> int:
    with psycopg.connect(libpq_conninfo(admin_url)) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                           (database,)).fetchone()
        assert row is not None
        return int(row[0])


async def test_closing_waits_for_a_running_read_and_leaves_no_connection(
        database_url: str, admin_url: str) -> None:
    database = make_url(database_url).database
    assert database is not None
    store = Store(database_url, "op_test")
    reading = asyncio.Event()

    async def slow_read() -> int:
        async with store.read() as conn:
            reading.set()
            return int((await conn.execute(text("SELECT 7 FROM pg_sleep(0.5)"))).scalar_one())

    task = asyncio.create_task(slow_read())
    await reading.wait()
    await store.close()
    assert task.done() and task.result() == 7  # the read finished first
    assert backends(admin_url, database) == 0
