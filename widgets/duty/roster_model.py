"""Table models of the roster pane: the month grid (a row per day, a column per
shift and the resting team) and a list of roster entries (a day's detail, or
who is on duty now); and the order in which people are offered to take a duty.

A new month or a new set of entries resets a model; the same month or the same
entries read again (a change here or at another seat) update the rows that
changed in place, so the selection and scroll position stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.duty.duty_setup import Setup, ShiftRow
from console.duty.roster import Duty, MonthCell
from console.duty.roster_export import display_order, shift_hours
from console.duty.rotation import OVER, RUNNING, UPCOMING

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = ID_ROLE = Qt.ItemDataRole.UserRole
TODAY = QColor("#ffe9a8")
WEEKEND = QColor("#e8edf5")
LEAVE_TEXT = QColor("#b3261e")
DONE_TEXT = QColor("#757575")  # a shift that is over
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

    def _main_team(self, day: dt.date, shift: ShiftRow, cell: MonthCell) -> int | None:
        """The team the rotation puts on the shift when it is there (a stand-in from
        another team does not change whose shift it is), else the lowest id."""
        if self._setup is not None:
            code = self._setup.rotation.day_plan(day).get(shift.shift.code)
            for team in self._setup.teams:
                if team.code == code and team.id in cell.teams:
                    return team.id
        return min(cell.teams, default=None)

    def _cell_text(self, day: dt.date, shift: ShiftRow) -> str:
        cell = self._cells.get((day, shift.id))
        if cell is None:
            return ""
        return self._format(self._team_name(self._main_team(day, shift, cell)), cell.on_duty,
                            cell.on_leave)

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
        working = {self._main_team(day, s, cell) for s in self._shifts
                   if (cell := self._cells.get((day, s.id))) is not None}
        if not working:
            return ""
        return "、".join(t.name for t in self._setup.teams
                        if t.offset is not None and t.id not in working)

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


class Names:
    """Names of the posts, teams and shifts of the setup last read ("" for none),
    and where an entry's shift stands by ``now`` (the pane's clock)."""

    def __init__(self, now: Callable[[], dt.datetime] | None = None) -> None:
        self.setup: Setup | None = None
        self.now = now

    def phase(self, entry: Duty) -> str | None:
        """UPCOMING, RUNNING or OVER for a duty, None for leave or an unknown shift."""
        rows = self.setup.shifts if self.setup else ()
        row = next((r for r in rows if r.id == entry.shift_id), None)
        if row is None or self.now is None or entry.kind != "duty":
            return None
        return row.shift.phase(entry.day, self.now())

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
