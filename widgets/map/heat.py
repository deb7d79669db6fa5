"""Heat by area on the map pane: the choices (``HeatBar``), the reads
(``HeatFeed``), the filled areas (``HeatLayer``) and the hotspots beside the map
(``HotspotList``), tied together. Choosing an area (a click on it while the layer is
on, or a hotspot) rings it, says so, and asks the queue to show its cases
(``area_chosen``); a hotspot also zooms the map to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.mapview.heat import HeatRead, Period
from console.mapview.heat_scale import MIN_FOR_RATE, NOT_JUDGED_COLOUR, TOO_FEW_COLOUR, Measure
from console.mapview.outlines import BaseMap
from widgets.common.tasks import TaskRunner
from widgets.map.heat_controls import HeatBar, level_name, measure_name, period_name
from widgets.map.heat_feed import HeatFeed
from widgets.map.heat_layer import HeatLayer, hatch_brush, too_few_brush
from widgets.map.hotspots import WIDTH, Hotspot, HotspotList, rate_text
from widgets.map.legend import HeatLegend, LegendWidget

if TYPE_CHECKING:
    from widgets.map.map_pane import MapPane

ZOOM_PADDING = 0.25  # around a hotspot zoomed to, of its size


def _on(colour: str, pattern: QBrush) -> tuple[QBrush, QBrush]:
    """A pattern over a pale fill, as the layer paints it (for the legend)."""
    return QBrush(QColor(colour)), pattern


class Heat(QObject):
    area_chosen = Signal(str, str, str)  # level, code, name: the queue shows its cases
    legend_changed = Signal()

    def __init__(self, pane: MapPane, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None) -> None:
        super().__init__(pane)
        self._pane, self._store = pane, store
        self.bar = HeatBar(catalog, lambda: store.clock.now().astimezone(CENTRE_TZ).date())
        self.bar.setFixedWidth(WIDTH)
        self.bar.hide()
        self.switch_row = QWidget(objectName="map.heatSwitch")  # the layer's switch, set later
        QHBoxLayout(self.switch_row).setContentsMargins(0, 4, 0, 4)
        self.key = LegendWidget()  # the scale, its period and category
        self.key.setObjectName("map.heatLegend")
        self.key.hide()
        self.hotspots = HotspotList()
        self.hotspots.hide()
        self.layer = HeatLayer(pane.view)
        self.feed = HeatFeed(store, runner, feed, self)
        self.on = False
        self.bar.changed.connect(self._choice_changed)
        self.feed.read_landed.connect(self._show)
        self.hotspots.chosen.connect(self.choose_hotspot)

    # ---- on, off, choices ------------------------------------------------------------------
    def set_on(self, on: bool) -> None:
        self.on = on
        self.bar.setVisible(on)
        self.hotspots.setVisible(on)
        self.layer.set_visible(on)
        self.feed.set_query(self.bar.query() if on else None)
        self._legend_changed()

    def _choice_changed(self) -> None:
        if self.on:
            self.feed.set_query(self.bar.query())

    def set_base(self, base: BaseMap) -> None:
        """New outlines (boundaries imported at some seat): drawn, and the hotspots'
        names read from them again."""
        self.layer.set_base(base)
        if self.feed.read is not None:
            self._show()

    def _show(self) -> None:
        read = self.feed.read
        assert read is not None
        self.layer.set_read(read)
        base = self.layer.base
        names = {o.code: o.name for o in base.levels[str(read.query.level)]} if base else {}
        spots = read.hotspots()
        self.hotspots.title.setText(self.tr("热点{level}：案件最多的前 {n} 个").format(
            level=level_name(read.query.level), n=len(spots)) if spots else
            self.tr("热点{level}").format(level=level_name(read.query.level)))
        self.hotspots.set_rows([Hotspot(i + 1, names.get(f.code, f.code), f)
                                for i, f in enumerate(spots)])
        self._legend_changed()

    def column_with(self, legend: QWidget) -> QWidget:
        """The column beside the map: with the layer on, its choices, scale and
        hotspots above the layers' ``legend``; it scrolls as a whole in a small pane
        (nothing is squeezed over anything)."""
        side = QWidget(objectName="map.side")
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.switch_row, self.bar, self.key, self.hotspots, legend):
            column.addWidget(widget)
        column.addStretch(1)
        return side

    def set_switch(self, switch: QCheckBox) -> None:
        """The layer's switch (the pane's, like the other layers'), heading the column:
        the layer switches above the map have no room for one more at 1366 pixels."""
        layout = self.switch_row.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(switch)
        layout.addStretch(1)  # only its box and words take a click

    def _legend_changed(self) -> None:
        self.key.set_layers((), self.legend())
        self.legend_changed.emit()  # the pane fits its column to it

    def side_width(self, legend_shown: bool) -> int:
        """The width the heat's part takes beside the map (its switch only when off);
        ``legend_shown``: the scale is shown with the legend."""
        self.key.setVisible(self.on and legend_shown and self.key.heat is not None)
        switch = self.switch_row.sizeHint().width()
        if not self.on:
            return switch
        key = self.key.sizeHint().width() if self.key.isVisibleTo(self._pane) else 0
        return max(switch, key, self.hotspots.width())

    def stop(self) -> None:
        self.feed.stop()

    # ---- areas -------------------------------------------------------------------------------
    def click(self, point: QPointF) -> bool:
        """A click at ``point`` (map units) while the layer is on chooses the area there."""
        if not self.on or self.feed.read is None:
            return False
        outline = self.layer.area_at(point.x(), point.y())
        if outline is None:
            return False
        self.choose(str(self.feed.read.query.level), outline.code, outline.name)
        return True

    def choose(self, level: str, code: str, name: str) -> None:
        self._pane.clear_selection()  # the queue shows this area now, not a selection
        self.layer.choose(level, code)
        self._pane.status.setText(self.tr("队列只显示{name}的案件（点队列上方的标签恢复全部）")
                                  .format(name=name))
        self.area_chosen.emit(level, code, name)

    def choose_hotspot(self, code: str) -> None:
        read, index = self.feed.read, self.layer.index
        if read is None or index is None or (outline := index.get(code)) is None:
            return
        box = index.box(code)
        assert box is not None
        x0, y0, x1, y1 = box
        pad = max(x1 - x0, y1 - y0) * ZOOM_PADDING
        self._pane.view.setRange(QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad,
                                        y1 - y0 + 2 * pad), padding=0)
        self.choose(str(read.query.level), code, outline.name)

    def clear_choice(self) -> None:
        self.layer.clear_choice()

    def text_at(self, point: QPointF) -> str:
        """What hovering says of the area under ``point`` ("" when off or outside)."""
        read = self.feed.read
        if not self.on or read is None:
            return ""
        outline = self.layer.area_at(point.x(), point.y())
        if outline is None:
            return ""
        figures = read.figures.get(outline.code)
        if figures is None:
            return self.tr("{name}：{period}无案件").format(name=outline.name,
                                                         period=self.period_text(read))
        text = self.tr("{name}：案件 {cases} · 超期 {overdue} · 按期率 {rate}").format(
            name=outline.name, cases=f"{figures.cases:,}", overdue=f"{figures.overdue:,}",
            rate=rate_text(figures))
        if read.query.measure is Measure.ON_TIME_RATE and 0 < figures.judged < MIN_FOR_RATE:
            text += self.tr("（可评判仅 {n} 件，太少，不着色）").format(n=figures.judged)
        return text

    # ---- words for the legend and the export --------------------------------------------------
    def period_text(self, read: HeatRead) -> str:
        first = read.start.astimezone(CENTRE_TZ).date()
        last = read.end.astimezone(CENTRE_TZ).date() - dt.timedelta(days=1)
        span = f"{first:%Y-%m-%d}" if first == last else f"{first:%Y-%m-%d} — {last:%Y-%m-%d}"
        if read.query.period is Period.RANGE:
            return span
        return f"{period_name(read.query.period)} {span}"

    def title(self) -> str:
        read = self.feed.read
        query = read.query if read is not None else self.bar.query()
        return self.tr("{measure}（按{level}）").format(measure=measure_name(query.measure),
                                                     level=level_name(query.level))

    def legend(self) -> HeatLegend | None:
        read, scale = self.feed.read, self.layer.scale
        if not self.on or read is None or scale is None:
            return None
        notes = [self.tr("时段：{p}").format(p=self.period_text(read)),
                 self.tr("分类：{c}").format(c=self.bar.category_text())]
        others: list[tuple[QBrush | Sequence[QBrush], str]] = [
            (hatch_brush(), self.tr("无案件"))]
        if read.query.measure is Measure.ON_TIME_RATE:
            others.append((QBrush(QColor(NOT_JUDGED_COLOUR)), self.tr("有案件，尚无可评判")))
            few = self.tr("案件太少（可评判不足 {n} 件），不计比率").format(n=MIN_FOR_RATE)
            others.append((_on(TOO_FEW_COLOUR, too_few_brush()), few))
        steps = [(s.colour, s.label) for s in reversed(scale.steps)]  # the most on top
        if not scale.steps:
            notes.append(self.tr("所选时段和分类没有案件"))
        return HeatLegend(self.tr("热力：{t}").format(t=self.title()), notes, steps, others)

    def focus_list(self) -> None:
        if self.on:
            self.hotspots.focus()
            self._pane.legend_area.ensureWidgetVisible(self.hotspots.table)
