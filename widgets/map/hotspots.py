"""The hotspots beside the map: the areas with the most cases for the heat layer's
level, period and category (rank, area, cases, overdue, on-time rate). A click on a
row, or Enter on it, chooses the area: the map zooms to it and the queue shows its
cases. Arrows move down the list as in any table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from console.geo.area_stats import AreaFigures
from widgets.common.tables import OpenableTable, RecordTableModel

WIDTH = 300  # pixels: rank, a cell's name, three figures
ROW_PX = 22
NUMBERS = (0, 2, 3, 4)  # right-aligned columns


@dataclass(frozen=True)
class Hotspot:
    rank: int
    name: str
    figures: AreaFigures


def rate_text(figures: AreaFigures) -> str:
    rate = figures.on_time_rate
    return "—" if rate is None else f"{rate * 100:.1f}%"


class HotspotModel(RecordTableModel):
    def __init__(self, titles: Sequence[str]) -> None:
        values: list[Callable[[Hotspot], str]] = [
            lambda h: str(h.rank), lambda h: h.name, lambda h: f"{h.figures.cases:,}",
            lambda h: f"{h.figures.overdue:,}", lambda h: rate_text(h.figures)]
        super().__init__(list(zip(titles, values, strict=True)),
                         tooltip=lambda h, _c: h.figures.code)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
            if index.column() in NUMBERS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return super().data(index, role)


class HotspotList(QWidget):
    chosen = Signal(str)  # an area's code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map.hotspotList")
        self.title = QLabel(objectName="map.hotspotTitle")
        self.title.setWordWrap(True)
        self.model = HotspotModel(["#", self.tr("区域"), self.tr("案件"), self.tr("超期"),
                                   self.tr("按期率")])
        self.table = OpenableTable(objectName="map.hotspots")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.clicked.connect(self._act)
        self.table.open_requested.connect(self._act)
        self.empty = QLabel(self.tr("所选时段和分类没有案件"), objectName="map.hotspotEmpty")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.setFixedWidth(WIDTH)
        self.set_rows([])

    def set_rows(self, rows: list[Hotspot]) -> None:
        """A new list; the row that was current stays current when its area is listed."""
        current = self.model.record(self.table.currentIndex().row())
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if current is not None:
            for row, hotspot in enumerate(rows):
                if hotspot.figures.code == current.figures.code:
                    self.table.setCurrentIndex(self.model.index(row, 1))
        chrome = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(chrome + ROW_PX * max(1, len(rows)))  # every row

    def focus(self) -> None:
        """The keyboard goes to the list, at its current row (the first if none)."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 1))
        self.table.setFocus()

    def codes(self) -> list[str]:
        return [self.model.record(r).figures.code for r in range(self.model.rowCount())]

    def _act(self, index: QModelIndex) -> None:
        hotspot = self.model.record(index.row())
        if hotspot is not None:
            self.chosen.emit(hotspot.figures.code)
