"""A statement on the driver's own connection, inside a SQLAlchemy transaction.

For a path that runs often and says exactly what it means in SQL (a case's save,
issue 16): SQLAlchemy's execution layers (context, result, the greenlet hops) cost
the seat more CPU than the statement's own sending and reading. The statement goes to
psycopg directly, in psycopg's ``%(name)s`` style, in the transaction the SQLAlchemy
connection holds; its errors come back as SQLAlchemy's, as any other statement's
would (an ``IntegrityError`` with the constraint's name, an ``OperationalError`` for a
lost link, after which the connection is not reused).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection


@asynccontextmanager
async def _driver(conn: AsyncConnection, query: str, params: Mapping[str, Any] | None
                  ) -> AsyncIterator[psycopg.AsyncConnection]:
    """The SQLAlchemy connection's psycopg connection; a psycopg error raised in the
    block comes out as SQLAlchemy's (``query``, ``params``: what it names), and a lost
    link invalidates the connection."""
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    try:
        yield driver
    except psycopg.Error as exc:
        lost = driver.closed or driver.broken
        if lost:
            await conn.invalidate(exc)
        raise DBAPIError.instance(query, dict(params or {}), exc, psycopg.Error,
                                  connection_invalidated=lost,
                                  dialect=conn.dialect) from exc


async def driver_row(conn: AsyncConnection, query: str,
                     params: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    """The first row ``query`` returns (None when it returns none). Without ``params``
    the query may hold several statements (the simple protocol); the row is the
    first statement's."""
    async with _driver(conn, query, params) as driver:
        cursor = await driver.execute(query, params)
        return await cursor.fetchone() if cursor.description else None


async def driver_rows(conn: AsyncConnection,
                      *statements: tuple[str, Mapping[str, Any]]) -> list[tuple[Any, ...] | None]:
    """The first row of each statement (None for one that returns none), all sent at
    once and read at once (psycopg's pipeline mode: one round trip). The first error
    stops the rest, as in a transaction it would anyway."""
    async with _driver(conn, *statements[0]) as driver:
        async with driver.pipeline():
            cursors = [await driver.execute(query, params) for query, params in statements]
        # The pipeline's closing sync brought every result: no wait here.
        return [await cursor.fetchone() if cursor.description else None
                for cursor in cursors]
