"""Opening the case queue over a large database: console.queue.fetch_ids (open
cases and all statuses), fetch_rows for one visible page, and the whole path
CaseTableModel.set_filter -> ``loaded`` -> first rows shown in an offscreen
QTableView; beside them plain psycopg running the same id query. Median of RUNS.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import psycopg

from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import Emissions, run_on_qt
from bench._stats import median_ms, ms, peak_rss_mb, rss_mb, table
from bench._view import TimedTableView
from console.casework import queue
from console.casework.queue import CaseFilter
from console.catalog.catalog import load_catalog
from console.core.store import Store
from db import schema as s
from widgets.casework.case_model import CaseTableModel
from widgets.common.tasks import TaskRunner

RUNS = 5
PAGE = 150
ID_SQL = 'SELECT id FROM "case" {where} ORDER BY created_at DESC, id DESC'
STEPS = (("loaded", "set_filter -> loaded"),
         ("rows", "set_filter -> first rows fetched"),
         ("painted", "set_filter -> first rows painted"),
         ("paint_placeholders", "  paint time before rows came (…)"),
         ("paint_rows", "  paint time of the first rows"))
OPEN = CaseFilter()
ALL = CaseFilter(statuses=None)


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


async def _raw_ids(conn: psycopg.AsyncConnection, statuses: tuple[str, ...] | None
                   ) -> list[Any]:
    where, params = ("", None) if statuses is None else ("WHERE status = ANY(%s)",
                                                         (list(statuses),))
    cur = await conn.execute(ID_SQL.format(where=where), params)  # type: ignore[arg-type]
    return await cur.fetchall()


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


async def _measure(url: str) -> list[str]:
    store = Store(url, "bench-queue")
    out: list[list[str]] = []
    notes: list[str] = []
    for name, flt in (("open", OPEN), ("all", ALL)):
        with Memory() as mem:
            times, ids = await _timed(lambda flt=flt: queue.fetch_ids(store, flt))
        out.append([f"(a) fetch_ids, {name} statuses", median_ms(times), f"{len(ids.ids)} ids"])
        notes.append(f"fetch_ids {name}: {ids.total} matching, {mem}")
    page = ids.ids[:PAGE]
    times, _rows = await _timed(lambda: queue.fetch_rows(store, page))
    out.append([f"(b) fetch_rows, {PAGE} ids", median_ms(times), ""])

    runner = TaskRunner()
    model = CaseTableModel(store, await load_catalog(store), runner)
    view = TimedTableView()
    view.setModel(model)
    view.resize(1280, 900)
    view.show()
    opener = Opener(model, view)
    for name, flt in (("open", OPEN), ("all", ALL)):
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
    await store.close()

    async with await store.libpq.connect_async(autocommit=True) as conn:
        for name, statuses in (("open", s.OPEN_STATUSES), ("all", None)):
            times, raw = await _timed(lambda st=statuses: _raw_ids(conn, st))
            out.append([f"floor: plain psycopg id query, {name}", median_ms(times),
                        f"{len(raw)} ids"])
    return [table(f"Queue open (median of {RUNS}, after 1 warm-up)",
                  ["", "ms", ""], out), *notes]


def run(quick: bool = False) -> None:
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
