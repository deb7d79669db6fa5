"""Duty reports at ten times the district: about 45,000 cases in the last month (the
demo generator's histories, bench._bulk), the weekly briefing for the last whole
week, the monthly report for the last whole month and a special analysis of the
busiest top-level category over the last 30 days. For each: reading the report
(console.reports.make_report) beside the very statements it ran replayed by raw
psycopg (the floor: captured from the engine as they went to the server); then the
whole job as the console's dialog runs it (read on the qasync loop, drawn and
written in a worker QThread) with the longest time the loop stood still meanwhile,
and the workbook.

    python -m bench.reports [--quick]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import close_qt_loop, run_on_qt
from bench._stats import median_ms, table
from console.catalog.catalog import load_catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.reports import periods
from console.reports.model import Kind
from console.reports.service import make_report
from db.engine import libpq_target

RUNS = 3
GOAL_S = 10.0


def _jobs(url: str, today: dt.date) -> list[tuple[str, Kind, periods.Period, int | None]]:
    with libpq_target(url).connect() as conn:
        busiest = conn.execute(
            "SELECT coalesce(g.id, p.id, k.id) FROM \"case\" c JOIN category k ON"
            " k.id = c.category_id LEFT JOIN category p ON p.id = k.parent_id"
            " LEFT JOIN category g ON g.id = p.parent_id GROUP BY 1 ORDER BY count(*) DESC"
            " LIMIT 1").fetchone()[0]  # type: ignore[index]
    last_week = periods.week_of(today - dt.timedelta(days=7))
    last_month = periods.month_of(today.replace(day=1) - dt.timedelta(days=1))
    month = periods.days(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
    return [("weekly, last week", Kind.WEEKLY, last_week, None),
            ("monthly, last month", Kind.MONTHLY, last_month, None),
            ("special, busiest category, 30 days", Kind.SPECIAL, month, busiest)]


async def _read(url: str, jobs: list[Any]) -> dict[str, tuple[list[float], list[Any]]]:
    """Each report read RUNS times (after a warm-up), and the statements the last ran."""
    store = Store(url, "bench")
    out = {}
    try:
        catalog = await load_catalog(store)
        for name, kind, period, category in jobs:
            await make_report(store, kind, period, category_id=category, catalog=catalog)
            times: list[float] = []
            statements: list[tuple[str, Any]] = []

            def capture(_conn: Any, _cursor: Any, sql: str, params: Any, *_a: Any,
                        into: list[tuple[str, Any]] = statements) -> None:
                into.append((sql, params))

            for run in range(RUNS):
                if run == RUNS - 1:
                    event.listen(store.engine.sync_engine, "before_cursor_execute", capture)
                started = time.perf_counter()
                await make_report(store, kind, period, category_id=category, catalog=catalog)
                times.append(time.perf_counter() - started)
            event.remove(store.engine.sync_engine, "before_cursor_execute", capture)
            out[name] = (times, statements)
    finally:
        await store.close()
    return out


def _floor(url: str, statements: list[tuple[str, Any]]) -> list[float]:
    times = []
    with libpq_target(url).connect(autocommit=True) as conn:
        for run in range(RUNS + 1):
            started = time.perf_counter()
            for sql, params in statements:
                conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
            if run:  # the first is the warm-up
                times.append(time.perf_counter() - started)
    return times


async def _whole(url: str, kind: Kind, period: periods.Period, category: int | None,
                 path: Path) -> tuple[float, float]:
    """The dialog's way: produce() on the qasync loop, drawing in a worker QThread;
    the time it took and the longest the loop stood still."""
    from bench.map_read import Stalls
    from widgets.reports.produce import produce

    store = Store(url, "bench")
    try:
        catalog = await load_catalog(store)  # the dialog has the seat's
        async with Stalls() as stalls:
            started = time.perf_counter()
            await produce(store, kind, period, path, category_id=category, catalog=catalog)
            took = time.perf_counter() - started
        return took, stalls.longest
    finally:
        await store.close()


def run(quick: bool = False) -> None:
    count = 26_000 if quick else 260_000  # 120 days of history, ~17% in the last 30
    print(f"\n== Duty reports over {count:,} cases ==")
    with scratch_database("reports") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True,
                       cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        with libpq_target(url).connect() as conn:
            month = conn.execute("SELECT count(*) FROM \"case\" WHERE created_at >="
                                 " now() - interval '30 days'").fetchone()[0]  # type: ignore[index]
        print(f"{month:,} cases received in the last 30 days")
        jobs = _jobs(url, dt.datetime.now(CENTRE_TZ).date())
        read = asyncio.run(_read(url, jobs))
        rows = []
        with tempfile.TemporaryDirectory() as folder:
            for name, kind, period, category in jobs:
                times, statements = read[name]
                floor = _floor(url, statements)
                pdf = Path(folder) / "r.pdf"
                whole, stall = run_on_qt(partial(_whole, url, kind, period, category, pdf))
                xlsx = Path(folder) / "r.xlsx"
                xl_whole, _stall = run_on_qt(partial(_whole, url, kind, period, category, xlsx))
                rows.append([name, str(len(statements)), median_ms(times), median_ms(floor),
                             f"{whole * 1000:.0f}", f"{stall * 1000:.0f}",
                             f"{pdf.stat().st_size // 1024}", f"{xl_whole * 1000:.0f}",
                             "yes" if max(whole, xl_whole) < GOAL_S else "NO"])
        print(table(f"Reports (reading: median of {RUNS} after a warm-up; whole: one run), ms",
                    ["", "statements", "read", "raw psycopg", "whole PDF", "loop stall",
                     "PDF KiB", "whole Excel", f"< {GOAL_S:g} s"], rows))


if __name__ == "__main__":
    run_alone(run, __doc__)
    close_qt_loop()
