"""Issue 11, finding 6: nobody stops the centre with a lock. The locks the centre
depends on (event ids in commit order, the sweeper's turn) are no longer advisory
keys anyone can take; staff cannot reach the tables that hold them; a staff
account's statements time out, and a save that waits too long says so."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator

import psycopg
import pytest
from psycopg import errors

from console.accounts import accounts
from console.calendar.workdays import WorkCalendar
from console.casework import cases
from console.core.errors import DatabaseBusy
from console.core.store import Store
from console.supervision import sweeper
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, as_login, login_of, person, raw

OLD_KEYS = (7263545, 7263546)  # the event-id and sweeper keys up to revision 0006


def count_cases(url: str) -> int:
    with raw(url) as conn:
        row = conn.execute('SELECT count(*) FROM "case"').fetchone()
    assert row is not None
    return int(row[0])


async def test_holding_the_old_advisory_keys_stops_no_save_and_no_sweep(
        login_as: MakeLogin) -> None:
    saboteur, operator = login_as("operator"), login_as("operator")
    with raw(saboteur) as holder:
        for key in OLD_KEYS:
            holder.execute("SELECT pg_advisory_lock(%s)", (key,))
        seat = await person(operator)
        try:
            async with asyncio.timeout(10):  # on 0006 the save waited for ever
                await a_case(operator)
                assert (await sweeper.sweep(seat, WorkCalendar())).swept
        finally:
            await seat.close()


def test_staff_cannot_reach_the_centres_locks(login_as: MakeLogin) -> None:
    with raw(login_as("admin")) as conn:
        for statement in ("LOCK TABLE hotline_private.event_order IN EXCLUSIVE MODE",
                          "SELECT * FROM hotline_private.turn FOR UPDATE",
                          "SELECT public.case_event_order_id()"):
            with pytest.raises((errors.InsufficientPrivilege, errors.FeatureNotSupported)), \
                    conn.transaction():
                conn.execute(statement)  # type: ignore[arg-type]
        with pytest.raises(errors.InvalidParameterValue):
            conn.execute("SELECT take_turn('event_order')")


@pytest.fixture
async def account(store: Store, admin_url: str) -> AsyncIterator[str]:
    """A login made as the console makes accounts."""
    name = f"hc_acct_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    store.roles = frozenset({"admin"})
    await accounts.create_account(store, name, "王五", ["operator"], "Long-Secret-123")
    yield name
    with raw(admin_url) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]


def test_a_staff_account_times_out(account: str, database_url: str) -> None:
    with raw(as_login(database_url, account)) as conn:
        settings = [conn.execute(f"SHOW {name}").fetchone()  # type: ignore[arg-type]
                    for name in ("lock_timeout", "statement_timeout",
                                 "idle_in_transaction_session_timeout")]
    assert settings == [("10s",), ("2min",), ("1min",)]


async def test_a_save_that_waits_too_long_says_so_and_keeps_nothing(
        login_as: MakeLogin, admin_url: str) -> None:
    holder, operator = login_as("operator"), login_as("operator")
    case_id = await a_case(holder)
    with raw(admin_url) as conn:  # shorter than an account's 10 s, to keep the test quick
        conn.execute(f"ALTER ROLE {login_of(operator)} SET lock_timeout = '300ms'")
    seat = await person(operator)
    try:
        before = count_cases(operator)
        with psycopg.connect(libpq_conninfo(holder)) as hold:  # a transaction left open
            # An event appended and left open no longer holds anyone's save (0022:
            # tests/db/test_saves_side_by_side.py); a case row locked holds its moves.
            hold.execute('SELECT 1 FROM "case" WHERE id = %s FOR UPDATE', (case_id,))
            with pytest.raises(DatabaseBusy) as busy:
                await cases.perform(seat, case_id, "invalidate", None, reason="重复来电")
        assert count_cases(operator) == before
        assert busy.value.code == "database.busy"  # its words: tests/widgets/test_error_words.py
        await cases.perform(seat, case_id, "invalidate", None, reason="重复来电")  # now free
    finally:
        await seat.close()
