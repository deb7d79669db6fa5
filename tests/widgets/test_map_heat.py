"""The map's heat layer at a seat with demo cases: its figures are area_stats's for the
same level, period and category; the legend shows the scale; a click on an area and
a hotspot (clicked, or Enter after H and the arrows) show the area's cases in the
queue; changes at another seat update it with one read per burst; an admin's
boundary import at another seat redraws the map; the export carries the heat."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QDate, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from console.casework import queue
from console.casework.lifecycle import ADMIN
from console.casework.queue import CaseFilter
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata.files import read as read_demo
from console.geo.area_stats import area_figures, hotspots
from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level
from console.geo.boundary_import import import_boundaries
from console.geo.geofile import parse_geojson
from console.hotline.intake import create_case
from console.mapview.heat_scale import MIN_FOR_RATE, NO_CASES, NOT_JUDGED, TOO_FEW, Measure
from db.engine import libpq_conninfo
from tests.factories import draft
from tests.widgets.conftest import run, type_text
from tests.widgets.map_fixture import seat_with_cases
from widgets.map import export
from widgets.map.map_pane import MapPane
from widgets.map.style import CASES, CELLS, HEAT

DAYS = 30
LEVELS = {Level.STREET: 0, Level.COMMUNITY: 1, Level.CELL: 2}
MEASURES = {Measure.CASES: 0, Measure.OVERDUE: 1, Measure.ON_TIME_RATE: 2}


@pytest.fixture
def heat_seat(qtbot: Any, open_seat: Any, database_url: str) -> Any:
    """A seat with a month of generated cases, its map floated at a visible size."""
    seat = seat_with_cases(qtbot, open_seat, database_url, count=600,
                           days=DAYS - 2, width=1200, height=800)
    pane: MapPane = seat.window.map
    pane.home()
    return seat


def today(pane: MapPane) -> dt.date:
    return pane.heat._store.clock.now().astimezone(CENTRE_TZ).date()


def bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (dt.datetime.combine(first, dt.time(), CENTRE_TZ),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), CENTRE_TZ))


def shown(qtbot: Any, pane: MapPane, level: Level, measure: Measure,
          first: dt.date | None = None, last: dt.date | None = None) -> Any:
    """The heat layer on (clicked like an operator), for ``level``, ``measure`` and the
    days from ``first`` to ``last`` (the last month by default); its reading once landed."""
    heat, bar = pane.heat, pane.heat.bar
    if not heat.on:
        qtbot.mouseClick(pane.layer_boxes[HEAT], Qt.MouseButton.LeftButton)
    last = last or today(pane)
    first = first or last - dt.timedelta(days=DAYS - 1)
    bar.level.setCurrentIndex(LEVELS[level])
    bar.measure.setCurrentIndex(MEASURES[measure])
    bar.period.setCurrentIndex(3)  # a range of days
    bar.first_day.setDate(QDate(first.year, first.month, first.day))
    bar.last_day.setDate(QDate(last.year, last.month, last.day))
    qtbot.waitUntil(lambda: heat.feed.read is not None and heat.feed.read.query == bar.query()
                    and not heat.feed.follower.busy, timeout=10000)
    return heat.feed.read


def test_the_figures_are_area_stats_for_the_same_level_period_and_category(
        qtbot: Any, heat_seat: Any, database_url: str) -> None:
    pane, store = heat_seat.window.map, heat_seat.console.store
    assert not pane.heat.bar.isVisible() and not pane.heat.hotspots.isVisible()
    for level in Level:
        read = shown(qtbot, pane, level, Measure.CASES)
        start, end = bounds(today(pane) - dt.timedelta(days=DAYS - 1), today(pane))
        assert (read.start, read.end) == (start, end)
        expected = run(qtbot, area_figures(store, level, start, end))
        assert dict(read.figures) == expected and sum(f.cases for f in expected.values()) > 500
        spots = run(qtbot, hotspots(store, level, start, end))
        assert pane.heat.hotspots.codes() == [f.code for f in spots]
        for measure in Measure:
            read = shown(qtbot, pane, level, measure)
            layer = pane.heat.layer
            assert len(layer.classes) == len(pane.feed.base.levels[str(level)])
            for outline, k in zip(layer.index.outlines, layer.classes, strict=True):
                figures = expected.get(outline.code)
                if figures is None:
                    assert k == NO_CASES  # drawn as no cases, never as 0
                elif measure is Measure.ON_TIME_RATE and figures.judged == 0:
                    assert k == NOT_JUDGED
                elif measure is Measure.ON_TIME_RATE and figures.judged < MIN_FOR_RATE:
                    assert k == TOO_FEW  # pale and dotted, never a deep colour
                else:
                    step = layer.scale.steps[k]
                    value = {Measure.CASES: figures.cases, Measure.OVERDUE: figures.overdue,
                             Measure.ON_TIME_RATE: figures.on_time_rate}[measure]
                    assert step.low <= value <= step.high
    # A category's subtree, chosen in the picker by its name.
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        top_id, name = conn.execute(
            "WITH RECURSIVE up AS (SELECT k.category_id AS leaf, c.id, c.parent_id, c.name"
            " FROM \"case\" k JOIN category c ON c.id = k.category_id UNION ALL"
            " SELECT up.leaf, c.id, c.parent_id, c.name FROM up JOIN category c"
            " ON c.id = up.parent_id) SELECT id, name FROM up WHERE parent_id IS NULL"
            " GROUP BY id, name ORDER BY count(*) DESC LIMIT 1").fetchone()  # type: ignore[misc]
    read = shown(qtbot, pane, Level.COMMUNITY, Measure.CASES)
    everything = sum(f.cases for f in read.figures.values())
    picker = pane.heat.bar.category
    picker.setFocus()
    type_text(picker, name)
    QTest.keyClick(picker, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.id == top_id
    qtbot.waitUntil(lambda: pane.heat.feed.read.query.category_id == top_id, timeout=10000)
    read = pane.heat.feed.read
    assert dict(read.figures) == run(qtbot, area_figures(store, Level.COMMUNITY, read.start,
                                                         read.end, top_id))
    assert 0 < sum(f.cases for f in read.figures.values()) < everything
    assert f"分类：{name}（含下级）" in pane.heat.key.texts()


def test_the_legend_shows_the_scale_the_period_and_the_category(
        qtbot: Any, heat_seat: Any) -> None:
    pane = heat_seat.window.map
    read = shown(qtbot, pane, Level.COMMUNITY, Measure.CASES)
    texts = pane.heat.key.texts()  # above the hotspots, the layers' legend under them
    assert pane.heat.key.isVisible() and "图层" in pane.legend.texts()
    first = today(pane) - dt.timedelta(days=DAYS - 1)
    assert texts[:3] == ["热力：案件数（按社区）",
                         f"时段：{first:%Y-%m-%d} — {today(pane):%Y-%m-%d}", "分类：全部分类"]
    steps = pane.heat.layer.scale.steps
    assert texts[3:3 + len(steps)] == [s.label for s in reversed(steps)]  # the most on top
    assert steps[-1].high == max(f.cases for f in read.figures.values())
    assert texts[3 + len(steps):] == ["无案件"]
    legend = pane.heat.legend()
    assert [c for c, _label in legend.steps] == [s.colour for s in reversed(steps)]
    assert len({c for c, _label in legend.steps}) == len(steps)  # a colour each
    shown(qtbot, pane, Level.CELL, Measure.ON_TIME_RATE)
    texts = pane.heat.key.texts()
    assert texts[0] == "热力：按期率（按网格）"
    assert texts[3:11] == ["≥99%", "95%–99%", "90%–95%", "80%–90%", "<80%", "无案件",
                           "有案件，尚无可评判", "案件太少（可评判不足 5 件），不计比率"]
    # A period with no case: every area hatched, the list says so.
    long_ago = today(pane) - dt.timedelta(days=400)
    shown(qtbot, pane, Level.COMMUNITY, Measure.CASES, long_ago, long_ago)
    assert set(pane.heat.layer.classes) == {NO_CASES}
    assert "所选时段和分类没有案件" in pane.heat.key.texts()
    qtbot.mouseClick(pane.legend_box, Qt.MouseButton.LeftButton)  # the legend off: the
    assert not pane.heat.key.isVisible() and not pane.legend.isVisible()  # hotspots stay
    assert pane.heat.hotspots.isVisible()
    qtbot.mouseClick(pane.legend_box, Qt.MouseButton.LeftButton)
    assert pane.heat.key.isVisible() and pane.legend.isVisible()
    assert pane.heat.hotspots.empty.isVisible() and not pane.heat.hotspots.table.isVisible()
    qtbot.mouseClick(pane.layer_boxes[HEAT], Qt.MouseButton.LeftButton)  # off
    assert not pane.heat.key.isVisible() and not pane.heat.layer.item.isVisible()
    assert not pane.heat.feed.timer.isActive()


def pixel_of(pane: MapPane, x: float, y: float) -> Any:
    return pane.canvas.mapFromScene(pane.view.mapViewToScene(QPointF(x, y)))


def queue_ids(qtbot: Any, window: Any) -> set[Any]:
    model = window.queue.model
    qtbot.waitUntil(lambda: not model._query.busy, timeout=5000)
    return {model.case_id(r) for r in range(model.rowCount())}


def test_a_click_on_an_area_shows_its_cases_in_the_queue_and_a_mark_still_opens(
        qtbot: Any, heat_seat: Any) -> None:
    window, pane = heat_seat.window, heat_seat.window.map
    store = heat_seat.console.store
    shown(qtbot, pane, Level.COMMUNITY, Measure.CASES)
    community = pane.feed.base.levels["community"][3]
    box = pane.heat.layer.index.box(community.code)
    pane.view.setRange(QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]), padding=0)
    radius = pane._radius()
    spot = next(c.anchor for c in pane.feed.base.levels["cell"]
                if c.parent == community.code and pane.cases.hit(*c.anchor, radius * 2) is None)
    figures = pane.heat.feed.read.figures[community.code]
    assert pane.text_at(QPointF(*spot)) == (  # hovering says what the area holds
        f"{community.name}：案件 {figures.cases:,} · 超期 {figures.overdue:,} · 按期率 "
        f"{figures.on_time_rate * 100:.1f}%")
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=pixel_of(pane, *spot))
    assert window.queue.only_area == ("community", community.code, community.name)
    assert window.queue.selection_chip.text() == f"地图区域：{community.name} ✕"
    assert pane.status.text().startswith(f"队列只显示{community.name}的案件")
    wanted = run(qtbot, queue.fetch_ids(store, CaseFilter(community_code=community.code)))
    assert wanted.ids
    qtbot.waitUntil(lambda: queue_ids(qtbot, window) == set(wanted.ids), timeout=5000)
    assert pane.heat.layer.chosen == ("community", community.code)  # ringed on the map
    assert not pane.heat.layer.item.chosen.isEmpty()
    # A mark under the pointer is a case, as without the heat layer.
    row = 0
    x, y = float(pane.cases.x[row]), float(pane.cases.y[row])
    pane.view.setRange(QRectF(x - 0.1, y - 0.1, 0.2, 0.2), padding=0)
    qtbot.waitUntil(lambda: pane.cases.clustered is None and row in set(pane.cases.singles))
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pixel_of(pane, x, y))
    case_id = pane.cases.marks.case_id(row)
    qtbot.waitUntil(lambda: case_id in window._details)
    assert window.queue.only_area == ("community", community.code, community.name)
    window._details[case_id].reject()
    # The chip lets the area go, on the map too.
    qtbot.mouseClick(window.queue.selection_chip, Qt.MouseButton.LeftButton)
    assert window.queue.only_area is None and pane.heat.layer.chosen is None
    assert window.queue.model.filter.community_code is None


def test_the_hotspots_in_order_a_click_and_the_keys(qtbot: Any, heat_seat: Any) -> None:
    window, pane = heat_seat.window, heat_seat.window.map
    store = heat_seat.console.store
    read = shown(qtbot, pane, Level.CELL, Measure.OVERDUE)
    spots = run(qtbot, hotspots(store, Level.CELL, read.start, read.end))
    table, model = pane.heat.hotspots.table, pane.heat.hotspots.model
    assert model.rowCount() == len(spots) == 10
    names = {o.code: o.name for o in pane.feed.base.levels["cell"]}
    for r, spot in enumerate(spots):
        assert [model.index(r, c).data() for c in range(5)] == [
            str(r + 1), names[spot.code], f"{spot.cases:,}", f"{spot.overdue:,}",
            "—" if spot.on_time_rate is None else f"{spot.on_time_rate * 100:.1f}%"]
    cases = [s.cases for s in spots]
    assert cases == sorted(cases, reverse=True)
    district = pane.view.viewRect()

    def zoomed_to(code: str) -> bool:
        x0, y0, x1, y1 = pane.heat.layer.index.box(code)
        rect = pane.view.viewRect()
        return (rect.contains(QRectF(x0, y0, x1 - x0, y1 - y0))
                and rect.width() < district.width() / 4)

    # By keys: H from the map to the list, Down, Enter.
    pane.canvas.setFocus()
    QTest.keyClick(pane.canvas, Qt.Key.Key_H)
    assert table.hasFocus() and table.currentIndex().row() == 0
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Return)
    second = spots[1].code
    assert window.queue.only_area == ("cell", second, names[second])
    assert zoomed_to(second)
    wanted = run(qtbot, queue.fetch_ids(store, CaseFilter(grid_code=second)))
    qtbot.waitUntil(lambda: queue_ids(qtbot, window) == set(wanted.ids), timeout=5000)
    # By a click on a row.
    pane.home()
    rect = table.visualRect(model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.queue.only_area == ("cell", spots[0].code, names[spots[0].code])
    assert zoomed_to(spots[0].code)
    assert pane.heat.layer.chosen == ("cell", spots[0].code)


def test_changes_at_another_seat_update_the_heat_with_one_read_per_burst(
        qtbot: Any, heat_seat: Any, database_url: str) -> None:
    pane, catalog = heat_seat.window.map, heat_seat.console.catalog
    read = shown(qtbot, pane, Level.CELL, Measure.CASES)
    cell = draft(catalog).grid_code
    before = read.figures[cell].cases if cell in read.figures else 0
    reads = pane.heat.feed.reads
    # Five saves one after another well within the delay, however busy the machine.
    pane.heat.feed.follower.delay_ms = 8000
    other = Store(database_url, "op_other")

    async def burst() -> None:
        for _ in range(5):
            await create_case(other, catalog, draft(catalog))

    try:
        run(qtbot, burst())
    finally:
        run(qtbot, other.close())
    qtbot.waitUntil(lambda: pane.heat.feed.read.figures[cell].cases == before + 5,
                    timeout=15000)
    qtbot.waitUntil(lambda: not pane.heat.feed.follower.busy, timeout=5000)
    assert pane.heat.feed.reads == reads + 1  # five changes, one read


def demo_cells_renamed() -> ImportRequest:
    collection = copy.deepcopy(read_demo("grid_cells.geojson"))
    for feature in collection["features"]:
        feature["properties"]["name"] = "新" + feature["properties"]["name"]
    file = parse_geojson(json.dumps(collection), "grid_cells.geojson")
    return ImportRequest((LayerFile(Level.CELL, file, FieldMap("code", "name", "community")),))


def test_an_import_at_another_seat_redraws_the_map(qtbot: Any, heat_seat: Any,
                                                   database_url: str) -> None:
    pane = heat_seat.window.map
    shown(qtbot, pane, Level.CELL, Measure.CASES)
    base = pane.feed.base
    first = base.levels["cell"][0]
    admin = Store(database_url, "admin_other")
    admin.roles = frozenset({ADMIN})
    try:
        run(qtbot, import_boundaries(admin, demo_cells_renamed()), timeout_ms=60000)
    finally:
        run(qtbot, admin.close())
    qtbot.waitUntil(lambda: pane.feed.base is not base, timeout=10000)
    renamed = {o.code: o.name for o in pane.feed.base.levels["cell"]}
    assert renamed[first.code] == "新" + first.name
    assert pane.heat.layer.base is pane.feed.base
    top = pane.heat.hotspots.model.record(0)
    assert top.name == renamed[top.figures.code]  # the list names the cells anew
    x, y = first.anchor
    pane.view.setRange(QRectF(x - 0.5, y - 0.5, 1, 1), padding=0)
    qtbot.waitUntil(lambda: "新" + first.name in pane.base_layers.names[CELLS].visible_texts())


def test_the_export_carries_the_heat_its_scale_period_and_category(
        qtbot: Any, heat_seat: Any, tmp_path: Path) -> None:
    pane = heat_seat.window.map
    qtbot.mouseClick(pane.layer_boxes[CASES], Qt.MouseButton.LeftButton)  # marks off
    shown(qtbot, pane, Level.STREET, Measure.OVERDUE)
    pane.home()
    legend = pane.heat.legend()
    assert legend is not None and legend.title == "热力：超期数（按街道）"
    image = export.export_png(pane, tmp_path / "heat.png")
    assert QImage(str(tmp_path / "heat.png")).size() == image.size()
    colours = {QColor(c).rgb() for c, _label in legend.steps}
    seen: dict[int, int] = {}
    for x in range(150, image.width() - 150, 9):
        for y in range(300, image.height() - 150, 9):
            rgb = image.pixel(x, y)
            if rgb in colours:
                seen[rgb] = seen.get(rgb, 0) + 1
    assert len(seen) == len(colours)  # every class on the map or at least its swatch
    assert sum(seen.values()) > 2000  # areas filled, not only swatches
