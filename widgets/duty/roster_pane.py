"""The duty roster pane (排班): the month at a glance (a row per day: the team on
each shift with its head count and leave, the team resting), the selected
day's entries with the edits a shift leader makes (leave with a stand-in,
swap, replace, remove), who is on duty now, and the month's export to Excel
and PDF.

The pane reads (each of the month and the day in a ``TaskSlot``; who is on duty
now: roster_on_duty.py) and its parts show: the views (roster_views.py), the tabs
(roster_tabs.py), the edits and the month's commands (roster_actions.py,
roster_month_actions.py), which know the pane only as a ``RosterHost``. An edit is saved against the
version of the day its entry was read with; a lost race says who changed the day
first and shows it again. Every change, made here or at another seat, is shown
from the change feed (a ``FeedFollower``, one reload per burst: roster_feed.py
says what it touched); an edit made here is not read back ("保存中…" meanwhile).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.duty import roster
from console.duty.duty_setup import Setup, load_setup
from console.duty.roster import Duty, MonthCell
from console.duty.roster_rules import listing_order
from console.duty.rotation import month_days
from widgets.common import commands, forms, texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.duty.roster_actions import RosterActions
from widgets.duty.roster_entry_model import Names
from widgets.duty.roster_feed import touched
from widgets.duty.roster_month_actions import RosterMonthActions
from widgets.duty.roster_month_model import RosterMonthModel
from widgets.duty.roster_on_duty import OnDutyNow
from widgets.duty.roster_tabs import DayTab, OnDutyTab
from widgets.duty.roster_views import MonthBar, MonthGrid, RosterSplit

RELOAD_DELAY_MS = 200
ON_DUTY_EVERY_MS = 60_000
ERROR_STYLE = forms.ERROR_STYLE + " font-weight: bold;"
MonthRead = tuple[Setup, dict[tuple[dt.date, int], MonthCell]]


class RosterPane(QWidget):
    month_loaded = Signal()        # the month grid shows the month read last
    day_loaded = Signal(object)    # dt.date: the day table shows that day
    on_duty_loaded = Signal()
    exported = Signal(str)         # the path of a finished export

    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPane")
        self.store, self.runner = store, runner
        self.setup: Setup | None = None
        self.names = Names(store.clock.now)  # of self.setup, for the lists
        self.year, self.month = 2000, 1
        self.today = dt.date(2000, 1, 1)
        self.day: dt.date | None = None
        self.day_version = 0
        self._month_slot, self._day_slot = TaskSlot(runner), TaskSlot(runner)
        self._day_task: asyncio.Task[Any] | None = None  # the newest read of the day
        self._pending: set[str] = set()  # what the feed's events touched: setup, month, day…
        self._after_day: list[Callable[[int], None]] = []  # told the next day version read
        self._loaded = False
        self._empty_note = ""  # the message saying the shown month has no roster yet
        self.edits = RosterActions(self, self)
        self.month_actions = RosterMonthActions(self, self)
        self.month_actions.exported.connect(self.exported)
        self._build()
        self.follower = FeedFollower(runner, feed, self._wants, self._follow,
                                     delay_ms=RELOAD_DELAY_MS, parent=self)
        self.follower.saving_changed.connect(self.saving.setVisible)
        self._minute = QTimer(self, interval=ON_DUTY_EVERY_MS)
        self._minute.timeout.connect(self._tick)

    # ---- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.bar = MonthBar()
        self.bar.stepped.connect(self.show_month)
        self.bar.generate_requested.connect(
            lambda: self.month_actions.generate(self.year, self.month))
        self.bar.export_requested.connect(lambda kind: self.month_actions.ask_path(
            self.year, self.month, kind,
            lambda path: self.month_actions.export(self.year, self.month, kind, path)))

        self.month_model = RosterMonthModel(self)
        self.month_view = MonthGrid(self.month_model)
        self.month_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._day_chosen(self.month_model.day(current.row())))

        self.day_tab = DayTab(self.names, self.edits, lambda: self.day_version)
        self.on_duty_tab = OnDutyTab(self.names)
        self.on_duty = OnDutyNow(self.store, self.runner, self.on_duty_tab,
                                 self.month_model.day_text, self.failed, self)
        self.on_duty.loaded.connect(self.on_duty_loaded)
        self.tabs = QTabWidget(objectName="roster.tabs")
        self.tabs.addTab(self.day_tab, self.tr("当日排班"))
        self.tabs.addTab(self.on_duty_tab, self.tr("当前在岗"))
        self.split = split = RosterSplit(self.month_view, self.tabs)
        self.message = QLabel(objectName="roster.message")
        self.message.setWordWrap(True)
        self.saving = QLabel(self.tr("保存中…"), objectName="roster.saving")
        self.saving.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.saving)
        self._update_enabled()

    def _update_enabled(self) -> None:
        for button in (self.bar.generate_button, *self.day_tab.buttons):
            button.setEnabled(commands.allowed(button.objectName(), self.store.roles))

    # ---- messages ---------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def failed(self, exc: ConsoleError) -> None:
        self.say(texts.problem_text(exc), error=True)

    # ---- loading ----------------------------------------------------------------------
    def load(self) -> None:
        """Show the current month (by the centre's clock), today selected."""
        now = self.store.clock.now().astimezone(CENTRE_TZ)
        self.today, self.day = now.date(), now.date()
        self.year, self.month = now.year, now.month
        self._loaded = True
        self._update_enabled()
        self._load_month(with_setup=True)  # then who is on duty now
        if self.isVisible():
            self._minute.start()

    def show_month(self, step: int) -> None:
        """The month before (-1), after (+1), or the current month (0)."""
        if step == 0:
            self.year, self.month = self.today.year, self.today.month
        else:
            index = self.year * 12 + self.month - 1 + step
            self.year, self.month = index // 12, index % 12 + 1
        self.day = self.today if (self.today.year, self.today.month) == (
            self.year, self.month) else dt.date(self.year, self.month, 1)
        self._load_month()

    def reload(self) -> None:
        """Read the shown month and the selected day (and who is on duty) again."""
        self.follower.reload_now()

    def _load_month(self, *, with_setup: bool = False) -> asyncio.Task[Any]:
        year, month = self.year, self.month
        self.bar.show_month(year, month)

        async def read() -> MonthRead:
            setup = self.setup if self.setup and not with_setup else await load_setup(self.store)
            cells, _versions = await roster.month_plan(self.store, year, month)
            return setup, cells

        return self._month_slot.run(read(), lambda result: self._show_month(*result),
                                    self.failed)

    def _show_month(self, setup: Setup, cells: dict[tuple[dt.date, int], MonthCell]) -> None:
        days = month_days(self.year, self.month)
        if setup == self.setup and self.month_model.shows(days):
            self.month_model.update_cells(cells)
        else:
            changed, self.setup = setup != self.setup, setup
            self.names.setup = setup
            self.month_model.set_month(setup, days, cells, self.today)
            if changed:  # names and shifts as the lists show them
                self.day_tab.view.viewport().update()
                self.load_on_duty()
        self.month_model.set_today(self.today)
        note = self.tr("{y}年{m}月尚未排班：按「生成本月排班」按轮班规则生成").format(
            y=self.year, m=self.month) if self.month_model.is_empty() else ""
        if note or self.message.text() == self._empty_note:
            self.say(note)
        self._empty_note = note
        row = self.month_model.row_of(self.day)
        if row is not None and self.month_view.currentIndex().row() != row:
            self.month_view.setCurrentIndex(self.month_model.index(row, 0))  # loads the day
            self.month_view.scrollTo(self.month_model.index(row, 0))
        else:
            self.load_day()
        self.month_loaded.emit()

    def _day_chosen(self, day: dt.date | None) -> None:
        if day is not None and day != self.day:
            self.day = day
        self.load_day()

    def load_day(self, then: Callable[[int], None] | None = None) -> None:
        """Read the selected day's entries (and its version) again."""
        if then is not None:
            self._after_day.append(then)
        if self.day is None:
            return
        day = self.day

        def done(result: tuple[list[Duty], int]) -> None:
            entries, self.day_version = result
            self._show_day(day, entries)
            waiting, self._after_day = self._after_day, []
            for told in waiting:
                told(self.day_version)
            self.day_loaded.emit(day)

        self._day_task = self._day_slot.run(roster.day_entries(self.store, day), done,
                                            self.failed)

    def _show_day(self, day: dt.date, entries: list[Duty]) -> None:
        ordered = listing_order(self.setup, entries) if self.setup else entries
        self.day_tab.show_day(self.month_model.day_text(day), ordered)

    def load_on_duty(self) -> asyncio.Task[Any] | None:
        """Read who is on duty now (once the shift templates are known)."""
        return self.on_duty.load(self.setup)

    # ---- live updates -----------------------------------------------------------------
    def _wants(self, events: list[Event]) -> bool:
        """What a roster or shift change touched is read again (after a short pause)."""
        self._pending |= touched(events, self.year, self.month, self.day)
        return bool(self._pending) and self._loaded

    async def _follow(self) -> None:
        """Read what the feed's events touched (the month and who is on duty when asked
        without events: ``reload``, a save with no feed)."""
        pending, self._pending = self._pending or {"month", "on_duty"}, set()
        if not self._loaded:
            return
        if pending & {"setup", "month"}:  # the month's read starts the day's
            await asyncio.wait([self._load_month(with_setup="setup" in pending)])
        elif "day" in pending:
            self.load_day()
        reads = [self._day_task, self.load_on_duty() if "on_duty" in pending else None]
        waiting = [task for task in reads if task is not None and not task.done()]
        if waiting:
            await asyncio.wait(waiting)

    def _tick(self) -> None:
        today = self.store.clock.now().astimezone(CENTRE_TZ).date()
        if today != self.today:
            self.today = today
            self.month_model.set_today(today)
        self.day_tab.model.clock_moved()  # who of the day's list is on duty now
        self.load_on_duty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self._minute.start()
            self.load_on_duty()

    def hideEvent(self, event: QHideEvent) -> None:
        self._minute.stop()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self._loaded = False
        self.follower.stop()
        self._minute.stop()

    # ---- what the actions need (RosterHost) ---------------------------------------------
    def run(self, coro: Coroutine[Any, Any, Any], done: Callable[[Any], None],
            failed: Callable[[ConsoleError], object] | None = None) -> None:
        self.runner.run(coro, done, failed or self.failed)

    def save(self, write: Coroutine[Any, Any, Any], done: Callable[[Any], None],
             failed: Callable[[ConsoleError], object] | None = None) -> None:
        def refused(exc: ConsoleError) -> None:
            (failed or self.failed)(exc)
        self.follower.save(write, done, refused)

    def day_text(self, day: dt.date) -> str:
        return self.month_model.day_text(day)

    def changed(self, then: Callable[[int], None] | None = None) -> None:
        """Read the shown month and day again; ``then`` is told the day's new version."""
        if then is not None:
            self._after_day.append(then)
        self.reload()
