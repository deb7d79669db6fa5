"""The seat of bench/seat_memory.py, in a process of its own:
``python -m bench._memory_seat URL MINUTES [--trace]`` opens the console on ``URL``
as main.py does (the GUI thread's collector, the services, the main window with
every pane, the map built), lets
the panes load, and prints one JSON line of its resident memory at rest, then
``ready``, then one line a minute for ``MINUTES`` minutes while bench/seat_memory.py
makes cases arrive. ``--trace``: tracemalloc's biggest holders at rest and growths
since, by line (slow: for finding what holds memory, not for the figures).
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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._qt import close_qt_loop, qt_loop  # noqa: E402
from bench._stats import rss_mb  # noqa: E402

SETTLE_S = 20.0  # the panes' first loads (the countdown and the board page in their rows)


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def rss_now() -> float:
    gc.collect()  # what the GUI thread's collector would reach within half a second
    return round(rss_mb(), 1)


async def seat(url: str, minutes: float, trace: bool, home: Path) -> None:
    from console.accounts import credentials
    from console.app import ConsoleApp
    from widgets.shell.main_window import MainWindow
    from widgets.shell.settings import ini_settings

    if trace:
        tracemalloc.start(1)
    from widgets.shell import warm_up

    warm_up.forget_sources()  # as the start does once its imports are done
    console = ConsoleApp(url, credentials.login_role(url), journal_path=home / "journal.json")
    await console.open()
    window = MainWindow(console, ini_settings(str(home / "seat.ini")))
    window.resize(1600, 1000)
    window.show()
    window.map_slot.build()
    warm_up.forget_sources()  # and after the map
    await asyncio.sleep(SETTLE_S)
    rest = rss_now()
    say(at=0.0, rss=rest)
    before = tracemalloc.take_snapshot() if trace else None
    if before is not None:
        for stat in before.statistics("lineno")[:25]:
            print(f"trace at rest: {stat}", flush=True)
    say(ready=True)
    started = time.monotonic()
    for minute in range(1, int(minutes) + 1):
        await asyncio.sleep(max(0.0, started + 60 * minute - time.monotonic()))
        say(at=float(minute), rss=rss_now())
    if before is not None:
        after = tracemalloc.take_snapshot()
        for stat in after.compare_to(before, "lineno")[:25]:
            print(f"trace {stat}", flush=True)
    window.close()
    await window.runner.cancel_all()
    await console.close()


def main() -> None:
    url, minutes = sys.argv[1], float(sys.argv[2])
    from widgets.shell import gui_gc

    loop = qt_loop()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    gui_gc.install(app)  # the GUI thread's collector, as main.py installs it
    with tempfile.TemporaryDirectory(prefix="hc-bench-mem-") as tmp:
        loop.run_until_complete(seat(url, minutes, "--trace" in sys.argv, Path(tmp)))
    close_qt_loop()


if __name__ == "__main__":
    main()
