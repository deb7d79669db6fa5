"""Possible duplicates of the case being typed, looked for after a pause in typing.

The check runs only while the call screen is shown: hiding or closing it stops
the pause timer (an input debounce: it waits for typing to pause), and a check
still under way when the form moves on is superseded in its task slot, so no
check's result outlives the form it was for.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.core.errors import ConsoleError
from console.core.store import Store
from console.hotline import duplicates
from console.hotline.duplicates import Candidate, Probe
from widgets.common import texts
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

log = logging.getLogger(__name__)
CHECK_AFTER_MS = 500


class DuplicatePanel(QWidget):
    """The candidates for ``probe()`` (what the form holds), best first."""

    chosen = Signal()  # a candidate double-clicked: record the call as its duplicate

    def __init__(self, store: Store, runner: TaskRunner, probe: Callable[[], Probe],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._probe = store, probe
        self._slot = TaskSlot(runner)  # a newer check voids the older one's result
        self._task: asyncio.Task[list[Candidate]] | None = None  # the newest check
        self._checked: Probe | None = None  # the probe the list shows the candidates of
        self._waiting: list[Callable[[list[Candidate]], None]] = []
        self._found: list[Candidate] = []
        self.title = QLabel(objectName="call.duplicatesTitle")
        self.title.setStyleSheet("color: #ad1457; font-weight: bold;")
        self.list = QListWidget(objectName="call.duplicates")
        self.list.setMinimumHeight(44)  # two rows; the form above keeps its room
        self.list.setMaximumHeight(96)
        self.list.itemDoubleClicked.connect(lambda _item: self.chosen.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_AFTER_MS)
        self._timer.timeout.connect(self.check)
        self.show_candidates([])

    # ---- checking ----------------------------------------------------------------------
    def schedule(self) -> None:
        """The form changed: check again after a pause in typing."""
        if self.isVisible():
            self._timer.start()

    def check(self, then: Callable[[list[Candidate]], None] | None = None) -> None:
        """Check now; ``then(candidates)`` once the list is up to date (at once if it is).

        A failed check (the database unreachable) counts as no candidates, so
        saving during an outage is not held up; the list says nothing then."""
        self._timer.stop()
        probe = self._probe()
        if then is not None and probe == self._checked and not self._waiting:
            then(self._found)
            return
        if then is not None:
            self._waiting.append(then)
        if not (probe.phone_e164 or probe.text.strip() or probe.grid_code):
            self._done(probe, [])
            return

        # However a check fails, a save waiting for it goes on (an outage must not
        # hold up journaling); a check cancelled at shutdown releases nothing.
        def failed(exc: ConsoleError) -> None:
            log.info("duplicate check failed (%s); no candidates shown", exc)
            self._done(probe, [])

        def ended(task: asyncio.Task[list[Candidate]]) -> None:
            # A bug (not a ConsoleError): the runner reports it; the save goes on.
            if (task is self._task and not task.cancelled()
                    and task.exception() is not None
                    and not isinstance(task.exception(), ConsoleError)):
                self._done(probe, [])

        self._task = self._slot.run(duplicates.candidates(self._store, probe),
                                    lambda found: self._done(probe, found), failed)
        self._task.add_done_callback(ended)

    def _done(self, probe: Probe, found: list[Candidate]) -> None:
        self._checked = probe
        self.show_candidates(found)
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then(found)

    def stop(self) -> None:
        """Forget the form: no check due, a check under way is ignored."""
        self._timer.stop()
        self._slot.supersede()
        self._task = None
        self._waiting = []
        self._checked = None
        self.show_candidates([])

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden (or closed) pane runs no checks; the next change schedules one again.
        self._timer.stop()
        super().hideEvent(event)

    # ---- showing -----------------------------------------------------------------------
    def show_candidates(self, found: list[Candidate]) -> None:
        self._found = found
        self.list.clear()
        reasons = {"caller": self.tr("同一来电人"), "place": self.tr("同网格同类"),
                   "text": self.tr("内容相似")}
        for candidate in found:
            why = "、".join(reasons[r] for r in candidate.reasons)
            item = QListWidgetItem(f"{candidate.public_no}  {texts.status_name(candidate.status)}"
                                   f"  [{why}]  {candidate.text[:40]}")
            item.setData(Qt.ItemDataRole.UserRole, candidate)
            item.setToolTip(candidate.text)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
            self.title.setText(self.tr(
                "疑似重复 {n} 件：按 F8 将本次来电记为所选案件的重复件").format(n=len(found)))
        self.title.setVisible(bool(found))
        self.list.setVisible(bool(found))

    def current(self) -> Candidate | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_id(self) -> uuid.UUID | None:
        candidate = self.current()
        return candidate.id if candidate else None
