"""The map's legend: what each line, mark and colour means, for the layers shown, and
the heat layer's scale with its period and category when it is on. ``paint_legend``
draws it at any scale, so the pane and the print export share it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.map.style import (
    BAND_COLOURS,
    CASES,
    CLASS_SYMBOLS,
    LINES,
    MARKER_SIZE,
    OVERDUE_CODE,
    OVERDUE_SIZE,
    POST_COLOUR,
    POST_EMPTY,
    POST_SIZE,
    POSTS,
    RING,
    band_name,
    layer_name,
)

ROW, SWATCH, GAP, PAD = 20.0, 28.0, 6.0, 8.0
Swatch = Callable[[QPainter, QPointF, float], None]


def _t(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


@dataclass(frozen=True)
class Row:
    text: str
    swatch: Swatch | None = None  # None: a heading (or a note)
    note: bool = False  # a line of plain text under a heading


@dataclass(frozen=True)
class HeatLegend:
    """The heat layer's part: its title, notes (period, category), each class's
    colour and label, and the areas in no class (a brush and its words)."""

    title: str
    notes: Sequence[str]
    steps: Sequence[tuple[str, str]]  # colour, label
    # The areas in no class: a brush (or brushes painted one over another) and its words.
    others: Sequence[tuple[QBrush | Sequence[QBrush], str]] = field(default_factory=tuple)


def _area(brush: QBrush | Sequence[QBrush]) -> Swatch:
    brushes = (brush,) if isinstance(brush, QBrush) else tuple(brush)

    def draw(painter: QPainter, centre: QPointF, scale: float) -> None:
        painter.save()
        side = 14 * scale
        painter.setPen(QPen(QColor("#78909c"), scale))
        painter.setBrush(QColor("#f6f5ef"))  # the district's own fill, under a pattern
        box = QRectF(centre.x() - side, centre.y() - side / 2, 2 * side, side)
        painter.drawRect(box)
        for one in brushes:
            fill = QBrush(one)
            if fill.style() != Qt.BrushStyle.SolidPattern and scale != 1.0:
                fill.setTransform(QTransform.fromScale(scale, scale))  # the pattern too
            painter.setBrush(fill)
            painter.drawRect(box)
        painter.restore()
    return draw


def heat_rows(heat: HeatLegend) -> list[Row]:
    out = [Row(heat.title)]
    out += [Row(note, note=True) for note in heat.notes]
    out += [Row(label, _area(QBrush(QColor(colour)))) for colour, label in heat.steps]
    out += [Row(text, _area(brush)) for brush, text in heat.others]
    return out


def _line(layer: str) -> Swatch:
    def draw(painter: QPainter, centre: QPointF, scale: float) -> None:
        line = LINES[layer]
        pen = QPen(QColor(line.colour), line.width * scale)
        painter.setPen(pen)
        half = SWATCH * scale / 2 - 2 * scale
        painter.drawLine(QPointF(centre.x() - half, centre.y()),
                         QPointF(centre.x() + half, centre.y()))
    return draw


def _mark(symbol: str, size: float, fill: QColor, ring: QColor, width: float = 1.0) -> Swatch:
    def draw(painter: QPainter, centre: QPointF, scale: float) -> None:
        painter.save()
        painter.translate(centre)
        drawSymbol(painter, symbol, size * scale, pg.mkPen(ring, width=width * scale),
                   pg.mkBrush(fill))
        painter.restore()
    return draw


def rows(layers: Collection[str], heat: HeatLegend | None = None) -> list[Row]:
    out = heat_rows(heat) if heat is not None else []
    if layers:
        out.append(Row(_t("图层")))
    out += [Row(layer_name(layer), _line(layer)) for layer in LINES if layer in layers]
    if POSTS in layers:
        staffed = _mark("star", POST_SIZE, POST_COLOUR, POST_EMPTY)
        out.append(Row(_t("值班岗位（有人在岗）"), staffed))
        empty = _mark("star", POST_SIZE, POST_EMPTY, POST_COLOUR)
        out.append(Row(_t("值班岗位（无人在岗）"), empty))
    if CASES in layers:
        grey, white = QColor("#78909c"), QColor("#ffffff")
        out.append(Row(_t("未办结案件：颜色为剩余时间")))
        for code in reversed(range(len(BAND_COLOURS))):
            overdue = code == OVERDUE_CODE
            out.append(Row(band_name(code), _mark(
                "o", OVERDUE_SIZE if overdue else MARKER_SIZE, BAND_COLOURS[code],
                RING if overdue else white, 1.6 if overdue else 0.8)))
        out.append(Row(_t("形状为级别")))
        for symbol, name in zip(CLASS_SYMBOLS, (_t("A 类（紧急）"), _t("B 类（较急）"),
                                                _t("C 类（一般）")), strict=True):
            out.append(Row(name, _mark(symbol, MARKER_SIZE + 2, grey, white)))
        cluster = _mark("o", 20, grey, white)
        out.append(Row(_t("聚合：数字为件数，颜色为其中最急"), cluster))
    return out


def legend_size(layers: Collection[str], scale: float = 1.0,
                heat: HeatLegend | None = None) -> QSize:
    shown = rows(layers, heat)
    plain, bold = QFontMetricsF(_font(scale)), QFontMetricsF(_font(scale, True))
    width = max([(plain if r.swatch or r.note else bold).horizontalAdvance(r.text)
                 + (SWATCH + GAP) * scale * bool(r.swatch) for r in shown] or [0])
    return QSize(int(width + 2 * PAD * scale) + 1, int(len(shown) * ROW * scale
                                                      + 2 * PAD * scale) + 1)


def _font(scale: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(12 * scale)))
    font.setBold(bold)
    return font


def paint_legend(painter: QPainter, origin: QPointF, layers: Collection[str],
                 scale: float = 1.0, heat: HeatLegend | None = None) -> None:
    """The legend with its top left corner at ``origin``, on a white card."""
    size = legend_size(layers, scale, heat)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#b0bec5"), scale))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRect(QRectF(origin, size.toSizeF()))
    y = origin.y() + PAD * scale
    for row in rows(layers, heat):
        heading = row.swatch is None and not row.note
        x = origin.x() + PAD * scale
        if row.swatch is not None:
            row.swatch(painter, QPointF(x + SWATCH * scale / 2, y + ROW * scale / 2), scale)
            x += (SWATCH + GAP) * scale
        painter.setFont(_font(scale, heading))
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(x, y, size.width(), ROW * scale),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.text)
        y += ROW * scale
    painter.restore()


class LegendWidget(QWidget):
    """The legend beside the map, following the layers switched on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map.legend")
        self.layers: frozenset[str] = frozenset()
        self.heat: HeatLegend | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def set_layers(self, layers: Collection[str], heat: HeatLegend | None = None) -> None:
        self.layers = frozenset(layers)
        self.heat = heat
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        return [r.text for r in rows(self.layers, self.heat)]

    def sizeHint(self) -> QSize:
        return legend_size(self.layers, heat=self.heat)

    def minimumSizeHint(self) -> QSize:
        return legend_size(self.layers, heat=self.heat)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_legend(painter, QPointF(0, 0), self.layers, heat=self.heat)
        painter.end()
