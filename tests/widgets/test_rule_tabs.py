"""The admin's escalation ladder, clock rule and notice rule in the rules dialog: saved
through the feed,
bad values refused at the field with nothing lost, a stale save refused naming who
saved first, and the templates' preview filled from a sample case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from console.casework import clocks
from console.core.store import Store
from console.notices import rule
from console.supervision import ladder_rules
from tests.widgets.conftest import run, type_text


def test_an_admin_sets_the_clock_rule_and_a_stale_save_is_refused(
        qtbot: Any, open_seat: Any, database_url: str) -> None:
    seat = open_seat()  # the test's database user is a superuser: an admin
    dialog = seat.window.dialogs.edit_rules()
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
    dialog = seat.window.dialogs.edit_rules()
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


def test_an_admin_edits_the_ladder_and_a_stale_save_is_refused(
        qtbot: Any, open_seat: Any, database_url: str) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.edit_rules()
    tab = dialog.ladder_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.reminder_share.text() == "75", timeout=5000)
    assert (tab.supervision_days.text(), tab.leader_hours.text(),
            tab.briefing_days.text()) == ("1", "8", "5")
    assert "第 1 版" in tab.current.text()

    tab.reminder_share.setText("120")
    qtbot.keyClick(tab.reminder_share, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "1% 到 99%" in tab.message.text(), timeout=5000)
    assert tab.reminder_share.text() == "120"  # what was typed stays to be corrected
    assert (tab.leader_hours.text(), tab.briefing_days.text()) == ("8", "5")
    tab.reminder_share.setText("60")
    tab.leader_hours.setText("0")
    tab.save()
    qtbot.waitUntil(lambda: "1 到 720" in tab.message.text(), timeout=5000)
    assert (tab.reminder_share.text(), tab.leader_hours.text()) == ("60", "0")
    tab.leader_hours.setText("四")
    qtbot.keyClick(tab.leader_hours, Qt.Key.Key_Return)
    assert "请填写数字" in tab.message.text() and tab.leader_hours.text() == "四"

    tab.supervision_days.setText("2")
    tab.leader_hours.setText("4")
    tab.briefing_days.setText("10")
    qtbot.keyClick(tab.briefing_days, Qt.Key.Key_Return)
    assert tab.message.text() == "保存中…"
    qtbot.waitUntil(lambda: tab.message.text() == "已保存升级规则", timeout=5000)
    assert "第 2 版" in tab.current.text() and "用去 60% 时限时提醒" in tab.current.text()
    saved = run(qtbot, ladder_rules.current_rule(seat.console.store))
    assert (saved.reminder_share, saved.supervision_after_working_days,
            saved.leader_urge_after_working_hours, saved.dispute_briefing_working_days,
            saved.version) == (0.6, 2, 4, 10, 2)

    other = Store(database_url, "admin_b")  # another admin saves meanwhile
    other.roles = frozenset({"admin"})
    try:
        run(qtbot, ladder_rules.set_rule(other, 0.8, 3, leader_urge_after_working_hours=6))
    finally:
        run(qtbot, other.close())
    qtbot.waitUntil(lambda: "第 3 版" in tab.current.text(), timeout=5000)
    assert tab.reminder_share.text() == "60"  # the fields keep what this admin has
    tab.briefing_days.setText("7")
    tab.save()
    qtbot.waitUntil(lambda: "admin_b" in tab.message.text(), timeout=5000)
    assert "未保存您的改动" in tab.message.text()
    qtbot.waitUntil(lambda: tab.reminder_share.text() == "80", timeout=5000)  # what they saved
    assert (tab.supervision_days.text(), tab.leader_hours.text(),
            tab.briefing_days.text()) == ("3", "6", "10")
    saved = run(qtbot, ladder_rules.current_rule(seat.console.store))
    assert (saved.reminder_share, saved.version, saved.dispute_briefing_working_days) == (
        0.8, 3, 10)
    tab.briefing_days.setText("7")  # saved again against what is now in force: it goes
    tab.save()
    qtbot.waitUntil(lambda: tab.message.text() == "已保存升级规则", timeout=5000)
    assert "第 4 版" in tab.current.text()
