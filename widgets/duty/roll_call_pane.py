"""The roll-call pane (查岗 / 点名): start a roll call by channel for every
post on duty now, then go down the list with one key per post:
1 answered · 2 late (type the minutes, Enter) · 3 absent · 4 no answer.

The selection moves on at once and the mark is saved in the background (the
row shows "…" until the change feed has brought it back), so a leader calling
forty duty rooms never waits for the screen. Every change, made here or at
another seat, is shown from the feed (a ``FeedFollower``): the pane never reads
again after its own write. History and statistics are the second and third tabs
(widgets/duty/roll_call_history.py).
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError, FieldError, ValidationError
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.duty import roll_calls
from console.duty.roll_calls import Entry, RollCall
from widgets.common import commands, texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import RecordTableModel
from widgets.common.tasks import TaskRunner
from widgets.duty.roll_call_history import RollCallHistory
from widgets.duty.roll_call_keys import BACKGROUND, EntryTable, LateBar

PENDING = "…"


class RollCallPane(QWidget):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCallPane")
        self._store, self._runner = store, runner
        self.call: RollCall | None = None
        self._shown_id: int | None = None  # the roll call the next reload shows
        self._started: int | None = None  # the roll call started here, until it shows
        self._pending: dict[int, str] = {}  # entry id → result being saved
        may_call = commands.allowed("rollCall.start", store.roles)

        self.channel = QComboBox(objectName="rollCall.channel")
        for code in roll_calls.CHANNELS:
            self.channel.addItem(texts.roll_call_channel_name(code), code)
        self.start_button = QPushButton(commands.command("rollCall.start").title(),
                                        objectName="rollCall.start")
        self.start_button.clicked.connect(self.start)
        self.finish_button = QPushButton(commands.command("rollCall.finish").title(),
                                         objectName="rollCall.finish")
        self.finish_button.clicked.connect(self.finish)
        self.start_button.setEnabled(may_call)
        self.finish_button.setEnabled(False)
        self.title = QLabel(self.tr("尚未开始点名"), objectName="rollCall.title")
        self.title.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.channel)
        top.addWidget(self.start_button)
        top.addWidget(self.finish_button)
        top.addWidget(self.title, 1)

        self.model = RecordTableModel([
            (self.tr("岗位"), lambda e: e.post),
            (self.tr("值班人员"), lambda e: e.person or self.tr("（排班无人）")),
            (self.tr("电话"), lambda e: e.phone),
            (self.tr("结果"), self._result_text),
            (self.tr("时间"), lambda e: e.at.astimezone(CENTRE_TZ).strftime("%H:%M:%S")
             if e.at else ""),
            (self.tr("备注"), lambda e: e.note),
        ], background=lambda e: BACKGROUND.get(self._pending.get(e.id) or e.result or ""),
            parent=self)
        self.table = EntryTable(objectName="rollCall.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.table.mark_requested.connect(self.mark_current)

        self.late_bar = LateBar()
        self.late = self.late_bar.minutes
        self.late.confirmed.connect(self._late_confirmed)
        self.late.cancelled.connect(self._late_cancelled)
        self._late_row: int | None = None

        self.hint = QLabel(self.tr("逐个岗位按键标记：{keys}；标记后自动跳到下一岗位").format(
            keys=EntryTable.hint()), objectName="rollCall.hint")
        self.hint.setWordWrap(True)
        self.counts = QLabel(objectName="rollCall.counts")
        self.saving = QLabel(self.tr("保存中…"), objectName="rollCall.saving")
        self.saving.hide()
        counts = QHBoxLayout()
        counts.addWidget(self.counts, 1)
        counts.addWidget(self.saving)
        self.message = QLabel(objectName="rollCall.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")

        current = QWidget()
        layout = QVBoxLayout(current)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.late_bar)
        layout.addLayout(counts)
        layout.addWidget(self.message)
        self.history = RollCallHistory(store, runner, self)
        self.history.open_requested.connect(self.show_call)
        self.tabs = QTabWidget(objectName="rollCall.tabs")
        self.tabs.addTab(current, self.tr("本次点名"))
        self.tabs.addTab(self.history.history_tab, self.tr("点名记录"))
        self.tabs.addTab(self.history.stats_tab, self.tr("统计"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        # Every roll call's change (here or at another seat) reloads the shown one and
        # the history, one reload per burst.
        self.follower = FeedFollower(runner, feed, [Kind.ROLL_CALL], self._reload, parent=self)
        self.follower.saving_changed.connect(self.saving.setVisible)

    # ---- starting, showing, finishing -----------------------------------------------------
    def load(self) -> None:
        self.follower.reload_now()

    async def _reload(self) -> None:
        history = self.history.load()
        shown = self._shown_id
        try:
            if shown is not None:
                call = await roll_calls.load(self._store, shown)
                if self.follower.stopped:  # closed while it read: touch nothing of it
                    return
                if shown == self._shown_id:  # not another roll call opened meanwhile
                    self.show_call(call)
        except ConsoleError as exc:
            if not self.follower.stopped:
                self._failed(exc)
        await asyncio.wait([history])

    def start(self) -> None:
        channel = self.channel.currentData()
        self.message.clear()

        async def starting() -> RollCall:
            call = await roll_calls.start(self._store, channel)
            self._shown_id = self._started = call.id  # the reload that follows shows it
            return call

        self.follower.save(starting(), None, self._failed)

    def show_call(self, call: RollCall) -> None:
        """Show a roll call: the first unmarked post is selected."""
        same = self.call is not None and self.call.id == call.id
        row = self.table.currentIndex().row() if same else -1
        self.call, self._shown_id = call, call.id
        if same and len(call.entries) == self.model.rowCount():
            for i, entry in enumerate(call.entries):
                if entry != self.model.record(i):
                    self.model.replace_row(i, entry)
        else:
            self.model.set_rows(call.entries)
        if row < 0:
            row = next((i for i, e in enumerate(call.entries) if e.result is None), 0)
        if call.entries:
            self.table.selectRow(row)
        if call.id == self._started:  # started here: down the list with the keys
            self._started = None
            self.tabs.setCurrentIndex(0)
            self.table.setFocus()
        self._show_state()

    def _show_state(self) -> None:
        call = self.call
        if call is None:
            return
        started = call.started_at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")
        state = self.tr("已结束") if call.finished_at else self.tr("进行中")
        self.title.setText(self.tr("{channel} · {leader} · {at} · {state}").format(
            channel=texts.roll_call_channel_name(call.channel), leader=call.started_by,
            at=started, state=state))
        self.finish_button.setEnabled(call.finished_at is None
                                      and commands.allowed("rollCall.finish", self._store.roles))
        marked = {r: call.count(r) for r in roll_calls.RESULTS}
        self.counts.setText(self.tr("共 {total} 个岗位：应答 {answered} · 迟到 {late} · 缺岗 {absent} · 无人应答 {no_answer} · 未点 {open}").format(  # noqa: E501
            total=len(call.entries), open=call.count(None), **marked))

    def finish(self) -> None:
        call = self.call
        if call is None or call.finished_at is not None:
            return
        open_count = sum(1 for e in call.entries if e.result is None and e.id not in self._pending)
        unmarked_as = None
        if open_count:
            asked = QMessageBox.question(
                self, self.tr("结束点名"),
                self.tr("还有 {n} 个岗位未标记。按「无人应答」记录并结束点名？").format(  # noqa: E501
                    n=open_count))
            if asked != QMessageBox.StandardButton.Yes:
                return
            unmarked_as = "no_answer"
        self.follower.save(roll_calls.finish(self._store, call.id, unmarked_as=unmarked_as),
                           None, self._failed)

    # ---- marking --------------------------------------------------------------------------
    def mark_current(self, result: str) -> None:
        row = self.table.currentIndex().row()
        entry: Entry | None = self.model.record(row)
        if entry is None or self.call is None:
            return
        if self.call.finished_at is not None:
            self.message.setText(texts.problem_text(
                ValidationError([FieldError("roll_call", "roll_call.finished")])))
            return
        if result == "late":
            self._late_row = row
            self.late_bar.ask(entry.post)
            return
        self._save(row, entry, result, None)

    def _late_confirmed(self, minutes: int) -> None:
        row, self._late_row = self._late_row, None
        self.late_bar.hide()
        entry = self.model.record(row) if row is not None else None
        if entry is not None:
            self._save(row, entry, "late", minutes)  # type: ignore[arg-type]
        self.table.setFocus()

    def _late_cancelled(self) -> None:
        self._late_row = None
        self.late_bar.hide()
        self.table.setFocus()

    def _save(self, row: int, entry: Entry, result: str, minutes: int | None) -> None:
        self._pending[entry.id] = result
        self.model.replace_row(row, entry)
        self.message.clear()
        following = next((i for i in range(row + 1, self.model.rowCount())
                          if self.model.record(i).result is None), min(row + 1,
                                                                        self.model.rowCount() - 1))
        self.table.selectRow(following)

        def saved(_new: Entry) -> None:  # the feed's reload shows the mark by now
            self._settled(entry.id)

        def failed(exc: ConsoleError) -> None:
            self._settled(entry.id)
            self.message.setText(self.tr("「{post}」未能保存：{why}").format(
                post=entry.post, why=texts.problem_text(exc)))

        self.follower.save(roll_calls.mark(self._store, entry.id, result, minutes), saved, failed)

    def _settled(self, entry_id: int) -> None:
        """The mark of ``entry_id`` is no longer being saved: show the row as it is."""
        self._pending.pop(entry_id, None)
        row = next((i for i in range(self.model.rowCount())
                    if self.model.record(i).id == entry_id), None)
        if row is not None:
            self.model.replace_row(row, self.model.record(row))

    def _result_text(self, entry: Entry) -> str:
        if entry.id in self._pending:
            return f"{texts.roll_call_result_name(self._pending[entry.id])} {PENDING}"
        if entry.result == "late":
            return self.tr("迟到 {n} 分钟").format(n=entry.late_minutes)
        return texts.roll_call_result_name(entry.result)

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))

    def shutdown(self) -> None:
        self.follower.stop()
        self.history.shutdown()

