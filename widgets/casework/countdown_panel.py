"""The countdown-timer panel: every open case with its time left, most urgent
first, in colour bands (plenty / under a quarter / overdue with the overdue
time). One one-second timer repaints only the visible rows' time column, and it
stops while the pane is hidden. Double-click or Enter opens the case."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console.casework import countdown
from console.casework.countdown_list import CountdownList
from console.catalog.catalog import Catalog
from console.core.feed import Event
from console.core.store import Store
from widgets.casework.countdown_model import CountdownModel
from widgets.common.tables import OpenableTable
from widgets.common.tasks import TaskRunner

SUMMARY_EVERY_TICKS = 5


class CountdownPanel(QWidget):
    case_opened = Signal(uuid.UUID)

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self._store, self._runner = store, runner
        self.model = CountdownModel(catalog, store.clock, self)
        self.table = OpenableTable(objectName="countdown.table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 150, 40, 70, 170, 130)):
            self.table.setColumnWidth(column, width)
        self.table.open_requested.connect(self._open)
        self.summary = QLabel(objectName="countdown.summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._ticks = 0
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self._pending: set[uuid.UUID] = set()
        self._reread = QTimer(self, singleShot=True, interval=25)
        self._reread.timeout.connect(self._reread_pending)
        self.model.rowsInserted.connect(self._summarise)
        self.model.rowsRemoved.connect(self._summarise)
        self.model.modelReset.connect(self._summarise)

    def load(self) -> None:
        async def fetch() -> CountdownList:
            entries = await countdown.open_countdowns(self._store)
            return await asyncio.to_thread(CountdownList, entries)

        self._runner.run(fetch(), self.model.set_list)

    def visible_rows(self) -> tuple[int, int]:
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return 0, -1
        return first, last if last >= 0 else self.model.rowCount() - 1

    def tick(self) -> None:
        self.model.tick(*self.visible_rows())
        self._ticks += 1
        if self._ticks % SUMMARY_EVERY_TICKS == 0:
            self._summarise()  # cases cross into a new band as time passes

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing to repaint while nobody can see it
        super().hideEvent(event)

    def apply_events(self, events: Sequence[Event]) -> None:
        self._pending |= {e.case_id for e in events if e.case_id is not None}
        if self._pending and not self._reread.isActive():
            self._reread.start()

    def _reread_pending(self) -> None:
        ids, self._pending = list(self._pending), set()
        self._runner.run(countdown.countdowns_for(self._store, ids),
                         lambda fresh: self.model.update_entries(ids, fresh))

    def shutdown(self) -> None:
        self.timer.stop()
        self._reread.stop()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.entry(index.row()).id)

    def _summarise(self, *_args: object) -> None:
        counts = self.model.band_counts()
        self.summary.setText(self.tr("未办结 {n} 件：超时 {over} 件，剩余不足四分之一 {short} 件")
                             .format(n=counts["total"], over=counts[countdown.OVERDUE],
                                     short=counts[countdown.SHORT]))
