"""The heat layer on the map: the areas of one level filled by their class of the
scale, as one path per class (a dozen paths, not one item per area), areas with no
case hatched, and the area chosen last ringed. It lies above the district's fill and
below every outline, so lines, names and markers stay on top."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from console.mapview.areas import AreaIndex
from console.mapview.heat import HeatRead
from console.mapview.heat_scale import (
    NO_CASES,
    NOT_JUDGED,
    NOT_JUDGED_COLOUR,
    TOO_FEW,
    TOO_FEW_COLOUR,
    Scale,
)
from console.mapview.outlines import BaseMap, Outline, path_arrays
from widgets.map.items import export_scale

Z_HEAT, Z_CHOSEN = -25.0, -5.0
HATCH = "#90a4ae"  # the lines across an area with no case
DOTS = "#90a4ae"  # the dots over an area with too few cases for a rate
CHOSEN, CASING = "#6a1b9a", "#ffffff"
CHOSEN_PX = 3.0


def hatch_brush(scale: float = 1.0) -> QBrush:
    """Diagonal lines: an area with no case, never the lightest colour."""
    brush = QBrush(QColor(HATCH), Qt.BrushStyle.BDiagPattern)
    if scale != 1.0:
        brush.setTransform(QTransform.fromScale(scale, scale))
    return brush


def too_few_brush(scale: float = 1.0) -> QBrush:
    """Dots: an area whose cases are too few for a rate, over its pale fill."""
    brush = QBrush(QColor(DOTS), Qt.BrushStyle.Dense6Pattern)
    if scale != 1.0:
        brush.setTransform(QTransform.fromScale(scale, scale))
    return brush


def _path(outlines: list[Outline]) -> QPainterPath:
    x, y, connect = path_arrays(outlines)
    return pg.arrayToQPath(x, y, connect=connect) if len(x) else QPainterPath()


class HeatItem(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.fills: list[tuple[QPainterPath, QColor]] = []
        self.hatched = QPainterPath()
        self.dotted = QPainterPath()  # too few cases for a rate: dots over its pale fill
        self.chosen = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(Z_HEAT)

    def set_paths(self, fills: list[tuple[QPainterPath, QColor]], hatched: QPainterPath,
                  chosen: QPainterPath, dotted: QPainterPath | None = None) -> None:
        self.prepareGeometryChange()
        self.fills, self.hatched, self.chosen = fills, hatched, chosen
        self.dotted = dotted if dotted is not None else QPainterPath()
        bounds = QRectF(hatched.boundingRect()) if not hatched.isEmpty() else QRectF()
        for path, _colour in fills:
            bounds = bounds.united(path.boundingRect())
        self._bounds = bounds.united(chosen.boundingRect())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_args: Any) -> None:
        scale = export_scale(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for path, colour in self.fills:
            painter.setBrush(colour)
            painter.drawPath(path)
        if not self.dotted.isEmpty():
            painter.setBrush(too_few_brush(scale))
            painter.drawPath(self.dotted)
        if not self.hatched.isEmpty():
            painter.setBrush(hatch_brush(scale))
            painter.drawPath(self.hatched)
        if not self.chosen.isEmpty():  # a white casing under the line: seen on any fill
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for ink, width in ((CASING, CHOSEN_PX + 3), (CHOSEN, CHOSEN_PX)):
                pen = QPen(QColor(ink))
                pen.setCosmetic(True)
                pen.setWidthF(width * scale)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawPath(self.chosen)


class HeatLayer:
    """What the heat item draws: the base map's outlines of the read's level."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.item = HeatItem()
        self.item.setVisible(False)
        view.addItem(self.item, ignoreBounds=True)
        self.base: BaseMap | None = None
        self.read: HeatRead | None = None
        self.scale: Scale | None = None
        self.index: AreaIndex | None = None
        self.classes = np.zeros(0, dtype=np.intp)  # per outline of the index, in its order
        self.chosen: tuple[str, str] | None = None  # the area chosen last: level, code

    def set_base(self, base: BaseMap) -> None:
        self.base = base
        self._redraw()

    def set_read(self, read: HeatRead) -> None:
        self.read = read
        self._redraw()

    def set_visible(self, shown: bool) -> None:
        self.item.setVisible(shown)

    def choose(self, level: str, code: str) -> None:
        self.chosen = (level, code)
        self._redraw()

    def clear_choice(self) -> None:
        self.chosen = None
        self._redraw()

    def _chosen_path(self) -> QPainterPath:
        if self.chosen is None or self.base is None:
            return QPainterPath()
        level, code = self.chosen
        found = [o for o in self.base.levels.get(level, ()) if o.code == code]
        return _path(found)

    def _redraw(self) -> None:
        if self.base is None or self.read is None:
            self.index, self.scale = None, None
            self.item.set_paths([], QPainterPath(), self._chosen_path())
            return
        level = str(self.read.query.level)
        if self.index is None or self.index.outlines is not self.base.levels[level]:
            self.index = AreaIndex(self.base.levels[level])
        outlines = self.index.outlines
        self.scale = self.read.scale()
        self.classes = self.read.classes([o.code for o in outlines], self.scale)
        fills = []
        for k, step in enumerate(self.scale.steps):
            fills.append((_path([o for o, c in zip(outlines, self.classes, strict=True)
                                 if c == k]), QColor(step.colour)))
        fills.append((_path([o for o, c in zip(outlines, self.classes, strict=True)
                             if c == NOT_JUDGED]), QColor(NOT_JUDGED_COLOUR)))
        too_few = _path([o for o, c in zip(outlines, self.classes, strict=True) if c == TOO_FEW])
        fills.append((too_few, QColor(TOO_FEW_COLOUR)))
        hatched = _path([o for o, c in zip(outlines, self.classes, strict=True) if c == NO_CASES])
        self.item.set_paths([(p, c) for p, c in fills if not p.isEmpty()], hatched,
                            self._chosen_path(), too_few)

    def area_at(self, x: float, y: float) -> Outline | None:
        return None if self.index is None else self.index.at(x, y)

    def class_of(self, code: str) -> int:
        if self.index is None:
            return NO_CASES
        for i, outline in enumerate(self.index.outlines):
            if outline.code == code:
                return int(self.classes[i])
        return NO_CASES
