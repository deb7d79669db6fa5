"""The seat of bench/seat_memory.py, in a process of its own:
``python -m bench._memory_seat URL MINUTES EVERY_S [--trace]`` opens the console on
``URL`` as main.py does (the GUI thread's collector, the services, the main window
with every pane, the map built), waits until every pane's first load is done (the
countdown's last page in, no read under way for a few seconds), prints one JSON line
of its resident memory at rest, then ``ready``, then one line every ``EVERY_S``
seconds for ``MINUTES`` minutes while bench/seat_memory.py makes cases arrive.
``--trace``: tracemalloc's biggest holders at rest and growths since, by line
(slow: for finding what holds memory, not for the figures).
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
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._qt import close_qt_loop, qt_loop  # noqa: E402
from bench._stats import rss_mb  # noqa: E402

QUIET_S = 3.0  # no read under way for this long: the panes' first loads are done
LOAD_LIMIT_S = 600.0


def say(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def rss_now() -> float:
    gc.collect()  # what the GUI thread's collector would reach within half a second
    return round(rss_mb(), 1)


async def settled(window: Any) -> None:
    """Until the countdown has every page and no pane has read for QUIET_S."""
    loaded: list[bool] = []
    window.countdown.fully_loaded.connect(lambda: loaded.append(True))
    started = quiet = time.monotonic()
    while time.monotonic() - started < LOAD_LIMIT_S:
        await asyncio.sleep(0.1)
        if window.runner.busy or not loaded:
            quiet = time.monotonic()
        elif time.monotonic() - quiet > QUIET_S:
            return
    raise RuntimeError("the panes did not finish loading")


async def seat(url: str, minutes: float, every_s: float, trace: bool, home: Path) -> None:
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
    await console.load_places()  # the locator, as the start reads it after the first paint
    window.map_slot.build()
    warm_up.forget_sources()  # and after the map
    await settled(window)
    rest = rss_now()
    say(at=0.0, rss=rest)
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
        say(at=round(every_s * step / 60, 2), rss=rss_now())
    if before is not None:
        gc.collect()
        print(f"trace after: traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB",
              flush=True)
        after = tracemalloc.take_snapshot()
        for diff in after.compare_to(before, "lineno")[:25]:
            print(f"trace {diff}", flush=True)
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
    gui_gc.install(app)  # the GUI thread's collector, as main.py installs it
    with tempfile.TemporaryDirectory(prefix="hc-bench-mem-") as tmp:
        loop.run_until_complete(seat(url, minutes, every_s, "--trace" in sys.argv,
                                     Path(tmp)))
    close_qt_loop()


if __name__ == "__main__":
    main()
