"""A report as an A4 PDF: the sections laid out by QTextDocument (tables whose header
rows repeat on every page they run onto, charts and the map as images drawn at print
resolution), and on every page a header with the report, its period and the time
made, and a footer with the page number ("第 2 页 / 共 5 页"). The fonts are embedded
by Qt's PDF engine (a subset of the CJK font actually used: the one font of every PDF,
``widgets/common/pdf_fonts.py``), whose ToUnicode maps are patched there, so the text
can be searched and copied.

Needs no GUI thread (QPdfWriter, QTextDocument and QImage). Qt's calls here hold
Python's lock for long, so the console runs this in a child process
(``widgets/common/pdf_child.py``); the command line on its main thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTransform,
)

from console.core.clock import CENTRE_TZ
from console.mapview.outlines import BaseMap
from console.reports.model import AreaMap, Chart, Report
from widgets.common.pdf_fonts import RESOLUTION, a4_pdf, pdf_font, prefer_ideographs
from widgets.reports import area_map, charts
from widgets.reports.pdf_html import PADDING, report_html

FONT_POINTS = 9.0
BAND_MM = 9.0  # header and footer bands inside the margins
MM = RESOLUTION / 25.4

def laid_out(report: Report, writer: QPdfWriter, body: QRectF,
             base: BaseMap | None = None) -> QTextDocument:
    """The report's document (its charts and map drawn), on ``writer``'s pages of
    ``body``'s size."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = pdf_font()
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    images: dict[int, str] = {}
    for section in report.sections:
        for block in section.blocks:
            image = None
            if isinstance(block, Chart):
                image = charts.render(block)
            elif isinstance(block, AreaMap) and base is not None:
                image = area_map.render(block, base, report.period.label, report.made_at)
            if image is not None:
                name = f"image:{len(images)}"
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                                     image)
                images[id(block)] = name
    # An image's width is in CSS pixels (1/96 inch), scaled to the writer's resolution;
    # so are a cell's padding and border.
    metrics = QFontMetricsF(font, writer)
    frame = (2 * PADDING + 2) * RESOLUTION / 96

    def measure(text: str) -> float:
        return (metrics.horizontalAdvance(text) + frame) / body.width()

    document.setHtml(report_html(report, images, int(body.width() * 0.92 * 96 / RESOLUTION),
                                 measure, FONT_POINTS))
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document


def a4_writer(path: Path, title: str) -> tuple[QPdfWriter, QRectF, QRectF]:
    """The writer of an A4 page at RESOLUTION, its printable area and the body of it
    (between the header's and the footer's bands), in the writer's pixels."""
    writer = a4_pdf(path, title, QPageLayout.Orientation.Portrait, QMarginsF(15, 12, 15, 12))
    page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    band = BAND_MM * MM
    return writer, page, QRectF(0, band, page.width(), page.height() - 2 * band)


def write_pdf(report: Report, path: str | Path, base: BaseMap | None = None) -> Path:
    """Write ``report`` to ``path`` as an A4 PDF; returns the path."""
    target = Path(path)
    writer, page, body = a4_writer(target, report.header)
    band = body.top()
    document = laid_out(report, writer, body, base)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            _page(painter, document, number, body)
            _bands(painter, report, number + 1, pages, page.width(), page.height(), band)
    finally:
        painter.end()
    del writer  # closes the file
    prefer_ideographs(target, document.defaultFont())
    return target


def draw(what: tuple[Report, BaseMap | None], path: str) -> None:
    """``write_pdf`` with its report and map as one picklable argument: the drawing
    a ``PdfChild`` is started for (``produce.report_child``)."""
    report, base = what
    write_pdf(report, path, base)


def _page(painter: QPainter, document: QTextDocument, number: int, body: QRectF) -> None:
    painter.save()
    height = body.height()
    # (A transform rather than QPainter's translate(), which the translations' checker
    # would take for Qt's translate().)
    painter.setWorldTransform(QTransform.fromTranslate(body.left(),
                                                       body.top() - number * height), True)
    clip = QRectF(0, number * height, body.width(), height)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    document.documentLayout().draw(painter, context)
    painter.restore()


def _bands(painter: QPainter, report: Report, number: int, pages: int, width: float,
           height: float, band: float) -> None:
    small = pdf_font()
    small.setPointSizeF(7.5)
    painter.setFont(small)
    painter.setPen(QColor("#455a64"))
    top = QRectF(0, 0, width, band * 0.8)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     report.header)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     report.made_text(CENTRE_TZ))
    painter.setPen(QPen(QColor("#90a4ae"), 2))
    painter.drawLine(0, int(band * 0.85), int(width), int(band * 0.85))
    foot = QRectF(0, height - band * 0.8, width, band * 0.8)
    painter.drawLine(0, int(height - band * 0.85), int(width), int(height - band * 0.85))
    painter.setPen(QColor("#455a64"))
    painter.drawText(foot, Qt.AlignmentFlag.AlignCenter, f"第 {number} 页 / 共 {pages} 页")
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     report.period.label)
