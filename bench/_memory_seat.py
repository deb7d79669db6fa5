"""The seat of bench/seat_memory.py, in a process of its own:
``python -m bench._memory_seat URL MINUTES EVERY_S [--trace]`` opens the console on
``URL`` as main.py does (the GUI thread's collector, the services, the main window
with every pane, the map built), waits until every pane's first load is done (the
countdown's last page in, no read under way for a few seconds), sweeps once and waits
for the panes again (the orders the open cases are due: see ``seat``), prints one JSON line
of its resident memory at rest, then ``ready``, then one line every ``EVERY_S``
seconds for ``MINUTES`` minutes while bench/seat_memory.py makes cases arrive.
Each reading is taken as the GUI thread's collector would leave the heap: a full
collection, then what survived it frozen and, at most once a minute, free memory given
back to the system (``GuiThreadCollector.collect_full``). At the end everything is unfrozen (as the
collector does once an hour) and collected: what that frees is what died in a cycle
after it was frozen. ``--trace``: tracemalloc's biggest holders at rest and growths
since, by line (by whole traceback too with ``BENCH_TRACE_FRAMES=25``), the compiled
caches, the tasks alive and the frozen garbage's types (slow: for finding what holds
memory, not for the figures).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._qt import close_qt_loop, qt_loop  # noqa: E402
from bench._stats import heap_mb, rss_mb, rss_parts_mb  # noqa: E402

QUIET_S = 3.0  # no read under way for this long: the panes' first loads are done
LOAD_LIMIT_S = 600.0


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def rss_now(collector: Any) -> float:
    """The resident size once the GUI thread's collector has done a full collection (as
    it does about once a minute under load): what survived it frozen, free memory given
    back to the system if a minute has passed since it last was."""
    collector.collect_full()
    return round(rss_mb(), 1)


def caches_and_tasks(console: Any) -> None:
    """SQLAlchemy's compiled cache of each engine (the same SQL under many cache keys
    would be a key that never repeats: a cache that fills), and the tasks alive (work
    waiting behind a busy pool would pile up)."""
    stores = [console.store, getattr(console.sweep_worker, "_store", None)]
    for engine in (store.engine.sync_engine for store in stores if store is not None):
        cache = engine._compiled_cache
        if cache is None:
            continue
        sql = Counter(getattr(v, "string", "?") for v in list(cache.values()))
        print(f"trace compiled cache of an engine: {len(cache)} entries, {len(sql)} distinct"
              f" SQL", flush=True)
        for text, n in sql.most_common(3):
            if n > 1:
                print(f"trace   x{n}: {' '.join(text.split())[:300]}", flush=True)
    tasks = Counter(getattr(t.get_coro(), "__qualname__", "?") for t in asyncio.all_tasks())
    print(f"trace tasks alive: {sum(tasks.values())} {tasks.most_common(8)}", flush=True)


async def settled(window: Any, first: bool = True) -> None:
    """Until the countdown has every page (``first``: its first load) and no pane has
    read for QUIET_S."""
    loaded: list[bool] = [] if first else [True]
    window.countdown.fully_loaded.connect(lambda: loaded.append(True))
    started = quiet = time.monotonic()
    while time.monotonic() - started < LOAD_LIMIT_S:
        await asyncio.sleep(0.1)
        if window.runner.busy or not loaded:
            quiet = time.monotonic()
        elif time.monotonic() - quiet > QUIET_S:
            return
    raise RuntimeError("the panes did not finish loading")


async def seat(url: str, minutes: float, every_s: float, trace: bool, home: Path,
               collector: Any) -> None:
    from console.accounts import credentials
    from console.app import ConsoleApp
    from widgets.shell.main_window import MainWindow
    from widgets.shell.settings import ini_settings

    if trace:
        tracemalloc.start(int(os.environ.get("BENCH_TRACE_FRAMES", "1")))
    from widgets.shell import warm_up

    warm_up.forget_sources()  # as the start does once its imports are done
    console = ConsoleApp(url, credentials.login_role(url), journal_path=home / "journal.json")
    await console.open()
    window = MainWindow(console, ini_settings(str(home / "seat.ini")))
    window.resize(1600, 1000)
    window.show()
    await console.load_places()  # the locator, as the start reads it after the first paint
    window.map_slot.build()
    warm_up.forget_sources()  # and after the map
    await settled(window)
    # A centre at a steady state has issued the orders its open cases are due; the
    # bench's cases were made open without them, and the first sweep (half a minute
    # in) would issue thousands at once. So one sweep first, and its events applied.
    await console.sweep_worker.sweep(console.catalog.calendar)
    await asyncio.sleep(1.0)
    await settled(window, first=False)
    rest = rss_now(collector)
    say(at=0.0, rss=rest, heap=heap_mb(), parts=rss_parts_mb())
    before = tracemalloc.take_snapshot() if trace else None
    if before is not None:
        print(f"trace at rest: traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB",
              flush=True)
        for stat in before.statistics("lineno")[:25]:
            print(f"trace at rest: {stat}", flush=True)
    say(ready=True)
    started = time.monotonic()
    for step in range(1, int(minutes * 60 / every_s + 1e-9) + 1):
        await asyncio.sleep(max(0.0, started + every_s * step - time.monotonic()))
        say(at=round(every_s * step / 60, 2), rss=rss_now(collector), heap=heap_mb(),
            parts=rss_parts_mb())
    if before is not None:
        gc.collect()
        print(f"trace after: traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB",
              flush=True)
        after = tracemalloc.take_snapshot()
        for diff in after.compare_to(before, "lineno")[:25]:
            print(f"trace {diff}", flush=True)
        if tracemalloc.get_traceback_limit() > 1:
            for diff in after.compare_to(before, "traceback")[:12]:
                print(f"trace by traceback {diff.size_diff / 1024:+.0f} KiB"
                      f" {diff.count_diff:+d}", flush=True)
                for line in diff.traceback.format(most_recent_first=True):
                    if line.startswith("  File"):
                        print(f"trace      {line.strip()[:200]}", flush=True)
        caches_and_tasks(console)
    frozen = gc.get_freeze_count()
    gc.unfreeze()  # as the collector does once an hour
    if trace:
        gc.set_debug(gc.DEBUG_SAVEALL)
    freed = gc.collect()
    garbage = Counter(type(o).__qualname__ for o in gc.garbage).most_common(12)
    gc.set_debug(0)
    gc.garbage.clear()
    if trace:
        print(f"trace frozen garbage: {garbage}", flush=True)
    say(unfrozen=frozen, freed=freed, rss=round(rss_mb(), 1))
    window.close()
    await window.runner.cancel_all()
    await console.close()


def main() -> None:
    url, minutes, every_s = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    from widgets.shell import gui_gc

    loop = qt_loop()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    collector = gui_gc.install(app)  # the GUI thread's collector, as main.py installs it
    with tempfile.TemporaryDirectory(prefix="hc-bench-mem-") as tmp:
        loop.run_until_complete(seat(url, minutes, every_s, "--trace" in sys.argv,
                                     Path(tmp), collector))
    close_qt_loop()


if __name__ == "__main__":
    main()
