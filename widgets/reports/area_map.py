"""The map of a report: the communities (or streets) filled by the period's cases in
the heat layer's classes (console/mapview/heat.py: the quintiles, no-case areas
hatched), the streets outlined over them, their names, the legend, the period and
the time made. Drawn with QPainter on a QImage, so it runs in a worker thread and
without a map pane (the command line has none)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen

from console.core.clock import CENTRE_TZ
from console.mapview.heat_scale import NO_CASES, Measure, count_scale
from console.mapview.outlines import STREET, BaseMap, Outline
from console.reports.model import AreaMap
from widgets.reports.charts import INK, canvas, font

WIDTH, HEIGHT = 1900, 1500
HATCH, LINE, STREET_LINE = "#90a4ae", "#78909c", "#37474f"


def _path(outline: Outline, to_px: object) -> QPainterPath:
    path = QPainterPath()
    for ring in outline.rings:
        points = [to_px(x, y) for x, y in ring]  # type: ignore[operator]
        path.moveTo(points[0])
        for p in points[1:]:
            path.lineTo(p)
        path.closeSubpath()
    return path


def render(areas: AreaMap, base: BaseMap, period: str, made: dt.datetime) -> QImage:
    image, painter = canvas(WIDTH, HEIGHT)
    legend_w = 420
    box = QRectF(20, 110, WIDTH - legend_w - 60, HEIGHT - 140)
    x0, y0, x1, y1 = base.bounds
    scale = min(box.width() / max(x1 - x0, 1e-6), box.height() / max(y1 - y0, 1e-6))
    left = box.left() + (box.width() - (x1 - x0) * scale) / 2
    top = box.top() + (box.height() - (y1 - y0) * scale) / 2

    def to_px(x: float, y: float) -> QPointF:
        return QPointF(left + (x - x0) * scale, top + (y1 - y) * scale)

    level = areas.level
    outlines = base.levels.get(level, ())
    values = [areas.values.get(o.code, 0) for o in outlines]
    steps = count_scale(Measure.CASES, [v for v in values if v > 0])
    classes = steps.classes([float(v) if v > 0 else float("nan") for v in values])
    try:
        painter.setFont(font(40, True))
        painter.setPen(INK)
        painter.drawText(QRectF(20, 10, WIDTH, 56), Qt.AlignmentFlag.AlignLeft, areas.title)
        painter.setFont(font(28))
        painter.drawText(QRectF(20, 62, WIDTH, 40), Qt.AlignmentFlag.AlignLeft,
                         f"{period} · 制图时间 {made.astimezone(CENTRE_TZ):%Y-%m-%d %H:%M}")
        painter.setPen(QPen(QColor(LINE), 2))
        for outline, cls in zip(outlines, classes, strict=True):
            path = _path(outline, to_px)
            if cls == NO_CASES:
                painter.setBrush(QBrush(QColor(HATCH), Qt.BrushStyle.BDiagPattern))
            else:
                painter.setBrush(QColor(steps.steps[int(cls)].colour))
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(STREET_LINE), 5))
        for outline in base.levels.get(STREET, ()):
            painter.drawPath(_path(outline, to_px))
        painter.setFont(font(24))
        painter.setPen(INK)
        for outline in outlines:
            at = to_px(*outline.anchor)
            painter.drawText(QRectF(at.x() - 120, at.y() - 16, 240, 32),
                             Qt.AlignmentFlag.AlignCenter, outline.name)
        _legend(painter, steps, QPointF(WIDTH - legend_w, 130))
    finally:
        painter.end()
    return image


def _legend(painter: QPainter, scale: object, at: QPointF) -> None:
    painter.setFont(font(30, True))
    painter.drawText(at + QPointF(0, 30), "案件数")
    painter.setFont(font(28))
    y = at.y() + 60
    for step in reversed(scale.steps):  # type: ignore[attr-defined]
        painter.setPen(QPen(QColor(LINE), 2))
        painter.setBrush(QColor(step.colour))
        painter.drawRect(QRectF(at.x(), y, 60, 40))
        painter.setPen(INK)
        painter.drawText(QPointF(at.x() + 80, y + 32), step.label)
        y += 56
    painter.setPen(QPen(QColor(LINE), 2))
    painter.setBrush(QBrush(QColor(HATCH), Qt.BrushStyle.BDiagPattern))
    painter.drawRect(QRectF(at.x(), y, 60, 40))
    painter.setPen(INK)
    painter.drawText(QPointF(at.x() + 80, y + 32), "无案件")
