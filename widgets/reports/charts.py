"""A report's charts as images for the PDF, drawn with QPainter at print resolution:
ranked horizontal bars, grouped columns and lines, labels in Chinese that never
overlap (long labels are shortened, crowded axis labels thinned), and a channel's own
colour wherever the chart gives one per label. Safe in a worker thread (QImage only)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from console.reports.model import Chart, Format, as_text
from widgets.common.pdf_fonts import pdf_font

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
WIDTH = 1900  # drawing units: 300 dpi over about 16 cm
# The image's pixels per drawing unit: about 190 dpi on paper. Qt's PDF engine holds
# Python's lock while it writes an image into a page, so a smaller image keeps the
# console's loop (which waits on that lock) from standing still.
SCALE = 0.63


def canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    """A white image of ``width`` × ``height`` drawing units and its painter."""
    image = QImage(round(width * SCALE), round(height * SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dots = round(300 * SCALE / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    painter.scale(SCALE, SCALE)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter
INK, GRID = QColor("#263238"), QColor("#cfd8dc")


def font(pixels: int, bold: bool = False) -> QFont:
    f = pdf_font()
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


def _elided(metrics: QFontMetricsF, text: str, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def render(chart: Chart) -> QImage:
    rows = max(1, len(chart.labels))
    height = 120 + rows * 56 if chart.style == "hbar" else 900
    image, painter = canvas(WIDTH, height)
    try:
        painter.setFont(font(38, True))
        painter.setPen(INK)
        painter.drawText(QRectF(0, 0, WIDTH, 60), Qt.AlignmentFlag.AlignLeft, chart.title)
        area = QRectF(0, 80, WIDTH, height - 80)
        if not chart.labels:
            painter.setFont(font(32))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "无数据")
        elif chart.style == "hbar":
            _hbars(painter, chart, area)
        else:
            _columns(painter, chart, area)
    finally:
        painter.end()
    return image


def _top(chart: Chart) -> float:
    """The value axis's end: 100% for rates; for counts four whole, round steps
    (1, 2 or 5 times a power of ten) just above the largest value."""
    if chart.format is Format.RATE:
        return 1.0
    largest = max((v for s in chart.series for v in s.values if v is not None), default=0.0)
    raw = max(largest * 1.05, 1.0) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return 4 * max(1.0, math.ceil(step))


def _colour(chart: Chart, series: int, label: int) -> QColor:
    if chart.colours and len(chart.series) == 1:
        return QColor(chart.colours[label])
    return QColor(chart.series[series].colour or PALETTE[series % len(PALETTE)])


def _hbars(painter: QPainter, chart: Chart, area: QRectF) -> None:
    label_font = font(30)
    metrics = QFontMetricsF(label_font)
    label_w = min(560.0, max(metrics.horizontalAdvance(t) for t in chart.labels) + 20)
    value_w = 220.0
    bar_x, bar_w = area.left() + label_w, area.width() - label_w - value_w
    top = _top(chart)
    values = chart.series[0].values
    painter.setFont(label_font)
    for i, (label, value) in enumerate(zip(chart.labels, values, strict=True)):
        y = area.top() + i * 56
        painter.setPen(INK)
        painter.drawText(QRectF(area.left(), y, label_w - 16, 48),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         _elided(metrics, label, label_w - 16))
        length = 0.0 if value is None else bar_w * value / top
        painter.fillRect(QRectF(bar_x, y + 6, length, 36), _colour(chart, 0, i))
        painter.drawText(QRectF(bar_x + length + 10, y, value_w, 48),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         as_text(value, chart.format))


def _columns(painter: QPainter, chart: Chart, area: QRectF) -> None:
    label_font = font(28)
    metrics = QFontMetricsF(label_font)
    legend_h = 50 if len(chart.series) > 1 else 0
    plot = QRectF(area.left() + 130, area.top() + legend_h, area.width() - 150,
                  area.height() - 90 - legend_h)
    top = _top(chart)
    painter.setFont(label_font)
    for step in range(5):  # the value axis: five lines with their values
        share = step / 4
        y = plot.bottom() - plot.height() * share
        painter.setPen(QPen(GRID, 2))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(INK)
        painter.drawText(QRectF(area.left(), y - 20, 120, 40),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         as_text(top * share if chart.format is Format.RATE
                                 else round(top * share), chart.format))
    n = len(chart.labels)
    slot = plot.width() / n
    widest = max(metrics.horizontalAdvance(t) for t in chart.labels) + 16
    every = max(1, int(widest // slot) + 1)  # thin the labels so none overlaps
    for i, label in enumerate(chart.labels):
        if i % every == 0:
            painter.setPen(INK)
            painter.drawText(QRectF(plot.left() + slot * i + slot / 2 - widest / 2,
                                    plot.bottom() + 10, widest, 40),
                             Qt.AlignmentFlag.AlignCenter, label)
    for k, series in enumerate(chart.series):
        colour = _colour(chart, k, 0)
        points = [QPointF(plot.left() + slot * i + slot / 2,
                          plot.bottom() - plot.height() * (v or 0.0) / top)
                  for i, v in enumerate(series.values)]
        if chart.style == "line":
            painter.setPen(QPen(colour, 6))
            painter.drawPolyline(points)
            for p in points:
                painter.setBrush(colour)
                painter.drawEllipse(p, 8, 8)
        else:
            width = slot * 0.7 / len(chart.series)
            for i, p in enumerate(points):
                left = plot.left() + slot * i + slot * 0.15 + width * k
                painter.fillRect(QRectF(left, p.y(), width, plot.bottom() - p.y()),
                                 _colour(chart, k, i))
                if n <= 16:
                    painter.setPen(INK)
                    painter.drawText(QRectF(left - 40, p.y() - 42, width + 80, 40),
                                     Qt.AlignmentFlag.AlignCenter,
                                     as_text(series.values[i], chart.format))
    if legend_h:
        x = plot.left()
        for k, series in enumerate(chart.series):
            painter.fillRect(QRectF(x, area.top() + 8, 30, 30), _colour(chart, k, 0))
            painter.setPen(INK)
            painter.drawText(QPointF(x + 40, area.top() + 34), series.name)
            x += 60 + metrics.horizontalAdvance(series.name)
