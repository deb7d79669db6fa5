"""A lock held for ever (migration 0024): a member of staff with psql switches their
session's timeouts off and holds a table every save needs; the next seat's check ends
that session and the saves go on. An administrator's session and a short wait are left
alone, and staff can neither change the limit nor call the check for anyone else's
benefit but the centre's."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors

from console.core.lock_watch import LockWatch
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw

LIMIT_S = 1  # the centre's is 30 s


@pytest.fixture
def short_limit(database_url: str) -> Iterator[None]:
    with raw(database_url) as conn:  # as the owner: staff cannot reach the setting
        conn.execute("UPDATE hotline_private.lock_watch SET limit_s = %s", (LIMIT_S,))
    yield


def hold_callers(url: str) -> psycopg.Connection:
    """A session with its timeouts switched off, holding the callers' table."""
    conn = psycopg.connect(libpq_conninfo(url))
    conn.execute("SET idle_in_transaction_session_timeout = 0")
    conn.execute("SET statement_timeout = 0")
    conn.execute("LOCK TABLE caller IN SHARE MODE")  # a transaction left open
    return conn


async def until_waiting(url: str, seconds: float) -> None:
    """Until some session of the database has waited on a lock for ``seconds``."""
    with raw(url) as conn:
        for _ in range(200):
            row = conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted AND waitstart"
                               " < clock_timestamp() - %s * interval '1 second'",
                               (seconds,)).fetchone()
            if row and row[0]:
                return
            await asyncio.sleep(0.05)
    raise AssertionError("no save waited")


@pytest.mark.expected_log(r"^console\.core\.lock_watch: ended 1 staff session")
async def test_a_staff_session_holding_a_table_is_ended_and_the_save_goes_on(
        short_limit: None, login_as: MakeLogin, database_url: str) -> None:
    saboteur, operator, watcher = (login_as("operator") for _ in range(3))
    holder = hold_callers(saboteur)
    save = asyncio.create_task(a_case(operator, caller_phone="139 0000 1111"))
    await until_waiting(database_url, LIMIT_S + 0.2)
    assert not save.done()
    seat = await person(watcher)  # another operator's seat, as its sweep worker does
    try:
        assert await LockWatch().check(seat) == 1
        async with asyncio.timeout(10):
            await save  # the lock went with the session
    finally:
        await seat.close()
    with pytest.raises(psycopg.OperationalError):
        holder.execute("SELECT 1")
    holder.close()


async def test_an_administrator_and_a_short_wait_are_left_alone(
        short_limit: None, login_as: MakeLogin, database_url: str) -> None:
    admin, operator, watcher = login_as("admin"), login_as("operator"), login_as("operator")
    seat = await person(watcher)
    try:
        with hold_callers(admin) as holder:
            save = asyncio.create_task(a_case(operator, caller_phone="139 0000 2222"))
            await until_waiting(database_url, LIMIT_S + 0.2)
            assert await LockWatch().check(seat) == 0  # an administrator's import, say
            holder.rollback()
            await asyncio.wait_for(save, 10)
        # A staff session that has blocked for less than the limit: a save, not a hold.
        with hold_callers(login_as("operator")) as holder:
            save = asyncio.create_task(a_case(operator, caller_phone="139 0000 3333"))
            started = time.monotonic()
            await until_waiting(database_url, 0.1)
            assert await LockWatch().check(seat) == 0
            assert time.monotonic() - started < LIMIT_S  # the check came in time
            holder.execute("SELECT 1")  # still there
            holder.rollback()
            await asyncio.wait_for(save, 10)
    finally:
        await seat.close()


def test_staff_cannot_change_the_limit_nor_shadow_the_check(login_as: MakeLogin) -> None:
    with raw(login_as("supervisor")) as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE hotline_private.lock_watch SET limit_s = 100000")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("CREATE FUNCTION public.end_held_locks() RETURNS integer"
                         " LANGUAGE sql AS 'SELECT 0'")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("ALTER FUNCTION public.end_held_locks() SECURITY INVOKER")
        row = conn.execute("SELECT public.end_held_locks()").fetchone()
        assert row == (0,)  # callable by every seat; nothing is held
