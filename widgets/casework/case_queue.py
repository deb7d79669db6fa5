"""The case queue pane: quick filters over a live, database-sorted table."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.casework.queue import CaseFilter
from console.casework.status_views import STATUS_VIEWS, StatusView
from console.catalog.catalog import Catalog, Category
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.hotline.channels import CHANNELS
from widgets.casework.case_model import CaseTableModel
from widgets.common import texts
from widgets.common.pickers import CategoryPicker
from widgets.common.scroll_anchor import ScrollAnchor
from widgets.common.tables import OpenableTable
from widgets.common.tasks import TaskRunner

TEXT_FILTER_DELAY_MS = 300


class CaseQueue(QWidget):
    case_opened = Signal(uuid.UUID)
    selection_dropped = Signal()  # the map's selection was let go here

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseQueue")
        self._catalog = catalog
        self.model = CaseTableModel(store, catalog, runner, self, feed=feed)

        self.status_filter = QComboBox(objectName="queue.status")
        for view in STATUS_VIEWS:
            self.status_filter.addItem(self._view_name(view), view.statuses)
        self.channel_filter = QComboBox(objectName="queue.channel")
        self.channel_filter.addItem(self.tr("全部渠道"), None)
        for channel in CHANNELS:
            self.channel_filter.addItem(texts.channel_name(channel), channel)
        self.street_filter = QComboBox(objectName="queue.street")
        self.street_filter.addItem(self.tr("全部街道"), None)
        for street in catalog.streets.values():
            self.street_filter.addItem(street.name, street.code)
        self.category_filter = CategoryPicker(catalog, self)
        self.category_filter.setObjectName("queue.category")
        self.category_filter.setPlaceholderText(self.tr("分类（中文或拼音首字母）"))
        self.text_filter = QLineEdit(objectName="queue.text")
        self.text_filter.setPlaceholderText(self.tr("搜索编号、号码、内容、地址"))
        self.text_filter.setClearButtonEnabled(True)
        self.count = QLabel(objectName="queue.count")
        # Cases selected on the map, or an area chosen on it: the queue shows only
        # them until this is clicked.
        self.only_cases: frozenset[uuid.UUID] | None = None
        self.only_area: tuple[str, str, str] | None = None  # level, code, name
        self.selection_chip = QPushButton(objectName="queue.mapSelection")
        self.selection_chip.hide()
        self.selection_chip.clicked.connect(self._drop_selection)

        self.table = OpenableTable(objectName="queue.table")
        self.table.open_requested.connect(self._open)
        self.table.setModel(self.model)
        self.scroll_anchor = ScrollAnchor(self.table)  # new cases on top move no one's rows
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 90, 40, 70, 96, 80, 80, 120, 70, 260, 110)):
            self.table.setColumnWidth(column, width)

        bar = QHBoxLayout()
        for widget, stretch in ((self.status_filter, 0), (self.channel_filter, 0),
                                (self.street_filter, 0), (self.category_filter, 1),
                                (self.text_filter, 2), (self.selection_chip, 0),
                                (self.count, 0)):
            bar.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self.apply_filter)
        self.text_filter.textChanged.connect(lambda _t: self._text_timer.start())
        for combo in (self.status_filter, self.channel_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.street_filter.currentIndexChanged.connect(self._street_changed)
        self.category_filter.category_chosen.connect(self._category_changed)
        self.model.total_changed.connect(self._show_count)

    def _view_name(self, view: StatusView) -> str:
        names = {"open": self.tr("未办结"), "waiting_for_dispatch": self.tr("待分拨（含退回）"),
                 "awaiting_callback": self.tr("待回访"), "all": self.tr("全部状态")}
        return names.get(view.key) or texts.status_name(view.key)

    def _open(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_opened.emit(case_id)

    def _category_changed(self, _category: Category | None) -> None:
        self.apply_filter()

    def current_filter(self) -> CaseFilter:
        chosen = self.category_filter.chosen
        flt = self.model.filter
        area = {"street": self.street_filter.currentData(), "community": None, "cell": None}
        if self.only_area is not None:  # in place of the street filter
            level, code, _name = self.only_area
            area = {"street": None, "community": None, "cell": None, level: code}
        return CaseFilter(
            statuses=self.status_filter.currentData(),
            channel=self.channel_filter.currentData(),
            street_code=area["street"],
            community_code=area["community"],
            grid_code=area["cell"],
            category_ids=tuple(self._catalog.subtree_ids(chosen.id)) if chosen else None,
            text=self.text_filter.text().strip(),
            sort_key=flt.sort_key,
            descending=flt.descending,
            case_ids=self.only_cases,
        )

    def _street_changed(self) -> None:
        if self.only_area is not None:  # a street chosen here takes the map's area's place
            self._drop_selection()
        else:
            self.apply_filter()

    def _drop_selection(self) -> None:
        self.show_only(None)  # the area too
        self.selection_dropped.emit()

    def show_only(self, case_ids: list[uuid.UUID] | frozenset[uuid.UUID] | None,
                  label: str | None = None) -> None:
        """Only these cases (a selection on the map; with a ``label``, the cases behind a
        figure of the statistics, in every status), with the other filters; None: all."""
        self.only_area = None
        self.only_cases = None if case_ids is None else frozenset(case_ids)
        if self.only_cases is None:
            self.selection_chip.hide()
        elif label is not None:
            every = next(i for i, v in enumerate(STATUS_VIEWS) if v.key == "all")
            self.status_filter.blockSignals(True)  # one query, below
            self.status_filter.setCurrentIndex(every)
            self.status_filter.blockSignals(False)
            self.selection_chip.setText(self.tr("{label} {n} 件 ✕").format(
                label=label, n=f"{len(self.only_cases):,}"))
            self.selection_chip.setToolTip(self.tr("点击取消，恢复全部"))
            self.selection_chip.show()
        else:
            self.selection_chip.setText(self.tr("地图框选 {n} 件 ✕").format(
                n=f"{len(self.only_cases):,}"))
            self.selection_chip.setToolTip(self.tr("点击取消地图框选，恢复全部"))
            self.selection_chip.show()
        self.apply_filter()

    def show_area(self, level: str, code: str, name: str) -> None:
        """Only the cases of a street, community or grid cell chosen on the map (in
        place of the street filter, which goes back to all), with the other filters."""
        self.only_cases = None
        self.only_area = (level, code, name)
        self.street_filter.blockSignals(True)  # one query, below
        self.street_filter.setCurrentIndex(0)
        self.street_filter.blockSignals(False)
        self.selection_chip.setText(self.tr("地图区域：{name} ✕").format(name=name))
        self.selection_chip.setToolTip(self.tr("点击取消地图所选区域，恢复全部"))
        self.selection_chip.show()
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self, total: int, held: int, counted_all: bool) -> None:
        """The matches, "20,000+" past the count's bound; and how many are read in
        (the rest come as the table is scrolled to its end)."""
        shown = f"{total:,}" if counted_all else f"{max(total, held):,}+"
        if held < total or not counted_all:
            self.count.setText(self.tr("共 {total} 件，已载入 {held} 件").format(
                total=shown, held=f"{held:,}"))
            self.count.setToolTip(self.tr("向下滚动到底部时载入更多"))
        else:
            self.count.setText(self.tr("共 {total} 件").format(total=shown))
            self.count.setToolTip("")
