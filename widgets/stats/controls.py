"""The statistics pane's choices on one line: the period (today, this week, this
month, or a range of days, whose days show beside it) and the filters (street,
category and its subtree, channel, unit). ``changed`` says the choice changed;
``query()`` gives it; ``scope_text()`` says it in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QWidget

from console.catalog.catalog import Catalog
from console.hotline.channels import CHANNELS
from console.mapview.heat import Period
from console.stats.view import StatsQuery
from widgets.common import texts
from widgets.common.period_bar import PeriodBar
from widgets.common.pickers import CategoryPicker
from widgets.stats.words import period_name


class StatsBar(PeriodBar):

    def __init__(self, catalog: Catalog, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.bar")
        self._period_choice("stats", period_name, today)
        self.street = self._combo("stats.street", [(self.tr("全部街道"), None)] + [
            (s.name, s.code) for s in catalog.streets.values()])
        self.category = CategoryPicker(catalog, self, subtrees=True)
        self.category.setObjectName("stats.category")
        self.category.setPlaceholderText(self.tr("全部分类（大类、小类或拼音首字母）"))
        self.category.category_chosen.connect(lambda _c: self.changed.emit())
        self.channel = self._combo("stats.channel", [(self.tr("全部渠道"), None)] + [
            (texts.channel_name(c), c) for c in CHANNELS])
        units = sorted((u for u in catalog.units.values() if u.active), key=lambda u: u.code)
        self.unit = self._combo("stats.unit", [(self.tr("全部单位"), None)] + [
            (u.name, u.id) for u in units])
        self.period.setToolTip(self.tr("受理时间在哪个时段"))
        self.unit.setToolTip(self.tr("案件现在（或最后）所在的承办单位"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.period, 0), (self.first_day, 0), (self.to_label, 0),
                                (self.last_day, 0), (self.street, 0), (self.category, 2),
                                (self.channel, 0), (self.unit, 1)):
            row.addWidget(widget, stretch)
        self._show_range()

    def query(self) -> StatsQuery:
        chosen = self.category.chosen
        return StatsQuery(period=Period(self.period.currentData()),
                          first_day=self.first_day.date().toPython(),  # type: ignore[arg-type]
                          last_day=self.last_day.date().toPython(),  # type: ignore[arg-type]
                          street_code=self.street.currentData(),
                          category_id=chosen.id if chosen else None,
                          channel=self.channel.currentData(), unit_id=self.unit.currentData())

    def filters_text(self) -> str:
        """The filters in words ("" for none)."""
        parts = [combo.currentText() for combo in (self.street, self.channel, self.unit)
                 if combo.currentData() is not None]
        if (chosen := self.category.chosen) is not None:
            parts.insert(1, chosen.name)
        return " · ".join(parts)
