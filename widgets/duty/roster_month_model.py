"""The roster pane's month grid: a row per day, a column per shift (the team on
it, its head count and leave) and the teams resting.

A new month resets the model; the same month read again (a change here or at
another seat) repaints the days that changed, so the selection and scroll
position stay. Whose shift a cell is and who rests are console/duty/roster_rules.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.duty.duty_setup import Setup, ShiftRow
from console.duty.roster import MonthCell
from console.duty.roster_export import shift_hours
from console.duty.roster_rules import display_order, main_team, resting_teams
from widgets.duty.roster_entry_model import LEAVE_TEXT

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole
TODAY = QColor("#ffe9a8")
WEEKEND = QColor("#e8edf5")
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class RosterMonthModel(QAbstractTableModel):
    """The month grid: who works each shift of each day and who rests."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._setup: Setup | None = None
        self._shifts: list[ShiftRow] = []
        self._days: list[dt.date] = []
        self._cells: dict[tuple[dt.date, int], MonthCell] = {}
        self._today: dt.date | None = None

    # ---- filling ----------------------------------------------------------------------
    def set_month(self, setup: Setup, days: Sequence[dt.date],
                  cells: dict[tuple[dt.date, int], MonthCell], today: dt.date) -> None:
        """Show another month (or the same one with other shift templates): a reset."""
        self.beginResetModel()
        self._setup, self._shifts = setup, display_order(setup.shifts)
        self._days, self._cells, self._today = list(days), dict(cells), today
        self.endResetModel()

    def update_cells(self, cells: dict[tuple[dt.date, int], MonthCell]) -> None:
        """The same month read again: repaint only the days that changed."""
        old, self._cells = self._cells, dict(cells)
        for row, day in enumerate(self._days):
            if any(old.get((day, s.id)) != self._cells.get((day, s.id)) for s in self._shifts):
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_today(self, today: dt.date) -> None:
        if today == self._today:
            return
        rows = [self.row_of(d) for d in (self._today, today) if d is not None]
        self._today = today
        for row in rows:
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def shows(self, days: Sequence[dt.date]) -> bool:
        return list(days) == self._days

    def day(self, row: int) -> dt.date | None:
        return self._days[row] if 0 <= row < len(self._days) else None

    def row_of(self, day: dt.date | None) -> int | None:
        return self._days.index(day) if day in self._days else None

    def is_empty(self) -> bool:
        return not self._cells

    # ---- texts ------------------------------------------------------------------------
    def weekday(self, day: dt.date) -> str:
        names = (self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"),
                 self.tr("周五"), self.tr("周六"), self.tr("周日"))
        return names[day.weekday()]

    def day_text(self, day: dt.date, *, short: bool = False) -> str:
        """"11月22日 周日（今天）"; short (the month is shown above): "22日 周日（今天）"."""
        if short:
            text = self.tr("{d}日 {weekday}").format(d=day.day, weekday=self.weekday(day))
        else:
            text = self.tr("{m}月{d}日 {weekday}").format(m=day.month, d=day.day,
                                                         weekday=self.weekday(day))
        return text + self.tr("（今天）") if day == self._today else text

    def _team_name(self, team_id: int | None) -> str:
        team = self._setup.team(team_id) if self._setup else None
        return team.name if team else "?"

    def _cell_text(self, day: dt.date, shift: ShiftRow) -> str:
        cell = self._cells.get((day, shift.id))
        if cell is None or self._setup is None:
            return ""
        return self._format(self._team_name(main_team(self._setup, day, shift, cell)),
                            cell.on_duty, cell.on_leave)

    def _format(self, team: str, on_duty: int, on_leave: int) -> str:
        text = self.tr("{team} · {n}人").format(team=team, n=on_duty)
        if on_leave:
            text += self.tr("（{n}人请假）").format(n=on_leave)
        return text

    def widest_texts(self) -> tuple[str, str, str]:
        """Texts as wide as the widest of each kind of column can get (for sizing)."""
        teams = [t.name for t in self._setup.teams] if self._setup else []
        team = max(teams, key=len, default="")
        day = self.day_text(dt.date(2000, 12, 27), short=True) + self.tr("（今天）")
        heads = max((c.on_duty for c in self._cells.values()), default=99)
        return day, self._format(team, heads, 10), "、".join(teams[:1] * 2)

    def _resting(self, day: dt.date) -> str:
        if self._setup is None:
            return ""
        return "、".join(t.name for t in resting_teams(self._setup, day, self._cells))

    # ---- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._setup is None else len(self._shifts) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < self.columnCount()):
            return None
        if section == 0:
            return self.tr("日期")
        if section <= len(self._shifts):
            shift = self._shifts[section - 1].shift
            return f"{shift.name} {shift_hours(shift)}"
        return self.tr("休息")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day(index.row()) if index.isValid() else None
        if day is None or not 0 <= index.column() < self.columnCount():
            return None
        column = index.column()
        shift = self._shifts[column - 1] if 0 < column <= len(self._shifts) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.day_text(day, short=True)
            return self._cell_text(day, shift) if shift else self._resting(day)
        if role == Qt.ItemDataRole.BackgroundRole:
            if day == self._today:
                return QBrush(TODAY)
            return QBrush(WEEKEND) if day.weekday() >= 5 else None
        if role == Qt.ItemDataRole.ForegroundRole and shift is not None:
            cell = self._cells.get((day, shift.id))
            return QBrush(LEAVE_TEXT) if cell is not None and cell.on_leave else None
        if role == Qt.ItemDataRole.FontRole and day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return CENTRE
        if role == Qt.ItemDataRole.ToolTipRole and shift is not None:
            cell = self._cells.get((day, shift.id))
            if cell is not None and len(cell.teams) > 1:
                names = "、".join(sorted(self._team_name(t) for t in cell.teams))
                return self.tr("在岗人员来自：{teams}").format(teams=names)
            return None
        if role == DAY_ROLE:
            return day
        return None

