"""The map pane with the demo's 667 grid cells and 50,000 open cases: time to the
first full frame (the pane made, outlines, posts and markers set, painted once),
then the median and worst frame of pans and zooms (the view moved and painted at
once, offscreen), beside a floor measured in the same run: a bare pyqtgraph view
with one ScatterPlotItem of the same 50,000 points, moved the same way.

    python -m bench.map_view [--quick]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._cli import run_alone
from bench._qt import qt_loop  # noqa: E402
from bench._stats import median_ms, ms, percentile, table  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"
NOW = dt.datetime(2026, 11, 22, 9, tzinfo=dt.UTC)
SIZE = (1200, 800)
FRAMES = 60  # of each kind


def demo_cells() -> tuple[list[Any], dict[str, str], dict[str, str]]:
    """The demo's grid cells as the database holds them, and the places' names."""
    from shapely.geometry import shape

    from console.mapview.base_map import CellRow

    cells = []
    for feature in json.loads((DEMO / "grid_cells.geojson").read_text("utf-8"))["features"]:
        p, centre = feature["properties"], shape(feature["geometry"]).centroid
        cells.append(CellRow(p["code"], p["name"], p["street"], p["community"],
                             feature["geometry"], centre.x, centre.y))
    district = json.loads((DEMO / "district.json").read_text("utf-8"))
    streets = {s["code"]: s["name"] for s in district["streets"]}
    communities = {c["code"]: c["name"] for s in district["streets"] for c in s["communities"]}
    return cells, streets, communities


def synthetic_marks(cells: list[Any], count: int, seed: int = 14) -> Any:
    """``count`` open cases scattered about the cells' centres, with a spread of clocks."""
    from console.mapview.map_cases import CaseMarks

    rng = np.random.default_rng(seed)
    at = rng.integers(0, len(cells), count)
    lon = np.array([c.centroid_lon for c in cells])[at] + rng.normal(0, 0.0012, count)
    lat = np.array([c.centroid_lat for c in cells])[at] + rng.normal(0, 0.0012, count)
    started = NOW.timestamp() - rng.uniform(0, 10 * 86400, count)
    due = started + rng.choice([4, 24, 72, 120, 240], count) * 3600.0
    paused = np.where(rng.random(count) < 0.03, started + 3600, np.nan)
    ids = np.empty(count, dtype=object)
    ids[:] = [str(uuid.UUID(int=int(i) + 1)) for i in range(count)]
    numbers = np.empty(count, dtype=object)
    numbers[:] = [f"PS-20261122-{i:06d}" for i in range(count)]
    return CaseMarks(ids, numbers, lon, lat, rng.random(count) < 0.1,
                     rng.choice([0, 1, 2], count, p=[0.1, 0.3, 0.6]).astype(np.int8),
                     np.ones(count, dtype=np.int32), np.full(count, -1, dtype=np.int32),
                     due, started, paused, np.full(count, np.nan))


def make_pane(base: Any, marks: Any, posts: list[Any] | None = None) -> Any:
    """The real pane, without a database: its data handed in as its reads would."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from console.catalog.catalog import Catalog
    from console.core.clock import FakeClock
    from widgets.common.tasks import TaskRunner
    from widgets.map.map_pane import MapPane

    store = SimpleNamespace(clock=FakeClock(NOW))
    pane = MapPane(store, Catalog(), TaskRunner())  # type: ignore[arg-type]
    pane.resize(*SIZE)
    pane.show()
    QApplication.processEvents()  # laid out, as a shown window is
    pane.timer.stop()  # the benchmark paints itself
    pane.feed.base = base
    pane._show_base()
    pane.base_layers.set_posts(posts or [])
    pane.feed.marks = marks
    pane._show_cases()
    return pane


def _moves(view: Any, paint: Any) -> tuple[list[float], list[float]]:
    """Per frame: FRAMES pans, then FRAMES zooms in and out (across the clustering's steps)."""
    pans, zooms = [], []
    for i in range(FRAMES):
        started = time.perf_counter()
        view.translateBy(x=(0.3 if (i // 10) % 2 else -0.3), y=0.15)
        paint()
        pans.append(time.perf_counter() - started)
    for i in range(FRAMES):
        factor = 0.8 if (i // 15) % 2 == 0 else 1.25
        started = time.perf_counter()
        view.scaleBy((factor, factor))
        paint()
        zooms.append(time.perf_counter() - started)
    return pans, zooms


def _floor(marks: Any, base: Any) -> tuple[float, list[float], list[float]]:
    import pyqtgraph as pg
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    widget = pg.GraphicsView()
    view = pg.ViewBox(lockAspect=True)
    widget.setCentralItem(view)
    widget.resize(*SIZE)
    widget.show()
    QApplication.processEvents()  # laid out, as a shown window is
    x, y = base.plane.to_xy(marks.lon, marks.lat)
    view.addItem(pg.ScatterPlotItem(x=x, y=y, pxMode=True, size=9, symbol="o",
                                    brush=pg.mkBrush("#1b5e20"), pen=pg.mkPen("w")))
    x0, y0, x1, y1 = base.bounds
    view.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.03)
    widget.viewport().repaint()
    first = time.perf_counter() - started
    pans, zooms = _moves(view, widget.viewport().repaint)
    widget.close()
    return first, pans, zooms


def _live_update(pane: Any, cells: list[Any]) -> list[float]:
    """One case re-read after an event: merged into the arrays, drawn, painted."""
    from console.mapview.map_cases import merge

    frames = []
    for i in range(20):
        fresh = synthetic_marks(cells, 1, seed=100 + i)
        asked = [fresh.case_id(0)]
        started = time.perf_counter()
        pane.feed.marks = merge(pane.feed.marks, asked, fresh)
        pane._show_cases()
        pane.canvas.viewport().repaint()
        frames.append(time.perf_counter() - started)
    return frames


def run(quick: bool = False) -> None:
    from PySide6.QtWidgets import QApplication

    from console.mapview.base_map import _cache, build_base_map

    qt_loop()
    import widgets.map.map_pane  # noqa: F401  (loaded at the console's start, not timed here)

    count = 5_000 if quick else 50_000
    cells, streets, communities = demo_cells()
    _cache.clear()
    started = time.perf_counter()
    base = build_base_map(cells, streets, communities)
    dissolve = time.perf_counter() - started
    marks = synthetic_marks(cells, count)
    QApplication.processEvents()
    floor_first, floor_pans, floor_zooms = _floor(marks, base)
    started = time.perf_counter()
    pane = make_pane(base, marks)
    pane.canvas.viewport().repaint()
    first = time.perf_counter() - started
    QApplication.processEvents()
    pans, zooms = _moves(pane.view, pane.canvas.viewport().repaint)
    pane.home()
    QApplication.processEvents()
    live = _live_update(pane, cells)
    pane.shutdown()
    pane.close()

    def row(name: str, first_s: float, frames: list[float]) -> list[str]:
        return [name, ms(first_s), median_ms(frames), ms(percentile(frames, 99)),
                ms(max(frames))]

    print(f"\n== Map pane: {len(cells)} grid cells, {count:,} open cases, "
          f"{SIZE[0]}x{SIZE[1]} offscreen ==")
    print(table("Frames (ms): first full frame; pan and zoom, each moved and painted", [
        "", "first", "median", "p99", "worst"], [
        row("floor: bare ScatterPlotItem, pans", floor_first, floor_pans),
        row("floor: bare ScatterPlotItem, zooms", floor_first, floor_zooms),
        row("map pane, pans", first, pans),
        row("map pane, zooms", first, zooms),
    ]))
    print(table("Other (ms)", ["", "ms"], [
        [f"dissolve {len(cells)} cells into communities, streets, district "
         "(worker thread, once; cached)", ms(dissolve)],
        ["a case changed at a seat: merged in, redrawn, painted (median of 20)",
         median_ms(live)],
    ]))


if __name__ == "__main__":
    run_alone(run, __doc__)
