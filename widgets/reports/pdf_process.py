"""A report's PDF drawn in a child process, so that the console's GUI thread never
waits on it.

QTextDocument's HTML parsing, its layout (``pageCount``), each page's drawing and the
PDF engine's writing are single calls into Qt that PySide6 makes holding Python's
lock: measured under load on a weekly report at ten times the district, the layout
alone held it for 0.9 s and each page for 100–200 ms, and a table is laid out in one
piece, so no slicing of our own calls between them could keep the GUI thread's longest
wait under 50 ms (bench/reports.py prints it). The child has its own interpreter and
lock; the parent's worker thread only waits for it (without the lock).

A ``PdfChild`` is started before the report is read (``produce``), so that its start
(Python, PySide6 and the modules the drawing needs: about a second of CPU) overlaps the
reading. It then waits for one report, pickled on its standard input (the parent made
it; nothing else writes there), writes the PDF where it is told (``write_atomically``'s
temporary file) and exits 0, or ``NOT_WRITTEN`` with the OSError's words when the file
cannot be written, or 1 with a traceback for a bug. Closed without a report, it exits.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from console.mapview.base_map import BaseMap
    from console.reports.model import Report

NOT_WRITTEN = 4
TIMEOUT_S = 900.0
ROOT = Path(__file__).resolve().parents[2]


class DrawingFailed(RuntimeError):
    """The child could not draw the PDF (a bug: its traceback is the message)."""


class PdfChild:
    """One child process, started now, that draws one report when given it."""

    def __init__(self) -> None:
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "widgets.reports.pdf_process"], stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path})

    def draw(self, report: Report, path: str | Path, base: BaseMap | None = None) -> Path:
        """Blocking, like ``pdf.write_pdf``: the child draws ``report`` to ``path``."""
        target = Path(path)
        payload = pickle.dumps((report, base, str(target)), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _out, err = self._process.communicate(payload, timeout=TIMEOUT_S)
        finally:
            self.close()
        said = err.decode("utf-8", "replace").strip()
        if self._process.returncode == NOT_WRITTEN:
            raise OSError(said.splitlines()[-1] if said else f"cannot write {target}")
        if self._process.returncode != 0:
            raise DrawingFailed(
                f"drawing the PDF failed (exit {self._process.returncode}):\n{said}")
        return target

    def close(self) -> None:
        """End the child if it is still there (a report that was never given it)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def write_pdf_apart(report: Report, path: str | Path, base: BaseMap | None = None) -> Path:
    """Blocking, like ``pdf.write_pdf``, but drawn in a child process started now."""
    return PdfChild().draw(report, path, base)


def _child() -> int:
    # Everything the drawing needs, imported while the parent reads the report; the
    # console's modules before PySide6, which would look into each one's source.
    for name in ("console.mapview.base_map", "console.reports.model"):  # pickled classes
        importlib.import_module(name)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # the fonts
    from widgets.common.pdf_fonts import pdf_font, prepare
    from widgets.reports.pdf import write_pdf

    prepare(pdf_font())
    payload = sys.stdin.buffer.read()
    if not payload:
        return 0  # closed without a report
    report, base, path = pickle.loads(payload)
    try:
        write_pdf(report, path, base)
    except OSError as exc:
        print(exc, file=sys.stderr)
        return NOT_WRITTEN
    finally:
        del app
    return 0


if __name__ == "__main__":
    sys.exit(_child())
