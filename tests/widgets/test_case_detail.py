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

from console.casework import cases
from console.hotline.intake import create_case
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


def test_a_merge_takes_the_master_s_number_as_typed(qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    seat = open_seat()
    master, duplicate = make_case(qtbot, seat), make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, duplicate.id)
    qtbot.keyClick(button(detail, "merge"), Qt.Key.Key_Space)
    number = detail.findChild(QLineEdit, "facts.master_id")
    dialog = number.window()
    qtbot.keyClicks(number, "PS-19990101-000000")
    qtbot.keyClick(number, Qt.Key.Key_Return)
    message = detail.findChild(QLabel, "case.message")
    qtbot.waitUntil(lambda: message.text() == "找不到该编号的案件", timeout=5000)
    assert detail.row.status == "accepted"

    qtbot.keyClick(button(detail, "merge"), Qt.Key.Key_Space)
    (number,) = [edit for edit in detail.findChildren(QLineEdit, "facts.master_id")
                 if edit.window().isVisible()]  # the dialog asks again, empty
    assert number.window() is not dialog and not number.text()
    qtbot.keyClicks(number, master.public_no.lower())
    qtbot.keyClick(number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.row.status == "merged", timeout=5000)
    assert detail.row.merged_into == master.id
    assert not message.text()


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


def focus_after_tab(qtbot: Any, detail: Any, count: int) -> list[str]:
    """The names of the widgets Tab moves the focus to, one press at a time."""
    names = []
    for _ in range(count):
        qtbot.keyClick(detail.focusWidget(), Qt.Key.Key_Tab)
        names.append(detail.focusWidget().objectName())
    return names


def test_the_case_window_shows_the_number_as_written_and_where_the_case_is(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    made = run(qtbot, create_case(seat.console.store, catalog, draft(
        catalog, category_id=manual_category(catalog), caller_phone="0755-12345678")))
    detail = open_from_queue(qtbot, seat, made.id)
    cell = catalog.grid_cells[detail.row.grid_code]
    facts = detail.findChild(QLabel, "case.facts").text()
    assert "来电：0755 1234 5678" in facts
    assert (f"街道：{catalog.street_name(cell.street_code)}　"
            f"社区：{catalog.communities[cell.community_code].name}　"
            f"网格：{cell.name}（{cell.code}）") in facts


def test_every_move_is_reached_by_tab_and_dispatch_offers_the_street_s_unit(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("dp_a")
    seat.console.store.roles = frozenset({"dispatcher"})
    catalog = seat.console.catalog
    ownerless = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                     if c.is_leaf and not c.auto_dispatch and c.owner_unit_id is None)
    made = run(qtbot, create_case(seat.console.store, catalog,
                                  draft(catalog, category_id=ownerless.id)))
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: button(detail, "dispatch") is not None, timeout=5000)
    assert detail.focusWidget().objectName() == "case.timeline"
    qtbot.keyClick(detail.timeline, Qt.Key.Key_Return)  # Enter on the history moves nothing
    assert detail.findChild(QDialogButtonBox) is None
    moves = [f"case.action.{a}" for a in ("invalidate", "dispatch", "merge", "pause", "tell")]
    assert focus_after_tab(qtbot, detail, 7) == [*moves, "case.text", "case.timeline"]

    focus_after_tab(qtbot, detail, 2)
    assert detail.focusWidget() is button(detail, "dispatch")
    qtbot.keyClick(button(detail, "dispatch"), Qt.Key.Key_Return)
    unit = detail.findChild(QComboBox, "facts.unit_id")
    sub_centre = next(u for u in catalog.units.values()
                      if u.kind == "centre" and u.street_code == detail.row.street_code)
    assert unit.currentData() == sub_centre.id
    hint = detail.findChild(QLabel, "facts.suggestion").text()
    assert hint == f"建议：{sub_centre.name}（事发街道）"
    dialog = unit.window()
    qtbot.waitUntil(lambda: dialog.focusWidget() is unit)  # the dialog opens on the unit
    qtbot.keyClick(unit, Qt.Key.Key_Tab)
    note = detail.findChild(QPlainTextEdit, "facts.note")
    assert dialog.focusWidget() is note
    type_text(note, "请重点核实夜间施工噪音")
    qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: detail.row.status == "dispatched", timeout=5000)
    assert detail.row.assigned_unit_id == sub_centre.id
    qtbot.waitUntil(lambda: detail.timeline_model.rowCount() == 2, timeout=5000)
    entry = detail.timeline_model.data(detail.timeline_model.index(1, 3))
    assert entry == f"{sub_centre.name}；请重点核实夜间施工噪音"
    qtbot.waitUntil(lambda: detail.focusWidget() is detail.timeline,
                    timeout=5000)  # the pressed button went away: the focus is on the history
    assert focus_after_tab(qtbot, detail, 1) == ["case.action.start"]  # the next move


def test_a_category_s_owner_is_offered_first(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("dp_a")
    seat.console.store.roles = frozenset({"dispatcher"})
    catalog = seat.console.catalog
    owned = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                 if c.is_leaf and not c.auto_dispatch and c.owner_unit_id is not None
                 and not c.territorial)
    made = run(qtbot, create_case(seat.console.store, catalog,
                                  draft(catalog, category_id=owned.id)))
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: detail.findChild(QPushButton, "case.action.dispatch") is not None,
                    timeout=5000)
    qtbot.keyClick(button(detail, "dispatch"), Qt.Key.Key_Space)
    unit = detail.findChild(QComboBox, "facts.unit_id")
    assert unit.currentData() == owned.owner_unit_id
    owner = catalog.unit_name(owned.owner_unit_id)
    assert detail.findChild(QLabel, "facts.suggestion").text() == f"建议：{owner}（分类的责任单位）"
    qtbot.keyClick(unit.lineEdit(), Qt.Key.Key_Return)  # Enter takes the suggestion
    qtbot.waitUntil(lambda: detail.row.assigned_unit_id == owned.owner_unit_id, timeout=5000)
