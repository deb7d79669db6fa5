"""The admin's time-limit and calendar editor."""

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from console.calendar import deadlines
from tests.widgets.conftest import run


def test_an_admin_sets_a_rule_and_bad_values_are_refused(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()  # the test's database user is a superuser: an admin
    assert seat.window.actions_by_id["admin.rules"].isEnabled()
    dialog = seat.window.dialogs.edit_rules()
    leaf = next(c for c in seat.console.catalog.categories.values() if c.is_leaf)
    dialog.category.choose(leaf)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("A"))
    dialog.value.setText("-3")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert dialog.message.text() == "时限须大于零"
    assert run(qtbot, deadlines.load_rules(seat.console.store)).rules == {}

    dialog.value.setText("abc")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    assert "正整数" in dialog.message.text()

    dialog.value.setText("6")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    assert dialog.saving.isVisibleTo(dialog)  # "保存中…" until the feed brought it back
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已保存"), timeout=5000)
    assert not dialog.saving.isVisibleTo(dialog)
    assert dialog.current.text() == "现行：6 小时"  # the rule in force, read after its event
    rules = run(qtbot, deadlines.load_rules(seat.console.store)).rules
    rule = rules[(leaf.id, "A")]
    assert (rule.limit_hours, rule.limit_working_days) == (6, None)
    # Every seat re-reads the rules when the change arrives through the feed.
    qtbot.waitUntil(lambda: (leaf.id, "A") in seat.console.catalog.rules, timeout=5000)


def test_an_admin_marks_a_holiday(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.edit_rules()
    dialog.day.setDate(QDate(2027, 2, 8))
    assert "估算" in dialog.day_state.text()  # 2027 not published yet
    dialog.working.setChecked(False)
    dialog.note.setText("春节")
    qtbot.mouseClick(dialog.findChild(QPushButton, "calendar.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已保存"), timeout=5000)
    assert dialog.day_state.text() == "休息日"  # the calendar as read after its event: 2027 is
    assert dialog.note.text() == "春节"  # published by an admin's entry, no longer estimated
    calendar = run(qtbot, deadlines.load_calendar(seat.console.store))
    assert not calendar.is_working_day(dt.date(2027, 2, 8))
