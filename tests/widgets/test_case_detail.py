"""The case window: opened from the queue with Enter, moves made with clicks and
keys, the history growing live, a lost race explained."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
)

from console import cases
from console.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run, type_text


def manual_category(catalog: Any) -> int:
    return next(c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and not c.auto_dispatch)


def make_case(qtbot: Any, seat: Any) -> Any:
    catalog = seat.console.catalog
    return run(qtbot, create_case(seat.console.store, catalog,
                                  draft(catalog, category_id=manual_category(catalog))))


def open_from_queue(qtbot: Any, seat: Any, case_id: Any) -> Any:
    model, table = seat.window.queue.model, seat.window.queue.table
    qtbot.waitUntil(lambda: model.row_of(case_id) is not None, timeout=5000)
    table.setCurrentIndex(model.index(model.row_of(case_id), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    detail = seat.window._details[case_id]  # noqa: SLF001
    qtbot.waitUntil(lambda: detail.row is not None, timeout=5000)
    return detail


def button(detail: Any, action: str) -> QPushButton:
    found = detail.findChild(QPushButton, f"case.action.{action}")
    assert found is not None, action
    return found


def test_dispatch_from_the_case_window(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    assert detail.findChild(QLabel, "case.title").text().startswith(made.public_no)
    assert detail.timeline_model.rowCount() == 1

    qtbot.mouseClick(button(detail, "dispatch"), Qt.MouseButton.LeftButton)
    facts = detail.findChild(QComboBox, "facts.unit_id").window()
    unit = facts.findChild(QComboBox, "facts.unit_id")
    unit.setFocus()
    type_text(unit.lineEdit(), "坪山区交通运输局")
    ok = facts.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: detail.timeline_model.rowCount() == 2, timeout=5000)
    assert detail.timeline_model.data(detail.timeline_model.index(1, 2)) == "分拨"
    assert "坪山区交通运输局" in detail.timeline_model.data(detail.timeline_model.index(1, 3))
    qtbot.waitUntil(lambda: detail.row.status == "dispatched", timeout=5000)
    assert detail.findChild(QPushButton, "case.action.dispatch") is None
    qtbot.waitUntil(lambda: detail.findChild(QPushButton, "case.action.resolve") is not None)


def test_a_move_without_its_reason_is_refused_in_the_dialog(qtbot: Any,
                                                          open_seat: Any) -> None:
    seat = open_seat()
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.mouseClick(button(detail, "invalidate"), Qt.MouseButton.LeftButton)
    reason = detail.findChild(QPlainTextEdit, "facts.reason")
    dialog = reason.window()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "facts.error").text() == "请填写原因"
    type_text(reason, "测试来电，无实际诉求")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.row.status == "invalid", timeout=5000)
    entry = detail.timeline_model.index(1, 3)
    assert detail.timeline_model.data(entry) == "测试来电，无实际诉求"


def test_losing_a_race_says_who_moved_the_case(qtbot: Any, open_seat: Any) -> None:
    a, b = open_seat("op_a"), open_seat("dp_b")
    made = make_case(qtbot, a)
    detail = open_from_queue(qtbot, a, made.id)
    shown_version = detail.row.version
    unit = sorted(u.id for u in b.console.catalog.units.values())[0]
    run(qtbot, cases.perform(b.console.store, made.id, "dispatch", 1, unit_id=unit))
    detail.row = detail.row.__class__(**{**detail.row.__dict__, "version": shown_version,
                                         "status": "accepted"})  # A still shows the old state
    detail._perform("invalidate", {"reason": "重复"})  # noqa: SLF001
    message = detail.findChild(QLabel, "case.message")
    qtbot.waitUntil(lambda: "dp_b" in message.text(), timeout=5000)
    assert "分拨" in message.text()
    qtbot.waitUntil(lambda: detail.row.status == "dispatched", timeout=5000)


def test_an_automatic_dispatch_says_why(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    owned = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                 if c.is_leaf and c.auto_dispatch and c.owner_unit_id and not c.territorial)
    made = run(qtbot, create_case(seat.console.store, catalog,
                                  draft(catalog, category_id=owned.id)))
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: detail.timeline_model.rowCount() == 2, timeout=5000)
    reason = detail.timeline_model.data(detail.timeline_model.index(1, 3))
    assert reason == (f"自动分拨：分类「{owned.name}」归属 "
                      f"{catalog.unit_name(owned.owner_unit_id)}")
    assert detail.timeline_model.data(detail.timeline_model.index(1, 1)) == "系统"
