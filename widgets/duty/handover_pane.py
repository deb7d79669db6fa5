"""The handover pane (交接班): pick a shift (widgets/duty/handover_picker.py),
read its summary (cases, escalation orders, roll calls and their follow-ups),
let the outgoing leader write notes and hand over, and the incoming leader
sign it off. Signed handovers are kept read-only; the last 30 days are listed
in a tab beside the summary (widgets/duty/handover_history.py), where moving
to a row shows that shift's notes and state, and Enter reads its summary.

What the leader is typing is never overwritten by a live update: the typed
notes stay, and a line says who changed the record meanwhile. Every change, a
hand-over or signature made here included, is shown from the change feed (a
``FeedFollower``; "保存中…" while a write waits for it; what the events made stale:
widgets/duty/handover_follow.py); reads of the picked shift share one ``TaskSlot``,
so a newer pick voids an older answer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, ConsoleError, ValidationError
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.duty import handover
from console.duty.duty_setup import Setup, ShiftRow, load_setup
from console.duty.handover import Handover
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.duty.handover_follow import HandoverStaleness
from widgets.duty.handover_form import HandoverForm, StateLine
from widgets.duty.handover_history import HandoverHistory
from widgets.duty.handover_picker import Key, ShiftPicker
from widgets.duty.handover_summary import SummaryView, when_text

RELOAD_DELAY_MS = 300
HISTORY_DAYS = 30
WRITERS = frozenset({"shift_leader", "admin"})


class HandoverPane(QWidget):
    shown = Signal(object)  # the Handover now on screen

    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverPane")
        self._store, self._runner = store, runner
        self._setup: Setup | None = None
        self._shown: Handover | None = None
        self._slot, self._history_slot = TaskSlot(runner), TaskSlot(runner)
        self._busy = self._closed = False

        self.picker = ShiftPicker()
        self.state = StateLine(objectName="handover.state")
        self.summary = SummaryView()
        self.form = HandoverForm(self.summary.font())
        self.notes = self.form.notes  # where the pane's go-to key puts the keyboard
        self.message = QLabel(objectName="handover.message", wordWrap=True)
        self.message.setStyleSheet("color:#b71c1c;")
        self.saving = QLabel(self.tr("保存中…"), objectName="handover.saving", visible=False)
        self.history = HandoverHistory(self._shift_name)
        self.pages = QTabWidget(objectName="handover.pages")
        self.pages.addTab(self.summary, self.tr("交接班摘要"))
        self.pages.addTab(self.history, self.tr("近 30 天交接班记录"))
        self._layout()

        self.picker.picked.connect(self._fetch)
        self.picker.current_requested.connect(self.load)
        self.form.submit_button.clicked.connect(self.submit)
        self.form.sign_button.clicked.connect(self.sign)
        self.history.chosen.connect(self._history_picked)
        self.history.open_requested.connect(lambda _index: self._read_summary())
        self.follower = FeedFollower(runner, feed, self._wants, self._reload,
                                     delay_ms=RELOAD_DELAY_MS, parent=self)
        self.follower.saving_changed.connect(self.saving.setVisible)
        self.stale = HandoverStaleness(self)
        self.stale.cases_due.connect(self._cases_due)
        self._update_controls()

    def _layout(self) -> None:
        picker = QHBoxLayout()
        picker.addWidget(self.picker)
        picker.addSpacing(16)
        picker.addWidget(self.state, 1)
        body = QHBoxLayout()
        body.addWidget(self.pages, 3)
        body.addWidget(self.form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.saving)
        layout.addLayout(bottom)

    # ---- choosing the shift ---------------------------------------------------------------
    def load(self) -> None:
        """Show the shift running now (by the server's clock) and the history."""
        if self._setup is None:
            self._runner.run(load_setup(self._store), self._set_setup, self._failed)
            return
        current = self._setup.current_shift(self._store.clock.now())
        if current is None:
            self.message.setText(self.tr("现在不在任何班次时间内：请在班次设置中检查班次"))
            return
        self._select(*current)
        self._load_history()

    def _set_setup(self, setup: Setup) -> None:
        self._setup = setup
        self.picker.set_setup(setup)
        self.load()

    def _select(self, day: dt.date, row: ShiftRow) -> None:
        self.picker.select(day, row)
        self._fetch()

    def _fetch(self) -> None:
        """Read the picked shift's handover (a fresh pick: older answers are dropped)."""
        key = self.picker.key()
        if key is None:
            return
        if self._shown is not None:
            self.form.keep_draft(self._key(self._shown))
        day, shift_id = key
        self._shown = None
        self.message.clear()
        self.form.remark.clear()
        self.state.setText(self.tr("正在读取…"))
        self._update_controls()
        self._slot.run(handover.draft(self._store, day, shift_id),
                       lambda h: self._arrived(h, fresh=True), self._failed)

    # ---- live updates ---------------------------------------------------------------------
    def _wants(self, events: list[Event]) -> bool:
        """A hidden pane reads again when shown; one read per burst of events, and
        for case events at most one every CASES_EVERY_MS."""
        return self.stale.note(events, self._shown) and self.isVisible()

    def _cases_due(self) -> None:
        if self.isVisible():
            self.follower.request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale.any:
            self.follower.request()

    def shutdown(self) -> None:
        self._closed = True
        self.stale.stop()
        self.follower.stop()

    async def _reload(self) -> None:
        reads = [self._load_history()] if self.stale.history else []
        if self.stale.record and self._shown is not None:
            self.stale.record = False
            shown = self._shown
            reads.append(self._slot.run(handover.draft(self._store, shown.shift_day,
                                                       shown.shift_id),
                                        lambda h: self._arrived(h, fresh=False), self._failed))
        if reads:
            await asyncio.wait(reads)

    # ---- showing ---------------------------------------------------------------------------
    def _arrived(self, record: Handover, *, fresh: bool) -> None:
        if self._closed:
            return
        was = self._shown
        kept = self.form.take_draft(self._key(record)) if fresh else self.form.typed()
        changed = was is not None and (was.id, was.version) != (record.id, record.version)
        self._show(record, kept, why="restored" if fresh else "changed" if changed else "")

    def _show(self, record: Handover, kept: str | None = None, *, why: str = "") -> None:
        """Show ``record``; ``kept`` is the leader's own unsaved text, which stays."""
        self._shown, theirs, text = record, "", record.notes
        if kept is not None and kept != record.notes:
            text = kept
            theirs = record.notes if record.id is not None and not record.signed else ""
            if why:
                self.form.tell(record, why, self._when)
        else:
            self.form.notice.hide()
        self.form.show_notes(text, record.notes)
        if record.signed:
            self.form.remark.setText(record.incoming_notes)
        self.summary.show_handover(record, theirs)
        self.state.show_record(record, self._when)
        self._update_controls()
        self.shown.emit(record)

    def shown_summary(self) -> dict[str, Any]:
        """The figures on screen (empty before the first read)."""
        return self._shown.summary if self._shown is not None else {}

    def _update_controls(self) -> None:
        record, can_write = self._shown, bool(WRITERS & self._store.roles)
        open_ = record is not None and not record.signed and can_write and not self._busy
        self.form.allow(write=open_, sign=open_ and record is not None and record.id is not None,
                        can_write=can_write)

    # ---- writing --------------------------------------------------------------------------
    def submit(self) -> None:
        record = self._shown
        if record is None or record.signed:
            return
        self._write(handover.hand_over(self._store, record.shift_day, record.shift_id,
                                       self.notes.toPlainText(), record.version),
                    self.tr("已提交交班，待接班值班长签字"))

    def sign(self) -> None:
        record = self._shown
        if record is None or record.id is None or record.version is None:
            return
        self._write(handover.sign_off(self._store, record.id, record.version,
                                      self.form.remark.text()), self.tr("已签字接班"))

    def _write(self, operation: Any, done_text: str) -> None:
        self._busy = self.stale.record = self.stale.history = True  # the reload after it reads
        self._update_controls()

        def done(_saved: Handover) -> None:  # shown from the feed by now
            self._busy = False
            if not self._closed:
                self._update_controls()
                self.message.setText(done_text)
                self.message.setStyleSheet("color:#1b5e20;")

        def failed(exc: ConsoleError) -> None:
            self._busy = False
            self._failed(exc)
            if isinstance(exc, ConflictError) or (isinstance(exc, ValidationError)
                                                  and exc.errors[0].field == "handover"):
                self.follower.reload_now()  # show what is saved now; the typed notes stay

        self.follower.save(operation, done, failed)

    def _failed(self, exc: ConsoleError) -> None:
        if self._closed:
            return
        self.message.setText(texts.problem_text(exc))
        self.message.setStyleSheet("color:#b71c1c;")
        self._update_controls()

    # ---- history --------------------------------------------------------------------------
    def _load_history(self) -> asyncio.Task[Any]:
        self.stale.history = False
        today = self._store.clock.now().astimezone(CENTRE_TZ).date()
        since = today - dt.timedelta(days=HISTORY_DAYS - 1)
        return self._history_slot.run(handover.history(self._store, since, today),
                                      self._set_history, self._failed)

    def _set_history(self, rows: list[Handover]) -> None:
        if not self._closed and self._setup is not None:
            self.history.set_rows(rows)  # the latest shift first

    def _history_picked(self, record: Handover) -> None:
        # Focus passing to the table also moves the current row: only a row of
        # another shift is a pick.
        if self._setup is not None and self._key(record) != self.picker.key():
            self._select(record.shift_day, self._setup.shift(record.shift_id))

    def _read_summary(self) -> None:
        """Enter on a row of the history: its shift's summary."""
        self.pages.setCurrentWidget(self.summary)
        self.summary.setFocus()

    # ---- words -----------------------------------------------------------------------------
    @staticmethod
    def _key(record: Handover) -> Key:
        return record.shift_day, record.shift_id

    def _shift_name(self, shift_id: int) -> str:
        row = next((r for r in self._setup.shifts if r.id == shift_id), None) \
            if self._setup else None
        return row.shift.name if row else str(shift_id)

    def _when(self, value: dt.datetime | None) -> str:
        return when_text(value, self._store.clock.now().astimezone(CENTRE_TZ).date())
