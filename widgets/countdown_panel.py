"""The countdown-timer panel: every open case with its time left, most urgent
first, in colour bands (plenty / under a quarter / overdue with the overdue
time). One one-second timer repaints only the visible rows' time column, and it
stops while the pane is hidden. Double-click or Enter opens the case."""

from __future__ import annotations

import datetime as dt
import uuid
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console import countdown
from console.catalog import Catalog
from console.clock import CENTRE_TZ, Clock
from console.countdown import Countdown
from console.feed import Event
from console.store import Store
from widgets import texts
from widgets.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
BANDS = {
    countdown.OVERDUE: (QColor("#ffcdd2"), QColor("#b71c1c")),
    countdown.SHORT: (QColor("#ffe0b2"), QColor("#e65100")),
    countdown.PAUSED: (QColor("#e0e0e0"), QColor("#424242")),
    countdown.PLENTY: (None, QColor("#1b5e20")),
}
LEFT_COLUMN = 0
SUMMARY_EVERY_TICKS = 30


def _sort_key(entry: Countdown) -> tuple[dt.datetime, uuid.UUID]:
    return entry.due_at, entry.id


class CountdownModel(QAbstractTableModel):
    loaded = Signal()

    def __init__(self, catalog: Catalog, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._clock = catalog, clock
        self._entries: list[Countdown] = []
        self._keys: list[tuple[dt.datetime, uuid.UUID]] = []
        self.now = clock.now()
        self._titles = (self.tr("剩余时间"), self.tr("编号"), self.tr("级别"),
                        self.tr("状态"), self.tr("责任单位"), self.tr("分类"),
                        self.tr("办理时限"))

    # ---- data ---------------------------------------------------------------------
    def set_entries(self, entries: list[Countdown]) -> None:
        self.beginResetModel()  # a new load, not an update
        self._entries = sorted(entries, key=_sort_key)
        self._keys = [_sort_key(e) for e in self._entries]
        self.endResetModel()
        self.loaded.emit()

    def update_entries(self, ids: Sequence[uuid.UUID], fresh: dict[uuid.UUID, Countdown]) -> None:
        """Apply re-read cases: removed when closed, moved when their deadline moved."""
        for case_id in ids:
            row = self.row_of(case_id)
            new = fresh.get(case_id)
            if row is not None and new is not None and _sort_key(new) == self._keys[row]:
                self._entries[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))
                continue
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row], self._keys[row]
                self.endRemoveRows()
            if new is not None:
                at = bisect_left(self._keys, _sort_key(new))
                self.beginInsertRows(QModelIndex(), at, at)
                self._entries.insert(at, new)
                self._keys.insert(at, _sort_key(new))
                self.endInsertRows()

    def row_of(self, case_id: uuid.UUID) -> int | None:
        for row, entry in enumerate(self._entries):  # linear: only on events, not on ticks
            if entry.id == case_id:
                return row
        return None

    def entry(self, row: int) -> Countdown:
        return self._entries[row]

    def tick(self, first: int, last: int) -> None:
        """Move to the clock's now and repaint the time column of rows first..last."""
        self.now = self._clock.now()
        if self._entries and first <= last:
            self.dataChanged.emit(self.index(first, LEFT_COLUMN), self.index(last, LEFT_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole,
                                   Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole])

    # ---- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._titles)):
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = BANDS[entry.band(self.now)]
            colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QBrush(colour) if colour is not None else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._display(entry, index.column())

    def _display(self, entry: Countdown, column: int) -> str:
        if column == LEFT_COLUMN:
            overdue, text = countdown.format_left(entry.left(self.now))
            if entry.paused_at is not None and not overdue:
                return self.tr("暂停 {t}").format(t=text)
            return self.tr("超时 {t}").format(t=text) if overdue else text
        values: tuple[Callable[[], str], ...] = (
            lambda: entry.public_no,
            lambda: entry.urgency,
            lambda: texts.status_name(entry.status),
            lambda: self._catalog.unit_name(entry.assigned_unit_id),
            lambda: self._catalog.category_path(entry.category_id).split(" / ")[-1],
            lambda: entry.due_at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M"),
        )
        return values[column - 1]()


class CountdownTable(QTableView):
    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CountdownPanel(QWidget):
    case_opened = Signal(uuid.UUID)

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self._store, self._runner = store, runner
        self.model = CountdownModel(catalog, store.clock, self)
        self.table = CountdownTable(objectName="countdown.table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 150, 40, 70, 170, 130)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open)
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
        self._runner.run(countdown.open_countdowns(self._store), self.model.set_entries)

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
        now = self.model.now
        bands = [self.model.entry(r).band(now) for r in range(self.model.rowCount())]
        self.summary.setText(self.tr("未办结 {n} 件：超时 {over} 件，剩余不足四分之一 {short} 件")
                             .format(n=len(bands), over=bands.count(countdown.OVERDUE),
                                     short=bands.count(countdown.SHORT)))
