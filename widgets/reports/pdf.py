"""A report as an A4 PDF: the sections laid out by QTextDocument (tables whose header
rows repeat on every page they run onto, charts and the map as images drawn at print
resolution), and on every page a header with the report, its period and the time
made, and a footer with the page number ("第 2 页 / 共 5 页"). The fonts are embedded
by Qt's PDF engine (a subset of the CJK font actually used); the ToUnicode maps are
patched as the roster's PDF does, so the text can be searched and copied.

Runs in a worker thread: QPdfWriter, QTextDocument and QImage need no GUI thread.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTransform,
)

from console.core.clock import CENTRE_TZ
from console.mapview.base_map import BaseMap
from console.reports.model import AreaMap, Chart, Figures, Format, Report, Table, as_text
from widgets.common.pdf_fonts import pdf_font, prefer_ideographs
from widgets.reports import area_map, charts

RESOLUTION = 300
FONT_POINTS = 9.0
BAND_MM = 9.0  # header and footer bands inside the margins
MM = RESOLUTION / 25.4

_STYLE = """
h1 { font-size: 16pt; margin: 0 0 4px 0; }
h2 { font-size: 12pt; margin: 14px 0 4px 0; color: #1f3a5f; }
h3 { font-size: 10pt; margin: 8px 0 2px 0; }
p.note { font-size: 7.5pt; color: #455a64; margin: 2px 0 6px 0; }
p.meta { font-size: 8.5pt; color: #455a64; margin: 0 0 6px 0; }
table { border-collapse: collapse; }
th { background-color: #d9e2f3; font-weight: bold; }
td.n, th.n { text-align: right; }
td.k { background-color: #f3f6fb; }
td.v { font-weight: bold; font-size: 11pt; }
"""


_NUMERIC = ' class="n"'


def _cell(value: object, fmt: Format) -> str:
    numeric = fmt in (Format.COUNT, Format.RATE, Format.HOURS) or isinstance(value, int)
    cls = _NUMERIC if numeric else " nowrap" if fmt in (Format.CODE, Format.TIME) else ""
    return f"<td{cls}>{escape(as_text(value, fmt))}</td>"  # type: ignore[arg-type]


def _table(table: Table) -> str:
    numeric = (Format.COUNT, Format.RATE)
    head = "".join(f"<th{_NUMERIC if c.format in numeric else ''}>{escape(c.title)}</th>"
                   for c in table.columns)
    rows = table.rows[:table.pdf_rows] if table.pdf_rows else table.rows
    if rows:
        body = "".join("<tr>" + "".join(_cell(v, c.format) for v, c in
                                        zip(row, table.columns, strict=True)) + "</tr>"
                       for row in rows)
    else:
        body = f'<tr><td colspan="{len(table.columns)}">{escape(table.empty)}</td></tr>'
    notes = [table.note] if table.note else []
    if len(rows) < len(table.rows):
        notes.append(f"此处列出前 {len(rows)} 件，共 {len(table.rows)} 件，全部见 Excel 版。")
    note = f'<p class="note">{escape(" ".join(notes))}</p>' if notes else ""
    title = f"<h3>{escape(table.title)}</h3>" if table.title else ""
    return (f'{title}<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}")


def _figures(figures: Figures) -> str:
    cells = [f'<td class="k">{escape(f.label)}</td>'
             f'<td class="v n">{escape(as_text(f.value, f.format))}</td>'
             for f in figures.items]
    rows = ["".join(cells[i:i + 3]) for i in range(0, len(cells), 3)]
    return (f"<h3>{escape(figures.title)}</h3>"
            '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
            + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>")


def report_html(report: Report, images: dict[int, str], width: int = 1900) -> str:
    """The report as HTML for QTextDocument; ``images`` names each chart's or map's
    resource by the block's id, drawn ``width`` pixels wide."""
    parts = [f"<h1>{escape(report.centre + report.title)}</h1>",
             f'<p class="meta">统计期间：{escape(report.period.label)}　'
             f"{escape(report.made_text(CENTRE_TZ))}</p>"]
    for section in report.sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Table):
                parts.append(_table(block))
            elif isinstance(block, Figures):
                parts.append(_figures(block))
            elif id(block) in images:
                parts.append(f'<p><img src="{images[id(block)]}" width="{width}" /></p>')
            elif isinstance(block, AreaMap):
                parts.append(f'<p class="note">{escape(block.title)}：无边界数据，未绘制地图。</p>')
    return f"<html><head><style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"


def _document(report: Report, base: BaseMap | None, writer: QPdfWriter,
              body: QRectF) -> QTextDocument:
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
    # An image's width is in CSS pixels (1/96 inch), scaled to the writer's resolution.
    document.setHtml(report_html(report, images, int(body.width() * 0.92 * 96 / RESOLUTION)))
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document


def write_pdf(report: Report, path: str | Path, base: BaseMap | None = None) -> Path:
    """Write ``report`` to ``path`` as an A4 PDF; returns the path."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{report.header}")
    writer.setCreator("Hotline Console")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter))
    page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    band = BAND_MM * MM
    body = QRectF(0, band, page.width(), page.height() - 2 * band)
    document = _document(report, base, writer, body)
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
