"""The quick-answer results as a table: the question and how often it was used.

Result ids in rank order plus their rows. A different list (a new query) resets
the model; the same list again (a refresh after a change) and a recorded hit
update rows in place, so the selection and scroll position stay.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from console.answers.quick_answers import QuickAnswer

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


class AnswerListModel(QAbstractTableModel):
    """Result ids in rank order plus their rows (see the module's docstring)."""

    QUESTION, HITS = 0, 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, QuickAnswer] = {}

    def set_results(self, answers: list[QuickAnswer], *, keep_order: bool = False) -> bool:
        """Show a query's result; False if only rows changed in place (no reset).
        ``keep_order``: the same entries in the order shown keep that order (a count
        that moved does not move a row under the operator's cursor)."""
        if keep_order and {a.id for a in answers} == set(self._ids):
            answers = sorted(answers, key=lambda a: self._ids.index(a.id))
        ids = [a.id for a in answers]
        if ids == self._ids:  # the same list again: update the rows that changed
            for row, answer in enumerate(answers):
                if self._rows[answer.id] != answer:
                    self._rows[answer.id] = answer
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
            return False
        self.beginResetModel()  # a different list: a new query's result
        self._ids = ids
        self._rows = {a.id: a for a in answers}
        self.endResetModel()
        return True

    def answer(self, row: int) -> QuickAnswer | None:
        return self._rows[self._ids[row]] if 0 <= row < len(self._ids) else None

    def row_of(self, answer_id: int) -> int | None:
        return self._ids.index(answer_id) if answer_id in self._rows else None

    def set_hits(self, answer_id: int, hits: int) -> None:
        row = self.row_of(answer_id)
        if row is None:
            return
        self._rows[answer_id] = replace(self._rows[answer_id], hits=hits)
        cell = self.index(row, self.HITS)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        answer = self.answer(index.row()) if index.isValid() else None
        if answer is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return answer.question if index.column() == self.QUESTION else str(answer.hits)
        if role == Qt.ItemDataRole.ToolTipRole:
            return answer.answer
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.HITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return answer.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or section not in (self.QUESTION, self.HITS)):
            return None
        return self.tr("问题") if section == self.QUESTION else self.tr("使用次数")
