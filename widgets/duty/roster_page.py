"""The month's roster drawn: its HTML (``roster_pdf.sheet_html``) laid out on A4
landscape pages, the header row repeated on each. Apart from ``roster_pdf`` so that
the child process that draws it (``widgets/common/pdf_child.py``: ``DRAWING``) imports
Qt and the fonts only, not the roster's reading (console/duty, SQLAlchemy)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QTextDocument

from widgets.common.pdf_fonts import a4_pdf, pdf_font, prefer_ideographs

FONT_POINTS = 6.5
DRAWING = "widgets.duty.roster_page:draw"  # what a PdfChild is started for


def draw(page: tuple[str, str], path: str | Path) -> Path:
    """Write ``page`` (the title, the HTML) to ``path`` as an A4 landscape PDF."""
    title, html = page
    target = Path(path)
    writer = a4_pdf(target, title, QPageLayout.Orientation.Landscape, QMarginsF(8, 8, 8, 8))
    document = QTextDocument()
    # Lay the text out in the writer's own units (points become its pixels), on
    # its printable area; print_() then only pages it, without scaling.
    document.documentLayout().setPaintDevice(writer)
    font = pdf_font(FONT_POINTS)  # the SC forms whatever the seat's locale
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(area.size()))
    document.print_(writer)
    del writer  # closes the file
    prefer_ideographs(target, font)
    return target
