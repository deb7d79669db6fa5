"""A report's PDF drawn in a child process, so that the console's GUI thread never
waits on it.

QTextDocument's HTML parsing, its layout (``pageCount``), each page's drawing and the
PDF engine's writing are single calls into Qt that PySide6 makes holding Python's
lock: measured under load on a weekly report, the layout alone held it for seconds and
each page for 100–250 ms, and a table is laid out in one piece, so no slicing of our
own calls between them could keep the GUI thread's longest wait under 50 ms (bench/
reports.py prints it). The child has its own interpreter and lock; the parent's
worker thread only waits for it (``subprocess.run`` waits without the lock).

The report and the map's outlines go to the child pickled on its standard input (the
parent made them; nothing else writes there); it writes the PDF where it is told
(``write_atomically``'s temporary file) and exits 0, or ``NOT_WRITTEN`` with the
OSError's words when the file cannot be written, or 1 with a traceback for a bug.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from console.mapview.base_map import BaseMap
from console.reports.model import Report

NOT_WRITTEN = 4
TIMEOUT_S = 900.0
ROOT = Path(__file__).resolve().parents[2]


class DrawingFailed(RuntimeError):
    """The child could not draw the PDF (a bug: its traceback is the message)."""


def write_pdf_apart(report: Report, path: str | Path, base: BaseMap | None = None) -> Path:
    """Blocking, like ``pdf.write_pdf``, but drawn in a child process."""
    target = Path(path)
    payload = pickle.dumps((report, base, str(target)), protocol=pickle.HIGHEST_PROTOCOL)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH"))
                                         if p)}
    done = subprocess.run([sys.executable, "-m", "widgets.reports.pdf_process"],
                          input=payload, capture_output=True, env=env, cwd=ROOT,
                          timeout=TIMEOUT_S, check=False)
    said = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == NOT_WRITTEN:
        raise OSError(said.splitlines()[-1] if said else f"cannot write {target}")
    if done.returncode != 0:
        raise DrawingFailed(f"drawing the PDF failed (exit {done.returncode}):\n{said}")
    return target


def _child() -> int:
    report, base, path = pickle.load(sys.stdin.buffer)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # the fonts
    from widgets.reports.pdf import write_pdf

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
