"""Countdown panel with 20,000 open cases: the cost of one tick (move to the
clock's now, repaint the visible rows' time column, synchronously painted)
and the longest frame, beside the same tick on an empty panel; plus loading
the entries and a live update that inserts one case.

    python -m bench.countdown [--quick]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
import uuid
from operator import itemgetter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._cli import run_alone
from bench._qt import qt_loop  # noqa: E402
from bench._stats import median_ms, ms, percentile, table  # noqa: E402

TICKS = 120
PAGE = 2_000  # console.casework.countdown.PAGE


def _entries(count: int, now: dt.datetime) -> list:
    from console.casework.countdown import Countdown
    from console.casework.countdown_list import _moments

    rng = random.Random(20261122)
    out = []
    for i in range(count):
        started = now - dt.timedelta(hours=rng.uniform(0, 240))
        due = started + dt.timedelta(hours=rng.choice((4, 24, 72, 120, 168)))
        made = Countdown(uuid.UUID(int=rng.getrandbits(128), version=4),
                         f"PS-20261122-{i:06d}", rng.choice("ABC"), "in_progress",
                         1, None, started, due, None)
        # The moments the database reads with the row (COLUMNS' due_s, threshold_s).
        due_s, threshold_s = _moments(made)
        out.append(made._replace(due_s=due_s, threshold_s=threshold_s))
    return out


def _panel():  # noqa: ANN202
    """The real panel (as the main window builds it) on a fake clock."""
    from types import SimpleNamespace

    from console.catalog.catalog import Catalog
    from console.core.clock import FakeClock
    from widgets.casework.countdown_panel import CountdownPanel
    from widgets.common.tasks import TaskRunner

    clock = FakeClock(dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC))
    store = SimpleNamespace(clock=clock)  # the panel reads only the clock here
    panel = CountdownPanel(store, Catalog(), TaskRunner())  # type: ignore[arg-type]
    panel.resize(900, 700)
    panel.show()
    panel.timer.stop()  # the benchmark drives the ticks itself
    return clock, panel


def _ticks(clock, panel) -> list[float]:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    frames = []
    for _ in range(TICKS):
        clock.advance(seconds=1)
        started = time.perf_counter()
        panel.tick()
        panel.table.viewport().repaint()  # paint now, as the next frame would
        frames.append(time.perf_counter() - started)
    return frames


Spent = tuple[float, float]  # (wall, CPU) seconds


def _now() -> Spent:
    return time.perf_counter(), time.process_time()


def _since(started: Spent) -> Spent:
    return time.perf_counter() - started[0], time.process_time() - started[1]


def _both(spent: Spent) -> list[str]:
    return [ms(spent[0]), ms(spent[1])]


def _rows(count: int, scattered: bool) -> list[tuple]:
    """Rows of ``COLUMNS`` in the database's order. As the driver reads them, each row's
    values are made row after row, so a pass over the rows walks memory in order; the
    scattered ones are made in another order and sorted after (the worst case: every
    row, id and moment a cache miss away from the last)."""
    import pickle

    now = dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC)
    rows = sorted((tuple(e) for e in _entries(count, now)), key=lambda r: (r[7], r[0]))
    return rows if scattered else pickle.loads(pickle.dumps(rows))  # made anew, in order


def _prepare(rows: list[tuple]) -> tuple[Spent, Spent, Spent, Spent, Spent]:
    """Rows as the database returns them, made into the panel's list at once and in
    pages (the floor: the rows copied into new plain tuples). The console's collector
    runs on the GUI thread only (widgets/shell/gui_gc.py: automatic collection off),
    so the figures are taken with it off; the collection the GUI thread then makes of
    the new objects, once (and freezes them), is its own figure."""
    import gc

    from console.casework import countdown
    from console.casework.countdown_list import CountdownList

    count = len(rows)
    gc.collect()
    gc.freeze()  # what was there before the load: as the GUI thread's collector leaves it
    gc.disable()
    try:
        started = _now()
        _ = [(*r,) for r in rows]  # a new tuple each (tuple(r) of a tuple is r itself)
        floor = _since(started)
        del _
        started = _now()
        listed = CountdownList(countdown.entries(rows))
        at_once = _since(started)
        started = _now()
        gc.collect()  # the GUI thread's collection of what the load made
        gc.freeze()
        collect = _since(started)
        del listed
        pages = [rows[:countdown.FIRST_PAGE]] + [
            rows[i:i + PAGE] for i in range(countdown.FIRST_PAGE, len(rows), PAGE)]
        longest, started = (0.0, 0.0), _now()
        listed = CountdownList(countdown.entries(pages[0]))
        for page in pages[1:]:  # as the model appends a page (``append_page``)
            began = _now()
            page = countdown.entries(page)
            assert listed.fresh_tail(page)
            listed.extend(page)
            longest = max(longest, _since(began), key=itemgetter(1))  # by CPU
        paged = _since(started)
        assert len(listed) == count
    finally:
        gc.enable()
        gc.unfreeze()
    return floor, at_once, collect, paged, longest


def run(quick: bool = False) -> None:
    qt_loop()
    count = 2_000 if quick else 20_000
    clock, panel = _panel()
    model, view = panel.model, panel.table
    empty = _ticks(clock, panel)
    entries = sorted(_entries(count, clock.now()), key=lambda e: (e.due_at, e.id))  # as the DB
    from console.casework.countdown_list import CountdownList

    started = time.perf_counter()
    prepared = CountdownList(entries)
    prepare = time.perf_counter() - started
    started = time.perf_counter()
    model.set_list(prepared)
    view.viewport().repaint()
    load = time.perf_counter() - started
    full = _ticks(clock, panel)
    newcomer = _entries(1, clock.now())[0]
    started = time.perf_counter()
    model.update_entries([newcomer.id], {newcomer.id: newcomer})
    view.viewport().repaint()
    insert = time.perf_counter() - started
    started = time.perf_counter()
    bands = model.band_counts()
    summary = time.perf_counter() - started
    panel.shutdown()
    panel.close()
    size = 100_000 if not quick else 20_000
    print(f"\n== Countdown panel: {count:,} open cases, {TICKS} one-second ticks ==")
    print(table("Per tick (ms)", ["", "median", "p99", "max"], [
        ["empty panel (floor)", median_ms(empty), ms(percentile(empty, 99)), ms(max(empty))],
        [f"{count:,} cases", median_ms(full), ms(percentile(full, 99)), ms(max(full))],
    ]))
    print(table("Other frames (ms)", ["", "ms"], [
        [f"prepare {count:,} entries", ms(prepare)],
        [f"load {count:,} entries on the GUI thread (swap + reset + paint)", ms(load)],
        ["a live insert into the sorted list + repaint", ms(insert)],
        [f"band summary over {bands['total']:,} cases (every 5 ticks)", ms(summary)],
    ]))
    for scattered in (False, True):
        floor, at_once, collect, paged, longest_page = _prepare(_rows(size, scattered))
        layout = ("scattered in memory (made in another order: the worst case)" if scattered
                  else "made row after row, as the driver reads them")
        print(table(f"Preparing {size:,} rows as the panel's list, {layout} (ms; the "
                    "collector off, as the console runs it; CPU: this process's, fairer "
                    "on a loaded machine)", ["", "wall", "CPU", "CPU / floor"], [
            ["floor: the rows copied into new plain tuples", *_both(floor), "1.00"],
            ["all at once: entries + CountdownList", *_both(at_once),
             f"{at_once[1] / floor[1]:.2f}"],
            ["  then the GUI thread's one collection of the new objects (and freeze)",
             *_both(collect), ""],
            [f"in pages of {PAGE:,} (entries + fresh_tail + extend), all pages",
             *_both(paged), f"{paged[1] / floor[1]:.2f}"],
            ["  the longest page (what one frame holds, at most)", *_both(longest_page),
             ""],
        ]))


if __name__ == "__main__":
    run_alone(run, __doc__)
