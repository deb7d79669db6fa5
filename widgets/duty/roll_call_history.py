"""Roll-call history and statistics: the list of past roll calls (Enter or a
double-click shows one) and counts by channel, post, person, leader or period.
Both are read together in one task slot: a newer read (a filter changed, the feed
brought a roll call) voids the older one's result."""

from __future__ import annotations

import asyncio
import datetime as dt

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.store import Store
from console.duty import roll_call_stats, roll_calls
from console.duty.roll_call_stats import StatRow, Summary, Tally
from widgets.common import texts
from widgets.common.tables import OpenableTable, RecordTableModel
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

Read = tuple[list[Summary], list[StatRow]]


def _table(name: str, model: RecordTableModel) -> OpenableTable:
    table = OpenableTable(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _rate(tally: Tally) -> str:
    return "" if tally.reached is None else f"{tally.reached:.0%}"


class RollCallHistory(QObject):
    """Builds the two tabs; the pane places them."""

    open_requested = Signal(object)  # a roll_calls.RollCall to show

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._store, self._runner = store, runner
        self._slot = TaskSlot(runner)
        self.period = QComboBox(objectName="rollCall.period")
        self.period.addItem(self.tr("近 7 天"), 7)
        self.period.addItem(self.tr("近 30 天"), 30)
        self.period.addItem(self.tr("近一年"), 365)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self.load)
        self.channel = QComboBox(objectName="rollCall.statsChannel")
        self.channel.addItem(self.tr("全部方式"), None)
        for code in roll_calls.CHANNELS:
            self.channel.addItem(texts.roll_call_channel_name(code), code)
        self.channel.currentIndexChanged.connect(self.load)
        self.group = QComboBox(objectName="rollCall.groupBy")
        for key, label in (("channel", self.tr("按方式")), ("post", self.tr("按岗位")),
                           ("person", self.tr("按人员")), ("leader", self.tr("按值班长")),
                           ("day", self.tr("按日")), ("week", self.tr("按周")),
                           ("month", self.tr("按月"))):
            self.group.addItem(label, key)
        self.group.currentIndexChanged.connect(self.load)

        tally_columns = [
            (self.tr("岗位次"), lambda t: str(t.total)),
            (self.tr("应答"), lambda t: str(t.answered)),
            (self.tr("迟到"), lambda t: str(t.late)),
            (self.tr("缺岗"), lambda t: str(t.absent)),
            (self.tr("无人应答"), lambda t: str(t.no_answer)), (self.tr("到岗率"), _rate),
            (self.tr("平均迟到(分)"), lambda t: "" if t.late_minutes_avg is None
             else f"{t.late_minutes_avg:g}")]
        self.history_model = RecordTableModel(
            [(self.tr("开始时间"),
              lambda s: s.started_at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")),
             (self.tr("方式"), lambda s: texts.roll_call_channel_name(s.channel)),
             (self.tr("值班长"), lambda s: s.started_by),
             (self.tr("状态"), lambda s: self.tr("已结束") if s.finished_at else self.tr("进行中")),
             *[(title, lambda s, f=f: f(s.tally)) for title, f in tally_columns]],
            background=lambda s: QColor("#ffebee") if s.tally.absent + s.tally.no_answer
            else None, parent=self)
        self.history_table = _table("rollCall.history", self.history_model)
        self.history_table.open_requested.connect(self._open)
        self.stats_model = RecordTableModel(
            [(self.tr("分组"), self._key_text), (self.tr("点名次数"), lambda r: str(r.roll_calls)),
             *[(title, lambda r, f=f: f(r.tally)) for title, f in tally_columns]], parent=self)
        self.stats_table = _table("rollCall.stats", self.stats_model)
        self.message = QLabel(objectName="rollCall.historyMessage")

        self.history_tab = QWidget()
        history_layout = QVBoxLayout(self.history_tab)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.channel)
        bar.addStretch(1)
        history_layout.addLayout(bar)
        history_layout.addWidget(self.history_table, 1)
        history_layout.addWidget(self.message)
        self.stats_tab = QWidget()
        stats_layout = QVBoxLayout(self.stats_tab)
        stats_bar = QHBoxLayout()
        stats_bar.addWidget(self.group)
        stats_bar.addWidget(QLabel(self.tr("（时间段与方式同「点名记录」）")))
        stats_bar.addStretch(1)
        stats_layout.addLayout(stats_bar)
        stats_layout.addWidget(self.stats_table, 1)

    def _span(self) -> tuple[dt.datetime, dt.datetime]:
        now = self._store.clock.now()
        return now - dt.timedelta(days=int(self.period.currentData())), now + dt.timedelta(days=1)

    def load(self) -> asyncio.Task[Read]:
        """Read the history and the statistics again (the task, to wait for)."""
        since, until = self._span()
        channel, group = self.channel.currentData(), self.group.currentData()

        async def read() -> Read:
            return (await roll_call_stats.history(self._store, since, until, channel),
                    await roll_call_stats.statistics(self._store, since, until, group, channel))

        return self._slot.run(read(), self._loaded, self._failed)

    def shutdown(self) -> None:
        """The pane is closing: a read still running lands nowhere."""
        self._slot.supersede()

    def _loaded(self, read: Read) -> None:
        history, stats = read
        self.history_model.set_rows(history)
        self.stats_model.set_rows(stats)
        self.message.clear()

    def _key_text(self, row: StatRow) -> str:
        if self.group.currentData() == "channel":
            return texts.roll_call_channel_name(row.key)
        return row.key or self.tr("（无人）")

    def _open(self, index: QModelIndex) -> None:
        summary = self.history_model.record(index.row())
        if summary is not None:
            self._runner.run(roll_calls.load(self._store, summary.id), self.open_requested.emit,
                             self._failed)

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))
