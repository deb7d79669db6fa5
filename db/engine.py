"""Engines and connection URLs: one async engine per console, psycopg 3 underneath."""

from __future__ import annotations

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


def libpq_conninfo(url: str | URL) -> str:
    """The URL as libpq understands it (for the raw LISTEN connection)."""
    return normalise_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_engine(url: str | URL, *, pool_size: int = 4, application_name: str = "hotline-console"
                ) -> AsyncEngine:
    return create_async_engine(
        normalise_url(url),
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        connect_args={"application_name": application_name, "connect_timeout": 5},
    )
