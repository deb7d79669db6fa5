"""Making a report's file, the same way from the dialog and the command line: the
report read (on the event loop, async), then written from a worker thread, to a
temporary file renamed over the target only once complete: the workbook by that
thread, the PDF (its layout, charts and map) by a child process the thread waits
for (``pdf_process``: Qt's drawing calls hold Python's lock, which the GUI thread
needs, for up to seconds at a time).

The worker thread is a QThread (qasync's executor, the console's default). The
command line, which has no window to keep alive, draws on its main thread
(``in_thread=False``), without the child's start."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from console.catalog.catalog import Catalog
from console.core.output_file import write_atomically
from console.core.store import Store
from console.mapview.outlines import BaseMap
from console.reports.excel import write_excel
from console.reports.model import Kind, Report
from console.reports.output import format_of
from console.reports.periods import Period
from console.reports.service import base_map, make_report
from widgets.common.pdf_child import PdfChild

Progress = Callable[[str], None]  # told each stage: "read", "map", "write"
DRAWING = "widgets.reports.pdf:draw"  # what a report's PdfChild is started for


def write_file(report: Report, path: Path, base: BaseMap | None = None, *,
               child: PdfChild | None = None) -> Path:
    """Blocking: the report to ``path`` (.pdf or .xlsx), whole or not at all; a PDF
    drawn by ``child`` when given (else in this thread)."""
    if format_of(path) == "xlsx":
        return write_atomically(path, lambda tmp: write_excel(report, tmp))
    from widgets.reports.pdf import write_pdf

    def pdf(temporary: Path) -> None:
        if child is not None:
            child.draw((report, base), temporary)
        else:
            write_pdf(report, temporary, base)

    return write_atomically(path, pdf)


def report_child() -> PdfChild:
    """A child process, started now, to draw a report's PDF (``write_file``'s ``child``)."""
    return PdfChild(DRAWING)


async def produce(store: Store, kind: Kind, period: Period, path: Path, *,
                  category_id: int | None = None, street_code: str | None = None,
                  catalog: Catalog | None = None, with_map: bool = True,
                  progress: Progress | None = None, in_thread: bool = True) -> Report:
    say = progress or (lambda _text: None)
    fmt = format_of(path)
    # The PDF's child starts now, so that its start overlaps the reading.
    child = await asyncio.to_thread(report_child) if fmt == "pdf" and in_thread else None
    try:
        say("read")
        report = await make_report(store, kind, period, category_id=category_id,
                                   street_code=street_code, catalog=catalog)
        base = None
        if fmt == "pdf" and with_map and any(
                type(b).__name__ == "AreaMap" for s in report.sections for b in s.blocks):
            say("map")
            base = await base_map(store)
        say("write")
        if in_thread:
            await asyncio.to_thread(write_file, report, path, base, child=child)
        else:
            write_file(report, path, base)
    finally:
        if child is not None:
            child.close()
    return report
