"""The roster pane's views: the bar above the month (months before and after,
generate, export), the month grid sized to its texts, the day's entries whose
edit keys act on the current entry, and the splitter that puts the day beside
the grid or under it, whichever fits the pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from console.duty.roster import Duty
from widgets.common import commands
from widgets.duty.roster_entry_model import RosterEntryModel
from widgets.duty.roster_month_model import RosterMonthModel

ENTRY_ROWS, MONTH_ROWS = 3, 8  # the least worth showing when the entries go under the grid


def table_look(view: QTableView) -> None:
    """Rows read across (alternating), columns as wide as their contents."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(64)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)


class MonthBar(QWidget):
    """◀ 上月 · 2026年11月 · 下月 ▶ · 本月, and the commands on the month."""

    stepped = Signal(int)           # -1 the month before, +1 after, 0 the current month
    generate_requested = Signal()
    export_requested = Signal(str)  # "xlsx" or "pdf"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="roster.monthLabel")
        self.label.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 0 8px;")
        self.generate_button = QPushButton(commands.command("roster.generate").title(),
                                           objectName="roster.generate")
        self.generate_button.clicked.connect(self.generate_requested)
        prev = self._button(self.tr("◀ 上月"), "prev", lambda: self.stepped.emit(-1))
        after = self._button(self.tr("下月 ▶"), "next", lambda: self.stepped.emit(1))
        this = self._button(self.tr("本月"), "thisMonth", lambda: self.stepped.emit(0))
        excel = self._button(self.tr("导出 Excel…"), "exportExcel",
                             lambda: self.export_requested.emit("xlsx"))
        pdf = self._button(self.tr("导出 PDF…"), "exportPdf",
                           lambda: self.export_requested.emit("pdf"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (prev, self.label, after, this):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.generate_button, excel, pdf):
            layout.addWidget(widget)

    @staticmethod
    def _button(title: str, name: str, clicked: Callable[[], None]) -> QPushButton:
        button = QPushButton(title, objectName=f"roster.{name}")
        button.clicked.connect(clicked)
        return button

    def show_month(self, year: int, month: int) -> None:
        self.label.setText(self.tr("{y}年{m}月").format(y=year, m=month))


class MonthGrid(QTableView):
    """The month, a row per day; weekends are tinted instead of alternate rows."""

    def __init__(self, model: RosterMonthModel) -> None:
        super().__init__()
        self.setObjectName("roster.month")
        self.setModel(model)
        self.month = model
        table_look(self)
        self.setAlternatingRowColors(False)

    def size_columns(self) -> int:
        """Columns wide enough for a day with leave and today's bold row, fixed as the
        data change; the width the whole grid needs (0: no columns yet)."""
        count = self.month.columnCount()
        if not count:
            return 0
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        day, cell, rest = (metrics.horizontalAdvance(t) + 24 for t in self.month.widest_texts())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([day, *[cell] * (count - 2), rest]):
            header.resizeSection(column, width)
        frame = 2 * self.frameWidth() + 4
        scroll = self.verticalScrollBar().sizeHint().width()
        return day + cell * (count - 2) + rest + frame + scroll


class DayTable(QTableView):
    """A day's entries through a filter; the edit keys act on the current entry."""

    def __init__(self, entries: RosterEntryModel) -> None:
        super().__init__()
        self.setObjectName("roster.day")
        self.entries = entries
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(entries)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        table_look(self)
        self.keys: dict[str, Callable[[], object]] = {}  # command id → what it does

    def current_entry(self) -> Duty | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.entries.entry(self.proxy.mapToSource(index).row())

    def select_entry(self, entry_id: int) -> None:
        """Make the entry current again (after the day was read anew), if it is shown."""
        row = self.entries.row_of(entry_id)
        index = self.proxy.mapFromSource(self.entries.index(row, 0)) if row is not None else None
        if index is not None and index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = commands.pressed(commands.ROSTER, event)
        action = self.keys.get(command.id) if command else None
        if action is not None:
            action()
            return
        super().keyPressEvent(event)


class RosterSplit(QSplitter):
    """The whole month grid beside the day's entries when the pane is wide enough;
    in a narrow pane the day's entries go under the grid if it is tall enough, else
    the two share the width (more than one shift column shows)."""

    def __init__(self, grid: MonthGrid, day: QWidget) -> None:
        super().__init__()
        self.setObjectName("roster.split")
        self.grid, self.day = grid, day
        self.addWidget(grid)
        self.addWidget(day)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self._grid_width = 0  # the whole grid's width, once its columns are known
        grid.month.modelReset.connect(self._grid_reset)

    def _grid_reset(self) -> None:
        width = self.grid.size_columns()
        if width:
            self._grid_width = width
            self.fit()

    def fit(self) -> None:
        if not self._grid_width:
            return
        width, height = self.width(), self.height()
        day = self.day.minimumSizeHint()
        row = self.grid.verticalHeader().defaultSectionSize()
        entries = day.height() + ENTRY_ROWS * row
        if width >= self._grid_width + day.width() or height < entries + (MONTH_ROWS + 1) * row:
            self.setOrientation(Qt.Orientation.Horizontal)
            grid = min(self._grid_width, max(width - day.width(), width * 11 // 20))
            self.setSizes([grid, width - grid])
        else:
            self.setOrientation(Qt.Orientation.Vertical)
            below = max(height // 2, entries)
            self.setSizes([height - below, below])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
