"""Duty reports at ten times the district: about 45,000 cases in the last month (the
demo generator's histories, bench._bulk), the weekly briefing for the last whole
week, the monthly report for the last whole month and a special analysis of the
busiest top-level category over the last 30 days. For each: reading the report
(console.reports.make_report) beside the very statements it ran replayed by raw
psycopg (the floor: captured from the engine as they went to the server); then the
whole job as the console's dialog runs it (read on the qasync loop, the PDF drawn in
a child process a worker QThread waits for: widgets/common/pdf_child.py) with the
GUI thread's longest stall meanwhile (how late a 5 ms QTimer fired, and how long the
asyncio loop went without a turn), and the workbook; beside it, the same report's
PDF drawn in the process by a worker thread (as before pdf_child), with the GUI
thread's longest stall then.

    python -m bench.reports [--quick]
    BENCH_REPORTS_URL=postgresql://…/db python -m bench.reports   (a database filled
        by bench._bulk before, kept: no fresh one)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
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
STALL_S = 0.05  # the GUI thread's longest stall while a report is made


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
                 path: Path) -> tuple[float, float, float, float, float]:
    """The dialog's way: produce() on the qasync loop, a PDF drawn in a child process;
    the time it took, the 5 ms timer's latest fire while the report was read (and the
    map's outlines) and while it was written, the loop's longest stand, and the CPU
    time the child used (seconds: the load's share of its time left out)."""
    from bench.map_read import Stalls
    from bench.seat_stalls import Probe
    from widgets.reports.produce import produce

    store = Store(url, "bench")
    probe = Probe()
    stages: dict[str, float] = {}
    try:
        catalog = await load_catalog(store)  # the dialog has the seat's
        async with Stalls() as stalls:
            probe.start()
            before = _children_cpu()
            started = time.perf_counter()
            await produce(store, kind, period, path, category_id=category, catalog=catalog,
                          progress=lambda stage: stages.setdefault(stage, time.perf_counter()))
            took = time.perf_counter() - started
            late = probe.stop()
        writing = stages["write"]
        read_late = max((x for x, t in zip(late, probe.at, strict=True) if t <= writing),
                        default=0.0)
        write_late = max((x for x, t in zip(late, probe.at, strict=True) if t > writing),
                         default=0.0)
        return took, read_late, write_late, stalls.longest, _children_cpu() - before
    finally:
        await store.close()


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _start_cpu(*args: str) -> float:
    """The CPU time of ``python args`` given an empty standard input (median of 3): a
    PDF's child process started and closed without a drawing, or the floor."""
    from widgets.common.pdf_child import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    used = []
    for _ in range(3):
        before = _children_cpu()
        subprocess.run([sys.executable, *args], input=b"", cwd=ROOT, env=env, check=True)
        used.append(_children_cpu() - before)
    return sorted(used)[1]


def _child_starts() -> str:
    from widgets.duty.roster_page import DRAWING as ROSTER
    from widgets.reports.produce import DRAWING as REPORT

    report, roster = (_start_cpu("-m", "widgets.common.pdf_child", d) for d in (REPORT, ROSTER))
    floor = _start_cpu("-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication([])")
    return (f"The PDF child's start alone (CPU, median of 3): a report's {report * 1000:.0f} ms"
            f" (numpy included, for the map), the roster's {roster * 1000:.0f} ms; Python,"
            f" PySide6 and a QGuiApplication alone: {floor * 1000:.0f} ms.")


async def _idle_floor() -> float:
    """The 5 ms timer's latest fire over 3 s of an idle loop (the machine's own noise)."""
    from bench.seat_stalls import Probe

    return max(await Probe().during(3.0), default=0.0)


async def _drawn_here(url: str, kind: Kind, period: periods.Period, category: int | None,
                      path: Path) -> tuple[float, float, float]:
    """The 5 ms timer's latest fire while the report is read (and the map's outlines)
    with no child process started (the floor of the reading's stalls); then its PDF
    drawn in this process by a worker thread (the way before pdf_child): the
    drawing's time and the timer's latest fire then."""
    from bench.seat_stalls import Probe
    from console.reports.service import base_map
    from widgets.reports.produce import write_file

    store = Store(url, "bench")
    probe = Probe()
    try:
        catalog = await load_catalog(store)
        probe.start()
        report = await make_report(store, kind, period, category_id=category, catalog=catalog)
        base = await base_map(store)
        reading = max(probe.stop(), default=0.0)
        probe.start()
        started = time.perf_counter()
        await asyncio.to_thread(write_file, report, path, base)
        took = time.perf_counter() - started
        return reading, took, max(probe.stop(), default=0.0)
    finally:
        await store.close()


def run(quick: bool = False) -> None:
    count = 26_000 if quick else 260_000  # 120 days of history, ~17% in the last 30
    filled = os.environ.get("BENCH_REPORTS_URL")  # a database bench._bulk filled before
    print(f"\n== Duty reports over {'the cases of ' + filled if filled else f'{count:,} cases'} ==")
    with nullcontext(filled) if filled else scratch_database("reports") as url:
        if not filled:
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
                whole, read_late, late, stall, child = run_on_qt(partial(
                    _whole, url, kind, period, category, pdf))
                xlsx = Path(folder) / "r.xlsx"
                xl_whole, xl_read_late, xl_late, _stall, _cpu = run_on_qt(partial(
                    _whole, url, kind, period, category, xlsx))
                alone, here, here_late = run_on_qt(partial(
                    _drawn_here, url, kind, period, category, Path(folder) / "here.pdf"))
                worst = max(read_late, late, xl_read_late, xl_late)
                rows.append([name, str(len(statements)), median_ms(times), median_ms(floor),
                             f"{whole * 1000:.0f}", f"{child * 1000:.0f}",
                             f"{read_late * 1000:.0f}",
                             f"{alone * 1000:.0f}", f"{late * 1000:.0f}",
                             f"{stall * 1000:.0f}",
                             f"{pdf.stat().st_size // 1024}", f"{xl_whole * 1000:.0f}",
                             f"{xl_late * 1000:.0f}", f"{here * 1000:.0f}",
                             f"{here_late * 1000:.0f}",
                             "yes" if max(whole, xl_whole) < GOAL_S and worst < STALL_S
                             else "NO"])
        idle = run_on_qt(_idle_floor)
        print(table(f"Reports (reading: median of {RUNS} after a warm-up; whole: one run), ms",
                    ["", "statements", "read", "raw psycopg", "whole PDF", "child CPU",
                     "GUI reading",
                     "(no child)", "GUI writing", "loop stall", "PDF KiB", "whole Excel",
                     "GUI writing",
                     "PDF drawn here", "GUI then", f"< {GOAL_S:g} s, < {STALL_S * 1000:g}"],
                    rows))
        print("GUI reading / writing: the GUI thread's longest stall (how late a 5 ms QTimer"
              " fired, beyond its 5 ms) while the report was read on the loop (and the map's"
              " outlines), and while the file was written (the PDF by a child process); '(no"
              " child)': the same while the report was read with no child process starting"
              " beside it; child CPU: the CPU time the PDF's child process used (its start"
              " included), which the machine's load does not stretch;"
              " loop stall: the longest the asyncio loop went without a turn, all along."
              " 'PDF drawn here': the same PDF drawn by a worker thread in this process (as"
              " before widgets/common/pdf_child.py), and the GUI thread's longest stall"
              f" then. The timer's floor, idle, in this run: {idle * 1000:.0f} ms.")
        print(_child_starts())

if __name__ == "__main__":
    run_alone(run, __doc__)
    close_qt_loop()
