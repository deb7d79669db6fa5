"""The roll-call pane driven by keys, as a shift leader calling the duty rooms."""

import asyncio
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.core.clock import CENTRE_TZ
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.duty import roll_calls, roster
from tests.widgets.conftest import run
from widgets.common.tasks import TaskRunner
from widgets.duty.roll_call_pane import RollCallPane

LEADERS = frozenset({"shift_leader"})


async def rostered(store: Store) -> Store:
    store.roles = LEADERS
    now = store.clock.now().astimezone(CENTRE_TZ)
    for first in sorted({now.date().replace(day=1),
                         (now - dt.timedelta(hours=8)).date().replace(day=1)}):
        await roster.generate_month(store, first.year, first.month)
    return store


@pytest.fixture
def leader(qtbot: Any, qloop: asyncio.AbstractEventLoop, database_url: str):
    store = Store(database_url, "sl_feng")
    run(qtbot, rostered(store))
    yield store
    run(qtbot, store.close())


def make_pane(qtbot: Any, store: Store, feed: ChangeFeed | None = None) -> RollCallPane:
    pane = RollCallPane(store, TaskRunner(), feed)
    qtbot.addWidget(pane)
    pane.show()
    pane.load()
    return pane


def settled(pane: RollCallPane) -> bool:
    return not pane._runner.busy and not pane.follower.busy


def result_text(pane: RollCallPane, row: int) -> str:
    return pane.model.index(row, 3).data()


def test_a_roll_call_goes_down_the_duty_rooms_with_one_key_each(
        qtbot: Any, leader: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    pane = make_pane(qtbot, leader)
    pane.channel.setCurrentIndex(pane.channel.findData("radio"))
    qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 30)
    assert pane.table.hasFocus() and pane.table.currentIndex().row() == 0
    total = pane.model.rowCount()
    qtbot.keyClick(pane.table, Qt.Key.Key_1)
    assert pane.table.currentIndex().row() == 1  # moved on before the save came back
    qtbot.keyClick(pane.table, Qt.Key.Key_2)
    assert pane.late_bar.isVisible() and pane.late.hasFocus()
    pane.late.selectAll()
    qtbot.keyClicks(pane.late, "12")
    qtbot.keyClick(pane.late, Qt.Key.Key_Return)
    assert not pane.late_bar.isVisible() and pane.table.hasFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_3)
    qtbot.keyClick(pane.table, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: settled(pane) and not pane._pending)
    assert [result_text(pane, r) for r in range(5)] == ["应答", "迟到 12 分钟", "缺岗",
                                                        "无人应答", "未点"]
    assert pane.table.currentIndex().row() == 4
    assert f"共 {total} 个岗位：应答 1 · 迟到 1 · 缺岗 1 · 无人应答 1" in pane.counts.text()
    saved = run(qtbot, roll_calls.load(leader, pane.call.id))
    assert [(e.result, e.late_minutes) for e in saved.entries[:5]] == [
        ("answered", None), ("late", 12), ("absent", None), ("no_answer", None), (None, None)]
    assert saved.channel == "radio" and saved.started_by == "sl_feng"
    # finishing with posts left asks first; "No" keeps the roll call open
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(pane.finish_button, Qt.MouseButton.LeftButton)
    assert pane.call.finished_at is None and pane.finish_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(pane.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.call.finished_at is not None)
    assert "已结束" in pane.title.text() and not pane.finish_button.isEnabled()
    assert result_text(pane, total - 1) == "无人应答"
    qtbot.keyClick(pane.table, Qt.Key.Key_1)  # a finished roll call is not changed
    assert "已结束" in pane.message.text()
    pane.shutdown()


def test_escape_leaves_the_late_minutes_without_marking(qtbot: Any, leader: Store) -> None:
    pane = make_pane(qtbot, leader)
    qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    qtbot.keyClick(pane.table, Qt.Key.Key_2)
    qtbot.keyClick(pane.late, Qt.Key.Key_Escape)
    assert not pane.late_bar.isVisible() and pane.table.currentIndex().row() == 0
    assert result_text(pane, 0) == "未点" and not pane._pending
    pane.shutdown()


async def _second_leader_marks(url: str, entry_id: int) -> None:
    other = Store(url, "sl_zhang")
    other.roles = LEADERS
    try:
        await roll_calls.mark(other, entry_id, "absent", note="对讲机无应答")
    finally:
        await other.close()


def test_another_leaders_mark_shows_up_and_the_history_and_statistics_count_it(
        qtbot: Any, leader: Store, database_url: str) -> None:
    feed = ChangeFeed(leader)
    run(qtbot, feed.start())
    pane = make_pane(qtbot, leader, feed)
    qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    qtbot.keyClick(pane.table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: settled(pane) and not pane._pending)
    entry = pane.model.record(2)
    run(qtbot, _second_leader_marks(database_url, entry.id))
    run(qtbot, feed.wake())
    qtbot.waitUntil(lambda: result_text(pane, 2) == "缺岗")
    assert pane.model.record(2).note == "对讲机无应答"
    assert pane.table.currentIndex().row() == 1  # the leader's place is kept
    qtbot.waitUntil(lambda: pane.history.history_model.rowCount() == 1)
    history = pane.history.history_model
    assert history.index(0, 1).data() == "电话查岗"  # the first channel offered
    assert history.index(0, 3).data() == "进行中"
    pane.history.group.setCurrentIndex(pane.history.group.findData("post"))
    qtbot.waitUntil(lambda: pane.history.stats_model.rowCount() == pane.model.rowCount())
    pane.shutdown()


def test_a_mark_made_here_reloads_once_and_one_made_elsewhere_comes_through_the_feed(
        qtbot: Any, leader: Store, database_url: str) -> None:
    feed = ChangeFeed(leader)
    run(qtbot, feed.start())
    pane = make_pane(qtbot, leader, feed)
    reloads: list[int] = []
    pane.follower.reloaded.connect(lambda: reloads.append(feed.last_id or 0))
    qtbot.waitUntil(lambda: settled(pane) and reloads != [])  # the first load
    reloads.clear()
    qtbot.mouseClick(pane.start_button, Qt.MouseButton.LeftButton)
    assert pane.saving.isVisibleTo(pane)  # "保存中…" until the feed brought it back
    qtbot.waitUntil(lambda: settled(pane) and pane.model.rowCount() > 0)
    assert len(reloads) == 1 and pane.table.hasFocus() and not pane.saving.isVisibleTo(pane)
    started_id = reloads[0]

    qtbot.keyClick(pane.table, Qt.Key.Key_3)
    assert pane.table.currentIndex().row() == 1  # on at once, the mark still saving
    assert result_text(pane, 0) == "缺岗 …" and pane.saving.isVisibleTo(pane)
    qtbot.waitUntil(lambda: settled(pane) and not pane._pending)
    assert len(reloads) == 2 and reloads[1] > started_id  # one reload, after its event
    assert result_text(pane, 0) == "缺岗" and "缺岗 1" in pane.counts.text()
    qtbot.wait(400)  # nothing else comes after it
    assert len(reloads) == 2

    entry = pane.model.record(3)
    run(qtbot, _second_leader_marks(database_url, entry.id))
    assert result_text(pane, 3) == "未点"
    run(qtbot, feed.wake())  # the other seat's change reaches this one only through the feed
    qtbot.waitUntil(lambda: result_text(pane, 3) == "缺岗")
    qtbot.waitUntil(lambda: settled(pane))
    assert len(reloads) == 3 and pane.table.currentIndex().row() == 1
    pane.shutdown()
