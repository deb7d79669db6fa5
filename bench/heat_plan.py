"""The choropleth's grouped query (console.geo.area_stats) over a million cases: its
plan (EXPLAIN (ANALYZE, BUFFERS)) and time with the figures' index of migration
0018, and the same with the index 0014 made instead (before: 0018's dropped and
0014's made inside a transaction that is rolled back), by console.geo.area_figures
and beside the same SQL by raw psycopg.

The cases: the demo generator's (bench._bulk, ``SEED_CASES`` of them, each with its
history), then copied by SQL with new ids up to the count (the generator tells a
million stories in Python, which takes an hour on a busy two-core machine; the
query reads only the columns the copies repeat, and its cost is per row).

    python -m bench.heat_plan [--quick] [--url URL]   # URL: a database filled already
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from bench._db import scratch_database
from bench._stats import median_ms, table
from bench.area_figures import _psycopg
from console.core.store import Store
from console.geo.area_stats import area_figures, figures_sql
from console.geo.boundaries import Level
from db.engine import libpq_target

RUNS = 5
SEED_CASES = 4_000
FIGURES = importlib.import_module("db.migrations.versions.0018_point_in_its_cell")


def fill(url: str, count: int) -> None:
    """``SEED_CASES`` generated cases, copied by SQL up to ``count``."""
    subprocess.run([sys.executable, "-m", "bench._bulk", str(SEED_CASES)], check=True,
                   cwd=Path(__file__).resolve().parent.parent,
                   env={**os.environ, "BENCH_BULK_URL": url})
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")  # the copies' rules held already
        conn.execute('CREATE TEMP TABLE seed AS SELECT * FROM "case"')
        copies = max(0, count // SEED_CASES - 1)
        conn.execute(
            'INSERT INTO "case" SELECT (jsonb_populate_record(s, jsonb_build_object('
            "'id', gen_random_uuid(), 'public_no', s.public_no || '-' || g))).*"
            " FROM seed s, generate_series(1, %s) g", (copies,))
        conn.execute('VACUUM ANALYZE "case"')


def _choices(now: dt.datetime) -> list[tuple[str, Level, dt.datetime, dt.datetime]]:
    return [
        ("cells, 120 days (every case)", Level.CELL, now - dt.timedelta(days=121), now),
        ("cells, 30 days", Level.CELL, now - dt.timedelta(days=30), now),
        ("communities, 30 days", Level.COMMUNITY, now - dt.timedelta(days=30), now),
        ("streets, 120 days", Level.STREET, now - dt.timedelta(days=121), now),
    ]


@contextmanager
def _before(conn: psycopg.Connection, before: bool) -> Iterator[None]:
    """Inside a transaction; ``before``: with 0014's index instead of 0018's (made
    inside the transaction, which is rolled back after)."""
    with conn.transaction(force_rollback=True):
        if before:
            for statement in FIGURES.FIGURES_INDEX_DOWN:
                conn.execute(statement)
        yield


def _plan(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> list[str]:
    rows = conn.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql,  # type: ignore[operator]
                        params).fetchall()
    return [r[0] for r in rows]


def _floor(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> list[float]:
    conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
        times.append(time.perf_counter() - started)
    return times


async def _service(url: str, level: Level, start: dt.datetime, end: dt.datetime
                   ) -> list[float]:
    store = Store(url, "bench")
    try:
        await area_figures(store, level, start, end)
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            await area_figures(store, level, start, end)
            times.append(time.perf_counter() - started)
        return times
    finally:
        await store.close()


def measure(url: str) -> None:
    with libpq_target(url).connect() as conn:
        now = conn.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
        count = conn.execute('SELECT count(*) FROM "case"').fetchone()[0]  # type: ignore[index]
    choices = _choices(now)
    rows = []
    plans: dict[str, list[str]] = {}
    for name, level, start, end in choices:
        sql = _psycopg(figures_sql(level, category=False))
        params = {"start": start, "end": end, "category": None, "at": None}
        with libpq_target(url).connect() as conn:
            with _before(conn, True):
                old = _floor(conn, sql, params)
                if name == choices[0][0]:
                    plans["before"] = _plan(conn, sql, params)
            with _before(conn, False):
                new = _floor(conn, sql, params)
                if name == choices[0][0]:
                    plans["after"] = _plan(conn, sql, params)
        service = asyncio.run(_service(url, level, start, end))
        rows.append([name, median_ms(old), median_ms(new), median_ms(service)])
    print(f"\n== The choropleth's grouped query over {count:,} cases ==")
    for when in ("before", "after"):
        print(f"-- {choices[0][0]}, {when} (EXPLAIN ANALYZE, BUFFERS):")
        for line in plans[when]:
            print("   " + line)
    print(table(f"Median of {RUNS} after 1 warm-up (ms)",
                ["", "raw psycopg, before", "raw psycopg, after", "area_figures, after"],
                rows))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--url", default=None)
    args = parser.parse_args(argv)
    if args.url:
        measure(args.url)
        return
    with scratch_database("heat_plan") as url:
        fill(url, 100_000 if args.quick else 1_000_000)
        measure(url)


if __name__ == "__main__":
    main()
