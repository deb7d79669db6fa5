"""The handover pane: the summary with the roll calls' follow-ups, handing over,
signing off on another seat, and a second leader's save while one types."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.core.clock import CENTRE_TZ
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.duty import handover, roll_calls, roster
from console.duty.duty_setup import load_setup
from tests.widgets.conftest import run, type_text
from widgets.common.tasks import TaskRunner
from widgets.duty.handover_pane import HandoverPane

LEADERS = frozenset({"shift_leader"})


@pytest.fixture
def stores(qtbot: Any, qloop: asyncio.AbstractEventLoop, database_url: str
           ) -> Iterator[Callable[[str], Store]]:
    made: list[Store] = []

    def open_store(actor: str) -> Store:
        store = Store(database_url, actor)
        store.roles = LEADERS
        made.append(store)
        return store

    yield open_store
    for store in made:
        run(qtbot, store.close())


@pytest.fixture
def leader(qtbot: Any, stores: Callable[[str], Store]) -> Store:
    """The outgoing leader, with the months around now rostered."""
    store = stores("sl_out")
    now = store.clock.now().astimezone(CENTRE_TZ)
    for month in sorted({now.date().replace(day=1),
                         (now - dt.timedelta(hours=24)).date().replace(day=1)}):
        run(qtbot, roster.generate_month(store, month.year, month.month))
    return store


class Seats:
    """Handover panes, each with its own runner and change feed, as on separate seats."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.opened: dict[HandoverPane, tuple[TaskRunner, ChangeFeed]] = {}

    def open(self, store: Store) -> HandoverPane:
        runner, feed = TaskRunner(), ChangeFeed(store)
        run(self.qtbot, feed.start())  # events after this one reach the pane
        pane = HandoverPane(store, runner, feed)
        self.opened[pane] = (runner, feed)
        self.qtbot.addWidget(pane)
        pane.resize(1200, 800)
        with self.qtbot.waitSignal(pane.shown, timeout=10000):
            pane.show()
            pane.load()
        self.settle(pane)
        return pane

    def deliver(self, pane: HandoverPane) -> None:
        """The change feed wakes (as on a NOTIFY) and hands the pane what happened."""
        run(self.qtbot, self.opened[pane][1].wake())

    def settle(self, pane: HandoverPane) -> None:
        runner = self.opened[pane][0]
        self.qtbot.waitUntil(lambda: not runner.busy and not pane.follower.busy, timeout=5000)

    def close(self) -> None:
        for pane, (runner, _feed) in self.opened.items():
            pane.shutdown()
            run(self.qtbot, runner.cancel_all())


@pytest.fixture
def seats(qtbot: Any, qloop: asyncio.AbstractEventLoop) -> Iterator[Seats]:
    seats = Seats(qtbot)
    yield seats
    seats.close()


def summary_text(pane: HandoverPane) -> str:
    return pane.summary.toPlainText()


def submit(qtbot: Any, pane: HandoverPane, notes: str) -> None:
    """Hand over: "保存中…" until the change feed brought the handover back and it is shown."""
    pane.notes.setFocus()
    type_text(pane.notes, notes)
    reloads: list[int] = []
    pane.follower.reloaded.connect(lambda: reloads.append(1))
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.mouseClick(pane.form.submit_button, Qt.MouseButton.LeftButton)
        assert pane.saving.isVisibleTo(pane)
    qtbot.waitUntil(lambda: not pane.follower.saving, timeout=5000)
    assert not pane.saving.isVisibleTo(pane)
    qtbot.waitUntil(lambda: not pane.follower.busy, timeout=5000)
    assert reloads == [1]  # shown from the feed, read once


def test_the_summary_lists_an_absence_for_following_up(
        qtbot: Any, leader: Store, seats: Seats) -> None:
    setup = run(qtbot, load_setup(leader))
    rooms = [p.id for p in setup.posts if p.kind == "community"][:2]
    call = run(qtbot, roll_calls.start(leader, "phone", rooms))
    run(qtbot, roll_calls.mark(leader, call.entries[0].id, "absent", note="电话无人接，已通知街道"))
    run(qtbot, roll_calls.finish(leader, call.id, unmarked_as="no_answer"))

    pane = seats.open(leader)
    text = summary_text(pane)
    assert pane.state.text() == "未交班"
    assert "待跟进事项" in text
    follow_ups = text[text.index("待跟进事项"):]
    absent, unanswered = call.entries[:2]  # one line per cell in the plain text
    assert f"{absent.post}\n{absent.person}\n缺岗\n电话无人接，已通知街道" in follow_ups
    assert f"{unanswered.post}\n{unanswered.person}\n无人应答" in follow_ups
    assert pane.form.submit_button.isEnabled()
    assert not pane.form.sign_button.isEnabled()  # nothing handed over yet


def test_the_summary_follows_a_new_roll_call_until_handed_over(
        qtbot: Any, leader: Store, seats: Seats) -> None:
    pane = seats.open(leader)
    assert "电话查岗" not in summary_text(pane)
    setup = run(qtbot, load_setup(leader))
    room = next(p.id for p in setup.posts if p.kind == "community")
    call = run(qtbot, roll_calls.start(leader, "phone", [room]))
    run(qtbot, roll_calls.finish(leader, call.id, unmarked_as="no_answer"))
    seats.deliver(pane)
    qtbot.waitUntil(lambda: "电话查岗" in summary_text(pane), timeout=5000)


def test_hand_over_then_the_incoming_leader_signs_and_the_first_seat_follows(
        qtbot: Any, leader: Store, stores: Any, seats: Seats) -> None:
    outgoing = seats.open(leader)
    incoming = seats.open(stores("sl_in"))
    submit(qtbot, outgoing, "注意 A 类案件跟进；坪山社区值班室缺岗已报街道")
    assert outgoing.state.text().startswith("已交班：sl_out ")
    assert outgoing.state.text().endswith("待接班签字")
    assert outgoing.message.text() == "已提交交班，待接班值班长签字"
    qtbot.waitUntil(lambda: outgoing.history.records.rowCount() == 1, timeout=5000)

    seats.deliver(incoming)
    qtbot.waitUntil(lambda: incoming.state.text().endswith("待接班签字"), timeout=5000)
    assert incoming.notes.toPlainText() == "注意 A 类案件跟进；坪山社区值班室缺岗已报街道"
    assert incoming.form.sign_button.isEnabled()
    incoming.form.remark.setFocus()
    type_text(incoming.form.remark, "已接班，缺岗情况继续跟进")
    with qtbot.waitSignal(incoming.shown, timeout=5000):
        qtbot.mouseClick(incoming.form.sign_button, Qt.MouseButton.LeftButton)
    assert incoming.state.text().startswith("已签收：sl_in "), incoming.message.text()
    qtbot.waitUntil(lambda: incoming.message.text() == "已签字接班", timeout=5000)

    seats.deliver(outgoing)
    qtbot.waitUntil(lambda: outgoing.state.text().startswith("已签收：sl_in "), timeout=5000)
    assert "（交班：sl_out）" in outgoing.state.text()
    assert outgoing.notes.isReadOnly() and outgoing.form.remark.isReadOnly()
    assert outgoing.form.remark.text() == "已接班，缺岗情况继续跟进"
    assert not outgoing.form.submit_button.isEnabled() and not outgoing.form.sign_button.isEnabled()
    qtbot.waitUntil(lambda: outgoing.history.records.data(
        outgoing.history.records.index(0, 3)) == "sl_in", timeout=5000)


def test_the_notes_are_handed_over_with_ctrl_enter_and_tab_leaves_them(
        qtbot: Any, leader: Store, seats: Seats) -> None:
    pane = seats.open(leader)
    assert pane.form.submit_button.text() == "提交交班  Ctrl+Enter"
    pane.notes.setFocus()
    type_text(pane.notes, "一、坪山社区值班室缺岗已报街道")
    qtbot.keyClick(pane.notes, Qt.Key.Key_Return)  # Enter: a new line
    type_text(pane.notes, "二、A 类案件继续跟进")
    qtbot.keyClick(pane.notes, Qt.Key.Key_Tab)
    assert pane.focusWidget() is pane.form.submit_button
    pane.notes.setFocus()
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.keyClick(pane.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert pane.state.text().endswith("待接班签字"), pane.message.text()
    record = run(qtbot, handover.draft(leader, *pane.picker.key()))
    assert record.notes == "一、坪山社区值班室缺岗已报街道\n二、A 类案件继续跟进"
    assert pane.message.text() == "已提交交班，待接班值班长签字"


def test_signing_ones_own_handover_is_refused_in_words(
        qtbot: Any, leader: Store, seats: Seats) -> None:
    pane = seats.open(leader)
    submit(qtbot, pane, "本班平稳")
    assert pane.form.sign_button.isEnabled()
    qtbot.mouseClick(pane.form.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不能签收自己交出的班" in pane.message.text(), timeout=5000)
    assert pane.state.text().endswith("待接班签字")


def test_a_second_leaders_save_keeps_what_the_first_is_typing(
        qtbot: Any, leader: Store, stores: Any, seats: Seats) -> None:
    pane = seats.open(leader)
    pane.notes.setFocus()
    type_text(pane.notes, "我正在写的交班内容")
    day, shift = run(qtbot, load_setup(leader)).current_shift(leader.clock.now())
    run(qtbot, handover.hand_over(stores("sl_two"), day, shift.id, "另一位值班长先交了", None))
    seats.deliver(pane)
    qtbot.waitUntil(lambda: pane.state.text().startswith("已交班：sl_two "), timeout=5000)
    assert pane.notes.toPlainText() == "我正在写的交班内容"
    assert pane.form.notice.isVisible()
    assert pane.form.notice.text().startswith("交班内容已被 sl_two 更新")
    assert "另一位值班长先交了" in summary_text(pane)  # theirs, to merge by hand

    type_text(pane.notes, "，已合并")
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.mouseClick(pane.form.submit_button, Qt.MouseButton.LeftButton)
    assert pane.state.text().startswith("已交班：sl_out ")
    assert not pane.form.notice.isVisible()
    saved = run(qtbot, handover.draft(leader, day, shift.id))
    assert saved.notes == "我正在写的交班内容，已合并"


def test_stepping_through_shifts_and_reading_the_history(
        qtbot: Any, leader: Store, seats: Seats, qtmodeltester: Any) -> None:
    pane = seats.open(leader)
    submit(qtbot, pane, "本班平稳")
    now_shift = pane.picker.shift.currentText()
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.mouseClick(pane.picker.next_button, Qt.MouseButton.LeftButton)
    assert pane.picker.shift.currentText() != now_shift and pane.state.text() == "未交班"
    assert pane.notes.toPlainText() == ""
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.mouseClick(pane.picker.prev_button, Qt.MouseButton.LeftButton)
    assert pane.picker.shift.currentText() == now_shift and pane.notes.toPlainText() == "本班平稳"
    with qtbot.waitSignal(pane.shown, timeout=5000):
        qtbot.mouseClick(pane.picker.next_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: pane.history.records.rowCount() == 1, timeout=5000)
    assert pane.history.records.data(pane.history.records.index(0, 2)) == "sl_out"
    assert pane.history.records.data(pane.history.records.index(0, 3)) == "待签收"
    pane.pages.setCurrentWidget(pane.history)  # the history's tab, beside the summary
    with qtbot.waitSignal(pane.shown, timeout=5000):
        pane.history.setFocus()  # the keyboard on the list makes its first row current
        qtbot.keyClick(pane.history, Qt.Key.Key_Home)
    assert pane.picker.shift.currentText() == now_shift and pane.notes.toPlainText() == "本班平稳"
    assert pane.state.text().startswith("已交班：sl_out ")  # shown beside the list
    qtbot.keyClick(pane.history, Qt.Key.Key_Return)  # Enter reads the shift's summary
    assert pane.pages.currentWidget() is pane.summary and pane.summary.hasFocus()
    seats.settle(pane)
    qtmodeltester.check(pane.history.records, force_py=True)


def test_without_the_leaders_role_nothing_can_be_written(
        qtbot: Any, leader: Store, stores: Any, seats: Seats) -> None:
    operator = stores("op_a")
    operator.roles = frozenset({"operator"})
    pane = seats.open(operator)
    assert pane.state.text() == "未交班"
    assert pane.notes.isReadOnly()
    assert not pane.form.submit_button.isEnabled() and not pane.form.sign_button.isEnabled()


def test_the_history_has_room_for_a_dozen_shifts_on_a_small_screen(
        qtbot: Any, leader: Store, seats: Seats) -> None:
    pane = seats.open(leader)
    pane.resize(643, 575)  # the pane in a shift leader's layout on a 1366×768 screen
    qtbot.keyClick(pane.pages.tabBar(), Qt.Key.Key_Right)  # the history's tab

    def rows() -> int:
        table = pane.history
        return table.viewport().height() // table.verticalHeader().defaultSectionSize()

    qtbot.waitUntil(lambda: pane.history.isVisible() and rows() >= 12, timeout=5000)


def test_an_unsaved_summary_follows_a_burst_of_new_cases_with_one_read_later(
        qtbot: Any, leader: Store, stores: Callable[[str], Store], seats: Seats,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from console.catalog.catalog import load_catalog
    from console.hotline.intake import create_case
    from tests.factories import draft
    from widgets.duty import handover_follow

    monkeypatch.setattr(handover_follow, "CASES_EVERY_MS", 1500)
    pane = seats.open(leader)
    opened = pane.shown_summary()["opened"]
    operator = stores("op_burst")
    operator.roles = frozenset({"operator"})
    catalog = run(qtbot, load_catalog(operator))
    reloads: list[int] = []
    pane.follower.reloaded.connect(lambda: reloads.append(1))
    for _ in range(3):
        run(qtbot, create_case(operator, catalog, draft(catalog)))
        seats.deliver(pane)
    assert not reloads  # not read per case: the figures follow a little later
    qtbot.waitUntil(lambda: pane.shown_summary()["opened"] == opened + 3, timeout=5000)
    seats.settle(pane)
    assert reloads == [1]
