"""A whole seat (ConsoleApp and MainWindow, as main.py builds them, with the GUI
thread's garbage collector) over a database with 50,000 open cases: from the window
shown to the countdown's first rows and to every row and to the board's first
at-risk rows, then the GUI thread's stalls
while the seat sits idle (a sweep runs at the start), and while 200 new cases a
minute arrive from another seat. The probe is a 5 ms QTimer that records how late
each of its fires is; its floor is the same probe over a bare window in the same run.

    python -m bench.seat_stalls [--quick] [--why]   (--quick: 5,000 cases, 20 s a phase)

``--why``: where the GUI thread was while the probe was late, idle after a sweep and
with cases arriving (its Python stacks, sampled every 10 ms: bench/_stall_stacks.py).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from bench._db import scratch_database
from bench._qt import Emissions, qt_loop
from bench._stall_stacks import StallStacks
from bench._stats import ms, percentile, table
from bench.map_read import _fill
from db.engine import libpq_target

PROBE_MS = 5
STALL_MS = 50


class Probe:
    """A 5 ms timer; how late each fire came (beyond its 5 ms)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.late: list[float] = []
        self.at: list[float] = []  # when each fire came (perf_counter)
        self._timer = QTimer(interval=PROBE_MS)
        self._timer.timeout.connect(self._fired)
        self._last = 0.0
        self.last_fire = [0.0]  # for a watchdog thread (bench/_stall_stacks.py)

    def _fired(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self._last - PROBE_MS / 1000))
        self.at.append(now)
        self._last = self.last_fire[0] = now

    def start(self) -> None:
        self.late, self.at, self._last = [], [], time.perf_counter()
        self.last_fire[0] = self._last
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        return self.late

    async def during(self, seconds: float) -> list[float]:
        self.start()
        await asyncio.sleep(seconds)
        return self.stop()


class Arrivals:
    """New cases from another seat (raw SQL: a case and its created event), at a rate."""

    def __init__(self, url: str, per_minute: int) -> None:
        self._url, self._gap = url, 60.0 / per_minute
        self.made = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-arrivals")

    def _run(self) -> None:
        with libpq_target(self._url).connect() as conn:
            category = conn.execute("SELECT id FROM category WHERE level = 3 LIMIT 1"
                                    ).fetchone()[0]  # type: ignore[index]
            conn.commit()
            while not self._stop.wait(self._gap):
                case_id = uuid.uuid4()
                conn.execute(
                    'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                    " status, created_by, accepted_at, due_at) VALUES (%s, %s, 'phone_12345',"
                    " '新到案件', %s, 'B', 'accepted', 'bench', now(), now() + interval '1 day')",
                    (case_id, f"NEW-{case_id.hex[:12]}", category))
                conn.execute("INSERT INTO case_event (case_id, actor, kind) VALUES"
                             " (%s, 'bench', 'created')", (case_id,))
                conn.commit()
                self.made += 1

    def __enter__(self) -> Arrivals:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def _measure(url: str, phase_s: float, folder: Path, why: bool = False
                   ) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QWidget

    from console.app import ConsoleApp
    from widgets.shell import gui_gc
    from widgets.shell.main_window import MainWindow
    from widgets.shell.settings import ini_settings

    out: dict[str, Any] = {}
    collector = gui_gc.install(QApplication.instance())  # type: ignore[arg-type]
    bare = QWidget()
    bare.resize(800, 600)
    bare.show()
    out["floor"] = await Probe().during(min(phase_s, 10))
    bare.close()
    console = ConsoleApp(url, "postgres", journal_path=folder / "journal.json")
    await console.open()
    window = MainWindow(console, ini_settings(str(folder / "seat.ini")))
    panel = window.countdown
    first, full = Emissions(panel.model.modelReset), Emissions(panel.fully_loaded)
    board_first = Emissions(window.board.cases_model.modelReset)
    started = time.perf_counter()
    window.show()
    loading = Probe()
    probe_task = asyncio.ensure_future(loading.during(3600))
    await console.load_places()  # as the start does once the window shows
    out["first_rows"] = await first.after(started) - started
    out["loaded"] = await full.after(started) - started
    out["board_first"] = await board_first.after(started) - started
    while window.runner.busy:
        await asyncio.sleep(0.05)
    out["settled"] = time.perf_counter() - started
    probe_task.cancel()
    loading._timer.stop()  # noqa: SLF001
    out["loading"] = loading.late
    out["rows"] = panel.model.rowCount()
    out["board_rows"] = window.board.cases_model.rowCount()
    probe = Probe()
    stacks = StallStacks(probe.last_fire) if why else None
    if stacks is not None:
        stacks.watching = True
    sweep = asyncio.ensure_future(console.sweep_worker.sweep(console.catalog.calendar))
    out["idle"] = await probe.during(phase_s)
    out["swept"] = len((await sweep).issued)
    if stacks is not None:
        stacks.stop()
        out["why_idle"] = stacks.report()
    probe = Probe()
    stacks = StallStacks(probe.last_fire) if why else None
    if stacks is not None:
        stacks.watching = True
    with Arrivals(url, 200) as arrivals:
        out["arriving"] = await probe.during(phase_s)
    if stacks is not None:
        stacks.stop()
        out["why"] = stacks.report()
    out["arrived"] = arrivals.made
    window.close()
    await window.runner.cancel_all()
    await console.close()
    window.deleteLater()
    collector.stop()
    return out


def _row(name: str, late: list[float]) -> list[str]:
    return [name, ms(percentile(late, 50)), ms(percentile(late, 99)), ms(max(late)),
            str(sum(1 for x in late if x > STALL_MS / 1000))]


def run(quick: bool = False, why: bool = False) -> None:
    count, phase_s = (5_000, 20.0) if quick else (50_000, 300.0)
    loop = qt_loop()
    with scratch_database("stalls") as url, tempfile.TemporaryDirectory() as folder:
        _fill(url, count)
        got = loop.run_until_complete(_measure(url, phase_s, Path(folder), why))
    print(f"\n== A seat with {got['rows']:,} open cases ({got['board_rows']:,} at risk on the"
          f" board): the GUI thread, probed by a {PROBE_MS} ms timer ==")
    print(table("From the window shown (ms)", ["", "ms"], [
        ["countdown's first rows", ms(got["first_rows"])],
        ["countdown fully loaded", ms(got["loaded"])],
        ["the board's first at-risk rows", ms(got["board_first"])],
        ["every pane's first load done", ms(got["settled"])],
    ]))
    print(table(f"How late the timer fired (ms); stalls over {STALL_MS} ms",
                ["", "p50", "p99", "max", "stalls"], [
        _row("floor: a bare window", got["floor"]),
        _row("while the panes load", got["loading"]),
        _row(f"idle {phase_s:.0f} s, a sweep at the start ({got['swept']:,} orders)",
             got["idle"]),
        _row(f"{phase_s:.0f} s of 200 new cases a minute ({got['arrived']} came)",
             got["arriving"]),
    ]))
    if why:
        print("Where the GUI thread was while the probe was late, idle (a sweep at the start):")
        print(got["why_idle"])
        print("Where the GUI thread was while the probe was late, cases arriving:")
        print(got["why"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a quick look")
    parser.add_argument("--why", action="store_true",
                        help="the GUI thread's stacks while the probe was late")
    ns = parser.parse_args()
    run(ns.quick, ns.why)
