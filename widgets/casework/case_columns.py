"""The columns of every table of case rows (the queue, the callback desk, a
caller's history): each column's title, the text of its cells and the key the
database sorts it by, and the colours and weight that make a case stand out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.casework.lifecycle import OPEN
from console.casework.queue import CaseRow
from console.casework.status_views import CAME_BACK
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from widgets.common import texts

Index = QModelIndex | QPersistentModelIndex
URGENCY_COLOURS = {"A": "#c62828", "B": "#ef6c00", "C": "#2e7d32"}
CAME_BACK_COLOUR = "#c62828"


@cache
def bold_font() -> QFont:
    """Made on first use: a QFont needs the application to exist."""
    font = QFont()
    font.setBold(True)
    return font


@cache
def _brush(colour: str) -> QBrush:
    """One brush per colour (a paint asks for it in every row)."""
    return QBrush(QColor(colour))


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseTableModel", text)


class Column:
    def __init__(self, key: str, title: Callable[[], str], value: Callable[[CaseRow], str],
                 sort_key: str | None) -> None:
        self.key, self.title, self.value, self.sort_key = key, title, value, sort_key


def _time(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")


def moment(at: dt.datetime, now: dt.datetime) -> str:
    """A moment as short as it can be read: "11:00" today, else "12-02 11:00"."""
    local = at.astimezone(CENTRE_TZ)
    same_day = local.date() == now.astimezone(CENTRE_TZ).date()
    return local.strftime("%H:%M" if same_day else "%m-%d %H:%M")


def _span(value: dt.timedelta) -> str:
    """A duration to the minute, e.g. "2天 03:15" (the queue does not tick)."""
    minutes = int(abs(value).total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{days}天 {text}" if days else text


def _unit_left(row: CaseRow, now: dt.datetime) -> str:
    """The unit's time left (its clock runs while a unit has the case); while its clock
    waits for the signing (the admin's rule ``sign``), the sign deadline."""
    if (sign_by := row.to_sign_by) is not None:
        if sign_by < now:
            return _tr("签收超时 {t}").format(t=_span(now - sign_by))
        return _tr("{at}前签收").format(at=moment(sign_by, now))
    if row.unit_due_at is None:
        return ""
    stop = max(row.paused_at, row.unit_clock_at or row.paused_at) if row.paused_at else now
    left = row.unit_due_at - stop
    if left < dt.timedelta(0):
        return _tr("超时 {t}").format(t=_span(left))
    return _span(left)


def case_columns(catalog: Catalog, now: Callable[[], dt.datetime] | None = None
                 ) -> list[Column]:
    """The columns; ``now`` is the clock the age and the unit's time left count by."""
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    return [
        Column("public_no", lambda: _tr("编号"), lambda r: r.public_no, "public_no"),
        Column("created_at", lambda: _tr("受理时间"), lambda r: _time(r.created_at),
               "created_at"),
        Column("urgency", lambda: _tr("级别"), lambda r: r.urgency, "urgency"),
        Column("status", lambda: _tr("状态"), lambda r: texts.status_name(r.status), "status"),
        # The two clocks: the unit's time left (the one the colours and escalation use)
        # and the case's age since intake (the citizen's wait).
        Column("age", lambda: _tr("案件历时"), lambda r: _span(clock() - r.created_at)
               if r.status in OPEN else "", "created_at"),
        Column("unit_left", lambda: _tr("单位剩余"), lambda r: _unit_left(r, clock())
               if r.status in OPEN else "", "unit_due_at"),
        Column("channel", lambda: _tr("渠道"), lambda r: texts.channel_name(r.channel),
               "channel"),
        Column("category", lambda: _tr("分类"),
               lambda r: catalog.category_path(r.category_id).split(" / ")[-1], "category"),
        Column("street", lambda: _tr("街道"), lambda r: catalog.street_name(r.street_code),
               "street"),
        Column("text", lambda: _tr("诉求内容"),
               lambda r: r.text.replace("\n", " ")[:80], None),
        Column("caller", lambda: _tr("来电号码"), lambda r: r.caller_phone or "", "caller"),
        Column("unit", lambda: _tr("责任单位"), lambda r: catalog.unit_name(r.assigned_unit_id),
               "unit"),
        Column("due_at", lambda: _tr("办理时限"), lambda r: _time(r.due_at), "due_at"),
    ]


def cell_style(row: CaseRow, column: Column, role: int) -> Any:
    """A cell's colour or weight by what the case is: its urgency, and whether it
    came back from a unit (returned or disputed: a dispatcher or the shift leader
    must act on it). None for every other role."""
    if role == Qt.ItemDataRole.ForegroundRole and column.key == "urgency":
        return _brush(URGENCY_COLOURS.get(row.urgency, "black"))
    if column.key == "status" and row.status in CAME_BACK:
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(CAME_BACK_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            return bold_font()
    return None


class CaseColumnsModel(QAbstractTableModel):
    """Columns and headers shared by every table of case rows."""

    _columns: list[Column]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].title()
        return None
