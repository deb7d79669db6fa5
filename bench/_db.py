"""Throwaway, migrated databases for the benchmarks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from db.engine import libpq_target, normalise_url
from db.migrate import upgrade

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def server_url() -> str:
    """The server to benchmark against (any database on it; used for CREATE DATABASE)."""
    return os.environ.get("BENCH_DATABASE_URL") or DEFAULT_SERVER


def shown(url: str) -> str:
    """The URL without its password, for printing."""
    return normalise_url(url).render_as_string(hide_password=True)


def _admin(sql: str) -> None:
    with libpq_target(server_url()).connect(autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@contextmanager
def scratch_database(tag: str) -> Iterator[str]:
    """Create ``hc_bench_<tag>_<pid>``, migrate it to head, yield its URL, drop it."""
    name = f"hc_bench_{tag}_{os.getpid()}"
    _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(f"CREATE DATABASE {name}")
    try:
        url = normalise_url(server_url()).set(database=name).render_as_string(
            hide_password=False)
        upgrade(url)
        yield url
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def load_reference_data(url: str) -> None:
    """The demo's reference data (streets, cells, units, categories, staff) into ``url``."""
    import asyncio

    from console.core.store import Store
    from console.demodata import demo

    async def load() -> None:
        store = Store(url, "bench")
        try:
            await demo.load_reference_data(store)
        finally:
            await store.close()

    asyncio.run(load())
