"""The heat layer's choices, at the head of its column beside the map (so they widen
and heighten nothing in the pane): which areas (streets, communities, grid cells),
which measure and which period (today, this week, this month, or a range of days)
on one line, the range's days under it, and the category subtree (the queue's
category picker, offering every level). ``changed`` says the choice changed;
``query()`` gives it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from console.catalog.catalog import Catalog
from console.geo.boundaries import Level
from console.mapview.heat import HeatQuery, Period
from console.mapview.heat_scale import Measure
from widgets.common.period_bar import PeriodBar
from widgets.common.pickers import CategoryPicker


def _t(text: str) -> str:
    return QCoreApplication.translate("MapHeat", text)


def level_name(level: Level) -> str:
    return {Level.STREET: _t("街道"), Level.COMMUNITY: _t("社区"), Level.CELL: _t("网格")}[level]


def measure_name(measure: Measure) -> str:
    return {Measure.CASES: _t("案件数"), Measure.OVERDUE: _t("超期数"),
            Measure.ON_TIME_RATE: _t("按期率")}[measure]


def period_name(period: Period) -> str:
    return {Period.TODAY: _t("今天"), Period.WEEK: _t("本周"), Period.MONTH: _t("本月"),
            Period.RANGE: _t("自定义时段")}[period]


class HeatBar(PeriodBar):

    def __init__(self, catalog: Catalog, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map.heatBar")
        self._catalog = catalog
        self.level = self._combo("map.heat.level", [(level_name(v), v) for v in
                                                    (Level.STREET, Level.COMMUNITY, Level.CELL)])
        self.level.setCurrentIndex(1)
        self.measure = self._combo("map.heat.measure",
                                   [(measure_name(m), m) for m in Measure])
        self._period_choice("map.heat", period_name, today)
        self.period.setCurrentIndex(list(Period).index(Period.MONTH))
        self.category = CategoryPicker(catalog, self, subtrees=True)
        self.category.setObjectName("map.heat.category")
        self.category.setPlaceholderText(self.tr("全部分类（可输入大类、小类或拼音首字母）"))
        self.category.category_chosen.connect(lambda _c: self.changed.emit())
        self.level.setToolTip(self.tr("按哪一级区域"))
        self.measure.setToolTip(self.tr("填色的指标"))
        self.period.setToolTip(self.tr("受理时间在哪个时段"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for line in ((self.level, self.measure, self.period),
                     (self.first_day, self.to_label, self.last_day), (self.category,)):
            row = QHBoxLayout()
            for widget in line:
                row.addWidget(widget, 1 if widget in (self.period, self.category) else 0)
            layout.addLayout(row)
        self._show_range()

    def query(self) -> HeatQuery:
        chosen = self.category.chosen
        # A combo box hands back an enum's plain text.
        return HeatQuery(level=Level(self.level.currentData()),
                         measure=Measure(self.measure.currentData()),
                         period=Period(self.period.currentData()),
                         first_day=self.first_day.date().toPython(),  # type: ignore[arg-type]
                         last_day=self.last_day.date().toPython(),  # type: ignore[arg-type]
                         category_id=chosen.id if chosen else None)

    def category_text(self) -> str:
        """The category as the legend and the export name it."""
        chosen = self.category.chosen
        if chosen is None:
            return self.tr("全部分类")
        if chosen.is_leaf:
            return chosen.name
        return self.tr("{name}（含下级）").format(name=chosen.name)
