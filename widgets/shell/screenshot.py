"""Render the main window with live data into a PNG (for the README and reviews), the
map pane alone, larger, beside it (``<name>-map.png``), the map with its heat layer:
the grid cells filled by the cases of the last ``HEAT_DAYS`` days, the hotspots beside
the map, the cases' and posts' markers off so the fills read (``<name>-heat.png``),
and the statistics pane alone (``<name>-stats.png``)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate

from console.casework.queue import frequent_callers
from console.core.clock import CENTRE_TZ
from console.geo.boundaries import Level
from console.mapview.heat import Period
from console.mapview.heat_scale import Measure
from widgets.map.style import CASES, HEAT, POSTS
from widgets.shell.main_window import MainWindow

HEAT_DAYS = 90


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
    await _heat(window, path.with_name(f"{path.stem}-heat{path.suffix}"), timeout_s)
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
async def _heat(window: MainWindow, path: Path, timeout_s: float) -> None:
    dock, pane = window.map_dock, window.map
    bar = pane.heat.bar
    for combo, value in ((bar.level, Level.CELL), (bar.measure, Measure.CASES),
                         (bar.period, Period.RANGE)):
        combo.setCurrentIndex(combo.findData(value))
    today = window.store.clock.now().astimezone(CENTRE_TZ).date()
    first = today - dt.timedelta(days=HEAT_DAYS - 1)
    bar.last_day.setDate(QDate(today.year, today.month, today.day))
    bar.first_day.setDate(QDate(first.year, first.month, first.day))
    for layer in (CASES, POSTS):  # the fills read without markers over them
        pane.set_layer(layer, False)
    pane.set_layer(HEAT, True)
    await _until(lambda: pane.heat.feed.read is not None
                 and pane.heat.feed.read.query == bar.query()
                 and not pane.heat.feed.follower.busy, timeout_s)
    pane.home()
    await asyncio.sleep(0.3)
    if not dock.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    pane.set_layer(HEAT, False)
    for layer in (CASES, POSTS):
        pane.set_layer(layer, True)
