"""The countdown panel's table model: the open cases' sorted countdowns
(console/casework/countdown_list.py) with their time left at the model's
moment, in colour bands (plenty / under a quarter / paused / overdue)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.casework import countdown
from console.casework.countdown import Countdown, Row, as_countdown
from console.casework.countdown_list import CountdownList
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ, Clock
from console.supervision.highlights import Highlights
from widgets.casework.case_columns import bold_font, moment
from widgets.common import texts

Index = QModelIndex | QPersistentModelIndex
BANDS = {
    countdown.OVERDUE: (QColor("#ffcdd2"), QColor("#b71c1c")),
    countdown.SHORT: (QColor("#ffe0b2"), QColor("#e65100")),
    countdown.PAUSED: (QColor("#e0e0e0"), QColor("#424242")),
    countdown.PLENTY: (None, QColor("#1b5e20")),
}
LEFT_COLUMN, AGE_COLUMN = 0, 1  # both tick
_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole,
                       Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
                       Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole})
STATUS_COLUMN = 4


class CountdownModel(QAbstractTableModel):
    loaded = Signal()

    def __init__(self, catalog: Catalog, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._clock = catalog, clock
        self._list = CountdownList()
        self.highlighted = Highlights()
        self.now = clock.now()
        # The time left is the running clock's: the unit's while a unit has the case.
        self._titles = (self.tr("剩余时间"), self.tr("案件历时"), self.tr("编号"), self.tr("级别"),
                        self.tr("状态"), self.tr("责任单位"), self.tr("分类"),
                        self.tr("办理时限"))

    # ---- data ---------------------------------------------------------------------
    def set_entries(self, entries: list[Countdown]) -> None:
        self.set_list(CountdownList(entries))

    def set_list(self, countdowns: CountdownList) -> None:
        """Swap in a new load (built off the GUI thread: see CountdownList)."""
        self.beginResetModel()  # a new load, not an update
        self._list = countdowns
        self.endResetModel()
        self.loaded.emit()

    def append_page(self, entries: list[Row]) -> None:
        """The next page of a load (in order): appended at the end; where a live update
        meanwhile put cases of its range in the list, put in place one by one."""
        if not self._list.fresh_tail(entries):
            fresh = {e[0]: as_countdown(e) for e in entries}
            self.update_entries(list(fresh), fresh)
        elif entries:
            first = len(self._list)
            self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
            self._list.extend(entries)
            self.endInsertRows()

    def update_entries(self, ids: Sequence[uuid.UUID], fresh: dict[uuid.UUID, Countdown]) -> None:
        """Apply re-read cases: removed when closed, moved when their deadline moved."""
        for case_id in ids:
            row = self._list.row_of(case_id)
            new = fresh.get(case_id)
            if row is not None and new is not None and self._list.stays_at(row, new):
                self._list.replace(row, new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))
                continue
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._list.remove(row)
                self.endRemoveRows()
            if new is not None:
                at = self._list.place_for(new)
                self.beginInsertRows(QModelIndex(), at, at)
                self._list.insert(new)
                self.endInsertRows()

    def row_of(self, case_id: uuid.UUID) -> int | None:
        return self._list.row_of(case_id)

    def newly_overdue(self, since: dt.datetime, now: dt.datetime) -> list[Countdown]:
        """Running cases whose deadline passed in (since, now]."""
        return self._list.newly_overdue(since, now)

    def highlight(self, ids: set[uuid.UUID], until: dt.datetime) -> None:
        """Mark rows (bold) until a moment, e.g. the cases an alert was about."""
        self.highlighted.mark(ids, until, self._clock.now())
        rows = [r for r in (self.row_of(i) for i in ids) if r is not None]
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))

    def band_counts(self) -> dict[str, int]:
        return self._list.band_counts(self._clock.now())

    def entry(self, row: int) -> Countdown:
        return self._list.entry(row)

    def tick(self, first: int, last: int) -> None:
        """Move to the clock's now and repaint the time column of rows first..last."""
        self.now = self._clock.now()
        if len(self._list) and first <= last:
            self.dataChanged.emit(self.index(first, LEFT_COLUMN), self.index(last, AGE_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole,
                                   Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole])

    # ---- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._list)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._titles)):
            return self._titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(
                self._list):  # the roles a paint asks that no row answers: nothing made
            return None
        entry = self._list.entry(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role == Qt.ItemDataRole.FontRole:
            return bold_font() if self.highlighted and self.highlighted.shown(
                entry.id, self.now) else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = BANDS[entry.band(self.now)]
            colour = background if role == Qt.ItemDataRole.BackgroundRole else foreground
            return QBrush(colour) if colour is not None else None
        if (role == Qt.ItemDataRole.ToolTipRole and index.column() == STATUS_COLUMN
                and (sign_by := entry.to_sign_by) is not None):
            return self.tr("单位的计时从签收起算，尚未开始；须于 {at} 前签收").format(
                at=sign_by.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._display(entry, index.column())

    def _display(self, entry: Countdown, column: int) -> str:
        if column == LEFT_COLUMN:
            overdue, text = countdown.format_left(entry.left(self.now))
            if entry.paused_at is not None and not overdue:
                return self.tr("暂停 {t}").format(t=text)
            return self.tr("超时 {t}").format(t=text) if overdue else text
        if column == AGE_COLUMN:
            return countdown.format_left(entry.age(self.now))[1]
        values: tuple[Callable[[], str], ...] = (
            lambda: entry.public_no,
            lambda: entry.urgency,
            lambda: self._status(entry),
            lambda: self._catalog.unit_name(entry.assigned_unit_id),
            lambda: self._catalog.category_path(entry.category_id).split(" / ")[-1],
            lambda: entry.due_at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")
            + (self.tr("（估）") if entry.estimated else ""),
        )
        return values[column - 2]()

    def _status(self, entry: Countdown) -> str:
        """The status; a unit's clock that waits for the signing says by when."""
        if (sign_by := entry.to_sign_by) is None:
            return texts.status_name(entry.status)
        return self.tr("{at}前签收").format(at=moment(sign_by, self.now))

    def tooltip(self, section: int) -> str | None:
        """What the two clock columns count (the header's tooltip)."""
        if section == LEFT_COLUMN:
            return self.tr("责任单位的办理时限还剩多少（案件在中心、或单位尚未签收而按签收起算时，"
                           "为案件的时限）")
        if section == AGE_COLUMN:
            return self.tr("自受理起案件已历时多久（含中心派遣前的时间）")
        return None
