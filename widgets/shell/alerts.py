"""Alerts at the seat: gathered from the change feed, the countdowns and the
open orders, coalesced (console/supervision/alerts.py), then shown as one notice: a line in
the status bar, a desktop notification where the desktop has one, an optional
sound, and the cases in bold in the queue and the countdown panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from console.core import events as ev
from console.core.clock import Clock
from console.core.feed import Event
from console.core.store import Store
from console.seat_settings import ALERT_KINDS, ALERT_SOUND, SeatSettings
from console.supervision.alerts import (
    NEW_A_CLASS,
    OVERDUE,
    REPLY_DUE,
    Alert,
    Coalescer,
    Notice,
    new_a_class,
)
from widgets.casework.case_model import CaseTableModel
from widgets.casework.countdown_panel import CountdownModel
from widgets.common.tables import RecordTableModel
from widgets.common.tasks import TaskRunner

HIGHLIGHT = dt.timedelta(minutes=10)
# A case made just before this seat began to watch (its event still on the way)
# is still new to it.
WATCH_MARGIN = dt.timedelta(minutes=1)


def _t(text: str) -> str:
    return QCoreApplication.translate("AlertCenter", text)


def notice_text(notice: Notice) -> str:
    parts = {NEW_A_CLASS: _t("新 A 类案件 {n} 件"), OVERDUE: _t("新超时 {n} 件"),
             REPLY_DUE: _t("督办回复到期 {n} 件")}
    return "；".join(parts[k].format(n=n) for k, n in notice.counts.items())


class AlertCenter(QObject):

    def __init__(self, store: Store, runner: TaskRunner, clock: Clock, settings: SeatSettings,
                 queue: CaseTableModel, countdown: CountdownModel, orders: RecordTableModel,
                 show: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._runner = store, runner
        self._clock, self._settings = clock, settings
        self._watching_since = clock.now() - WATCH_MARGIN
        self._queue, self._countdown, self._orders, self._show = queue, countdown, orders, show
        self.coalescer = Coalescer(wanted=set(settings.get(ALERT_KINDS)))
        self.sound = settings.get(ALERT_SOUND)
        self._last = clock.now()
        self._tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    # ---- what each seat wants ------------------------------------------------------------
    def wants(self, kind: str) -> bool:
        return kind in self.coalescer.wanted

    def set_wanted(self, kind: str, wanted: bool) -> None:
        (self.coalescer.wanted.add if wanted else self.coalescer.wanted.discard)(kind)
        self._settings.set(ALERT_KINDS, tuple(sorted(self.coalescer.wanted)))

    def set_sound(self, on: bool) -> None:
        self.sound = on
        self._settings.set(ALERT_SOUND, on)

    # ---- sources ----------------------------------------------------------------------------
    def apply_events(self, events: Sequence[Event]) -> None:
        """New cases are looked up in the database: an event's payload is not
        trusted for what an alert says (anyone who may write events could forge one)."""
        created = {e.case_id for e in events
                   if e.kind == ev.Kind.CREATED and e.case_id is not None}
        if created and self.wants(NEW_A_CLASS):
            self._runner.run(new_a_class(self._store, created, self._watching_since),
                             self._add)

    def _add(self, alerts: list[Alert]) -> None:
        now = self._clock.now()
        for alert in alerts:
            self.coalescer.add(alert, now)

    def check(self) -> None:
        """Once a second: what crossed a deadline since the last look; then maybe a notice."""
        now = self._clock.now()
        for entry in self._countdown.newly_overdue(self._last, now):
            self.coalescer.add(Alert(OVERDUE, entry.id, entry.public_no), now)
        for row in range(self._orders.rowCount()):
            order = self._orders.record(row)
            if order.reply_due_at is not None and self._last < order.reply_due_at <= now:
                self.coalescer.add(Alert(REPLY_DUE, order.case_id, order.public_no), now)
        self._last = now
        notice = self.coalescer.due(now)
        if notice is not None:
            self.deliver(notice)

    def deliver(self, notice: Notice) -> None:
        text = notice_text(notice)
        ids = {a.case_id for a in notice.alerts}
        until = self._clock.now() + HIGHLIGHT
        self._queue.highlight(ids, until)
        self._countdown.highlight(ids, until)
        self._show(text)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                self._tray.show()
            self._tray.showMessage(_t("热线坐席提醒"), text)
        if self.sound:
            QApplication.beep()

    def shutdown(self) -> None:
        self.timer.stop()
