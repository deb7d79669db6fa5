"""Render the main window with live data into a PNG (for the README and reviews), and
the map pane and the statistics pane alone, larger, beside it (``<name>-map.png``,
``<name>-stats.png``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from console.casework.queue import frequent_callers
from widgets.shell.main_window import MainWindow


async def _until(condition: Callable[[], bool], timeout_s: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition() and loop.time() < deadline:
        await asyncio.sleep(0.05)


async def take_screenshot(window: MainWindow, path: Path, timeout_s: float = 20.0) -> None:
    window.resize(1600, 900)
    model = window.queue.model
    await _until(lambda: model.rowCount() > 0, timeout_s)
    # Show a repeat caller on the call screen, as during a real call.
    callers = await frequent_callers(window.store, limit=1)
    if callers:
        window.call_screen.incoming_call(callers[0])
        await _until(lambda: window.call_screen.history_model.rowCount() > 0, timeout_s)
    await _until(lambda: not window.runner.busy, timeout_s)
    await asyncio.sleep(0.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    await _map_alone(window, path.with_name(f"{path.stem}-map{path.suffix}"), timeout_s)
    await _stats_alone(window, path.with_name(f"{path.stem}-stats{path.suffix}"), timeout_s)


async def _map_alone(window: MainWindow, path: Path, timeout_s: float) -> None:
    dock, pane = window.map_dock, window.map
    dock.setFloating(True)
    dock.resize(1400, 900)
    dock.show()
    await _until(lambda: len(pane.cases.marks) > 0 and bool(pane.base_layers.places), timeout_s)
    pane.home()
    await asyncio.sleep(0.3)
    if not dock.grab().save(str(path)):
        raise OSError(f"could not write {path}")


async def _stats_alone(window: MainWindow, path: Path, timeout_s: float) -> None:
    """The statistics over the last two weeks (a day's chart is short early in the day)."""
    dock, pane = window.stats_dock, window.stats
    dock.setFloating(True)
    dock.resize(1400, 900)
    dock.show()
    last = pane.bar.last_day.date()
    pane.bar.first_day.setDate(last.addDays(-13))
    pane.bar.period.setCurrentIndex(pane.bar.period.count() - 1)  # a range of days
    await _until(lambda: pane.view is not None and pane.view.query == pane.bar.query(),
                 timeout_s)
    await asyncio.sleep(0.3)
    if not dock.grab().save(str(path)):
        raise OSError(f"could not write {path}")
