"""What the main window needs, imported in a worker thread while the login dialog
waits for the person.

The console's services and panes take a few seconds of Python imports (SQLAlchemy's
ORM, numpy and shapely for the locator, pyqtgraph for the map, every pane's
module). None of it is needed to show the login dialog, and the GUI thread has
nothing to do while someone types a password: the imports run then. The modules
define classes and constants (colours, points), never a Qt object, so importing
them off the GUI thread is safe. After the login the start waits for the thread
(``finish``) before importing anything itself, so the two threads never import at
the same time outside the dialog (no lock-order surprises). A failed import here is
only logged: the start imports the module again and reports what really fails.
"""

from __future__ import annotations

import importlib
import linecache
import logging
import threading

log = logging.getLogger(__name__)

# The roots of what the window imports; each brings the rest. Not the map's pane
# (pyqtgraph and numpy's drawing, most of a second): it is built after the window's
# first paint (widgets/shell/map_slot.py), its modules imported in a thread then.
# SQLAlchemy's asyncio side (with its ORM) and its psycopg dialect come first: the
# login needs neither (it talks to the server through psycopg alone), the first
# engine, made as the console opens, both.
MODULES = ("sqlalchemy.ext.asyncio", "sqlalchemy.dialects.postgresql.psycopg", "console.app",
           "widgets.shell.main_window")
_thread: threading.Thread | None = None


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the start imports it again and says what failed
            log.exception("importing %s ahead of the window failed", name)


def start() -> None:
    """Begin importing (once per process)."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_import_all, name="warm-up", daemon=True)
        _thread.start()


def finish() -> None:
    """Wait until the imports begun by ``start`` are done (at once if none were)."""
    if _thread is not None:
        _thread.join()


def forget_sources() -> None:
    """Let go of the source lines PySide6's import check left behind.

    PySide6 reads the source of every module imported after it (looking for its
    ``__feature__`` imports) through linecache, which keeps every line: for the
    console's thousand modules some 400,000 lines, 15 MB of text. Dropped once the
    imports are done, that memory takes the rows the panes load next; a traceback
    reads the lines it shows again."""
    linecache.clearcache()
