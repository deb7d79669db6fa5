"""The roster pane's lists of entries (a day's detail, or who is on duty now) and
the names of the posts, teams and shifts they show.

A new set of entries resets a model; the same entries read again (a change here
or at another seat) update the rows that changed in place, so the selection and
scroll position stay. Whether a duty's shift is to come, running or over is
console/duty/roster_rules.py's ``phase_of``, by the pane's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.duty.duty_setup import Setup
from console.duty.roster import Duty
from console.duty.roster_rules import phase_of
from console.duty.rotation import OVER, RUNNING, UPCOMING

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
LEAVE_TEXT = QColor("#b3261e")
DONE_TEXT = QColor("#757575")  # a shift that is over


class Names:
    """Names of the posts, teams and shifts of the setup last read ("" for none),
    and where an entry's shift stands by ``now`` (the pane's clock)."""

    def __init__(self, now: Callable[[], dt.datetime] | None = None) -> None:
        self.setup: Setup | None = None
        self.now = now

    def phase(self, entry: Duty) -> str | None:
        """UPCOMING, RUNNING or OVER for a duty now, None for leave or an unknown shift."""
        if self.setup is None or self.now is None:
            return None
        return phase_of(self.setup, entry, self.now())

    def post(self, post_id: int | None) -> str:
        post = self.setup.post(post_id) if self.setup else None
        return post.name if post else ""

    def team(self, team_id: int | None) -> str:
        team = self.setup.team(team_id) if self.setup else None
        return team.name if team else ""

    def shift(self, shift_id: int) -> str:
        rows = self.setup.shifts if self.setup else ()
        return next((r.shift.name for r in rows if r.id == shift_id), "")


class RosterEntryModel(QAbstractTableModel):
    """Roster entries in the order given; ``columns`` are keys of ``COLUMNS``."""

    COLUMNS = ("post", "shift", "person", "team", "phone", "kind", "note")

    def __init__(self, columns: Sequence[str], names: Names,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._names = names
        self._ids: list[int] = []
        self._rows: dict[int, Duty] = {}

    def _title(self, key: str) -> str:
        titles = {"post": self.tr("岗位"), "shift": self.tr("班次"), "person": self.tr("姓名"),
                  "team": self.tr("班组"), "phone": self.tr("电话"), "kind": self.tr("状态"),
                  "note": self.tr("备注")}
        return titles[key]

    def _value(self, key: str, entry: Duty) -> str:
        if key == "kind":  # only the running shift's people are on duty (在岗) now
            if entry.kind == "leave":
                return self.tr("请假")
            states = {RUNNING: self.tr("在岗"), UPCOMING: self.tr("待上班"),
                      OVER: self.tr("已下班")}
            return states.get(self._names.phase(entry) or "", self.tr("值班"))
        values: dict[str, Callable[[Duty], str]] = {
            "post": lambda e: self._names.post(e.post_id),
            "shift": lambda e: self._names.shift(e.shift_id),
            "team": lambda e: self._names.team(e.team_id),
            "person": lambda e: e.person, "phone": lambda e: e.phone, "note": lambda e: e.note}
        return values[key](entry)

    def set_entries(self, entries: Sequence[Duty]) -> None:
        ids = [e.id for e in entries]
        if ids != self._ids:
            self.beginResetModel()  # other entries: a new list
            self._ids, self._rows = ids, {e.id: e for e in entries}
            self.endResetModel()
            return
        for row, entry in enumerate(entries):  # the same entries read again
            if self._rows[entry.id] != entry:
                self._rows[entry.id] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def clock_moved(self) -> None:
        """Time passed: a shift may have started or ended, so every state may change."""
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self._columns) - 1))

    def entry(self, row: int) -> Duty | None:
        return self._rows[self._ids[row]] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: int) -> int | None:
        return self._ids.index(entry_id) if entry_id in self._rows else None

    def entries(self) -> list[Duty]:
        return [self._rows[i] for i in self._ids]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._title(self._columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None or not 0 <= index.column() < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(self._columns[index.column()], entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == "leave":
            return QBrush(LEAVE_TEXT)
        if role == Qt.ItemDataRole.ForegroundRole and self._names.phase(entry) == OVER:
            return QBrush(DONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and "kind" in self._columns \
                and self._names.phase(entry) == RUNNING:
            font = QFont()
            font.setBold(True)  # in a day's list, the people on duty now stand out
            return font
        if role == Qt.ItemDataRole.ToolTipRole and entry.note:
            return entry.note
        if role == ID_ROLE:
            return entry.id
        return None
