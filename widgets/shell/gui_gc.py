"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whatever thread happens to allocate when a threshold is
crossed, and worker threads do allocate here (asyncio.to_thread, the loop's
executor that resolves host names for psycopg). A Qt object dropped in a cycle
would then be destroyed in that thread, which Qt forbids ("Timers cannot be
stopped from another thread") and which can crash the process. So automatic
collection is switched off and a timer on the GUI thread collects instead, as
often as the thresholds would have.

A full collection walks every object the collector tracks: with 50,000 open cases
in the panes that is hundreds of milliseconds of a frozen window. So what survives a
full collection is frozen (``gc.freeze``: left out of later collections, still freed
by reference counting), and the next full collections walk only what came since.
Cycles among frozen objects that die later would never be collected: once an hour
everything is unfrozen and the next full collection walks the whole heap again.

glibc gives each thread that allocates an arena of its own (up to eight per core),
and a freed row in one is not reused by another: the worker threads that make rows
(countdown pages, the map's arrays, host-name lookups) left a seat's resident size
some 20–40 MB above the same seat on two arenas, growing while cases arrived. So the
collector's installation caps them at two (``mallopt(M_ARENA_MAX, 2)``, unless the
environment's ``MALLOC_ARENA_MAX`` says otherwise): the GUI thread's and one shared.

After a full collection, at most once a minute, the C library is asked to give the
memory it holds free back to the system (glibc's ``malloc_trim``): freed rows of a
re-read leave holes that malloc otherwise keeps, and a seat's resident size would
creep up over a day of arriving cases.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

UNFREEZE_EVERY_S = 3600.0
TRIM_EVERY_S = 60.0
M_ARENA_MAX = -8  # glibc's mallopt parameter
ARENAS = 2


def _libc() -> ctypes.CDLL | None:
    """The process's C library where it is glibc's kind (Linux); else None."""
    return ctypes.CDLL(None) if sys.platform.startswith("linux") else None


def limit_malloc_arenas() -> bool:
    """Cap glibc's malloc arenas at ARENAS (once, early: arenas made before stay)."""
    libc = _libc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        return bool(libc.mallopt(M_ARENA_MAX, ARENAS))
    except AttributeError:  # musl and others: no mallopt
        return False


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, where the C library has one (Linux); else None."""
    libc = _libc()
    try:
        return None if libc is None else libc.malloc_trim
    except AttributeError:  # musl and others: nothing to trim with
        return None


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._unfrozen_at = time.monotonic()
        self._trim = _malloc_trim()
        self._trimmed_at = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                if generation == 2:
                    self.collect_full()
                else:
                    gc.collect(generation)
                return

    def collect_full(self) -> None:
        """A full collection, then what survived it frozen and, at most once a minute,
        the free memory given back to the system."""
        gc.collect(2)
        self._freeze_survivors()
        self._give_back()

    def _freeze_survivors(self) -> None:
        if time.monotonic() - self._unfrozen_at > UNFREEZE_EVERY_S:
            gc.unfreeze()  # the next full collection walks everything once more
            self._unfrozen_at = time.monotonic()
        else:
            gc.freeze()

    def _give_back(self) -> None:
        if self._trim is not None and time.monotonic() - self._trimmed_at > TRIM_EVERY_S:
            self._trim(0)
            self._trimmed_at = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()


def freeze_imports() -> None:
    """Freeze what the start's imports made (modules, classes, functions: they live as
    long as the process), so that the collections while the window is built and
    later do not walk it again and again: a few tenths of a second of the start."""
    gc.freeze()


def install(app: QObject) -> GuiThreadCollector:
    """The application's collector, made once."""
    found = app.findChild(GuiThreadCollector, "guiThreadCollector")
    if isinstance(found, GuiThreadCollector):
        return found
    limit_malloc_arenas()
    collector = GuiThreadCollector(parent=app)
    collector.setObjectName("guiThreadCollector")
    return collector
