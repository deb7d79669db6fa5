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
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

UNFREEZE_EVERY_S = 3600.0


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._unfrozen_at = time.monotonic()
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
                gc.collect(generation)
                if generation == 2:
                    self._freeze_survivors()
                return

    def _freeze_survivors(self) -> None:
        if time.monotonic() - self._unfrozen_at > UNFREEZE_EVERY_S:
            gc.unfreeze()  # the next full collection walks everything once more
            self._unfrozen_at = time.monotonic()
        else:
            gc.freeze()

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
    collector = GuiThreadCollector(parent=app)
    collector.setObjectName("guiThreadCollector")
    return collector
