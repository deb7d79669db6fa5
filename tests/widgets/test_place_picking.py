"""Picking the case's place on the map at intake, as an operator does: Ctrl+G at the
call screen, a click (or the arrow keys and Enter) on the map, and the form has
the point, its grid cell, community and street; a point outside the district is
refused and changes nothing; Esc cancels; a cell chosen without a point places the
case at the cell's centre; the saved case has its point."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QLabel

from console.geo.locate import Locator
from tests.widgets.call_screen_helpers import find, manual_leaf, saved_case, saved_no
from tests.widgets.conftest import run, type_text
from tests.widgets.operator_keys import Operator
from widgets.map.map_pane import MapPane
from widgets.map.picking import STEP_SHARE

CELL = "S01C01G006"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def seat(qtbot: Any, open_seat: Any) -> Any:
    """A seat whose map has its outlines, the cursor in the address box."""
    seat = open_seat()
    pane: MapPane = seat.window.map
    qtbot.waitUntil(lambda: pane.feed.base is not None, timeout=15000)
    seat.window.call_screen.address.setFocus()
    Operator(qtbot, seat.window).at("call.address")
    return seat


def pixel_of(pane: MapPane, lon: float, lat: float) -> QPoint:
    x, y = pane.feed.base.plane.to_xy(lon, lat)
    return pane.canvas.mapFromScene(pane.view.mapViewToScene(QPointF(float(x), float(y))))


def look_at(pane: MapPane, lon: float, lat: float, km: float = 1.0) -> None:
    """The operator zooms the map to ``km`` across about (lon, lat)."""
    x, y = pane.feed.base.plane.to_xy(lon, lat)
    pane.view.setRange(QRectF(float(x) - km / 2, float(y) - km / 2, km, km), padding=0)


def start_picking(qtbot: Any, op: Operator, pane: MapPane) -> None:
    op.press(Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: pane.picking)
    op.at("map.canvas")
    qtbot.waitExposed(pane.canvas)


def click(qtbot: Any, pane: MapPane, lon: float, lat: float) -> None:
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=pixel_of(pane, lon, lat))


def test_a_click_on_a_cell_fills_the_point_cell_community_and_street(
        qtbot: Any, seat: Any) -> None:
    window, pane = seat.window, seat.window.map
    call, catalog = window.call_screen, seat.console.catalog
    op = Operator(qtbot, window)
    type_text(call.address, "秀新路口")
    start_picking(qtbot, op, pane)
    assert window.map_dock.isVisible() and pane.isVisible()
    assert pane.canvas.cursor().shape() == Qt.CursorShape.CrossCursor
    assert pane.pick.hint.isVisible() and "点击位置" in pane.pick.hint.text()
    assert "Esc 取消" in pane.pick.hint.text()
    lon, lat = seat.console.locator.locator.centre_of(CELL)
    look_at(pane, lon, lat)
    click(qtbot, pane, lon, lat)

    cell = catalog.grid_cells[CELL]
    assert not pane.picking and not pane.pick.hint.isVisible()
    assert (call.place.street_code, call.place.community_code, call.place.grid_code) == (
        cell.street_code, cell.community_code, CELL)
    point = call.location.point
    assert point is not None
    assert (point.lon, point.lat) == pytest.approx((lon, lat), abs=2e-5)  # a pixel or so
    draft = call.draft()
    assert (draft.lon, draft.lat) == (point.lon, point.lat)
    words = find(window, QLabel, "call.location").text()
    street, community = catalog.streets[cell.street_code], catalog.communities[cell.community_code]
    assert words.startswith(f"地图选点：{street.name} · {community.name} · 第6网格（")
    assert f"{point.lon:.6f}, {point.lat:.6f}" in words
    assert call.place.grid.text() == "第6网格"  # the boxes show the names too
    op.at("call.address")  # back where the operator was
    assert call.address.text() == "秀新路口"


def test_a_point_outside_the_district_is_refused_and_the_form_stays_as_it_was(
        qtbot: Any, seat: Any) -> None:
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    call.place.set_codes(None, None, "S02C01G001")
    before = call.draft()
    start_picking(qtbot, op, pane)
    x0, y0, _x1, _y1 = pane.feed.base.bounds
    lon, lat = pane.feed.base.plane.to_lonlat(x0 - 3, y0 - 3)  # south-west of everything
    assert seat.console.locator.locator.locate(lon, lat) is None
    look_at(pane, lon, lat, km=4)
    click(qtbot, pane, lon, lat)

    assert pane.picking  # the operator may click again
    assert "不在本区范围内" in pane.pick.hint.text()
    assert "不在本区范围内" in find(window, QLabel, "call.status").text()
    assert call.draft() == before
    assert call.location.point is None
    assert find(window, QLabel, "call.location").text().startswith("位置取网格中心：")
    op.press(Qt.Key.Key_Escape)
    assert not pane.picking
    op.at("call.address")
    assert call.draft() == before


def test_the_arrow_keys_move_the_crosshair_and_enter_picks(qtbot: Any, seat: Any) -> None:
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    locator, plane = seat.console.locator.locator, pane.feed.base.plane
    middle = locator.locate(*plane.to_lonlat(*pane.feed.base.levels["district"][0].anchor))
    assert middle is not None
    # A cell and no point: the crosshair starts at the cell's centre.
    call.place.set_codes(None, None, middle.cell)
    start_picking(qtbot, op, pane)
    x, y = plane.to_xy(*locator.centre_of(middle.cell))
    assert (pane.pick.cross.at.x(), pane.pick.cross.at.y()) == pytest.approx(
        (float(x), float(y)))
    cell_name = seat.console.catalog.grid_cells[middle.cell].name
    assert cell_name[-4:] in pane.pick.hint.text()  # says where the crosshair is
    step = pane.view.viewRect().width() * STEP_SHARE
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Up):
        op.press(key)
    at = pane.pick.cross.at
    assert (at.x(), at.y()) == pytest.approx((float(x) + 2 * step, float(y) + step))
    lon, lat = plane.to_lonlat(at.x(), at.y())
    expected = locator.locate(lon, lat)
    assert expected is not None
    op.press(Qt.Key.Key_Return)

    assert not pane.picking
    point = call.location.point
    assert point is not None and (point.lon, point.lat) == pytest.approx((lon, lat))
    assert (call.place.street_code, call.place.community_code, call.place.grid_code) == (
        expected.street, expected.community, expected.cell)
    op.at("call.address")


def test_esc_cancels_and_so_does_going_to_another_pane(qtbot: Any, seat: Any) -> None:
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    before = call.draft()
    start_picking(qtbot, op, pane)
    op.press(Qt.Key.Key_Escape)
    assert not pane.picking and not pane.pick.cross.visible
    assert pane.canvas.cursor().shape() != Qt.CursorShape.CrossCursor
    assert find(window, QLabel, "call.status").text() == "已取消地图选点，位置未改"
    op.at("call.address")
    assert call.draft() == before
    start_picking(qtbot, op, pane)
    op.press(Qt.Key.Key_F4)  # to the queue: a pick left half done ends there
    op.at("queue.table")
    assert not pane.picking
    assert call.draft() == before


def test_a_cell_without_a_point_is_saved_at_the_cells_centre(qtbot: Any, seat: Any) -> None:
    window, call = seat.window, seat.window.call_screen
    op = Operator(qtbot, window)
    call.phone.setFocus()
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)
    op.at("call.text")
    op.type("路灯不亮")
    call.place.set_codes(None, "S01C01", None)  # the community the caller named
    call.place.grid.setFocus()
    op.at("call.grid")
    type_text(call.place.grid, "第6网格")
    op.press(Qt.Key.Key_Return)
    assert call.place.grid_code == CELL
    words = find(window, QLabel, "call.location").text()
    centre = seat.console.locator.locator.centre_of(CELL)
    assert words.startswith("位置取网格中心：") and f"{centre[0]:.6f}" in words
    assert (call.draft().lon, call.draft().lat) == (None, None)  # the database's centre
    call.category.choose(manual_leaf(seat))
    call.save()
    case = saved_case(qtbot, seat, saved_no(qtbot, window))
    assert case.grid_code == CELL
    assert (case.lon, case.lat) == centre


def test_the_saved_case_has_the_point_picked(qtbot: Any, seat: Any) -> None:
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    type_text(call.text, "井盖缺失")
    call.category.choose(manual_leaf(seat))
    call.phone.setText("13812345678")
    call.place.set_codes(None, None, CELL)
    start_picking(qtbot, op, pane)
    op.press(Qt.Key.Key_Left)
    op.press(Qt.Key.Key_Return)
    point = call.location.point
    assert point is not None
    call.save()
    case = saved_case(qtbot, seat, saved_no(qtbot, window))
    assert (case.lon, case.lat) == (point.lon, point.lat)
    assert case.grid_code == point.cell and case.community_code == point.community


def test_another_cell_chosen_after_picking_drops_the_point(qtbot: Any, seat: Any) -> None:
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    call.place.set_codes(None, None, CELL)
    start_picking(qtbot, op, pane)
    op.press(Qt.Key.Key_Return)
    assert call.location.point is not None
    call.place.grid.setFocus()
    op.at("call.grid")
    call.place.grid.selectAll()
    type_text(call.place.grid, "第6")  # retyping: the point waits for its cell
    assert call.location.point is None and call.draft().lon is None
    op.press(Qt.Key.Key_Return)  # takes 第6网格 again: the point is kept
    assert call.place.grid_code == CELL and call.location.point is not None
    call.place.grid.setFocus()
    op.at("call.grid")
    call.place.grid.selectAll()
    type_text(call.place.grid, "第1网格")
    op.press(Qt.Key.Key_Return)
    assert call.place.grid_code == "S01C01G001"
    assert call.location.point is None and call.draft().lon is None
    assert find(window, QLabel, "call.location").text().startswith("位置取网格中心：")
    assert "所选网格与地图选点不符" in find(window, QLabel, "call.status").text()
    call.place.set_codes(None, None, CELL)
    assert call.location.point is None  # dropped for good, not waiting


def test_the_map_pins_the_place_the_form_has(qtbot: Any, seat: Any) -> None:
    """No place, no pin; a cell alone: a hollow pin at its centre; a point picked: a
    filled pin on it, kept while the map picks again; hovering the pin says the place
    in the form's words; the form cleared after a save: no pin."""
    window, pane, call = seat.window, seat.window.map, seat.window.call_screen
    op = Operator(qtbot, window)
    plane, locator = pane.feed.base.plane, seat.console.locator.locator

    def pinned_at() -> tuple[float, float] | None:
        at = pane.place.at
        return None if at is None else plane.to_lonlat(at.x(), at.y())

    assert pinned_at() is None
    call.place.set_codes(None, None, CELL)
    assert pinned_at() == pytest.approx(locator.centre_of(CELL))
    assert not pane.place.picked
    start_picking(qtbot, op, pane)
    assert pinned_at() == pytest.approx(locator.centre_of(CELL))  # while picking, too
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Return):
        op.press(key)
    point = call.location.point
    assert point is not None
    assert pinned_at() == pytest.approx((point.lon, point.lat))
    assert pane.place.picked
    look_at(pane, point.lon, point.lat, km=0.5)
    x, y = plane.to_xy(point.lon, point.lat)
    head = pane.view.mapSceneToView(pane.view.mapViewToScene(QPointF(float(x), float(y)))
                                    + QPointF(0, -18))  # on the pin's head, above its tip
    words = find(window, QLabel, "call.location").text()
    assert words.startswith("地图选点：") and pane.text_at(head) == words
    start_picking(qtbot, op, pane)  # picking again: the pin stays where the case is
    assert pinned_at() == pytest.approx((point.lon, point.lat))
    op.press(Qt.Key.Key_Escape)
    call.location.clear()
    call.place.set_codes(None, None, None)
    assert pinned_at() is None


def test_a_point_picked_before_the_cells_are_loaded_waits_for_them(
        qtbot: Any, open_seat: Any) -> None:
    """The start reads the grid cells just after the window shows: a point picked before
    they are in is refused as not loaded yet (not as outside the district), and taken once
    they are."""
    seat = open_seat(places=False)
    window, call, live = seat.window, seat.window.call_screen, seat.console.locator
    assert not live.loaded
    pane: MapPane = window.map
    qtbot.waitUntil(lambda: pane.feed.base is not None, timeout=15000)
    cells = run(qtbot, Locator.load(seat.console.store))
    lon, lat = cells.centre_of(CELL)
    assert live.locate(lon, lat) is None and live.centre_of(CELL) is None
    call.address.setFocus()
    op = Operator(qtbot, window)
    op.at("call.address")
    before = call.draft()
    start_picking(qtbot, op, pane)
    look_at(pane, lon, lat)
    click(qtbot, pane, lon, lat)

    assert pane.picking  # the operator may click again
    assert "网格边界还在载入" in find(window, QLabel, "call.status").text()
    assert call.draft() == before and call.location.point is None

    run(qtbot, seat.console.load_places())
    assert live.loaded and live.centre_of(CELL) == cells.centre_of(CELL)
    click(qtbot, pane, lon, lat)
    assert not pane.picking
    assert call.place.grid_code == CELL and call.location.point is not None
