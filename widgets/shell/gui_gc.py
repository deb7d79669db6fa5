"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whatever thread happens to allocate when a threshold is
crossed, and worker threads do allocate here (asyncio.to_thread, the loop's
executor that resolves host names for psycopg). A Qt object dropped in a cycle
would then be destroyed in that thread, which Qt forbids ("Timers cannot be
stopped from another thread") and which can crash the process. So automatic
collection is switched off and a timer on the GUI thread collects instead, as
often as the thresholds would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
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
                return

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()


def install(app: QObject) -> GuiThreadCollector:
    """The application's collector, made once."""
    found = app.findChild(GuiThreadCollector, "guiThreadCollector")
    if isinstance(found, GuiThreadCollector):
        return found
    collector = GuiThreadCollector(parent=app)
    collector.setObjectName("guiThreadCollector")
    return collector
