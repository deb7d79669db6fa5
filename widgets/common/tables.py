"""Table views shared by the panes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from widgets.common import commands


class OpenableTable(QTableView):
    """A table whose current row opens with Enter, as with a double-click."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803
        super().__init__(parent)
        self.setObjectName(objectName)
        self.doubleClicked.connect(self.open_requested)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if commands.matches("list.open", event) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


Handlers = Callable[[], Mapping[str, Callable[[], object]]]


class KeyedTable(QTableView):
    """A list a person works down one row at a time by keys (callbacks, field
    verification, a unit's cases, requests to decide): a key of ``scope``, declared in
    ``commands.py``, calls the handler of its command (``handlers()`` gives them, so
    the pane may fill them in after making the table); other keys move as usual."""

    def __init__(self, scope: str, handlers: Handlers, model: QAbstractTableModel, *,
                 objectName: str) -> None:  # noqa: N803
        super().__init__()
        self.setObjectName(objectName)
        self._scope, self._handlers = scope, handlers
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = commands.pressed(self._scope, event)
        if command is None:
            super().keyPressEvent(event)
        else:
            self._handlers()[command.id]()


class RecordTableModel(QAbstractTableModel):
    """A read-only table of records that are all at hand (a list re-read as a whole).

    ``columns`` are (title, value) pairs; ``colour`` may give a row's text colour,
    ``tooltip`` a cell's tooltip (from the record and the column); ``text_tips``: a
    cell's tooltip is its text (a long text cut by the column shows whole on hover);
    ``grows``: the list is a history that only grows (see ``set_rows``).
    """

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], str]]],
                 colour: Callable[[Any], QColor | None] | None = None,
                 parent: QObject | None = None, *,
                 background: Callable[[Any], QColor | None] | None = None,
                 tooltip: Callable[[Any, int], str | None] | None = None,
                 text_tips: bool = False, grows: bool = False) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._colour = colour
        self._background = background
        self._tooltip = tooltip
        self._text_tips = text_tips
        self._grows = grows
        self._rows: list[Any] = []

    def set_columns(self, columns: Sequence[tuple[str, Callable[[Any], str]]]) -> None:
        """The columns (title, value), for a model that words its titles itself."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """A new reading of the whole list. Of a history that grows, the same rows change
        nothing and rows added at the end are inserted (selection and scroll stay);
        anything else is read anew (comparing long lists would cost more)."""
        known = len(self._rows)
        if self._grows and len(rows) >= known and list(rows[:known]) == self._rows:
            if len(rows) > known:
                self.beginInsertRows(QModelIndex(), known, len(rows) - 1)
                self._rows.extend(rows[known:])
                self.endInsertRows()
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace_row(self, row: int, record: Any) -> None:
        """One record changed: repaint its row only (selection and scroll stay)."""
        if 0 <= row < len(self._rows):
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](record)
        if role == Qt.ItemDataRole.ForegroundRole and self._colour is not None:
            colour = self._colour(record)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(record)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._tooltip is not None:
                return self._tooltip(record, index.column())
            if self._text_tips:
                return self._columns[index.column()][1](record)
        return None
