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

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection


async def driver_of(conn: AsyncConnection) -> psycopg.AsyncConnection[Any]:
    """The SQLAlchemy connection's psycopg connection."""
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    return driver


@asynccontextmanager
async def driver_autocommit(conn: AsyncConnection) -> AsyncIterator[None]:
    """The driver in autocommit for the block (statements sent through it commit by
    themselves, or run in the ``BEGIN`` ... ``COMMIT`` they are sent with); then back as
    the pool lends connections: out of autocommit, with nothing left open (rolled
    back; a connection that cannot be is not reused)."""
    driver = await driver_of(conn)
    await driver.set_autocommit(True)
    try:
        yield
    finally:
        if not (driver.closed or driver.broken):
            try:
                if driver.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                    await driver.execute("ROLLBACK")
                await driver.set_autocommit(False)
            except psycopg.Error as exc:
                await conn.invalidate(exc)


@asynccontextmanager
async def _driver(conn: AsyncConnection, query: str, params: Mapping[str, Any] | None
                  ) -> AsyncIterator[psycopg.AsyncConnection]:
    """The SQLAlchemy connection's psycopg connection; a psycopg error raised in the
    block comes out as SQLAlchemy's (``query``, ``params``: what it names), and a lost
    link invalidates the connection."""
    driver = await driver_of(conn)
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


async def driver_all(conn: AsyncConnection, query: str,
                     params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Every row ``query`` returns, as the driver's own plain tuples: no SQLAlchemy row
    made per row, and no copy of it into a tuple (a read of many rows that keeps them
    as they come)."""
    async with _driver(conn, query, params) as driver:
        cursor = await driver.execute(query, params)
        return await cursor.fetchall()


Rows = list[tuple[Any, ...] | None]


async def driver_committed(conn: AsyncConnection,
                           statements: Sequence[tuple[str, Mapping[str, Any]]],
                           then: tuple[str, Mapping[str, Any]]
                           ) -> tuple[Rows | None, DBAPIError | None]:
    """``BEGIN``, ``statements``, ``COMMIT`` and then ``then`` (in a transaction of its
    own once the commit is done) as one query:
    one message and one round trip, so the server runs the transaction from its
    ``BEGIN`` to its ``COMMIT`` without once waiting on this seat (a pipeline sends
    statement by statement, and the server waits for the next one with the
    transaction open). The parameters are bound on the seat (psycopg's client-side
    binding; the statements' names must not clash); the driver must be in autocommit
    (``Store.unbegun``): the ``BEGIN`` is this function's own.

    The first row of each statement; or, when the transaction committed and only
    ``then`` failed, None and ``then``'s error. An error before the commit raises as
    ``driver_rows`` does and leaves the transaction failed: the caller rolls it back.
    """
    params: dict[str, Any] = {}
    for _query, values in (*statements, then):
        assert not any(params.get(k, v) is not v for k, v in values.items()), "names clash"
        params.update(values)
    # A statement may end in a comment: each ";" on a line of its own.
    query = "\n;\n".join(["BEGIN", *(q for q, _values in statements), "COMMIT", then[0]])
    async with _driver(conn, query, params) as driver:
        assert driver.autocommit, "driver_committed sends its own BEGIN"
        cursor = psycopg.AsyncClientCursor(driver)
        try:
            await cursor.execute(query, params)
        except psycopg.Error as exc:
            idle = driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            if driver.broken or not idle or exc.sqlstate is None:
                raise  # not committed (or not known to be)
            failed_then = DBAPIError.instance(then[0], dict(then[1]), exc, psycopg.Error,
                                              dialect=conn.dialect)
            assert isinstance(failed_then, DBAPIError)  # psycopg's errors are DB-API's
            return None, failed_then
        rows: Rows = []
        cursor.nextset()  # past the BEGIN
        for _statement in statements:
            rows.append(await cursor.fetchone() if cursor.description else None)
            cursor.nextset()
        return rows, None
