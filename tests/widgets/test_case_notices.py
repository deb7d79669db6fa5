"""The case window shows what the citizen was told and how it stands (pending,
sent, failed), follows the sender's progress live, records a phone call instead
of the SMS with the keyboard, and lets a shift leader change the class."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton

from console.hotline.intake import create_case
from console.notices import delivery
from tests.db.test_notices import Gateway
from tests.factories import draft
from tests.widgets.conftest import run, type_text
from tests.widgets.test_case_detail import button, make_case, manual_category, open_from_queue


def states(detail: Any) -> list[str]:
    model = detail.outbox_model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def test_the_outbox_shows_the_notice_waiting_then_sent(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    assert states(detail) == ["待发送"]
    model = detail.outbox_model
    assert model.data(model.index(0, 0)) == "受理告知"
    assert made.public_no in model.data(model.index(0, 5))
    gateway = Gateway()
    report = run(qtbot, delivery.deliver_due(seat.console.store, gateway))
    assert report.sent == 1 and gateway.sent[0].case_no == made.public_no
    qtbot.waitUntil(lambda: states(detail) == ["已发送"], timeout=5000)  # from the feed
    last = detail.timeline_model.rowCount() - 1
    assert detail.timeline_model.data(detail.timeline_model.index(last, 3)) == \
        "受理告知；短信；已发送"


def test_a_phone_call_is_recorded_with_the_keyboard(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("op_b")
    seat.console.store.roles = frozenset({"operator"})
    made = make_case(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    tell = button(detail, "tell")
    assert tell.text() == "电话告知"
    tell.setFocus()
    qtbot.keyClick(tell, Qt.Key.Key_Return)
    text = detail.findChild(QPlainTextEdit, "tell.text")
    dialog = text.window()
    assert dialog.findChild(QComboBox, "tell.kind").currentData() == "acceptance"
    qtbot.waitUntil(lambda: dialog.focusWidget() is text)
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # nothing said: not recorded
    type_text(text, "已电话告知受理及承诺时限")
    qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(states(detail)) == 2 or bool(detail.message.text()),
                    timeout=5000)
    assert detail.message.text() == ""
    assert states(detail) == ["已取消（改为电话告知）", "已发送"]
    assert detail.outbox_model.data(detail.outbox_model.index(1, 1)) == "电话"
    qtbot.waitUntil(lambda: detail.findChild(QPushButton, "case.action.tell") is None,
                    timeout=5000)  # told: nothing more to record


def test_a_shift_leader_changes_the_class_and_the_window_says_so(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("sl_a")
    seat.console.store.roles = frozenset({"shift_leader"})
    catalog = seat.console.catalog
    made = run(qtbot, create_case(seat.console.store, catalog, draft(
        catalog, category_id=manual_category(catalog))))
    before = catalog.categories[manual_category(catalog)].urgency
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.mouseClick(button(detail, "reclass"), Qt.MouseButton.LeftButton)
    urgency = detail.findChild(QComboBox, "facts.urgency")
    new = next(code for code in ("A", "B", "C") if code != before)
    urgency.setCurrentIndex(urgency.findData(new))
    reason = detail.findChild(QPlainTextEdit, "facts.reason")
    type_text(reason, "涉及老人独居，提级处理")
    qtbot.keyClick(reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.row.urgency == new, timeout=5000)
    last = detail.timeline_model.rowCount() - 1
    said = detail.timeline_model.data(detail.timeline_model.index(last, 3))
    assert f"{before} 类改为 {new} 类" in said and "涉及老人独居" in said
