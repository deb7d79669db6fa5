"""The map pane (地图): the district's outlines, its duty posts and the open cases,
drawn from local vectors with pyqtgraph. Layers switch on and off beside the
legend; hovering says what is under the pointer, a click opens a case (or zooms
into a cluster), Shift+drag selects the cases in a rectangle into the queue.

Reads go through one feed follower (``MapFeed``): the outlines once (dissolved off
the GUI thread, console/mapview/base_map.py), the posts and every open case on
the first load, then only the cases each change touched.

The heat layer (``heat``, widgets/map/heat.py) fills areas by a figure of a period
and lists the hotspots beside the map; a click on an area, when no mark is hit,
shows its cases in the queue.

``start_picking`` puts the map in a mode where the next click, or Enter at the
crosshair the arrow keys move, is a place, given as longitude and latitude by
``point_picked`` (for intake; Esc cancels; widgets/map/picking.py). ``show_place``
pins the place the call form has (widgets/map/place_mark.py).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common.tasks import TaskRunner
from widgets.map import hover
from widgets.map.base_layers import BaseLayers
from widgets.map.canvas import KEYS, MapCanvas
from widgets.map.case_layer import CaseLayer
from widgets.map.heat import Heat
from widgets.map.legend import LegendWidget
from widgets.map.map_feed import MapFeed
from widgets.map.picking import KEYS as PICK_KEYS
from widgets.map.picking import Describe, PickMode
from widgets.map.place_mark import PlaceMark
from widgets.map.style import CASES, HEAT, LAYERS, SHOWN_AT_START, layer_name

HOVER_PX = 9  # how near the pointer must be to a mark, in pixels
BAND_TICK_MS = 30_000  # cases cross into another band as time passes
CLUSTER_ZOOM = 3.0  # a click on a cluster zooms in this much
TOOLTIP_OFFSET = QPoint(18, 18)


class MapPane(QWidget):
    case_opened = Signal(uuid.UUID)
    cases_selected = Signal(list)  # the case ids in a rectangle (uuid.UUID)
    selection_cleared = Signal()  # Esc on the map
    point_picked = Signal(float, float)  # longitude, latitude (picking mode)
    picking_cancelled = Signal()

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPane")
        self._store, self.catalog = store, catalog
        self.canvas = MapCanvas(self)
        self.view = self.canvas.view
        self.base_layers = BaseLayers(self.view)
        self.cases = CaseLayer(self.view)
        self.legend = LegendWidget()
        self.heat = Heat(self, store, catalog, runner, feed)
        self.layer_boxes: dict[str, QCheckBox] = {}
        bar = QHBoxLayout()
        for layer in LAYERS:
            box = QCheckBox(layer_name(layer), objectName=f"map.layer.{layer}")
            box.setChecked(layer in SHOWN_AT_START)
            box.toggled.connect(lambda on, name=layer: self.set_layer(name, on))
            self.layer_boxes[layer] = box
            if layer == HEAT:  # it heads the heat's column beside the map
                self.heat.set_switch(box)
            else:
                bar.addWidget(box)
        bar.addStretch(1)
        self.legend_box = QCheckBox(self.tr("图例"), objectName="map.showLegend")
        self.legend_box.setChecked(True)
        bar.addWidget(self.legend_box)
        self.home_button = QPushButton(self.tr("全区"), objectName="map.home")
        self.home_button.clicked.connect(self.home)
        self.export_button = QPushButton(self.tr("导出图片…"), objectName="map.export")
        self.export_button.clicked.connect(self.export_dialog)
        bar.addWidget(self.home_button)
        bar.addWidget(self.export_button)
        legend_area = QScrollArea(objectName="map.legendArea")
        legend_area.setWidget(self.heat.column_with(self.legend))  # the heat's part above
        legend_area.setWidgetResizable(True)
        legend_area.setFrameShape(QScrollArea.Shape.NoFrame)
        legend_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend_area = legend_area
        self.legend_box.toggled.connect(self._refresh_legend)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(legend_area)
        self.status = QLabel(objectName="map.status")
        self.hover_text = QLabel(objectName="map.hover")
        for line in (self.status, self.hover_text):  # one line each, cut at the pane's edge:
            line.setSizePolicy(QSizePolicy.Policy.Ignored,  # a long text never widens it
                               QSizePolicy.Policy.Preferred)
        self.place = PlaceMark(self.view)  # the case being recorded (show_place)
        self.pick = PickMode(self.canvas, lambda: self.feed.base, self)
        self.pick.picked.connect(self.point_picked)
        self.pick.cancelled.connect(self.picking_cancelled)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pick.hint)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.hover_text)

        self.feed = MapFeed(store, runner, feed, self)
        self.feed.base_read.connect(self._show_base)
        self.feed.posts_read.connect(self.base_layers.set_posts)
        self.feed.cases_read.connect(self._show_cases)
        self.timer = QTimer(self, interval=BAND_TICK_MS, objectName="map.bandTimer")
        self.timer.timeout.connect(self.tick)
        self.view.sigRangeChanged.connect(self._zoomed)
        self.view.clicked.connect(self._clicked)
        self.view.rect_selected.connect(self.select_rect)
        self.canvas.hovered.connect(self._hovered)
        self.canvas.key_command.connect(self._key_command)
        self.heat.legend_changed.connect(self._refresh_legend)
        self._homed = False
        self._refresh_legend()

    # ---- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        self.feed.load()

    def shutdown(self) -> None:
        self.timer.stop()
        self.feed.stop()
        self.heat.stop()

    def _show_base(self) -> None:
        base = self.feed.base
        assert base is not None
        self.base_layers.set_base(base)
        self.heat.set_base(base)
        self.place.set_base(base)
        self.view.setLimits(xMin=base.bounds[0] - 15, xMax=base.bounds[2] + 15,
                            yMin=base.bounds[1] - 15, yMax=base.bounds[3] + 15,
                            minXRange=0.2, minYRange=0.2)
        if not self._homed:
            self._homed = True
            self.home()
        self.pick.base_ready()

    def _show_cases(self) -> None:
        if self.feed.base is None:
            return
        self.cases.set_marks(self.feed.marks, self.feed.base.plane, self._store.clock.now())
        self._zoomed()
        marks = self.feed.marks
        text = self.tr("未办结 {n} 件在图上").format(n=f"{len(marks):,}")
        if marks.unplaced:
            text += self.tr("；{n} 件无位置未标出").format(n=f"{marks.unplaced:,}")
        self.status.setText(text)

    # ---- view ----------------------------------------------------------------------------------
    def home(self) -> None:
        """The whole district in view."""
        base = self.feed.base
        if base is not None:
            x0, y0, x1, y1 = base.bounds
            self.view.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.03)

    def _zoomed(self, *_args: object) -> None:
        self.cases.set_view(self.view.viewRect(), self.view.pixels_per_km())

    def set_layer(self, layer: str, shown: bool) -> None:
        if layer == CASES:
            self.cases.set_visible(shown)
        elif layer == HEAT:
            self.heat.set_on(shown)
        else:
            self.base_layers.set_visible(layer, shown)
        self.layer_boxes[layer].setChecked(shown)
        self._refresh_legend()

    def shown_layers(self) -> frozenset[str]:
        return frozenset(k for k, box in self.layer_boxes.items() if box.isChecked())

    def _refresh_legend(self) -> None:
        self.legend.set_layers(self.shown_layers())
        shown = self.legend_box.isChecked()
        self.legend.setVisible(shown)
        width = max(self.legend.sizeHint().width() if shown else 0,
                    self.heat.side_width(shown))
        scroll_bar = self.legend_area.verticalScrollBar().sizeHint().width()
        self.legend_area.setFixedWidth(width + scroll_bar)
        self.legend_area.setVisible(width > 0)

    def tick(self) -> None:
        self.cases.set_now(self._store.clock.now())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # ---- pointer -------------------------------------------------------------------------------
    def _radius(self) -> float:
        ppk = self.view.pixels_per_km()
        return HOVER_PX / ppk if ppk > 0 else 0.0

    def text_at(self, point: QPointF) -> str:
        """What hovering at ``point`` (map units) says."""
        if self.place.hit(point, self.view.pixels_per_km()):
            return self.place.text
        hit = self.cases.hit(point.x(), point.y(), self._radius())
        if hit is not None:
            marks = self.cases.marks
            if hit.single:
                return hover.case_text(marks, int(hit.rows[0]), self.catalog,
                                       self._store.clock.now())
            return hover.cluster_text(marks, hit.rows, self.cases.bands)
        place = self.base_layers.post_at(point.x(), point.y(), self._radius())
        return self.heat.text_at(point) if place is None else hover.post_text(place)

    def _hovered(self, point: QPointF | None) -> None:
        text = "" if point is None or self.picking else self.text_at(point)
        self.hover_text.setText(text.replace("\n", " · "))
        if text and point is not None:  # beside the thing, never under the pointer
            at = self.canvas.mapFromScene(self.view.mapViewToScene(point)) + TOOLTIP_OFFSET
            QToolTip.showText(self.canvas.mapToGlobal(at), text, self.canvas)
        else:
            QToolTip.hideText()

    def _clicked(self, point: QPointF) -> None:
        if self.picking:
            self.pick.take(point)
            return
        hit = self.cases.hit(point.x(), point.y(), self._radius())
        if hit is None:
            self.heat.click(point)  # an area, when the heat layer is on
            return
        if hit.single:
            self.case_opened.emit(self.cases.marks.case_id(int(hit.rows[0])))
        else:
            self.view.scaleBy((1 / CLUSTER_ZOOM, 1 / CLUSTER_ZOOM), center=QPointF(hit.x, hit.y))

    def select_rect(self, rect: QRectF) -> None:
        """Select the cases inside ``rect`` (map units) into the queue."""
        if not self.cases.visible:
            return
        rows = self.cases.rows_in(rect)
        self.cases.select(rows)
        if not len(rows):
            self.status.setText(self.tr("框内没有未办结案件"))
            return
        self.heat.clear_choice()  # the queue shows the selection now, not an area
        self.status.setText(self.tr("已框选 {n} 件，队列只显示这些案件").format(n=f"{len(rows):,}"))
        self.cases_selected.emit(self.cases.marks.case_ids(rows))

    def clear_selection(self, *, tell: bool = False) -> None:
        """No cases selected; ``tell``: say so (the queue then shows all again)."""
        self.cases.select(self.cases.selected[:0])
        if tell:
            self.heat.clear_choice()
            self.selection_cleared.emit()

    # ---- picking a point (for intake: widgets/map/picking.py) -----------------------------------
    @property
    def picking(self) -> bool:
        return self.pick.active

    def start_picking(self, at: tuple[float, float] | None = None,
                      describe: Describe | None = None) -> None:
        """The next click (or Enter at the crosshair) is a place: ``point_picked`` gives
        it; the crosshair starts at ``at`` (longitude, latitude) or the district's middle."""
        self.pick.start(at, describe)

    def show_place(self, lonlat: tuple[float, float] | None, picked: bool = True,
                   text: str = "") -> None:
        """Pin the place of the case being recorded (None: no pin): ``picked`` on the
        map (filled) or its cell's centre (hollow); ``text`` is said on hover."""
        self.place.set_place(lonlat, picked, text)

    def stop_picking(self) -> None:
        self.pick.stop()

    def refuse_point(self, lon: float, lat: float, reason: str) -> None:
        """The point picked was not taken: the map picks on, ``reason`` on its hint."""
        self.pick.refuse(lon, lat, reason)

    # The map's keys (commands.MAP): these, and the view's moves (canvas.KEYS).
    keys = frozenset({*KEYS, "map.home", "map.cancel", "map.hotspots", *PICK_KEYS})

    def _key_command(self, command_id: str) -> None:
        if command_id == "map.home":
            self.home()
        elif command_id == "map.hotspots":
            self.heat.focus_list()
        elif command_id == "map.cancel":
            self.clear_selection(tell=True)

    # ---- export ----------------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self._store.clock.now()

    def export_dialog(self) -> None:
        from widgets.map.export import ask_and_export

        ask_and_export(self)
