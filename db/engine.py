"""Engines and connections: one async engine per console, psycopg 3 underneath.

A password never goes into a connection string. SQLAlchemy hands it to psycopg
as a keyword of its own; the raw connections (the LISTEN link, account
management, tools) go through ``LibpqTarget``, which keeps the password beside
the keyword/value conninfo and passes it as ``password=``. psycopg quotes every
value itself, so spaces, quotes or backslashes in a password cannot break the
string, and no parse error can ever quote a password back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import URL, event, make_url
from sqlalchemy.exc import DisconnectionError

if TYPE_CHECKING:  # SQLAlchemy's asyncio side (and its ORM) is imported with the first engine:
    # the login dialog needs none (widgets/shell/warm_up.py imports it meanwhile)
    from sqlalchemy.ext.asyncio import AsyncEngine


def normalise_url(url: str | URL) -> URL:
    """Accept postgresql:// or postgresql+psycopg:// and return the psycopg form."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername != "postgresql+psycopg":
        raise ValueError(f"unsupported database driver {parsed.drivername!r}; use postgresql://")
    return parsed


@dataclass(frozen=True)
class LibpqTarget:
    """Where libpq connects: a keyword/value conninfo without the password, and
    the password apart (never shown: it is left out of the repr)."""

    conninfo: str
    password: str | None = field(default=None, repr=False)

    def keywords(self) -> dict[str, Any]:
        return {} if self.password is None else {"password": self.password}

    def connect(self, **kwargs: Any) -> psycopg.Connection[Any]:
        return psycopg.connect(self.conninfo, **self.keywords(), **kwargs)

    async def connect_async(self, **kwargs: Any) -> psycopg.AsyncConnection[Any]:
        return await psycopg.AsyncConnection.connect(self.conninfo, **self.keywords(),
                                                     **kwargs)


def libpq_target(url: str | URL) -> LibpqTarget:
    """The URL as libpq keywords (host, port, dbname, user and the URL's query,
    such as ``host=/socket/dir`` or ``sslmode``), the password kept apart."""
    parsed = normalise_url(url)
    params: dict[str, Any] = {"host": parsed.host, "port": parsed.port,
                              "dbname": parsed.database, "user": parsed.username}
    for key, value in parsed.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    conninfo = make_conninfo("", **{k: v for k, v in params.items() if v not in (None, "")})
    return LibpqTarget(conninfo, parsed.password or None)


def libpq_conninfo(url: str | URL) -> str:
    """The URL as a libpq conninfo string, without its password (for servers that
    need none, such as the embedded server's owner or a trusted test server)."""
    return libpq_target(url).conninfo


READ_ONLY_OPTIONS = "-c default_transaction_read_only=on"
# A seat's connections: the event trigger sends no notification for their events but
# tells the connection (a notice, migration 0023), and the seat notifies after its
# commit (console/core/store.py; migration 0022). Notices must reach the seat.
NOTIFY_AFTER_COMMIT = "-c hotline.notify=after_commit -c client_min_messages=notice"
# The notice (its SQLSTATE; the event's id is its detail) and where the newest id the
# connection's transaction appended is kept: the pooled connection's ``info``, which
# is SQLAlchemy's ``Connection.info`` as well.
APPENDED_STATE = "HL001"
APPENDED = "hotline.appended"
# A connection back in the pool for longer than this is pinged before it is lent
# (the server may have restarted or dropped it meanwhile); one in use a moment ago is
# not: a ping per transaction was a round trip per save (issue 16).
IDLE_PING_S = 10.0
_RETURNED = "hotline.returned_at"


def make_engine(url: str | URL, *, pool_size: int = 4, application_name: str = "hotline-console",
                read_only: bool = False) -> AsyncEngine:
    """The console's engine; ``read_only``: every transaction of its connections is read
    only (the server refuses a write), for the statistics' and reports' reading."""
    from sqlalchemy.ext.asyncio import create_async_engine

    options = NOTIFY_AFTER_COMMIT + (" " + READ_ONLY_OPTIONS if read_only else "")
    connect_args: dict[str, Any] = {"application_name": application_name, "connect_timeout": 5,
                                    "options": options}
    engine = create_async_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=2,
        connect_args=connect_args,
    )
    _watch(engine)
    return engine


def _hear_appended(info: MutableMapping[str, Any]) -> Callable[[Any], None]:
    """A notice handler keeping the newest event id the connection was told of."""

    def heard(diag: Any) -> None:
        if diag.sqlstate == APPENDED_STATE and diag.message_detail:
            info[APPENDED] = max(int(info.get(APPENDED) or 0), int(diag.message_detail))

    return heard


def _watch(engine: AsyncEngine) -> None:
    """Each new connection listens for the appended-event notice; a connection idle in
    the pool for a while is pinged when it is lent (a dead one is replaced)."""
    pool_events = engine.sync_engine

    @event.listens_for(pool_events, "connect")
    def connected(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.driver_connection.add_notice_handler(_hear_appended(record.info))

    @event.listens_for(pool_events, "checkin")
    def returned(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_RETURNED] = time.monotonic()

    @event.listens_for(pool_events, "checkout")
    def lent(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_RETURNED)
        if since is None or time.monotonic() - since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(str(exc)) from exc  # the pool connects afresh
