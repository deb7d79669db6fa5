"""The countdown-timer panel: every open case with its time left, most urgent
first, in colour bands (plenty / under a quarter / overdue with the overdue
time). One one-second timer repaints only the visible rows' time column, and it
stops while the pane is hidden. Double-click or Enter opens the case."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from PySide6.QtGui import QBrush, QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console.casework import countdown
from console.casework.countdown import Countdown
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ, Clock
from console.core.feed import Event
from console.core.store import Store
from widgets.casework.case_columns import bold_font
from widgets.common import texts
from widgets.common.tables import OpenableTable
from widgets.common.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
BANDS = {
    countdown.OVERDUE: (QColor("#ffcdd2"), QColor("#b71c1c")),
    countdown.SHORT: (QColor("#ffe0b2"), QColor("#e65100")),
    countdown.PAUSED: (QColor("#e0e0e0"), QColor("#424242")),
    countdown.PLENTY: (None, QColor("#1b5e20")),
}
LEFT_COLUMN = 0
MAX_ID = uuid.UUID(int=(1 << 128) - 1)  # sorts after every id with the same deadline
SUMMARY_EVERY_TICKS = 5


def _sort_key(entry: Countdown) -> tuple[dt.datetime, uuid.UUID]:
    return entry.due_at, entry.id


class BandCounter:
    """How many cases are in each band at a given moment, in O(log n).

    A running case is overdue once ``due_at`` has passed and short once its
    quarter threshold has; both moments are kept as sorted POSIX times (float
    arithmetic: 20,000 cases in a few milliseconds). Paused cases (few) are
    counted one by one.
    """

    def __init__(self, entries: Sequence[Countdown]) -> None:
        running = [_moments(e) for e in entries if e.paused_at is None]
        self._dues = sorted(due for due, _ in running)
        self._thresholds = sorted(threshold for _, threshold in running)
        self._paused = {e.id: e for e in entries if e.paused_at is not None}

    def add(self, entry: Countdown) -> None:
        if entry.paused_at is not None:
            self._paused[entry.id] = entry
            return
        due, threshold = _moments(entry)
        insort(self._dues, due)
        insort(self._thresholds, threshold)

    def remove(self, entry: Countdown) -> None:
        if entry.paused_at is not None:
            self._paused.pop(entry.id, None)
            return
        due, threshold = _moments(entry)
        del self._dues[bisect_left(self._dues, due)]
        del self._thresholds[bisect_left(self._thresholds, threshold)]

    def counts(self, now: dt.datetime) -> dict[str, int]:
        moment = now.timestamp()
        overdue = bisect_right(self._dues, moment)
        short = bisect_left(self._thresholds, moment) - overdue  # strictly past the quarter
        paused_bands = [e.band(now) for e in self._paused.values()]
        return {countdown.OVERDUE: overdue + paused_bands.count(countdown.OVERDUE),
                countdown.SHORT: short, countdown.PAUSED: paused_bands.count(countdown.PAUSED),
                "total": len(self._dues) + len(self._paused)}


def _moments(entry: Countdown) -> tuple[float, float]:
    """(due, the moment it falls under a quarter of its time) as POSIX times."""
    due, started = entry.due_at.timestamp(), entry.started_at.timestamp()
    return due, due - max(due - started, 0.0) * countdown.QUARTER


@dataclass
class Prepared:
    """A load ready for the model: sorted entries, their keys and band counts.

    Building it costs tens of milliseconds for 20,000 cases, so the panel
    builds it in a worker thread and the GUI thread only swaps it in.
    """

    entries: list[Countdown]
    keys: list[tuple[dt.datetime, uuid.UUID]]
    key_of: dict[uuid.UUID, tuple[dt.datetime, uuid.UUID]]
    bands: BandCounter

    @classmethod
    def of(cls, entries: Sequence[Countdown]) -> Prepared:
        keys = [_sort_key(e) for e in entries]
        ordered = list(entries)
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):  # the database sorts
            pairs = sorted(zip(keys, ordered, strict=True), key=lambda p: p[0])
            keys, ordered = [k for k, _ in pairs], [e for _, e in pairs]
        key_of = {e.id: k for e, k in zip(ordered, keys, strict=True)}
        return cls(ordered, keys, key_of, BandCounter(ordered))


class CountdownModel(QAbstractTableModel):
    loaded = Signal()

    def __init__(self, catalog: Catalog, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._clock = catalog, clock
        self._entries: list[Countdown] = []
        self._keys: list[tuple[dt.datetime, uuid.UUID]] = []
        self._key_of: dict[uuid.UUID, tuple[dt.datetime, uuid.UUID]] = {}
        self._bands = BandCounter([])
        self._highlighted: dict[uuid.UUID, dt.datetime] = {}
        self.now = clock.now()
        self._titles = (self.tr("剩余时间"), self.tr("编号"), self.tr("级别"),
                        self.tr("状态"), self.tr("责任单位"), self.tr("分类"),
                        self.tr("办理时限"))

    # ---- data ---------------------------------------------------------------------
    def set_entries(self, entries: list[Countdown]) -> None:
        self.set_prepared(Prepared.of(entries))

    def set_prepared(self, prepared: Prepared) -> None:
        """Swap in a new load (built off the GUI thread: see ``Prepared.of``)."""
        self.beginResetModel()  # a new load, not an update
        self._entries, self._keys = prepared.entries, prepared.keys
        self._key_of, self._bands = prepared.key_of, prepared.bands
        self.endResetModel()
        self.loaded.emit()

    def update_entries(self, ids: Sequence[uuid.UUID], fresh: dict[uuid.UUID, Countdown]) -> None:
        """Apply re-read cases: removed when closed, moved when their deadline moved."""
        for case_id in ids:
            row = self.row_of(case_id)
            new = fresh.get(case_id)
            if row is not None and new is not None and _sort_key(new) == self._keys[row]:
                self._bands.remove(self._entries[row])
                self._bands.add(new)
                self._entries[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))
                continue
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._bands.remove(self._entries[row])
                del self._entries[row], self._keys[row], self._key_of[case_id]
                self.endRemoveRows()
            if new is not None:
                key = _sort_key(new)
                at = bisect_left(self._keys, key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._entries.insert(at, new)
                self._keys.insert(at, key)
                self._key_of[case_id] = key
                self._bands.add(new)
                self.endInsertRows()

    def row_of(self, case_id: uuid.UUID) -> int | None:
        key = self._key_of.get(case_id)
        return None if key is None else bisect_left(self._keys, key)

    def newly_overdue(self, since: dt.datetime, now: dt.datetime) -> list[Countdown]:
        """Running cases whose deadline passed in (since, now]."""
        first = bisect_right(self._keys, (since, MAX_ID))
        last = bisect_right(self._keys, (now, MAX_ID))
        return [e for e in self._entries[first:last] if e.paused_at is None]

    def highlight(self, ids: set[uuid.UUID], until: dt.datetime) -> None:
        """Mark rows (bold) until a moment, e.g. the cases an alert was about."""
        for case_id in ids:
            self._highlighted[case_id] = until
        rows = [r for r in (self.row_of(i) for i in ids) if r is not None]
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))

    def band_counts(self) -> dict[str, int]:
        return self._bands.counts(self._clock.now())

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
        if role == Qt.ItemDataRole.FontRole:
            until = self._highlighted.get(entry.id)
            return bold_font() if until is not None and until > self.now else None
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
            lambda: entry.due_at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")
            + (self.tr("（估）") if entry.estimated else ""),
        )
        return values[column - 1]()


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
        async def fetch() -> Prepared:
            entries = await countdown.open_countdowns(self._store)
            return await asyncio.to_thread(Prepared.of, entries)

        self._runner.run(fetch(), self.model.set_prepared)

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
