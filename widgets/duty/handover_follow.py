"""What of the handover pane the change feed has made stale: the record of the shift
on screen, the history, and, for a summary not saved yet, the figures, which follow
the cases at most every ``CASES_EVERY_MS`` (cases arrive all the time in a big
centre; a summary read is nine counts and a page of HTML). The pane reads again
what is stale (its ``FeedFollower``) and clears the marks as it reads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.events import HandoverChanged, Kind
from console.core.feed import Event
from console.duty.handover import Handover

CASES_EVERY_MS = 10_000  # an unsaved summary follows the cases at most this often


class HandoverStaleness(QObject):
    cases_due = Signal()  # the cases' pause is over: the shown summary is stale now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.record = False   # the shown shift's handover
        self.history = False  # the list of the last days' handovers
        self._cases = False   # case events came for the unsaved summary
        self._stopped = False
        self._timer = QTimer(self, singleShot=True, interval=CASES_EVERY_MS)
        self._timer.timeout.connect(self._cases_over)

    @property
    def any(self) -> bool:
        return self.record or self.history

    def note(self, events: list[Event], shown: Handover | None) -> bool:
        """Mark what ``events`` touch, with ``shown`` on screen; whether anything is
        stale now (case events only after their pause)."""
        for event in events:
            if (changed := event.of(HandoverChanged)) is not None:
                self.history = True
                self.record = self.record or (shown is not None and (
                    changed.day, changed.shift_id) == (shown.shift_day, shown.shift_id))
            elif shown is not None and shown.id is None and event.kind == Kind.ROLL_CALL:
                self.record = True  # an unsaved summary follows the records
            elif shown is not None and shown.id is None and event.case_id is not None:
                self._cases = True
                if not self._timer.isActive():
                    self._timer.start()
        return self.any

    def _cases_over(self) -> None:
        if self._cases and not self._stopped:
            self._cases, self.record = False, True
            self.cases_due.emit()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
