"""Engines and connections: one async engine per console, psycopg 3 underneath.

A password never goes into a connection string. SQLAlchemy hands it to psycopg
as a keyword of its own; the raw connections (the LISTEN link, account
management, tools) go through ``LibpqTarget``, which keeps the password beside
the keyword/value conninfo and passes it as ``password=``. psycopg quotes every
value itself, so spaces, quotes or backslashes in a password cannot break the
string, and no parse error can ever quote a password back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


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
# A seat's connections: the event trigger sends no notification for their events,
# the seat sends one after its commit (console/core/store.py; migration 0022).
NOTIFY_AFTER_COMMIT = "-c hotline.notify=after_commit"


def make_engine(url: str | URL, *, pool_size: int = 4, application_name: str = "hotline-console",
                read_only: bool = False) -> AsyncEngine:
    """The console's engine; ``read_only``: every transaction of its connections is read
    only (the server refuses a write), for the statistics' and reports' reading."""
    options = NOTIFY_AFTER_COMMIT + (" " + READ_ONLY_OPTIONS if read_only else "")
    connect_args: dict[str, Any] = {"application_name": application_name, "connect_timeout": 5,
                                    "options": options}
    return create_async_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        connect_args=connect_args,
    )
