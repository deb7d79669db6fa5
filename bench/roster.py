"""The duty roster at ten times the district: 380 posts, one person per team
and post (1,520 people). Generating a month through the service, beside
writing the same rows with raw psycopg (COPY); the month grid's grouped
read and "who is on duty now" beside the same SQL run raw. The month's read for an
export (console/duty/roster_export.month_sheet: the month as one text per column, the
sheet made in a worker thread) with the GUI thread's longest stall meanwhile, beside
the way before (the entries' rows and the sheet made on the qasync loop) and the 5 ms
timer's own floor, idle, in the same run; the garbage collector runs as at a seat,
on the GUI thread only. Then the month's PDF
exported as the pane does (widgets/duty/roster_month_actions.write_month: the month
read on the qasync loop, the PDF drawn by a child process a worker thread waits for),
with the GUI thread's longest stall meanwhile (how late a 5 ms QTimer fired), beside
the same PDF drawn in this process by a worker thread (the way before the child
process), and the timer's own floor, idle, in the same run.

    python -m bench.roster [--quick]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import resource
import tempfile
import time
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from unittest.mock import patch

from bench._cli import run_alone
from bench._db import load_reference_data, scratch_database
from bench._qt import close_qt_loop, run_on_qt
from bench._stats import median_ms, table
from db.engine import libpq_target

T = TypeVar("T")
SCALE = 10
MONTH = (2028, 2)  # a leap February: 29 days


def _grow(url: str, scale: int) -> int:
    """Copy every duty-room post and its people ``scale - 1`` more times; how many posts."""
    with libpq_target(url).connect(autocommit=True) as conn:
        for copy in range(1, scale):
            conn.execute(
                "INSERT INTO duty_post (code, name, kind, unit_id) SELECT code || %s,"
                " name || %s, kind, unit_id FROM duty_post WHERE kind <> 'centre_seat'"
                " AND code NOT LIKE '%%#%%'", (f"#{copy}", f"#{copy}"))
        conn.execute(
            "INSERT INTO staff (name, team_id, post_id, phone)"
            " SELECT s.name, s.team_id, p.id, s.phone FROM staff s"
            " JOIN duty_post home ON home.id = s.post_id"
            " JOIN duty_post p ON p.code LIKE home.code || '#%' WHERE s.login IS NULL")
        return int(conn.execute("SELECT count(*) FROM duty_post").fetchone()[0])  # type: ignore[index]


async def _service(url: str, repeats: int) -> tuple[list[float], list[float], list[float], int]:
    from console.core.clock import CENTRE_TZ
    from console.core.store import Store
    from console.duty import roster

    store = Store(url, "bench")
    store.roles = frozenset({"shift_leader"})
    generate, grid, now = [], [], []
    made = 0
    at = dt.datetime(*MONTH, 15, 21, 30, tzinfo=CENTRE_TZ)
    try:
        for i in range(repeats):
            started = time.perf_counter()
            made = (await roster.generate_month(store, *MONTH, replace=i > 0)).entries
            generate.append(time.perf_counter() - started)
        for _ in range(repeats * 3):
            started = time.perf_counter()
            await roster.month_plan(store, *MONTH)
            grid.append(time.perf_counter() - started)
            started = time.perf_counter()
            await roster.on_duty(store, at)
            now.append(time.perf_counter() - started)
    finally:
        await store.close()
    return generate, grid, now, made


def _floor(url: str, repeats: int) -> tuple[list[float], list[float], list[float]]:
    """The same work as plain SQL: the rows made in Python as the service does."""
    from console.duty.rotation import Rotation, month_days

    generate, grid, now = [], [], []
    days = month_days(*MONTH)
    with libpq_target(url).connect() as conn:
        pattern, epoch = conn.execute("SELECT pattern, epoch FROM roster_rule").fetchone()  # type: ignore[misc]
        teams = conn.execute("SELECT id, code, rotation_offset FROM team").fetchall()
        shifts = dict(conn.execute("SELECT code, id FROM shift_template").fetchall())
        people = conn.execute("SELECT id, team_id, post_id FROM staff WHERE active AND"
                              " team_id IS NOT NULL AND post_id IS NOT NULL").fetchall()
        conn.commit()
        rotation = Rotation(tuple(pattern), epoch, {c: o for _i, c, o in teams})
        code_of = {i: c for i, c, _o in teams}
        for _ in range(repeats):
            started = time.perf_counter()
            rows = [(day, shifts[shift], team, post, person)
                    for day in days for shift, team_code in rotation.day_plan(day).items()
                    for person, team, post in people if code_of[team] == team_code]
            conn.execute("DELETE FROM roster_entry WHERE day BETWEEN %s AND %s",
                         (days[0], days[-1]))
            with conn.cursor().copy("COPY roster_entry (day, shift_id, team_id, post_id,"
                                    " staff_id) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            generate.append(time.perf_counter() - started)
        for _ in range(repeats * 3):
            started = time.perf_counter()
            conn.execute("SELECT day, shift_id, team_id, kind, count(*) FROM roster_entry"
                         " WHERE day BETWEEN %s AND %s GROUP BY 1, 2, 3, 4",
                         (days[0], days[-1])).fetchall()
            conn.execute("SELECT day, version FROM roster_day WHERE day BETWEEN %s AND %s",
                         (days[0], days[-1])).fetchall()
            conn.commit()
            grid.append(time.perf_counter() - started)
            started = time.perf_counter()
            conn.execute("SELECT r.id, s.name FROM roster_entry r JOIN staff s ON s.id ="
                         " r.staff_id WHERE r.kind = 'duty' AND (r.day, r.shift_id) IN"
                         " ((%s, %s))", (dt.date(*MONTH, 15), shifts["evening"])).fetchall()
            conn.commit()
            now.append(time.perf_counter() - started)
    return generate, grid, now


async def _reading(url: str, repeats: int) -> list[list[float]]:
    """The month read for an export, now and the way before, alternating: the time and
    the 5 ms timer's latest fire of each, and the idle timer's latest fires."""
    from bench.seat_stalls import Probe
    from console.core.store import Store
    from console.duty import roster
    from console.duty.duty_setup import load_setup
    from console.duty.roster_export import make_sheet, month_sheet

    async def before() -> Any:  # the rows and the sheet on the loop
        setup = await load_setup(store)
        return make_sheet(setup, await roster.month_entries(store, *MONTH), *MONTH)

    store = Store(url, "bench")
    now, now_late, then, then_late, idle = [], [], [], [], []
    try:
        assert await month_sheet(store, *MONTH) == await before()  # warm, and the same sheet
        for _ in range(repeats):
            for read, took, late in ((partial(month_sheet, store, *MONTH), now, now_late),
                                     (before, then, then_late)):
                probe = Probe()
                probe.start()
                started = time.perf_counter()
                await read()
                took.append(time.perf_counter() - started)
                late.append(max(probe.stop(), default=0.0))
            idle.append(max(await Probe().during(1.0), default=0.0))
    finally:
        await store.close()
    return [now, now_late, then, then_late, idle]


async def _export(url: str, folder: Path) -> list[float]:
    """The month's PDF the pane's way, then the way before (drawn here by a worker
    thread): the time and the 5 ms timer's latest fire of each, the child's CPU time,
    the reading's latest fire alone, the pages, and the idle timer's latest fire."""
    from bench.seat_stalls import Probe
    from console.core.store import Store
    from console.duty import roster_export
    from console.duty.roster_export import month_sheet
    from widgets.duty import roster_pdf
    from widgets.duty.roster_month_actions import write_month

    store = Store(url, "bench")
    probe = Probe()
    read_at: list[float] = []

    async def read_then_mark(*args: Any) -> Any:  # when write_month's reading ends
        sheet = await month_sheet(*args)
        read_at.append(time.perf_counter())
        return sheet

    try:
        await month_sheet(store, *MONTH)  # a warm-up of the reading
        probe.start()
        before = _children_cpu()
        started = time.perf_counter()
        with patch.object(roster_export, "month_sheet", read_then_mark):
            drawn = await write_month(store, *MONTH, "pdf", folder / "apart.pdf")
        took = time.perf_counter() - started
        late_all, child = probe.stop(), _children_cpu() - before
        late = max((x for x, t in zip(late_all, probe.at, strict=True) if t > read_at[0]),
                   default=0.0)
        read_late = max((x for x, t in zip(late_all, probe.at, strict=True)
                         if t <= read_at[0]), default=0.0)
        probe.start()
        sheet = await month_sheet(store, *MONTH)
        reading = max(probe.stop(), default=0.0)
        probe.start()
        started = time.perf_counter()
        await asyncio.to_thread(roster_pdf.write_pdf, sheet, folder / "here.pdf")
        here = time.perf_counter() - started
        here_late = max(probe.stop(), default=0.0)
        idle = max(await Probe().during(3.0), default=0.0)
    finally:
        await store.close()
    from pypdf import PdfReader

    pages = len(PdfReader(drawn).pages)
    return [took, read_late, late, child, reading, here, here_late, pages, idle]


async def _as_at_a_seat(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``make()`` with the garbage collector as at a seat, on the GUI thread only
    (widgets/shell/gui_gc.py). Left automatic, a full collection falls in the worker
    thread making the month's sheet and holds the GUI thread as long as it walks the
    heap (100-270 ms seen under load), which a seat's never does. What the imports made
    is frozen first, as a seat's start freezes it (``gui_gc.freeze_imports``): else the
    collector's first full collection walks it all on the GUI thread, once (240 ms seen)."""
    from PySide6.QtWidgets import QApplication

    from widgets.shell import gui_gc

    gc.collect()
    gui_gc.freeze_imports()
    collector = gui_gc.install(QApplication.instance())  # type: ignore[arg-type]
    try:
        return await make()
    finally:
        collector.stop()
        collector.setParent(None)  # gone: the next install makes a running one


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(quick: bool = False) -> None:
    repeats = 2 if quick else 5
    print(f"\n== Duty roster at {SCALE}x the district ==")
    with scratch_database("roster") as url:
        load_reference_data(url)
        posts = _grow(url, SCALE)
        generate, grid, now, made = asyncio.run(_service(url, repeats))
        floor_generate, floor_grid, floor_now = _floor(url, repeats)
        reading = run_on_qt(partial(_as_at_a_seat, partial(_reading, url, repeats * 2)))
        with tempfile.TemporaryDirectory() as folder:
            took, read_late, late, child, reading_ms, here, here_late, pages, idle = run_on_qt(
                partial(_as_at_a_seat, partial(_export, url, Path(folder))))
    print(table(f"{posts} posts, {made:,} entries in {MONTH[0]}-{MONTH[1]:02d} (median ms)",
                ["step", "service", "raw psycopg"],
                [["generate the month", median_ms(generate), median_ms(floor_generate)],
                 ["month grid (grouped)", median_ms(grid), median_ms(floor_grid)],
                 ["on duty now", median_ms(now), median_ms(floor_now)]]))
    now, now_late, then, then_late, idle_reads = reading
    print(table(f"The month read for an export ({len(now)} runs each, alternating), ms",
                ["", "whole (median)", "GUI stall (median)", "GUI stall (max)"],
                [["texts, the sheet made in a worker thread (now)", median_ms(now),
                  median_ms(now_late), f"{max(now_late) * 1000:.0f}"],
                 ["rows and the sheet on the loop (before)", median_ms(then),
                  median_ms(then_late), f"{max(then_late) * 1000:.0f}"],
                 ["floor: the timer idle, 1 s", "-", median_ms(idle_reads),
                  f"{max(idle_reads) * 1000:.0f}"]]))
    print("GUI stall: how late a 5 ms QTimer fired at most (beyond its 5 ms) during one read.")
    ms = [f"{x * 1000:.0f}" for x in (took, read_late, late, child, reading_ms, here, here_late)]
    print(table(f"The month's PDF ({pages:.0f} pages; one run, the reading warmed up), ms",
                ["", "whole", "GUI reading", "GUI writing", "child CPU"],
                [["the pane's way (a child process draws)", ms[0], ms[1], ms[2], ms[3]],
                 ["drawn here by a worker thread (before)", ms[5], ms[4], ms[6], "-"]]))
    print("GUI reading / writing: how late a 5 ms QTimer fired at most (beyond its 5 ms)"
          " while the month was read (the pane's way: with the child starting"
          " beside it; before: the reading alone), and while the PDF was written. child CPU:"
          " the CPU time the child process used, its start included (the load does not"
          f" stretch it). The timer's floor, idle, in this run: {idle * 1000:.0f} ms.")


if __name__ == "__main__":
    run_alone(run, __doc__)
    close_qt_loop()
