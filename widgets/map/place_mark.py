"""The place of the case being recorded, on the map: a pin whose tip stands on the
point the call form has (picked on the map, or its grid cell's centre), so the map
shows what the call screen says. It stays while the map picks again (the crosshair
moves, the pin marks the place taken so far) and moves when a new point is taken.

The pin keeps its size in pixels at any zoom (``ItemIgnoresTransformations``): its
tip is the point, its head above it; a picked point is filled, a cell's centre
hollow."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from console.mapview.outlines import BaseMap

PIN_COLOUR = "#c62828"
PIN_HEIGHT, PIN_HEAD = 26.0, 8.0  # pixels: tip to the head's top, the head's radius
Z_PLACE = 19.0  # over the cases, under the picking crosshair


def pin_path() -> QPainterPath:
    """A map pin in pixels, y down, its tip at (0, 0)."""
    head = QPointF(0, -(PIN_HEIGHT - PIN_HEAD))
    path = QPainterPath(QPointF(0, 0))
    path.lineTo(head + QPointF(-PIN_HEAD * 0.8, PIN_HEAD * 0.6))
    path.arcTo(QRectF(head.x() - PIN_HEAD, head.y() - PIN_HEAD, 2 * PIN_HEAD, 2 * PIN_HEAD),
               216.87, -253.74)  # over the top, from the left shoulder to the right
    path.closeSubpath()
    hole = QPainterPath()
    hole.addEllipse(head, PIN_HEAD * 0.38, PIN_HEAD * 0.38)
    return path.subtracted(hole)


class PlaceMark:
    def __init__(self, view: pg.ViewBox) -> None:
        self.item = QGraphicsPathItem(pin_path())
        self.item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.item.setZValue(Z_PLACE)
        self.item.setVisible(False)
        view.addItem(self.item, ignoreBounds=True)
        self.lonlat: tuple[float, float] | None = None
        self.picked = False
        self.text = ""
        self._base: BaseMap | None = None

    def set_place(self, lonlat: tuple[float, float] | None, picked: bool, text: str) -> None:
        """The case's place (None: the form has none), picked on the map or not, and
        the place in words (for hovering)."""
        self.lonlat, self.picked, self.text = lonlat, picked, text
        colour = QColor(PIN_COLOUR)
        pen = QPen(QColor("#ffffff") if picked else colour, 1.6 if picked else 2.2)
        pen.setCosmetic(True)
        self.item.setPen(pen)
        self.item.setBrush(QBrush(colour) if picked else QBrush(QColor(255, 255, 255, 220)))
        self._place()

    def set_base(self, base: BaseMap) -> None:
        self._base = base
        self._place()

    def _place(self) -> None:
        if self.lonlat is None or self._base is None:
            self.item.setVisible(False)
            return
        x, y = self._base.plane.to_xy(*self.lonlat)
        self.item.setPos(float(x), float(y))
        self.item.setVisible(True)

    @property
    def at(self) -> QPointF | None:
        """Where the pin's tip is, in map units (None when not shown)."""
        return self.item.pos() if self.item.isVisible() else None

    def hit(self, point: QPointF, pixels_per_km: float) -> bool:
        """Whether ``point`` (map units) is on the pin (its head or its stem)."""
        at = self.at
        if at is None or pixels_per_km <= 0:
            return False
        dx = (point.x() - at.x()) * pixels_per_km
        dy = (point.y() - at.y()) * pixels_per_km  # pixels up from the tip (y is north)
        return abs(dx) <= PIN_HEAD + 2 and -2 <= dy <= PIN_HEIGHT + 2
