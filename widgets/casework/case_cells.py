"""The case queue's cells as a paint asks for them (issue 16).

A table view paints a cell by asking its model for seven roles (font, alignment,
colour, check state, icon, text, background). Asked through ``data()`` each is one
entry into Python from Qt's C++ (PySide wraps the index, converts the answer), and
each entry must take the GIL: while a worker thread runs Python code, every entry
waits up to ``sys.getswitchinterval()`` for it. A screenful of the queue is about
450 cells, so a repaint after a new case on top made over 3,000 entries, each
formatting anew (a channel's name is translated at each ask).

``CellTexts`` keeps each painted row's texts, made once per row read (a row read
again is a new ``CaseRow`` object, so its texts are made again); the two clock
columns (the case's age, the unit's time left) are formatted at every paint, as
before, since the clock moves; and all are made again when the seat reads the
streets again (boundaries imported at some seat: their names may have changed).
The model answers a cell's roles in one entry (``CaseCells.multiData``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from console.casework.queue import CaseRow
from console.catalog.catalog import Catalog
from console.supervision.highlights import Highlights
from widgets.casework.case_columns import Column, bold_font, cell_style
from widgets.casework.held_ids import HeldIds

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole  # as ints: a paint's roles come as ints, compared in C
DISPLAY, USER, TOOLTIP, FONT = (int(r) for r in (R.DisplayRole, R.UserRole, R.ToolTipRole,
                                                 R.FontRole))
ANSWERED = frozenset({DISPLAY, USER, TOOLTIP, FONT, int(R.ForegroundRole)})  # others: None
CLOCK_COLUMNS = frozenset({"age", "unit_left"})  # their text follows the clock
KEPT = 2_000  # rows whose texts are kept (a few screenfuls); then they are made again


class CellTexts:
    """Each painted row's cell texts, made once per ``CaseRow`` object."""

    def __init__(self, columns: Sequence[Column], catalog: Catalog) -> None:
        self._columns = list(columns)
        self._catalog = catalog
        self._streets = catalog.streets  # replaced, not changed, when read again
        self._clock = frozenset(i for i, c in enumerate(self._columns)
                                if c.key in CLOCK_COLUMNS)
        self._made: dict[uuid.UUID, tuple[CaseRow, list[str | None]]] = {}

    def text(self, row: CaseRow, column: int) -> str:
        if self._streets is not self._catalog.streets:
            self._streets = self._catalog.streets
            self._made.clear()
        made = self._made.get(row.id)
        if made is None or made[0] is not row:  # first painted, or read again since
            if len(self._made) >= KEPT:
                self._made.clear()
            made = (row, [None if i in self._clock else c.value(row)
                          for i, c in enumerate(self._columns)])
            self._made[row.id] = made
        text = made[1][column]
        return self._columns[column].value(row) if text is None else text

    def clear(self) -> None:
        self._made.clear()


class CaseCells(HeldIds):
    """A case table model's cells: ``data`` and, for a paint, ``multiData``. A row not
    read yet (or stale) shows "…" and is asked for (``_want``, the subclass's)."""

    _texts: CellTexts
    _wanted: set[uuid.UUID]
    highlighted: Highlights

    def _want(self, row: int) -> None:
        raise NotImplementedError

    def _now(self) -> dt.datetime:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._cell(index.row(), index.column(), role) if index.isValid() else None

    def multiData(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a paint asks of a cell, in one entry into Python."""
        if not index.isValid():
            return
        row, column = index.row(), index.column()
        # A span is a sequence (indexed, sized), which its stubs do not say.
        span = [roles] if isinstance(roles, QModelRoleData) else cast(
            "Sequence[QModelRoleData]", roles)
        for asked in span:
            asked.setData(self._cell(row, column, asked.role()))

    def _cell(self, number: int, column: int, role: int) -> Any:
        if role not in ANSWERED or not 0 <= number < len(self._ids):
            return None
        case_id = self._ids[number]
        if role == USER:
            return case_id
        row = self._rows.get(case_id)
        if role == DISPLAY and (row is None or case_id in self._stale) and (
                case_id not in self._wanted):
            self._want(number)
        if row is None:
            return "…" if role == DISPLAY else None
        if role == DISPLAY:
            return self._texts.text(row, column)
        if role == TOOLTIP:
            return row.text if self._columns[column].key == "text" else None
        if role == FONT and self.highlighted and self.highlighted.shown(case_id, self._now()):
            return bold_font()  # an alert was about this case
        return cell_style(row, self._columns[column], role)

