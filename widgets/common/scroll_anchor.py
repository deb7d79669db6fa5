"""Rows that come or go above what an operator looks at must not move it (issue 16).

A table view keeps its scroll value when rows are inserted or removed above the
first visible row, so the rows on screen slide by as many rows: in the case queue,
new cases arrive on top all day, and an operator who has scrolled down would see
the list creep under the mouse. ``ScrollAnchor`` notes the first visible row (a
persistent index, which the model moves with its row signals) before each change
and scrolls back to it after. At the top of the list (scroll value 0) nothing is
held: the operator there sees the new rows come in on top.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QTableView


class ScrollAnchor(QObject):
    """Keeps the rows ``view`` shows in place while its model's rows move."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._anchor: QPersistentModelIndex | None = None
        self._offset = 0  # pixels the first visible row is scrolled past (per pixel)
        model = view.model()
        for before in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved,
                       model.layoutAboutToBeChanged):
            before.connect(self._note)
        for after in (model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            after.connect(self._restore)
        model.modelAboutToBeReset.connect(self._drop)

    def _note(self, *_args: object) -> None:
        if self._anchor is not None or self._view.verticalScrollBar().value() == 0:
            return
        header = self._view.verticalHeader()
        first = header.logicalIndexAt(0)
        if first < 0:
            return
        self._anchor = QPersistentModelIndex(self._view.model().index(first, 0))
        self._offset = header.offset() - header.sectionPosition(first)

    def _restore(self, *_args: object) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is None or not anchor.isValid():
            return  # the row looked at went: the view stays where it is
        view, row = self._view, anchor.row()
        bar = view.verticalScrollBar()
        if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            wanted = row
        else:
            wanted = view.verticalHeader().sectionPosition(row) + self._offset
        if bar.value() != wanted:
            view.updateGeometries()  # the scroll bar's range for the new row count
            bar.setValue(wanted)

    def _drop(self) -> None:
        self._anchor = None
