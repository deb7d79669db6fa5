"""Multi-line text boxes in forms, driven by keys: Tab leaves the box, Ctrl+Enter
(either Enter key) saves, from the text or any other field; a window shortcut on
the same keys does not take them from a form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from tests.catalog_fixture import small_catalog
from tests.widgets.conftest import type_text
from widgets.common.facts_dialog import FactsDialog
from widgets.common.form_keys import submit_with_ctrl_enter
from widgets.supervision.supervisor_board import SupervisionDialog

CTRL = Qt.KeyboardModifier.ControlModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_window_shortcut_on_the_same_keys_does_not_take_them_from_a_form(
        qtbot: Any) -> None:
    window = QMainWindow()
    window_saves: list[bool] = []
    action = QAction("save the call", window)
    action.setShortcut(QKeySequence("Ctrl+Return"))
    action.triggered.connect(lambda: window_saves.append(True))
    window.addAction(action)
    central, form = QWidget(), QWidget()
    notes, name, elsewhere = QPlainTextEdit(), QLineEdit(), QLineEdit()
    layout = QVBoxLayout(form)
    layout.addWidget(notes)
    layout.addWidget(name)
    outer = QVBoxLayout(central)
    outer.addWidget(form)
    outer.addWidget(elsewhere)
    window.setCentralWidget(central)
    submitted: list[bool] = []
    submit_with_ctrl_enter(form, lambda: submitted.append(True))
    shown(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a window's shortcuts work in the active window

    notes.setFocus()
    type_text(notes, "第一行")
    qtbot.keyClick(notes, Qt.Key.Key_Return)  # Enter is a new line
    type_text(notes, "第二行")
    qtbot.keyClick(notes, Qt.Key.Key_Return, CTRL)
    qtbot.keyClick(notes, Qt.Key.Key_Enter, CTRL | KEYPAD)
    assert (submitted, window_saves) == ([True, True], [])
    assert notes.toPlainText() == "第一行\n第二行"  # no line break, no tab added

    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert window.focusWidget() is name
    qtbot.keyClick(name, Qt.Key.Key_Return, CTRL)
    assert (len(submitted), window_saves) == (3, [])
    elsewhere.setFocus()
    qtbot.keyClick(elsewhere, Qt.Key.Key_Return, CTRL)  # outside the form: the window's own
    assert (len(submitted), window_saves) == (3, [True])


def test_the_answer_on_the_spot_is_saved_with_ctrl_enter_and_never_empty(qtbot: Any) -> None:
    dialog = shown(qtbot, FactsDialog("answer", small_catalog()))
    answer = dialog.findChild(QPlainTextEdit, "facts.answer")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text().endswith("Ctrl+Enter")  # the button says which keys save
    qtbot.waitUntil(lambda: dialog.focusWidget() is answer)
    qtbot.keyClick(answer, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and not dialog.result()
    assert dialog.findChild(QLabel, "facts.error").text() == "请填写答复内容"

    type_text(answer, "已告知办理地点和所需材料")
    qtbot.keyClick(answer, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ok and answer.toPlainText() == "已告知办理地点和所需材料"
    qtbot.keyClick(ok, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is answer
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(answer, Qt.Key.Key_Enter, CTRL | KEYPAD)
    assert dialog.facts() == {"answer": "已告知办理地点和所需材料"}


def test_the_supervision_order_tabs_to_its_deadline_and_saves_from_there(qtbot: Any) -> None:
    now = dt.datetime(2026, 11, 22, 9, 30, tzinfo=CENTRE_TZ)
    dialog = shown(qtbot, SupervisionDialog(2, now))
    text = dialog.findChild(QPlainTextEdit, "supervision.text")
    due = dialog.findChild(QDateTimeEdit, "supervision.due")
    qtbot.waitUntil(lambda: dialog.focusWidget() is text)
    type_text(text, "请于明日前办结并书面回复")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is due
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(due, Qt.Key.Key_Return, CTRL)
    assert text.toPlainText() == "请于明日前办结并书面回复"
    assert dialog.reply_due() == now + dt.timedelta(days=1)
