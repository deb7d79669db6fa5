"""Two graphics items that keep the map cheap: an outline layer drawn as one painter
path (not one item per cell), and a layer of names painted only for the places in
view, only at a zoom where they are legible, never one over another.

Both draw lines and text in screen pixels, and scale them with pyqtgraph's export
resolution (``_exportOpts['resolutionScale']``), so a print-resolution export looks
like the screen, only sharper.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from widgets.map.style import Line, Names

Floats = np.ndarray
BUCKET_PX = 64  # the grid that finds labels that would overlap
MAX_LABELS = 600  # painted at most per frame
HALO = ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1))


def export_scale(item: pg.GraphicsObject) -> float:
    opts = item._exportOpts  # False unless pyqtgraph is exporting
    return float(opts.get("resolutionScale", 1.0)) if opts else 1.0


def _padded(rect: QRectF, share: float = 0.02) -> QRectF:
    dx, dy = rect.width() * share + 1e-6, rect.height() * share + 1e-6
    return rect.adjusted(-dx, -dy, dx, dy)


class OutlineItem(pg.GraphicsObject):
    """Every ring of one layer as one path, stroked (and filled) in one call."""

    def __init__(self, line: Line) -> None:
        super().__init__()
        self._line = line
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.setZValue(line.z)

    def set_rings(self, x: Floats, y: Floats, connect: np.ndarray) -> None:
        self.prepareGeometryChange()
        self._path = pg.arrayToQPath(x, y, connect=connect) if len(x) else QPainterPath()
        self._bounds = _padded(self._path.boundingRect())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, *_args: Any) -> None:
        scale = export_scale(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self._line.fill:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._line.fill))
            painter.drawPath(self._path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(QColor(self._line.colour))
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        width = self._line.width * scale
        if scale != 1.0 or width <= THIN:
            pen.setWidthF(width)
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        # Qt's raster engine strokes an antialiased line wider than a pixel through its
        # general stroker, some 30 times slower than a one-pixel line: on screen a wide
        # line is a few one-pixel strokes side by side (the export strokes it whole).
        pen.setWidthF(1.0)
        painter.setPen(pen)
        base = painter.transform()
        radius = (width - 1.0) / 2
        for dx, dy in _ring(radius):
            painter.setTransform(base * QTransform.fromTranslate(dx, dy))
            painter.drawPath(self._path)
        painter.setTransform(base)


THIN = 1.05


def _ring(radius: float) -> list[tuple[float, float]]:
    """Offsets around a point: four within a pixel's reach, eight beyond."""
    steps = 4 if radius <= 0.6 else 8
    return [(radius * math.cos(2 * math.pi * k / steps), radius * math.sin(2 * math.pi * k / steps))
            for k in range(steps)]


class LabelsItem(pg.GraphicsObject):
    """Names at points: those in view, at a legible zoom, the earlier given first
    where two would overlap (``collide``), with a light halo to read over lines."""

    def __init__(self, names: Names, *, halo: str | None = "#ffffff",
                 collide: bool = True, z: float = 5.0) -> None:
        super().__init__()
        self._names, self._halo, self._collide = names, halo, collide
        self._x = self._y = np.zeros(0)
        self._texts: Sequence[str] = ()
        self._bounds = QRectF()
        self.setZValue(z)
        self.painted = 0  # how many the last paint drew (tests, benchmarks)

    def set_labels(self, x: Floats, y: Floats, texts: Sequence[str]) -> None:
        self.prepareGeometryChange()
        self._x, self._y, self._texts = np.asarray(x, float), np.asarray(y, float), list(texts)
        if len(self._x):
            self._bounds = _padded(QRectF(QPointF(self._x.min(), self._y.min()),
                                          QPointF(self._x.max(), self._y.max())), 0.2)
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def legible_at(self, pixels_per_km: float) -> bool:
        return self._names.from_ppk <= pixels_per_km < self._names.to_ppk

    def visible_texts(self) -> list[str]:
        """The names in view at this zoom (what a paint would consider)."""
        return [self._texts[i] for i in self._in_view(self._ppk())]

    def _ppk(self) -> float:
        view = self.getViewBox()
        if view is None:
            return 0.0
        width = view.viewRect().width()
        return view.width() / width if width > 0 else 0.0

    def _in_view(self, ppk: float) -> np.ndarray:
        rect = self.viewRect()
        if rect is None or not len(self._x) or not self.legible_at(ppk):
            return np.zeros(0, dtype=np.intp)
        return np.flatnonzero((self._x >= rect.left()) & (self._x <= rect.right())
                              & (self._y >= rect.top()) & (self._y <= rect.bottom()))

    def paint(self, painter: QPainter, _option: Any, _widget: QWidget | None = None) -> None:
        scale = export_scale(self)
        transform = painter.transform()
        shown = self._in_view(abs(transform.m11()) / scale)[:MAX_LABELS]
        self.painted = 0
        if not len(shown):
            return
        points = pg.functions.transformCoordinates(
            transform, np.vstack([self._x[shown], self._y[shown]]))
        painter.resetTransform()
        font = QFont()
        font.setPixelSize(max(1, round(self._names.size * scale)))
        font.setBold(self._names.bold)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        taken: dict[tuple[int, int], list[QRectF]] = {}
        halo = QColor(self._halo) if self._halo else None
        ink = QColor(self._names.colour)
        step = max(1.0, scale)
        below = self._names.below_px * scale
        for i, (px, y) in zip(shown, points.T, strict=True):
            py = y + below
            text = self._texts[i]
            width = metrics.horizontalAdvance(text)
            box = QRectF(px - width / 2, py - metrics.height() / 2, width, metrics.height())
            if self._collide and _overlaps(taken, box, BUCKET_PX * scale):
                continue
            baseline = QPointF(box.left(), py + (metrics.ascent() - metrics.descent()) / 2)
            if halo is not None:  # all round, diagonals too: legible over the heat's fills
                painter.setPen(halo)
                for dx, dy in HALO:
                    painter.drawText(baseline + QPointF(dx * step, dy * step), text)
            painter.setPen(ink)
            painter.drawText(baseline, text)
            self.painted += 1


def _overlaps(taken: dict[tuple[int, int], list[QRectF]], box: QRectF, bucket: float) -> bool:
    """Whether ``box`` overlaps a box taken before; if not, it is taken."""
    keys = [(bx, by) for bx in range(int(box.left() // bucket), int(box.right() // bucket) + 1)
            for by in range(int(box.top() // bucket), int(box.bottom() // bucket) + 1)]
    if any(box.intersects(other) for key in keys for other in taken.get(key, ())):
        return True
    for key in keys:
        taken.setdefault(key, []).append(box)
    return False
