"""Unsettled disputes for the weekly briefing (值班周报): the disputes nobody has
settled for the rule's working days, the oldest first, as a tab of the
supervisor's board. The board reads them with its own reload (the same change
feed); "复制" puts the list on the clipboard as tab-separated text, for the
briefing's document or a spreadsheet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.casework.dispute_briefing import UnsettledDispute
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from widgets.common import texts
from widgets.common.tables import OpenableTable, RecordTableModel


def _time(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M")


class DisputeBriefing(QWidget):
    """The list; ``table.open_requested`` opens a dispute's case (the board wires it)."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board.briefing")
        self.model = RecordTableModel([
            (self.tr("编号"), lambda d: d.public_no),
            (self.tr("状态"), lambda d: texts.status_name(d.status)),
            (self.tr("首问责任单位"), lambda d: catalog.unit_name(d.unit_id)),
            (self.tr("争议提出"), lambda d: _time(d.disputed_at)),
            (self.tr("已历工作日"), lambda d: str(d.working_days)),
            (self.tr("争议原因"), lambda d: d.reason),
            (self.tr("提请区领导协调"), lambda d: " ".join(
                p for p in (_time(d.referred_at), d.referral_note) if p)),
        ], parent=self)
        self.table = OpenableTable(objectName="briefing.table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="briefing.summary")
        self.copy_button = QPushButton(self.tr("复制列表"), objectName="briefing.copy")
        self.copy_button.clicked.connect(self.copy)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._catalog = catalog
        self._days = 0

    def set_disputes(self, disputes: list[UnsettledDispute], days: int) -> None:
        self._days = days
        self.model.set_rows(disputes)
        self.summary.setText(self.tr("{days} 个工作日以上未解决的争议：{n} 件").format(
            days=days, n=len(disputes)) if disputes else
            self.tr("没有 {days} 个工作日以上未解决的争议").format(days=days))

    def as_text(self) -> str:
        """The list as tab-separated lines, a heading first."""
        model = self.model
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal))
                           for c in range(model.columnCount()))]
        for row in range(model.rowCount()):
            lines.append("\t".join(
                str(model.index(row, c).data() or "").replace("\t", " ").replace("\n", " ")
                for c in range(model.columnCount())))
        return "\n".join(lines)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.as_text())
        self.summary.setText(self.tr("已复制 {n} 件").format(n=self.model.rowCount()))
