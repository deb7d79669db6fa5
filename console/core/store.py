"""The one doorway to the database for services.

All database work is async (SQLAlchemy AsyncEngine on psycopg 3) and runs on
the event loop the console runs on (qasync in the GUI, plain asyncio in tests
and tools). Connection failures become ``DatabaseUnavailable``, an error the
user can act on; everything else propagates as a bug.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from console.core.clock import ServerClock, SystemClock
from console.core.errors import DatabaseBusy, DatabaseUnavailable
from db.driver_sql import driver_autocommit, driver_committed, driver_row
from db.engine import APPENDED, LibpqTarget, libpq_target, make_engine

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

# The commit and then the wake-up, in one round trip (one simple query: the second
# statement runs in a transaction of its own once the first has committed). The
# wake-up does not wait for its flush: a notifying transaction holds the server's
# notification queue lock until its commit is flushed (a notification is not durable
# anyway; the events are). Its only failure of its own is a full notification queue.
_COMMIT_AND_WAKE = ("COMMIT; SELECT pg_catalog.set_config('synchronous_commit', 'off', true),"
                    " pg_catalog.pg_notify('case_event', '{newest:d}')")
# The same sent with the save in one query (``commit_at_once``): the seat cannot know the
# event's id when it sends it, so the case's newest event is named (found by the case's
# index: a bare max(id) would walk the event table backwards past every row the login
# may not see).
_WAKE_NEWEST_OF = ("SELECT pg_catalog.set_config('synchronous_commit', 'off', true),"
                   " pg_catalog.pg_notify('case_event', coalesce((SELECT max(e.id)"
                   " FROM public.case_event e WHERE e.case_id = CAST(%(woken_for)s AS uuid)"
                   " GROUP BY e.case_id), 0)::pg_catalog.text)")
_QUEUE_FULL = "54000"  # program_limit_exceeded: too many notifications in the queue

# lock_not_available (lock_timeout) and query_canceled (statement_timeout): the
# timeouts every staff login has (migration 0007).
_TIMED_OUT = frozenset({"55P03", "57014"})


def _is_connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


class Reads(Protocol):
    """What reads go through: a ``Store`` (a short transaction each), or ``OneRead`` (the
    reads of one view in one transaction on one connection)."""

    def read(self) -> AbstractAsyncContextManager[AsyncConnection]: ...


class OneRead:
    """Several reads through one connection already in a transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        yield self._conn


class Store:
    """Engine, acting user and server clock of one console."""

    def __init__(self, url: str, actor: str, *, engine: AsyncEngine | None = None) -> None:
        self.url = url
        self.actor = actor
        # The acting person's roles; ConsoleApp reads them at start. The database
        # enforces them too once each person logs in as their own role.
        self.roles: frozenset[str] = frozenset()
        # Made at its first use: a store that only lends raw connections (the seat's
        # setup, the login's account checks) imports and builds no engine.
        self._engine = engine
        self.clock = ServerClock()
        self._local = SystemClock()
        self._in_use = 0  # connections lent out by transaction(); close() waits for them
        self._all_back = asyncio.Event()
        self._all_back.set()

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    @engine.setter
    def engine(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @property
    def libpq(self) -> LibpqTarget:
        """For raw psycopg connections (LISTEN, role management): the conninfo and,
        apart from it, the password."""
        return libpq_target(self.url)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One transaction: committed when the block ends, rolled back on error. When
        it appended events, every seat is woken after the commit: the database tells
        the connection of each event it appends, however it was written (migration
        0023, ``db/engine.py``), so no path can forget to."""
        async with self._lent(), self.engine.connect() as conn:
            conn.info.pop(APPENDED, None)
            async with conn.begin():
                yield conn
                newest = conn.info.pop(APPENDED, None)
                if newest is not None:  # then the begin's commit finds nothing to do
                    await self._commit_and_wake(conn, int(newest))

    @asynccontextmanager
    async def unbegun(self) -> AsyncIterator[AsyncConnection]:
        """A connection with no transaction begun, its driver in autocommit: a read
        through the driver commits by itself, and a save sends its own ``BEGIN`` ...
        ``COMMIT`` and wake-up in one round trip (``commit_at_once``), so the server
        never holds a transaction open while the seat's Python works (issue 16).
        Errors come out as ``transaction``'s do. Whatever is left open when the block
        ends (a save cut short) is rolled back."""
        # What the database told of appended events is left for ``transaction``,
        # which forgets it when it begins.
        async with self._lent(), self.engine.connect() as conn, driver_autocommit(conn):
            yield conn

    async def commit_at_once(self, conn: AsyncConnection,
                             statements: Sequence[tuple[str, Mapping[str, Any]]],
                             case_id: uuid.UUID) -> list[tuple[Any, ...] | None] | None:
        """On an ``unbegun`` connection: ``statements`` in one transaction, committed,
        then every seat woken, all in one query (``db/driver_sql.driver_committed``);
        the first row of each statement. The wake-up names the newest event of
        ``case_id``, the case the statements append to (the listener takes it as a
        wake-up only). None when the statements were committed
        but the wake-up failed for a full notification queue (logged: the other seats
        see the save at their next wake-up); their rows are not known then."""
        rows, wake_failed = await driver_committed(
            conn, statements, (_WAKE_NEWEST_OF, {"woken_for": case_id}))
        if wake_failed is not None:
            if getattr(wake_failed.orig, "sqlstate", None) != _QUEUE_FULL:
                raise wake_failed
            log.warning("saved, but the other seats were not woken: %s", wake_failed)
        return rows

    @asynccontextmanager
    async def _lent(self) -> AsyncIterator[None]:
        """A connection lent out (``close`` waits for it); errors translated: a lost
        link is ``DatabaseUnavailable``, a timeout ``DatabaseBusy``."""
        self._in_use += 1
        self._all_back.clear()
        try:
            yield
        except (DBAPIError, OSError) as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) in _TIMED_OUT:
                raise DatabaseBusy(str(exc)) from exc  # an OperationalError, yet connected
            if isinstance(exc, OSError) or _is_connection_failure(exc):
                raise DatabaseUnavailable(str(exc)) from exc
            raise
        finally:
            self._in_use -= 1
            if not self._in_use:
                self._all_back.set()

    read = transaction  # reads use a short transaction as well

    @staticmethod
    async def _commit_and_wake(conn: AsyncConnection, newest: int) -> None:
        """Commit, then notify ``case_event`` (the trigger leaves it to the seat's
        connections: migration 0022). A wake-up that fails after the commit only
        delays the other seats until their next one: the save is done."""
        try:
            await driver_row(conn, _COMMIT_AND_WAKE.format(newest=newest), None)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != _QUEUE_FULL:
                raise  # the commit failed
            log.warning("saved, but the other seats were not woken: %s", exc)

    async def calibrate_clock(self) -> dt.timedelta:
        """Measure the offset of this seat's clock to the database's now()."""
        async with self.read() as conn:
            before = self._local.now()
            server_now = (await conn.execute(text("SELECT now()"))).scalar_one()
            after = self._local.now()
        self.clock.calibrate(before, server_now, after)
        return self.clock.offset

    async def close(self, *, wait_s: float = 5.0) -> None:
        """Close the pool once the transactions still running have given their
        connections back (a connection still lent out when the pool is disposed is
        never closed: it would linger on the server until this process ends)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(wait_s):
                await self._all_back.wait()
        if self._in_use:
            log.warning("closing the database pool with %d transaction(s) still running",
                        self._in_use)
        if self._engine is not None:
            await self._engine.dispose()
