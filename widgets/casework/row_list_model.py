"""A small read-only table of case rows that are all at hand (a caller's history)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from console.casework.queue import CaseRow
from console.catalog.catalog import Catalog
from widgets.casework.case_columns import CaseColumnsModel, case_columns

HISTORY_COLUMNS = ("public_no", "created_at", "status", "category", "text")


class RowListModel(CaseColumnsModel):
    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = [c for c in case_columns(catalog) if c.key in HISTORY_COLUMNS]
        self._rows: list[CaseRow] = []

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()  # a new query's result, not an update
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> CaseRow:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
