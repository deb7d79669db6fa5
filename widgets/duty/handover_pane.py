"""The handover pane (交接班): pick a shift, read its summary (cases, escalation
orders, roll calls and their follow-ups), let the outgoing leader write notes
and hand over, and the incoming leader sign it off. Signed handovers are kept
read-only; the last 30 days are listed below.

What the leader is typing is never overwritten by a live update: the typed
notes stay, and a line says who changed the record meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, ConsoleError, ValidationError
from console.core.feed import Event
from console.core.store import Store
from console.duty import handover, roll_calls
from console.duty.duty_setup import Setup, ShiftRow, load_setup
from console.duty.handover import Handover
from widgets.common import texts
from widgets.common.form_keys import submit_with_ctrl_enter
from widgets.common.tables import RecordTableModel
from widgets.common.tasks import TaskRunner
from widgets.duty.handover_summary import SummaryView, hm, span

RELOAD_DELAY_MS = 300
HISTORY_DAYS = 30
WRITERS = frozenset({"shift_leader", "admin"})
STATE_STYLE = {"open": "color:#8a4b00;", "pending": "color:#0d47a1;", "signed": "color:#1b5e20;"}
Key = tuple[dt.date, int]


class HandoverPane(QWidget):
    shown = Signal(object)  # the Handover now on screen

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverPane")
        self._store, self._runner = store, runner
        self._setup: Setup | None = None
        self._shown: Handover | None = None
        self._ticket = 0  # a newer pick makes older answers stale
        self._drafts: dict[Key, str] = {}  # notes typed for a shift and not submitted
        self._busy = self._stale = self._history_stale = self._closed = False
        self._base = ""  # the notes as saved: anything else in the box was typed here

        self.day = QDateEdit(objectName="handover.day", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.shift = QComboBox(objectName="handover.shift")
        self.shift.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.prev_button = QPushButton(self.tr("上一班"), objectName="handover.prev")
        self.next_button = QPushButton(self.tr("下一班"), objectName="handover.next")
        self.current_button = QPushButton(self.tr("本班"), objectName="handover.current")
        self.state = QLabel(objectName="handover.state")
        self.summary = SummaryView(objectName="handover.summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # read at the end of a night shift
        self.summary.setFont(font)
        # Tables of width 100% come out a pixel wider than the page; the text wraps anyway.
        self.summary.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary.setOpenLinks(False)
        self.notes = QPlainTextEdit(objectName="handover.notes")
        self.notes.setFont(font)
        self.notes.setPlaceholderText(self.tr("交班事项：需下一班跟进的案件、缺岗处理情况、设备与其他情况"))  # noqa: E501
        self.notice = QLabel(objectName="handover.notice", wordWrap=True)
        self.notice.setStyleSheet("background:#fff3cd; color:#5d4000; padding:4px;")
        self.notice.hide()
        self.submit_button = QPushButton(self.tr("提交交班"), objectName="handover.submit")
        # Tab leaves the notes; Ctrl+Enter in them hands over (not while the button is off)
        submit_with_ctrl_enter(self.notes, self.submit_button.click, self.submit_button)
        self.remark = QLineEdit(objectName="handover.remark")
        self.remark.setPlaceholderText(self.tr("接班意见（可不填）"))
        self.sign_button = QPushButton(self.tr("接班签字"), objectName="handover.sign")
        self.message = QLabel(objectName="handover.message", wordWrap=True)
        self.message.setStyleSheet("color:#b71c1c;")
        self.history_model = RecordTableModel([
            (self.tr("日期"), lambda h: h.shift_day.isoformat()),
            (self.tr("班次"), self._shift_name),
            (self.tr("交班人"), lambda h: h.outgoing_leader or ""),
            (self.tr("接班人"), lambda h: h.incoming_leader or self.tr("待签收")),
            (self.tr("签收时间"), lambda h: hm(h.signed_at and h.signed_at.isoformat(),
                                                 "%m-%d %H:%M")),
        ], lambda h: None if h.signed else QColor("#e65100"), self)
        self.history = QTableView(objectName="handover.history")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._layout()

        self.day.dateChanged.connect(lambda _d: self._picked())
        self.shift.currentIndexChanged.connect(lambda _i: self._picked())
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.current_button.clicked.connect(self.load)
        self.submit_button.clicked.connect(self.submit)
        self.sign_button.clicked.connect(self.sign)
        self.history.selectionModel().currentRowChanged.connect(
            lambda index, _old: self._history_picked(index.row()))
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload)
        self._update_controls()

    def _layout(self) -> None:
        picker = QHBoxLayout()
        for widget in (QLabel(self.tr("班次")), self.day, self.shift, self.prev_button,
                       self.next_button, self.current_button):
            picker.addWidget(widget)
        picker.addSpacing(16)
        picker.addWidget(self.state, 1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("交班内容（交班值班长填写）")))
        side.addWidget(self.notes, 3)
        side.addWidget(self.notice)
        side.addWidget(self.submit_button)
        side.addSpacing(8)
        side.addWidget(QLabel(self.tr("接班签字（接班值班长）")))
        sign = QHBoxLayout()
        sign.addWidget(self.remark, 1)
        sign.addWidget(self.sign_button)
        side.addLayout(sign)
        side.addSpacing(8)
        side.addWidget(QLabel(self.tr("近 30 天交接班记录（选中一行查看）")))
        side.addWidget(self.history, 2)
        body = QHBoxLayout()
        body.addWidget(self.summary, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

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
        self.shift.blockSignals(True)  # filling the list is not a pick
        self.shift.clear()
        for row in setup.shifts:
            start, end = row.shift.interval(dt.date(2000, 1, 1))
            self.shift.addItem(f"{row.shift.name} {span(start, end)}", row.id)
        self.shift.blockSignals(False)
        self.load()

    def _select(self, day: dt.date, row: ShiftRow) -> None:
        for widget in (self.day, self.shift):
            widget.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.shift.setCurrentIndex(self.shift.findData(row.id))
        for widget in (self.day, self.shift):
            widget.blockSignals(False)
        self._fetch()

    def _picked(self) -> None:
        if self._setup is not None and self.shift.currentData() is not None:
            self._fetch()

    def _step(self, direction: int) -> None:
        if self._setup is None or self.shift.currentData() is None:
            return
        day, row = self._picked_key(), self._setup.shift(self.shift.currentData())
        if direction > 0:
            found = self._setup.next_shift(day[0], row)
        else:
            start = row.shift.interval(day[0])[0].replace(tzinfo=CENTRE_TZ)
            found = self._setup.current_shift(start - dt.timedelta(minutes=1))
        if found is not None:
            self._select(*found)

    def _picked_key(self) -> Key:
        return self.day.date().toPython(), int(self.shift.currentData())  # type: ignore[return-value]

    def _fetch(self) -> None:
        """Read the picked shift's handover (a fresh pick: older answers are dropped)."""
        if self._shown is not None and self._edited():
            self._drafts[self._key(self._shown)] = self.notes.toPlainText()
        self._ticket += 1
        ticket, (day, shift_id) = self._ticket, self._picked_key()
        self._shown = None
        self.message.clear()
        self.remark.clear()
        self.state.setText(self.tr("正在读取…"))
        self._update_controls()
        self._runner.run(handover.draft(self._store, day, shift_id),
                         lambda h: self._arrived(h, ticket, fresh=True), self._failed)

    # ---- live updates ---------------------------------------------------------------------
    def apply_events(self, events: Sequence[Event]) -> None:
        shown, reload = self._shown, False
        for event in events:
            if event.kind == handover.EVENT:
                self._history_stale = True
                reload = reload or (shown is not None
                                    and event.payload.get("day") == shown.shift_day.isoformat()
                                    and event.payload.get("shift_id") == shown.shift_id)
            elif shown is not None and shown.id is None and (
                    event.kind == roll_calls.EVENT or event.case_id is not None):
                reload = True  # an unsaved summary follows the records
        self._stale = self._stale or reload
        if self.isVisible():  # a hidden pane reads again when shown
            self._schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def _schedule(self) -> None:
        """One read per burst of events: the timer is not restarted while it runs."""
        if (self._stale or self._history_stale) and not self._reload_timer.isActive():
            self._reload_timer.start()

    def shutdown(self) -> None:
        self._closed = True
        self._reload_timer.stop()

    def _reload(self) -> None:
        if self._history_stale:
            self._load_history()
        if self._stale and self._shown is not None:
            self._stale = False
            ticket, shown = self._ticket, self._shown
            self._runner.run(handover.draft(self._store, shown.shift_day, shown.shift_id),
                             lambda h: self._arrived(h, ticket, fresh=False), self._failed)

    # ---- showing ---------------------------------------------------------------------------
    def _arrived(self, record: Handover, ticket: int, *, fresh: bool) -> None:
        if self._closed or ticket != self._ticket:
            return  # the leader has picked another shift meanwhile
        was = self._shown
        if fresh:
            kept = self._drafts.pop(self._key(record), None)
        else:
            kept = self.notes.toPlainText() if self._edited() else None
        changed = was is not None and (was.id, was.version) != (record.id, record.version)
        self._show(record, kept, why="restored" if fresh else "changed" if changed else "")

    def _show(self, record: Handover, kept: str | None = None, *, why: str = "") -> None:
        """Show ``record``; ``kept`` is the leader's own unsaved text, which stays."""
        self._shown, theirs, text = record, "", record.notes
        if kept is not None and kept != record.notes:
            text = kept
            theirs = record.notes if record.id is not None and not record.signed else ""
            if why:
                self._tell(record, why)
        else:
            self.notice.hide()
        if self.notes.toPlainText() != text:  # the cursor stays where the leader types
            self.notes.setPlainText(text)
        self._base = record.notes
        if record.signed:
            self.remark.setText(record.incoming_notes)
        self.summary.show_handover(record, theirs)
        self._show_state(record)
        self._update_controls()
        self.shown.emit(record)

    def _tell(self, record: Handover, why: str) -> None:
        if record.signed:
            line = self.tr("本班已由 {who} 签字接班，您输入的内容未能提交，仍留在输入框中供复制")
            line = line.format(who=record.incoming_leader or "?")
        elif why == "restored":
            line = self.tr("已恢复您在本班未提交的交班内容")
        else:
            line = self.tr("交班内容已被 {who} 更新（{at}），您正在输入的内容已保留；对方的内容见摘要末尾，请合并后再提交")  # noqa: E501
            line = line.format(who=record.outgoing_leader or "?", at=self._when(record.created_at))
        self.notice.setText(line)
        self.notice.show()

    def _show_state(self, record: Handover) -> None:
        if record.signed:
            kind, line = "signed", self.tr("已签收：{who} {at}（交班：{out}）").format(
                who=record.incoming_leader or "", at=self._when(record.signed_at),
                out=record.outgoing_leader or "")
        elif record.id is not None:
            kind, line = "pending", self.tr("已交班：{who} {at}，待接班签字").format(
                who=record.outgoing_leader or "", at=self._when(record.created_at))
        else:
            kind, line = "open", self.tr("未交班")
        self.state.setText(line)
        self.state.setStyleSheet(STATE_STYLE[kind] + "font-weight:bold; font-size:15px;")

    def _update_controls(self) -> None:
        record, can_write = self._shown, bool(WRITERS & self._store.roles)
        open_ = record is not None and not record.signed and can_write and not self._busy
        self.notes.setReadOnly(not open_)
        self.remark.setReadOnly(not open_)
        enabled = {self.submit_button: open_,
                   self.sign_button: open_ and record is not None and record.id is not None}
        if self.focusWidget() in enabled and not enabled[self.focusWidget()]:
            self.summary.setFocus()  # else Qt hands focus on to the history, moving its row
        for button, on in enabled.items():
            button.setEnabled(on)
        if not can_write:
            self.notes.setPlaceholderText(self.tr("只有值班长可以填写交班内容"))

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
        self._write(handover.sign_off(self._store, record.id, record.version, self.remark.text()),
                    self.tr("已签字接班"))

    def _write(self, operation: Any, done_text: str) -> None:
        ticket = self._ticket
        self._busy = True
        self._update_controls()

        def done(saved: Handover) -> None:
            self._busy = False
            if self._closed:
                return
            self._history_stale = True
            self._load_history()
            if ticket == self._ticket:
                self._show(saved)
                self.message.setText(done_text)
                self.message.setStyleSheet("color:#1b5e20;")

        def failed(exc: ConsoleError) -> None:
            self._busy = False
            self._failed(exc)
            if isinstance(exc, ConflictError) or (isinstance(exc, ValidationError)
                                                  and exc.errors[0].field == "handover"):
                self._stale = True  # show what is saved now; the typed notes stay
                self._reload()

        self._runner.run(operation, done, failed)

    def _failed(self, exc: ConsoleError) -> None:
        if self._closed:
            return
        self.message.setText(texts.problem_text(exc))
        self.message.setStyleSheet("color:#b71c1c;")
        self._update_controls()

    # ---- history --------------------------------------------------------------------------
    def _load_history(self) -> None:
        self._history_stale = False
        today = self._store.clock.now().astimezone(CENTRE_TZ).date()
        since = today - dt.timedelta(days=HISTORY_DAYS - 1)
        self._runner.run(handover.history(self._store, since, today),
                         self._set_history, self._failed)

    def _set_history(self, rows: list[Handover]) -> None:
        if self._closed or self._setup is None:
            return
        starts = {r.id: r.shift.starts for r in self._setup.shifts}
        self.history_model.set_rows(sorted(  # newest shift first
            rows, key=lambda h: (h.shift_day, starts.get(h.shift_id, dt.time())), reverse=True))

    def _history_picked(self, row: int) -> None:
        record = self.history_model.record(row)
        # Focus passing to the table (a disabled button hands it on) also moves the
        # current row: only a row of another shift is a pick.
        if record is not None and self._setup is not None \
                and self._key(record) != self._picked_key():
            self._select(record.shift_day, self._setup.shift(record.shift_id))

    # ---- words -----------------------------------------------------------------------------
    def _edited(self) -> bool:
        return self._shown is not None and self.notes.toPlainText() != self._base

    @staticmethod
    def _key(record: Handover) -> Key:
        return record.shift_day, record.shift_id

    def _shift_name(self, record: Handover) -> str:
        row = next((r for r in self._setup.shifts if r.id == record.shift_id), None) \
            if self._setup else None
        return row.shift.name if row else str(record.shift_id)

    def _when(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        local = value.astimezone(CENTRE_TZ)
        today = self._store.clock.now().astimezone(CENTRE_TZ).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"
