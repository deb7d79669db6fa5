"""The admin's clock rule and notice rule in the rules dialog: saved through the feed,
bad values refused at the field with nothing lost, a stale save refused naming who
saved first, and the templates' preview filled from a sample case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.casework import clocks
from console.core.store import Store
from console.notices import rule
from tests.widgets.conftest import run, type_text


def test_an_admin_sets_the_clock_rule_and_a_stale_save_is_refused(
        qtbot: Any, open_seat: Any, database_url: str) -> None:
    seat = open_seat()  # the test's database user is a superuser: an admin
    dialog = seat.window.edit_rules()
    tab = dialog.clock_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.sign_hours.text() == "2", timeout=5000)
    assert (tab.return_days.text(), tab.starts.currentData()) == ("1", "dispatch")
    assert "第 1 版" in tab.current.text()

    tab.sign_hours.setText("0")
    qtbot.keyClick(tab.sign_hours, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "1–72" in tab.message.text(), timeout=5000)
    assert tab.sign_hours.text() == "0"  # what was typed stays to be corrected
    tab.sign_hours.setText("两")
    qtbot.keyClick(tab.sign_hours, Qt.Key.Key_Return)
    assert "请填写整数" in tab.message.text()

    tab.starts.setCurrentIndex(tab.starts.findData("sign"))
    tab.sign_hours.setText("4")
    tab.return_days.setText("3")
    qtbot.keyClick(tab.return_days, Qt.Key.Key_Return)
    assert tab.message.text() == "保存中…"
    qtbot.waitUntil(lambda: tab.message.text() == "已保存计时规则", timeout=5000)
    assert "第 2 版" in tab.current.text() and "签收起算" in tab.current.text()
    saved = run(qtbot, clocks.current_clock_rule(seat.console.store))
    assert saved == clocks.ClockRule("sign", 2, 4, 3)

    other = Store(database_url, "admin_b")  # another admin saves meanwhile
    other.roles = frozenset({"admin"})
    try:
        run(qtbot, clocks.set_clock_rule(other, "dispatch", sign_limit_working_hours=6))
    finally:
        run(qtbot, other.close())
    qtbot.waitUntil(lambda: "第 3 版" in tab.current.text(), timeout=5000)
    assert tab.sign_hours.text() == "4"  # the fields keep what this admin has
    tab.return_days.setText("5")
    tab.save()
    qtbot.waitUntil(lambda: "admin_b" in tab.message.text(), timeout=5000)
    assert "未保存您的改动" in tab.message.text()
    qtbot.waitUntil(lambda: tab.sign_hours.text() == "6", timeout=5000)  # what they saved
    assert (tab.return_days.text(), tab.starts.currentData()) == ("3", "dispatch")
    saved = run(qtbot, clocks.current_clock_rule(seat.console.store))
    assert saved == clocks.ClockRule("dispatch", 3, 6, 3)


def test_an_admin_edits_the_notice_templates_with_a_preview(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    dialog = seat.window.edit_rules()
    tab = dialog.notice_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.acceptance_minutes.text() == "120", timeout=5000)
    assert "虚构" in tab.sample_line.text()  # no case yet: a made-up one
    assert rule.MADE_UP.no in tab.previews["acceptance"].text()

    edit = tab.templates["result"]
    edit.clear()
    edit.setFocus()
    type_text(edit, "【12345】{no}已办结：{result}{结果}")
    preview = tab.previews["result"].text()
    assert f"【12345】{rule.MADE_UP.no}已办结：{rule.MADE_UP.result}" in preview
    assert "无法识别的占位符：{结果}" in preview
    tab.max_attempts.setText("30")
    tab.save()
    qtbot.waitUntil(lambda: "{结果}" in tab.message.text(), timeout=5000)
    assert "1–20 次" in tab.message.text()
    assert edit.toPlainText().endswith("{结果}")  # nothing lost

    edit.clear()
    type_text(edit, "【12345】{no}已办结：{result}")
    tab.max_attempts.setText("3")
    tab.save()
    qtbot.waitUntil(lambda: tab.message.text() == "已保存告知规则", timeout=5000)
    saved = run(qtbot, rule.current_notice_rule(seat.console.store))
    assert (saved.max_attempts, saved.result_template, saved.version) == (
        3, "【12345】{no}已办结：{result}", 2)
    assert "第 2 版" in tab.current.text() and "最多发送 3 次" in tab.current.text()
