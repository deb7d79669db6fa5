"""A seat whose map shows generated cases: the map tests' common start."""

from __future__ import annotations

import datetime as dt
from typing import Any

from console.calendar import deadlines
from console.core.store import Store
from console.demodata import demo
from console.demodata.demo_duty import load_demo_duty
from tests.widgets.conftest import run
from widgets.map.map_pane import MapPane


def seat_with_cases(qtbot: Any, open_seat: Any, database_url: str, *, count: int, days: int,
                    width: int, height: int) -> Any:
    """Generated cases and the roster in the database, then a seat with its map floated
    at ``width`` x ``height`` and loaded (outlines, cases and the duty posts drawn)."""
    async def fill() -> None:
        owner = Store(database_url, "demo")
        try:
            await deadlines.seed_calendar(owner, deadlines.calendar_years(dt.date.today()))
            await demo.generate_cases(owner, count=count, days=days)
            await load_demo_duty(owner)
        finally:
            await owner.close()

    run(qtbot, fill(), timeout_ms=60000)
    seat = open_seat()
    dock = seat.window.map_dock
    dock.setFloating(True)
    dock.resize(width, height)
    dock.show()
    pane: MapPane = seat.window.map
    qtbot.waitUntil(lambda: pane.feed.base is not None and len(pane.cases.marks) > 0
                    and bool(pane.base_layers.places), timeout=15000)
    qtbot.waitExposed(pane.canvas)
    return seat
