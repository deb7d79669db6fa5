"""The map picking a place for the call screen: a crosshair on the map, a hint line
over it, and the keys of picking (commands.PICKING).

The crosshair starts at the place the call form has (its point, or its cell's
centre) or else the district's middle. It follows the pointer; the arrow keys move
it by a share of the view (so a step shrinks as one zooms in) and the view follows
it near the edge; the zoom keys zoom about it; Enter picks where it is, a click
where the click is; Esc cancels. The hint line says what to do and, as the
crosshair moves, what place it is on (``describe``, from whoever asked for the
point). Whoever asked decides whether a picked point is taken: ``refuse`` keeps
the map picking, with the reason on the hint line.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from console.mapview import outlines as ol
from widgets.common import commands
from widgets.map.canvas import ZOOM_STEP, MapCanvas, map_command

STEP_SHARE = 0.04  # of the view's width, per arrow key
EDGE_SHARE = 0.08  # the view follows the crosshair when it comes this near an edge
START_SPAN_KM = 3.0  # the view around a place the form already has
CROSS_COLOUR = "#c62828"
Z_CROSS = 20.0
HINT_STYLE = "background: #fff3cd; color: #5d4200; padding: 4px 6px; border: 1px solid #e0b400;"
REFUSED_STYLE = ("background: #fdecea; color: #b71c1c; padding: 4px 6px;"
                 " border: 1px solid #c62828;")
MOVES = {"pick.left": (-1, 0), "pick.right": (1, 0), "pick.up": (0, 1), "pick.down": (0, -1)}
# The picking keys the map handles (the zoom keys and Home work as on the map).
KEYS = frozenset({*MOVES, "pick.take", "pick.cancel"})

Describe = Callable[[float, float], str]  # longitude, latitude -> the place in words


class Crosshair:
    """Two lines across the view and a ring where they meet."""

    def __init__(self, view: pg.ViewBox) -> None:
        pen = pg.mkPen(CROSS_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        self.lines = (pg.InfiniteLine(angle=90, pen=pen, movable=False),
                      pg.InfiniteLine(angle=0, pen=pen, movable=False))
        self.ring = pg.ScatterPlotItem(pxMode=True, symbol="o", size=16, brush=None,
                                       pen=pg.mkPen(CROSS_COLOUR, width=2), hoverable=False)
        for item in (*self.lines, self.ring):
            item.setZValue(Z_CROSS)
            item.setVisible(False)
            view.addItem(item, ignoreBounds=True)
        self.at = QPointF()

    def place(self, at: QPointF) -> None:
        self.at = QPointF(at)
        self.lines[0].setValue(at.x())
        self.lines[1].setValue(at.y())
        self.ring.setData([at.x()], [at.y()])
        self.set_visible(True)

    def set_visible(self, shown: bool) -> None:
        for item in (*self.lines, self.ring):
            item.setVisible(shown)

    @property
    def visible(self) -> bool:
        return self.ring.isVisible()


class PickMode(QObject):
    picked = Signal(float, float)  # longitude, latitude
    cancelled = Signal()

    def __init__(self, canvas: MapCanvas, base: Callable[[], ol.BaseMap | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas, self.view, self._base = canvas, canvas.view, base
        self.cross = Crosshair(self.view)
        self.hint = QLabel(objectName="map.pickHint")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.hide()
        self.active = False
        self._start: tuple[float, float] | None = None  # longitude, latitude
        self._describe: Describe | None = None
        canvas.installEventFilter(self)
        canvas.hovered.connect(self._pointer_moved)

    # ---- starting and ending -------------------------------------------------------------
    def start(self, at: tuple[float, float] | None = None,
              describe: Describe | None = None) -> None:
        """Pick a place, the crosshair at ``at`` (longitude, latitude) or the middle."""
        self.active, self._start, self._describe = True, at, describe
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.hint.show()
        self.canvas.setFocus()
        self.base_ready()

    def base_ready(self) -> None:
        """The outlines are in (or were already): the crosshair goes to its start."""
        base = self._base()
        if not self.active:
            return
        if base is None:
            self._say(self.tr("地图加载中…"))
            return
        if self._start is not None:
            x, y = base.plane.to_xy(*self._start)
            at = QPointF(float(x), float(y))
            half = START_SPAN_KM / 2
            if not self.view.viewRect().contains(at) or self.view.viewRect().width() > 4 * half:
                self.view.setRange(QRectF(at.x() - half, at.y() - half, 2 * half, 2 * half),
                                   padding=0)
        else:
            at = self._middle(base)
            x0, y0, x1, y1 = base.bounds
            self.view.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.03)
        self._move_to(at)

    @staticmethod
    def _middle(base: ol.BaseMap) -> QPointF:
        district = base.levels.get(ol.DISTRICT) or ()
        if district:
            return QPointF(*district[0].anchor)
        x0, y0, x1, y1 = base.bounds
        return QPointF((x0 + x1) / 2, (y0 + y1) / 2)

    def stop(self) -> None:
        self.active = False
        self.canvas.unsetCursor()
        self.cross.set_visible(False)
        self.hint.hide()

    def cancel(self) -> None:
        if self.active:
            self.stop()
            self.cancelled.emit()

    def refuse(self, lon: float, lat: float, reason: str) -> None:
        """The point at (lon, lat) was not taken: pick again, the reason on the hint."""
        was = self.view.viewRect()
        self.start((lon, lat), self._describe)
        self.view.setRange(was, padding=0)  # the view stays where the person was looking
        self._say(reason, refused=True)

    # ---- picking -----------------------------------------------------------------------
    def take(self, at: QPointF | None = None) -> None:
        """Pick ``at`` (map units), or the crosshair's place."""
        base = self._base()
        if not self.active or base is None:
            return
        point = self.cross.at if at is None else at
        lon, lat = base.plane.to_lonlat(point.x(), point.y())
        self.stop()
        self.picked.emit(lon, lat)

    def _pointer_moved(self, at: QPointF | None) -> None:
        if self.active and at is not None and self._base() is not None:
            self._move_to(at)

    def _move_to(self, at: QPointF) -> None:
        self.cross.place(at)
        base = self._base()
        if base is None:
            return
        lon, lat = base.plane.to_lonlat(at.x(), at.y())
        where = self._describe(lon, lat) if self._describe else f"{lon:.6f}, {lat:.6f}"
        self._say(self.tr("十字处：{place}").format(place=where))

    def _say(self, line: str, *, refused: bool = False) -> None:
        take, cancel = (commands.command(c).key for c in ("pick.take", "pick.cancel"))
        how = self.tr("地图选点：点击位置，或用方向键移动十字、按 {take} 选定；{cancel} 取消")
        how = how.format(take=take, cancel=cancel)
        self.hint.setText(f"{how}\n{line}")
        self.hint.setStyleSheet(REFUSED_STYLE if refused else HINT_STYLE)

    # ---- keys ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = QKeyEvent(event)  # type: ignore[call-overload]
        command = commands.pressed(commands.PICKING, key)
        if command is not None:
            self._key(command.id)
            return True
        zoom = map_command(key)
        if zoom is not None and zoom.id in ("map.zoom_in", "map.zoom_out"):
            factor = 1 / ZOOM_STEP if zoom.id == "map.zoom_in" else ZOOM_STEP
            self.view.scaleBy((factor, factor), center=self.cross.at)
            return True
        return super().eventFilter(watched, event)

    def _key(self, command_id: str) -> None:
        if command_id == "pick.take":
            self.take()
        elif command_id == "pick.cancel":
            self.cancel()
        elif command_id in MOVES and self.cross.visible:
            dx, dy = MOVES[command_id]
            rect = self.view.viewRect()
            step = rect.width() * STEP_SHARE
            at = self.cross.at + QPointF(dx * step, dy * step)
            self._follow(at, rect)
            self._move_to(at)

    def _follow(self, at: QPointF, rect: QRectF) -> None:
        """Pan the view so that ``at`` stays inside it, clear of the edges."""
        margin_x, margin_y = rect.width() * EDGE_SHARE, rect.height() * EDGE_SHARE
        dx = min(0.0, at.x() - (rect.left() + margin_x)) + max(
            0.0, at.x() - (rect.right() - margin_x))
        dy = min(0.0, at.y() - (rect.top() + margin_y)) + max(
            0.0, at.y() - (rect.bottom() - margin_y))
        if dx or dy:
            self.view.translateBy(x=dx, y=dy)
