"""Opening the case queue over a large database: console.queue.fetch_ids (open
cases, all statuses, a text search, a street + category; a page after 20,000 rows),
fetch_rows for one visible page, and the whole path CaseTableModel.set_filter ->
``loaded`` -> first rows shown in an offscreen QTableView; beside them plain psycopg
running the same statements (the floor), and the plan of every query the queue and
the call screen run (bench/queue_plans.py), with its times. Median of RUNS.

Over a database already filled (``BENCH_QUEUE_URL``, e.g. a million cases made once
by ``python -m bench._bulk``) when given; otherwise 100,000 (10,000 quick) made here.
"""

from __future__ import annotations

import asyncio
import gc
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import Select

from bench import queue_plans
from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import Emissions, run_on_qt
from bench._stats import median_ms, ms, peak_rss_mb, rss_mb, table
from bench._view import TimedTableView
from console.casework import queue
from console.casework.queue import CaseFilter
from console.catalog.catalog import load_catalog
from console.core.store import Store
from widgets.casework.case_model import CaseTableModel
from widgets.common.tasks import TaskRunner

RUNS = 5
PAGE = 150
DEEP = 20_000  # rows scrolled past before the timed next page
STEPS = (("loaded", "set_filter -> loaded"),
         ("rows", "set_filter -> first rows fetched"),
         ("painted", "set_filter -> first rows painted"),
         ("paint_placeholders", "  paint time before rows came (…)"),
         ("paint_rows", "  paint time of the first rows"))
OPEN = CaseFilter()
ALL = CaseFilter(statuses=None)
SEARCH = CaseFilter(statuses=None, text=queue_plans.SEARCHED)


class Memory:
    """Current and peak RSS growth (MB) across a block of work."""

    def __enter__(self) -> Memory:
        gc.collect()
        self.rss, self.peak = rss_mb(), peak_rss_mb()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.rss, self.peak = rss_mb() - self.rss, peak_rss_mb() - self.peak

    def __str__(self) -> str:
        return f"RSS {self.rss:+.1f} MB, peak RSS {self.peak:+.1f} MB"


async def _timed(make: Callable[[], Awaitable[Any]]) -> tuple[list[float], Any]:
    """Run ``make()`` once to warm up, then RUNS times; the times and the last result."""
    result = await make()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = await make()
        times.append(time.perf_counter() - start)
    return times, result


def _raw(statement: Select) -> tuple[str, dict[str, Any]]:
    compiled = statement.compile(dialect=postgresql.psycopg.dialect(),
                                 compile_kwargs={"render_postcompile": True})
    return str(compiled), dict(compiled.params)


async def _raw_fetch_ids(conn: psycopg.AsyncConnection, flt: CaseFilter) -> int:
    """fetch_ids's statements for a first page, by plain psycopg in one transaction
    (a frequent word: its reading among the newest cases; else the count and page)."""
    async with conn.transaction():
        newest = 0
        if flt.text and not flt.numbers_only:
            frequency, cases = await (await conn.execute(
                queue.GRAMS_FREQUENCY.text.replace(":words", "%(words)s"),  # type: ignore[arg-type]
                {"words": flt.text.split()})).fetchone()  # type: ignore[misc]
            if frequency ** 2 * cases > queue.PAGE:
                newest = int(math.sqrt(queue.PAGE * cases)) + queue.PAGE
        for setting in queue.DENSE_PLAN if newest else ():
            await conn.execute(setting)  # type: ignore[arg-type]
        if newest:
            page = queue.probe_page(flt, queue.PAGE, newest)
        else:
            await conn.execute(*_raw(queue.bounded_count(flt)))
            page = queue.id_page(flt, queue.PAGE)
        rows = await (await conn.execute(*_raw(page))).fetchall()
    return len(rows)


class Opener:
    """Opens the queue in a model shown in a view and times the steps."""

    def __init__(self, model: CaseTableModel, view: TimedTableView) -> None:
        self.model, self.view = model, view
        self.loaded, self.rows = Emissions(model.loaded), Emissions(model.rows_refreshed)

    async def open(self, flt: CaseFilter) -> dict[str, float]:
        """set_filter -> ``loaded``, -> first ``rows_refreshed``, -> those rows painted;
        and how long the paints took before the rows came ("…") and with them."""
        await asyncio.sleep(0.3)  # let the previous opening's paints and fetches settle
        self.view.paints.clear()
        start = time.perf_counter()
        self.model.set_filter(flt)
        at_loaded = await asyncio.wait_for(self.loaded.after(start), 30)
        at_rows = await asyncio.wait_for(self.rows.after(at_loaded), 30)
        painted, paint_rows = await asyncio.wait_for(self.view.paint_after(at_rows), 30)
        before = [d for end, d in self.view.paints if at_loaded < end <= at_rows]
        return {"loaded": at_loaded - start, "rows": at_rows - start,
                "painted": painted - start, "paint_placeholders": sum(before),
                "paint_rows": paint_rows}


async def _filters(store: Store) -> list[tuple[str, CaseFilter]]:
    async with store.read() as conn:
        at = await queue_plans.sample(conn)
    street = CaseFilter(statuses=None, street_code=at.street, category_ids=at.categories)
    return [("open", OPEN), ("all", ALL), (f"search {queue_plans.SEARCHED}", SEARCH),
            ("search a phone number", CaseFilter(statuses=None, text=at.phone)),
            ("street + category", street)]


async def _deep_cursor(store: Store) -> queue.Cursor | None:
    """Where the whole queue is after DEEP rows, read page by page as a view would."""
    page = await queue.fetch_ids(store, ALL)
    cursor, held = page.cursor, len(page.ids)
    while cursor is not None and held < DEEP:
        page = await queue.fetch_ids(store, ALL, after=cursor)
        cursor, held = page.cursor, held + len(page.ids)
    return cursor


async def _measure(url: str) -> list[str]:
    store = Store(url, "bench-queue")
    out: list[list[str]] = []
    notes: list[str] = []
    filters = await _filters(store)
    async with await store.libpq.connect_async(autocommit=True) as conn:
        for name, flt in filters:
            times, got = await _timed(lambda flt=flt: queue.fetch_ids(store, flt))
            raw, rows = await _timed(lambda flt=flt: _raw_fetch_ids(conn, flt))
            out.append([f"(a) fetch_ids, {name}", median_ms(times),
                        f"{len(got.ids)} ids of {got.total:,}{'' if got.counted_all else '+'}"])
            out.append(["    floor: its statements by plain psycopg", median_ms(raw),
                        f"{rows} rows"])
        deep = await _deep_cursor(store)
        if deep is not None:
            times, got = await _timed(lambda: queue.fetch_ids(store, ALL, after=deep))
            out.append([f"(a) fetch_ids, all: the page after {DEEP:,} rows", median_ms(times),
                        f"{len(got.ids)} ids"])
            page_sql = _raw(queue.id_page(ALL, queue.PAGE, deep))
            raw, _ = await _timed(lambda: _plain(conn, page_sql))
            out.append(["    floor: its statement by plain psycopg", median_ms(raw), ""])
    ids = (await queue.fetch_ids(store, ALL)).ids
    page = ids[:PAGE]
    times, _rows = await _timed(lambda: queue.fetch_rows(store, page))
    out.append([f"(b) fetch_rows, {PAGE} ids", median_ms(times), ""])

    runner = TaskRunner()
    model = CaseTableModel(store, await load_catalog(store), runner)
    view = TimedTableView()
    view.setModel(model)
    view.resize(1280, 900)
    view.show()
    opener = Opener(model, view)
    for name, flt in filters:
        with Memory() as mem:
            await opener.open(flt)  # warm-up
            runs = [await opener.open(flt) for _ in range(RUNS)]
        for key, label in STEPS:
            extra = f"{model.rowCount()} rows" if key == "loaded" else ""
            out.append([f"(c) {name}: {label}",
                        ms(statistics.median(r[key] for r in runs)), extra])
        first = " (the first includes making the view)" if name == "open" else ""
        notes.append(f"model + view {name}{first}: {mem}")
    model.shutdown()
    view.close()
    await runner.cancel_all()
    plans = await _plans(store)
    await store.close()
    return [table(f"Queue open (median of {RUNS}, after 1 warm-up)",
                  ["", "ms", ""], out), *notes, *plans]


async def _plain(conn: psycopg.AsyncConnection, sql: tuple[str, dict[str, Any]]) -> int:
    return len(await (await conn.execute(*sql)).fetchall())  # type: ignore[arg-type]


async def _plans(store: Store) -> list[str]:
    """EXPLAIN ANALYZE of every main-screen query, as the plan test checks them."""
    lines = ["", "Plans of the main screens' queries (EXPLAIN ANALYZE, second run):"]
    async with store.read() as conn:
        at = await queue_plans.sample(conn)
        for query in queue_plans.main_queries(at):
            await queue_plans.explain(conn, query, analyze=True)  # warm
            plan = await queue_plans.explain(conn, query, analyze=True)
            reads = ", ".join(f"{n} {i or ''}".strip() for n, i in queue_plans.case_reads(plan))
            lines.append(f"-- {query.name}: {plan.get('Execution Time', 0):.1f} ms ({reads})")
            lines.append(queue_plans.text_plan(plan))
    return lines


def run(quick: bool = False) -> None:
    filled = os.environ.get("BENCH_QUEUE_URL")
    if filled:
        print("\n== Queue open over the cases of BENCH_QUEUE_URL ==")
        print("\n".join(run_on_qt(lambda: _measure(filled))))
        return
    count = 10_000 if quick else 100_000
    print(f"\n== Queue open over {count} cases ==")
    with scratch_database("queue") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True,
                       cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        lines = run_on_qt(lambda: _measure(url))
    print("\n".join(lines))


if __name__ == "__main__":
    run_alone(run, __doc__)
