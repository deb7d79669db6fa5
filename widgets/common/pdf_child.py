"""A PDF drawn in a child process, so that the console's GUI thread never waits on it.

QTextDocument's HTML parsing, its layout (``pageCount``), each page's drawing and the
PDF engine's writing are single calls into Qt that PySide6 makes holding Python's
lock: measured under load on a weekly report at ten times the district, the layout
alone held it for 0.9 s and each page for 100–200 ms, and a table is laid out in one
piece, so no slicing of our own calls between them could keep the GUI thread's longest
wait under 50 ms (bench/reports.py prints it; bench/roster.py the same for the month's
roster). The child has its own interpreter and lock; the parent's worker thread only
waits for it (without the lock).

A ``PdfChild`` is told at its start which drawing it will do: a function's path,
``"package.module:function"``, taking what to draw and the file's path. It is
started before what it draws is read (the reports' ``produce``, the roster's export),
so that its start (Python, PySide6 and the drawing's own modules, which import no
database or map reading: ``python -X importtime -m widgets.common.pdf_child``) overlaps
the reading. It then waits for what to draw, pickled on its standard input (the parent
made it; nothing else writes there), writes the PDF where it is told
(``write_atomically``'s temporary file) and exits 0, or ``NOT_WRITTEN`` with the
OSError's words when the file cannot be written, or 1 with a traceback for a bug.
Closed without a drawing, it exits.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

NOT_WRITTEN = 4
TIMEOUT_S = 900.0
ROOT = Path(__file__).resolve().parents[2]


class DrawingFailed(RuntimeError):
    """The child could not draw the PDF (a bug: its traceback is the message)."""


class PdfChild:
    """One child process, started now, that draws one PDF with ``drawing`` when given
    what to draw (``"package.module:function"``, called as ``function(what, path)``)."""

    def __init__(self, drawing: str) -> None:
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        self.drawing = drawing
        self._process = subprocess.Popen(
            [sys.executable, "-m", "widgets.common.pdf_child", drawing],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path})

    def draw(self, what: object, path: str | Path) -> Path:
        """Blocking, like the drawing function itself: the child draws ``what`` to ``path``."""
        target = Path(path)
        payload = pickle.dumps((what, str(target)), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _out, err = self._process.communicate(payload, timeout=TIMEOUT_S)
        finally:
            self.close()
        said = err.decode("utf-8", "replace").strip()
        if self._process.returncode == NOT_WRITTEN:
            raise OSError(said.splitlines()[-1] if said else f"cannot write {target}")
        if self._process.returncode != 0:
            raise DrawingFailed(
                f"drawing the PDF ({self.drawing}) failed (exit"
                f" {self._process.returncode}):\n{said}")
        return target

    def close(self) -> None:
        """End the child if it is still there (nothing was given it to draw)."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for pipe in (self._process.stdin, self._process.stderr):
            if pipe is not None:
                pipe.close()


def draw_apart(drawing: str, what: object, path: str | Path) -> Path:
    """Blocking: ``what`` drawn to ``path`` by ``drawing`` in a child process started now."""
    return PdfChild(drawing).draw(what, path)


def _child(drawing: str) -> int:
    # The drawing's modules, imported while the parent reads what to draw (and before
    # PySide6's own import hook, which would look into each one's source).
    module, name = drawing.split(":")
    draw = getattr(importlib.import_module(module), name)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # the fonts
    from widgets.common.pdf_fonts import pdf_font, prepare

    prepare(pdf_font())
    payload = sys.stdin.buffer.read()
    if not payload:
        return 0  # closed without a drawing
    what, path = pickle.loads(payload)
    try:
        draw(what, path)
    except OSError as exc:
        print(exc, file=sys.stderr)
        return NOT_WRITTEN
    finally:
        del app
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
