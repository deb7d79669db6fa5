"""The map pane with its heat layer over the choropleth benchmark's database
(bench.area_figures: the demo generator's cases, 1,000,000 by default): the real
pane on a real store, opened at the whole district with the heat on, to its first
full frame (outlines, posts, open cases and the filled areas painted once); then a
new choice of level and period to the frame that shows it (the reading landed and
the events it queued processed: the map painted, the legend and the hotspots
redrawn); beside the same grouped query run by raw psycopg, and by
console.geo.area_figures.

    python -m bench.map_heat [--quick]   # fills its own database (python -m bench:
                                         # in bench.area_figures's, once)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._db import scratch_database  # noqa: E402
from bench._qt import close_qt_loop, run_on_qt, until  # noqa: E402
from bench._stats import median_ms, ms, table  # noqa: E402
from console.core.clock import CENTRE_TZ  # noqa: E402
from console.geo.area_stats import area_figures, figures_sql  # noqa: E402
from console.geo.boundaries import Level  # noqa: E402
from console.mapview.heat import HeatQuery, Period, period_bounds  # noqa: E402
from console.mapview.heat_scale import Measure  # noqa: E402
from db.engine import libpq_target  # noqa: E402

RUNS = 5
SIZE = (1200, 800)


def _choices(today: dt.date) -> list[tuple[str, HeatQuery]]:
    def days(n: int, level: Level, measure: Measure = Measure.CASES) -> HeatQuery:
        return HeatQuery(level, measure, Period.RANGE, today - dt.timedelta(days=n - 1), today)

    return [
        ("communities, this month (the layer's first choice)", HeatQuery()),
        ("communities, last 30 days, on-time rate", days(30, Level.COMMUNITY,
                                                         Measure.ON_TIME_RATE)),
        ("cells, last 30 days", days(30, Level.CELL)),
        ("cells, last 120 days (every case)", days(121, Level.CELL)),
    ]


async def _pane(url: str, choices: list[tuple[str, HeatQuery]]) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from console.catalog.catalog import load_catalog
    from console.core.store import Store
    from widgets.common.tasks import TaskRunner
    from widgets.map.heat_controls import HeatBar
    from widgets.map.map_pane import MapPane
    from widgets.map.style import HEAT

    store = Store(url, "bench")
    catalog = await load_catalog(store)
    runner = TaskRunner()
    out: dict[str, Any] = {}
    started = time.perf_counter()
    pane = MapPane(store, catalog, runner)
    pane.resize(*SIZE)
    pane.show()
    QApplication.processEvents()
    heat = pane.heat
    shown_at: dict[str, float] = {}
    for name, signal in (("outlines", pane.feed.base_read), ("cases", pane.feed.cases_read),
                         ("heat", heat.feed.read_landed)):
        signal.connect(lambda *_a, n=name: shown_at.setdefault(n, time.perf_counter()))
    readings = [0]  # the heat's readings landed so far
    heat.feed.read_landed.connect(lambda: readings.__setitem__(0, readings[0] + 1))
    pane.load()
    pane.set_layer(HEAT, True)
    await until(lambda: pane.feed.base is not None and bool(pane.base_layers.places)
                 and len(pane.cases.marks) > 0 and heat.feed.read is not None)
    pane.canvas.viewport().repaint()
    out["first"] = time.perf_counter() - started
    out["landed"] = {k: v - started for k, v in shown_at.items()}
    out["open cases"] = len(pane.cases.marks)
    repaints = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        pane.canvas.viewport().repaint()
        repaints.append(time.perf_counter() - t0)
    out["repaint"] = repaints

    def choose(query: HeatQuery) -> None:  # as the controls would, all at once
        bar: HeatBar = heat.bar
        for combo, value in ((bar.level, query.level), (bar.measure, query.measure),
                             (bar.period, query.period)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        heat.feed.set_query(query)

    for name, query in choices:
        times = []
        for _ in range(RUNS + 1):  # the first warms up
            before = readings[0]
            t0 = time.perf_counter()
            choose(query)
            await until(lambda: readings[0] > before)  # noqa: B023
            QApplication.processEvents()  # the frame the landed reading asked for
            times.append(time.perf_counter() - t0)
        out[name] = (times[1:], len(heat.feed.read.figures))
    pane.shutdown()
    pane.close()
    await runner.cancel_all()
    await store.close()
    return out


async def _service(url: str, choices: list[tuple[str, HeatQuery]], now: dt.datetime
                   ) -> dict[str, list[float]]:
    from console.core.store import Store

    store = Store(url, "bench-service")
    out = {}
    try:
        for name, query in choices:
            start, end = period_bounds(query, now)
            await area_figures(store, query.level, start, end)
            times = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                await area_figures(store, query.level, start, end)
                times.append(time.perf_counter() - t0)
            out[name] = times
    finally:
        await store.close()
    return out


def _floor(url: str, choices: list[tuple[str, HeatQuery]], now: dt.datetime
           ) -> dict[str, list[float]]:
    from bench.area_figures import _psycopg

    out = {}
    with libpq_target(url).connect(autocommit=True) as conn:
        for name, query in choices:
            start, end = period_bounds(query, now)
            sql = _psycopg(figures_sql(query.level, category=False))
            params = {"start": start, "end": end, "category": None, "at": None}
            conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
            times = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
                times.append(time.perf_counter() - t0)
            out[name] = times
    return out


def measure(url: str, count: int) -> None:
    """The figures for a database filled already (bench.area_figures calls this)."""
    with libpq_target(url).connect() as conn:
        now = conn.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
    choices = _choices(now.astimezone(CENTRE_TZ).date())
    floor = _floor(url, choices, now)
    service = asyncio.run(_service(url, choices, now))
    pane = run_on_qt(lambda: _pane(url, choices))
    print(f"\n== Map pane with the heat layer over {count:,} cases, {SIZE[0]}x{SIZE[1]}"
          f" offscreen ==")
    print(f"first full frame, the pane opened at the whole district with the heat on"
          f" (outlines, posts, {pane['open cases']:,} open cases, the filled communities):"
          f" {ms(pane['first'])} ms; read and shown by then: "
          + ", ".join(f"{k} {ms(v)}" for k, v in sorted(pane["landed"].items(),
                                                         key=lambda kv: kv[1]))
          + f" ms; a repaint of that view alone: {median_ms(pane['repaint'])} ms")
    print(table(f"A new choice to the frame that shows it (median of {RUNS} after 1 warm-up,"
                " ms), beside its query", ["", "areas", "pane: chosen to painted",
                                           "area_figures", "raw psycopg"],
                [[name, str(pane[name][1]), median_ms(pane[name][0]), median_ms(service[name]),
                  median_ms(floor[name])] for name, _q in choices]))


def run(quick: bool = False) -> None:
    count = 100_000 if quick else 1_000_000
    with scratch_database("heat") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True,
                       cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        measure(url, count)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    run(parser.parse_args(argv).quick)
    close_qt_loop()


if __name__ == "__main__":
    main()
