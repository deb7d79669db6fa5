"""The handover pane's history: the handovers of the last 30 days, the latest
shift first, unsigned ones in orange. Moving the current row to a handover
chooses it (``chosen``); Enter or a double-click also asks to read it
(``open_requested``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from console.duty.handover import Handover
from widgets.common.tables import OpenableTable, RecordTableModel
from widgets.duty.handover_summary import hm

UNSIGNED = QColor("#e65100")


class HandoverHistory(OpenableTable):
    chosen = Signal(object)  # the Handover the current row moved to

    def __init__(self, shift_name: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="handover.history")
        self.records = RecordTableModel([
            (self.tr("日期"), lambda h: f"{h.shift_day:%m-%d}"),  # within 30 days
            (self.tr("班次"), lambda h: shift_name(h.shift_id)),
            (self.tr("交班人"), lambda h: h.outgoing_leader or ""),
            (self.tr("接班人"), lambda h: h.incoming_leader or self.tr("待签收")),
            (self.tr("签收时间"), lambda h: hm(h.signed_at and h.signed_at.isoformat(),
                                                 "%m-%d %H:%M")),
        ], lambda h: None if h.signed else UNSIGNED, self)
        self.setModel(self.records)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.selectionModel().currentRowChanged.connect(self._moved)

    def set_rows(self, rows: Sequence[Handover]) -> None:
        self.records.set_rows(rows)

    def _moved(self, index: QModelIndex, _previous: QModelIndex) -> None:
        record = self.records.record(index.row())
        if record is not None:
            self.chosen.emit(record)
