"""The map as shown, exported for print: an A4 landscape page at 300 dpi with a
title, the date and time, the map (lines, marks, names and the heat layer's areas
redrawn at the page's resolution by pyqtgraph's ImageExporter), a scale bar and the
legend; with the heat layer on, the title names its measure and the line under it
its period and category, which the legend's scale repeats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QFileDialog

from console.core.clock import CENTRE_TZ
from widgets.map.legend import legend_size, paint_legend
from widgets.map.style import BACKGROUND

if TYPE_CHECKING:
    from widgets.map.map_pane import MapPane

DPI = 300
A4_LANDSCAPE = (3508, 2480)  # pixels at 300 dpi
MARGIN, TITLE_PX, LINE_PX, GAP = 118, 64, 34, 40
LEGEND_SCALE = 2.6
SCALE_STEPS_KM = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20)


def _t(text: str) -> str:
    return QCoreApplication.translate("MapExport", text)


def default_name(now: dt.datetime) -> str:
    return f"map-{now.astimezone(CENTRE_TZ):%Y%m%d-%H%M}.png"


def render_page(pane: MapPane) -> QImage:
    width, height = A4_LANDSCAPE
    page = QImage(width, height, QImage.Format.Format_RGB32)
    page.fill(QColor("#ffffff"))
    dots_per_metre = round(DPI / 0.0254)
    page.setDotsPerMeterX(dots_per_metre)
    page.setDotsPerMeterY(dots_per_metre)
    top = MARGIN + TITLE_PX + LINE_PX + 40
    heat = pane.heat.legend()
    legend = legend_size(pane.shown_layers(), LEGEND_SCALE, heat)
    area = QRectF(MARGIN, top, width - 2 * MARGIN - legend.width() - GAP, height - top - MARGIN)
    shot = _map_image(pane, area)
    painter = QPainter(page)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        now = pane.now().astimezone(CENTRE_TZ)
        title, line = _t("未办结案件分布图 · {t}").format(t=f"{now:%Y-%m-%d %H:%M}"), ""
        if heat is not None:
            title = _t("案件热力图 · {what}").format(what=pane.heat.title())
            line = " · ".join(heat.notes) + " · "
        _text(painter, QRectF(MARGIN, MARGIN, area.width(), TITLE_PX), TITLE_PX, True, title)
        _text(painter, QRectF(MARGIN, MARGIN + TITLE_PX + 12, area.width(), LINE_PX), LINE_PX,
              False, line + _t("制图时间 {t} · 坐标系按边界数据所存 · 仅供值班参考").format(
                  t=f"{now:%Y-%m-%d %H:%M}"))
        at = QPointF(area.x(), area.y())
        painter.drawImage(at, shot)
        painter.setPen(QPen(QColor("#90a4ae"), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        placed = QRectF(at, shot.size().toSizeF())
        painter.drawRect(placed)
        _scale_bar(painter, pane, placed)
        paint_legend(painter, QPointF(placed.right() + GAP, placed.top()), pane.shown_layers(),
                     LEGEND_SCALE, heat)
    finally:
        painter.end()
    return page


def ask_and_export(pane: MapPane) -> None:
    """Ask where, then export; the pane's status line says what came of it."""
    path, _filter = QFileDialog.getSaveFileName(
        pane, _t("导出地图图片"), default_name(pane.now()), _t("PNG 图片 (*.png)"))
    if not path:
        return
    try:
        export_png(pane, Path(path))
    except OSError:
        pane.status.setText(_t("无法写入 {p}：请换一个文件夹或文件名再导出").format(p=path))
    else:
        pane.status.setText(_t("已导出：{p}").format(p=path))


def export_png(pane: MapPane, path: Path) -> QImage:
    page = render_page(pane)
    # PySide6's stubs want the format as bytes; at run time it takes only a str.
    if not page.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")
    return page


def _map_image(pane: MapPane, area: QRectF) -> QImage:
    view = pane.view
    aspect = view.width() / max(1.0, view.height())
    width = int(min(area.width(), area.height() * aspect))
    exporter = ImageExporter(view)
    exporter.parameters()["background"] = QColor(BACKGROUND)
    exporter.parameters()["width"] = width
    image = exporter.export(toBytes=True)
    assert isinstance(image, QImage)
    return image


def _text(painter: QPainter, rect: QRectF, pixels: int, bold: bool, text: str) -> None:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    painter.setFont(font)
    painter.setPen(QColor("#263238"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _scale_bar(painter: QPainter, pane: MapPane, placed: QRectF) -> None:
    km_wide = pane.view.viewRect().width()
    if km_wide <= 0:
        return
    px_per_km = placed.width() / km_wide
    step = next((s for s in reversed(SCALE_STEPS_KM) if s * px_per_km <= placed.width() / 5),
                SCALE_STEPS_KM[0])
    length = step * px_per_km
    x, y = placed.left() + 40, placed.bottom() - 60
    painter.setPen(QPen(QColor("#263238"), 6))
    painter.drawLine(QPointF(x, y), QPointF(x + length, y))
    for end in (x, x + length):
        painter.drawLine(QPointF(end, y - 16), QPointF(end, y + 4))
    label = f"{step:g} km"
    _text(painter, QRectF(x, y - 60, max(length, 200), 44), 34, True, label)
