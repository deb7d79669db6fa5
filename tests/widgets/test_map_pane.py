"""The map pane at a seat with demo data: it loads, layers switch, hovering names a
case, a click opens it, Shift+drag selects cases into the queue, a case made at
another seat appears within a second, and the view exports for print."""

import datetime as dt
import time
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from console.core.events import Event, Kind
from console.core.store import Store
from console.duty.duty_setup import load_setup
from console.duty.roster import on_duty
from console.hotline.intake import create_case
from console.mapview import map_cases
from db.engine import libpq_conninfo
from tests.factories import draft
from tests.widgets.conftest import run
from tests.widgets.map_fixture import seat_with_cases
from widgets.map import export
from widgets.map.map_feed import LONGEST_WAIT_MS
from widgets.map.map_pane import MapPane
from widgets.map.style import CASES, CELLS, POSTS

MOVE_GAP_MS = 30


@pytest.fixture
def demo_seat(qtbot: Any, open_seat: Any, database_url: str) -> Any:
    """A seat on a database with generated cases and the roster, its map floated
    at a size where it can be seen whole."""
    return seat_with_cases(qtbot, open_seat, database_url, count=400, days=8,
                           width=1000, height=760)


def pixel_of(pane: MapPane, x: float, y: float) -> QPoint:
    return pane.canvas.mapFromScene(pane.view.mapViewToScene(QPointF(x, y)))


def hover_at(qtbot: Any, pane: MapPane, point: QPoint) -> None:
    """The pointer moved onto ``point``, from elsewhere (a move to where the pointer
    is brings no event) and not sooner than pyqtgraph passes moves on (100 a second)."""
    QTest.mouseMove(pane.canvas.viewport(), point + QPoint(40, 40))
    qtbot.wait(MOVE_GAP_MS)
    QTest.mouseMove(pane.canvas.viewport(), point)


def close_on(pane: MapPane, qtbot: Any, row: int) -> QPoint:
    """The view 200 m across around the case in ``row``, each case its own; its pixel."""
    x, y = float(pane.cases.x[row]), float(pane.cases.y[row])
    pane.view.setRange(QRectF(x - 0.1, y - 0.1, 0.2, 0.2), padding=0)
    qtbot.waitUntil(lambda: pane.cases.clustered is None and row in set(pane.cases.singles))
    return pixel_of(pane, x, y)


def test_the_map_shows_the_district_its_posts_and_every_open_case(
        qtbot: Any, demo_seat: Any) -> None:
    pane, store = demo_seat.window.map, demo_seat.console.store
    expected = run(qtbot, map_cases.read_open_cases(store))
    assert len(expected) > 100
    assert set(pane.cases.marks.ids) == set(expected.ids)
    assert f"未办结 {len(expected):,} 件在图上" in pane.status.text()
    assert len(pane.base_layers.outlines[CELLS].boundingRect().getRect()) == 4
    assert sum(len(p.posts) for p in pane.base_layers.places) == 38
    # At the whole district: clusters with counts, names of streets and communities only.
    pane.home()
    qtbot.waitUntil(lambda: pane.cases.clustered is not None)
    assert pane.cases.clustered.count.sum() == len(expected)
    assert pane.base_layers.names[CELLS].visible_texts() == []
    assert "坑梓街道" in pane.base_layers.names["streets"].visible_texts()
    x, y = pane.base_layers.places[-1].x, pane.base_layers.places[-1].y
    pane.view.setRange(QRectF(x - 1, y - 1, 2, 2), padding=0)
    qtbot.waitUntil(lambda: bool(pane.base_layers.names[CELLS].visible_texts()))
    assert pane.base_layers.names["streets"].visible_texts() == []


def test_layers_switch_on_and_off_with_the_legend(qtbot: Any, demo_seat: Any) -> None:
    pane = demo_seat.window.map
    assert "网格" in pane.legend.texts() and "已超时" in pane.legend.texts()
    qtbot.mouseClick(pane.layer_boxes[CELLS], Qt.MouseButton.LeftButton)
    assert not pane.base_layers.outlines[CELLS].isVisible()
    assert not pane.base_layers.names[CELLS].isVisible()
    assert "网格" not in pane.legend.texts()
    qtbot.mouseClick(pane.layer_boxes[CASES], Qt.MouseButton.LeftButton)
    assert "已超时" not in pane.legend.texts()
    row = 0
    point = close_on(pane, qtbot, row)
    assert pane.text_at(pane.view.mapSceneToView(pane.canvas.mapToScene(point))) == ""
    qtbot.mouseClick(pane.layer_boxes[CASES], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.layer_boxes[CELLS], Qt.MouseButton.LeftButton)
    assert pane.base_layers.outlines[CELLS].isVisible() and "网格" in pane.legend.texts()
    qtbot.mouseClick(pane.layer_boxes[POSTS], Qt.MouseButton.LeftButton)
    assert not pane.base_layers.posts.isVisible()


def test_hovering_a_case_says_what_it_is_and_a_click_opens_it(qtbot: Any, demo_seat: Any
                                                               ) -> None:
    window, pane = demo_seat.window, demo_seat.window.map
    marks = pane.cases.marks
    row = int(np.flatnonzero(marks.unit_id >= 0)[0])
    point = close_on(pane, qtbot, row)
    hover_at(qtbot, pane, point)
    qtbot.waitUntil(lambda: marks.public_no[row] in pane.hover_text.text())
    category = window.catalog.categories[int(marks.category_id[row])]
    text = pane.hover_text.text()
    assert category.path in text
    assert window.catalog.unit_name(int(marks.unit_id[row])) in text
    assert "剩余" in text or "已超时" in text
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: marks.case_id(row) in window._details)
    assert window._details[marks.case_id(row)].isVisible()


def test_hovering_a_duty_post_says_who_is_on_duty(qtbot: Any, demo_seat: Any) -> None:
    pane = demo_seat.window.map
    place = next(p for p in pane.base_layers.places if p.staffed and len(p.posts) == 1)
    pane.view.setRange(QRectF(place.x - 0.3, place.y - 0.3, 0.6, 0.6), padding=0)
    hover_at(qtbot, pane, pixel_of(pane, place.x, place.y))
    post = place.posts[0]
    qtbot.waitUntil(lambda: post.name in pane.hover_text.text())
    assert f"在岗：{post.people[0][0]}" in pane.hover_text.text()


def test_shift_drag_selects_the_cases_in_the_rectangle_into_the_queue(
        qtbot: Any, demo_seat: Any) -> None:
    window, pane = demo_seat.window, demo_seat.window.map
    pane.home()
    x0, y0, x1, y1 = pane.feed.base.bounds
    corner, end = pixel_of(pane, x0, y1), pixel_of(pane, (x0 + x1) / 2, (y0 + y1) / 2)
    viewport = pane.canvas.viewport()
    shift = Qt.KeyboardModifier.ShiftModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, shift, corner)
    for step in range(1, 6):  # moved with the button and Shift held (QTest.mouseMove has neither)
        at = QPointF(corner + (end - corner) * step / 5)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, at, viewport.mapToGlobal(at), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, shift))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, shift, end)
    qtbot.waitUntil(lambda: window.queue.only_cases is not None)
    left, top = pane.view.mapSceneToView(pane.canvas.mapToScene(corner)).toTuple()
    right, bottom = pane.view.mapSceneToView(pane.canvas.mapToScene(end)).toTuple()
    xs, ys = pane.cases.x, pane.cases.y
    inside = (xs >= left) & (xs <= right) & (ys <= top) & (ys >= bottom)
    wanted = set(pane.cases.marks.case_ids(np.flatnonzero(inside)))
    assert 0 < len(wanted) < len(pane.cases.marks)
    assert window.queue.only_cases == wanted
    model = window.queue.model
    qtbot.waitUntil(lambda: {model.case_id(r) for r in range(model.rowCount())} == wanted,
                    timeout=5000)
    assert window.queue.selection_chip.isVisible()
    assert f"{len(wanted)} 件" in window.queue.selection_chip.text()
    assert set(pane.cases.marks.case_ids(pane.cases.selected)) == wanted  # ringed on the map
    qtbot.mouseClick(window.queue.selection_chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() > len(wanted), timeout=5000)
    assert len(pane.cases.selected) == 0  # let go in the queue: let go on the map
    pane.select_rect(QRectF(QPointF(left, bottom), QPointF(right, top)))
    assert window.queue.only_cases == wanted
    QTest.keyClick(pane.canvas, Qt.Key.Key_Escape)  # and the other way round
    assert window.queue.only_cases is None and len(pane.cases.selected) == 0


def test_a_case_made_at_another_seat_appears_within_a_second(
        qtbot: Any, demo_seat: Any, database_url: str) -> None:
    pane, catalog = demo_seat.window.map, demo_seat.console.catalog
    other = Store(database_url, "op_other")
    try:
        made = run(qtbot, create_case(other, catalog, draft(catalog)))
        written = time.perf_counter()
        qtbot.waitUntil(lambda: pane.cases.marks.row_of(made.id) is not None, timeout=5000)
        assert time.perf_counter() - written < 1.0
    finally:
        run(qtbot, other.close())
    row = pane.cases.marks.row_of(made.id)
    assert pane.cases.marks.at_cell[row]  # no point of its own: at its cell's centre
    centre = pane.feed.base.anchor("cell", draft(catalog).grid_code)
    assert (pane.cases.x[row], pane.cases.y[row]) == pytest.approx(centre)


def test_picking_a_point_gives_its_longitude_and_latitude(qtbot: Any, demo_seat: Any) -> None:
    pane = demo_seat.window.map
    pane.home()
    pane.start_picking()
    base = pane.feed.base
    x, y = base.anchor("community", "S01C01")
    with qtbot.waitSignal(pane.point_picked) as picked:
        qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton,
                         pos=pixel_of(pane, x, y))
    lon, lat = picked.args
    assert base.plane.to_xy(lon, lat) == pytest.approx((x, y), abs=0.1)
    assert not pane.picking
    pane.start_picking()
    with qtbot.waitSignal(pane.picking_cancelled):
        QTest.keyClick(pane.canvas, Qt.Key.Key_Escape)


def test_the_view_exports_at_print_resolution(qtbot: Any, demo_seat: Any,
                                              tmp_path: Path) -> None:
    pane = demo_seat.window.map
    pane.home()
    path = tmp_path / "map.png"
    export.export_png(pane, path)
    image = QImage(str(path))
    assert (image.width(), image.height()) == export.A4_LANDSCAPE
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    colours = {image.pixelColor(x, y).name() for x in range(200, 3300, 37)
               for y in range(400, 2400, 37)}
    assert len(colours) > 10  # a map was drawn, not an empty page


def test_an_export_that_cannot_be_written_says_so(qtbot: Any, demo_seat: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pane = demo_seat.window.map
    target = tmp_path / "no such folder" / "map.png"
    monkeypatch.setattr(export.QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    export.ask_and_export(pane)
    assert pane.status.text().startswith(f"无法写入 {target}")
    assert not target.exists()
    target = tmp_path / "map.png"
    export.ask_and_export(pane)
    assert pane.status.text() == f"已导出：{target}" and target.exists()


def test_a_case_moved_elsewhere_moves_on_the_map(qtbot: Any, demo_seat: Any,
                                                 database_url: str) -> None:
    """A change of place reaches the map as any change does: its event names the
    case, the map reads that case again. (It moves to another cell's centre: the
    database keeps a case's point inside its cell.)"""
    pane = demo_seat.window.map
    marks = pane.cases.marks
    row = 0
    case_id = marks.case_id(row)
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as owner, \
            owner.transaction():
        grid, community, street, lon, lat = owner.execute(
            "SELECT g.code, g.community_code, g.street_code, g.centroid_lon, g.centroid_lat"
            ' FROM grid_cell g JOIN "case" c ON c.id = %s WHERE g.code <> c.grid_code'
            " ORDER BY g.code LIMIT 1", (case_id,)).fetchone()
        owner.execute('UPDATE "case" SET lon = %s, lat = %s, grid_code = %s,'
                      " community_code = %s, street_code = %s WHERE id = %s",
                      (lon, lat, grid, community, street, case_id))
        owner.execute("INSERT INTO case_event (case_id, actor, kind, payload) VALUES"
                      " (%s, 'demo', 'progress_noted', '{}')", (case_id,))

    def moved() -> bool:
        now = pane.cases.marks
        at = now.row_of(case_id)
        return at is not None and (now.lon[at], now.lat[at]) == (lon, lat)

    qtbot.waitUntil(moved, timeout=5000)
    at = pane.cases.marks.row_of(case_id)
    assert (pane.cases.x[at], pane.cases.y[at]) == pytest.approx(
        tuple(float(v) for v in pane.feed.base.plane.to_xy(lon, lat)))
    assert len(pane.cases.marks) == len(marks)  # the others stay


def test_who_is_on_duty_follows_the_roster_and_the_next_shift_change(
        qtbot: Any, demo_seat: Any, database_url: str) -> None:
    """No polling: the posts are read again when a roster (or handover) event comes,
    and when the next shift begins, by a single-shot timer set to that moment."""
    pane, store = demo_seat.window.map, demo_seat.console.store
    feed = pane.feed
    setup = run(qtbot, load_setup(store))
    change = feed.shift_change
    assert change is not None and change > store.clock.now()
    assert setup.next_change(change - dt.timedelta(seconds=1)) == change  # a boundary
    assert feed.posts_timer.isActive() and feed.posts_timer.isSingleShot()
    wait_ms = min((change - store.clock.now()).total_seconds() * 1000, LONGEST_WAIT_MS)
    assert abs(feed.posts_timer.remainingTime() - wait_ms) < 10_000  # (set again after 6 h)
    assert feed.apply_events([Event(1, None, change, "x", Kind.HANDOVER, {})])
    # Another seat's roster change: the post's people are read again.
    place = next(p for p in pane.base_layers.places if p.staffed and len(p.posts) == 1)
    post = place.posts[0]
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as owner, \
            owner.transaction():
        for duty in run(qtbot, on_duty(store)):
            if duty.post_id == post.id:
                owner.execute("DELETE FROM roster_entry WHERE id = %s", (duty.id,))
        owner.execute("INSERT INTO case_event (actor, kind, payload) VALUES"
                      " ('demo', 'roster_changed', '{\"action\": \"removed\"}')")

    def emptied() -> bool:
        now = [q for p in pane.base_layers.places for q in p.posts if q.id == post.id]
        return len(now) == 1 and not now[0].people

    qtbot.waitUntil(emptied, timeout=5000)
    # The shift change itself: the timer's moment reads the posts and sets it again.
    with qtbot.waitSignal(feed.posts_read, timeout=5000):
        feed.posts_timer.timeout.emit()
    qtbot.waitUntil(lambda: not feed.follower.busy, timeout=5000)
    assert feed.posts_timer.isActive() and feed.shift_change == change
