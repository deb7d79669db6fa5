"""The one doorway to the database for services.

All database work is async (SQLAlchemy AsyncEngine on psycopg 3) and runs on
the event loop the console runs on (qasync in the GUI, plain asyncio in tests
and tools). Connection failures become ``DatabaseUnavailable``, an error the
user can act on; everything else propagates as a bug.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from console.clock import ServerClock, SystemClock
from console.errors import DatabaseBusy, DatabaseUnavailable
from db.engine import LibpqTarget, libpq_target, make_engine

# lock_not_available (lock_timeout) and query_canceled (statement_timeout): the
# timeouts every staff login has (migration 0007).
_TIMED_OUT = frozenset({"55P03", "57014"})


def _is_connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


class Store:
    """Engine, acting user and server clock of one console."""

    def __init__(self, url: str, actor: str, *, engine: AsyncEngine | None = None) -> None:
        self.url = url
        self.actor = actor
        # The acting person's roles; ConsoleApp reads them at start. The database
        # enforces them too once each person logs in as their own role.
        self.roles: frozenset[str] = frozenset()
        self.engine = engine or make_engine(url)
        self.clock = ServerClock()
        self._local = SystemClock()

    @property
    def libpq(self) -> LibpqTarget:
        """For raw psycopg connections (LISTEN, role management): the conninfo and,
        apart from it, the password."""
        return libpq_target(self.url)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One transaction: committed when the block ends, rolled back on error."""
        try:
            async with self.engine.begin() as conn:
                yield conn
        except (DBAPIError, OSError) as exc:
            if getattr(getattr(exc, "orig", None), "sqlstate", None) in _TIMED_OUT:
                raise DatabaseBusy(str(exc)) from exc  # an OperationalError, yet connected
            if isinstance(exc, OSError) or _is_connection_failure(exc):
                raise DatabaseUnavailable(str(exc)) from exc
            raise

    read = transaction  # reads use a short transaction as well

    async def calibrate_clock(self) -> dt.timedelta:
        """Measure the offset of this seat's clock to the database's now()."""
        async with self.read() as conn:
            before = self._local.now()
            server_now = (await conn.execute(text("SELECT now()"))).scalar_one()
            after = self._local.now()
        self.clock.calibrate(before, server_now, after)
        return self.clock.offset

    async def close(self) -> None:
        await self.engine.dispose()
