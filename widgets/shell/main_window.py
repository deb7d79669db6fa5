"""The main window: docked panes with stable names, a saved layout, commands."""

from __future__ import annotations

import random
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMainWindow, QTabWidget, QWidget

from console.answers import quick_answers
from console.app import ConsoleApp
from console.casework.lifecycle import UNIT
from console.seat_settings import LANGUAGE, SeatSettings
from console.supervision.alerts import NEW_A_CLASS, OVERDUE, REPLY_DUE
from widgets.answers.quick_answers import QuickAnswerPane
from widgets.casework.callback_desk import CallbackDesk
from widgets.casework.case_detail import CaseDetail
from widgets.casework.case_queue import CaseQueue
from widgets.casework.countdown_panel import CountdownPanel
from widgets.casework.verification_desk import VerificationDesk
from widgets.common import bugs
from widgets.common.tasks import TaskRunner
from widgets.duty.handover_pane import HandoverPane
from widgets.duty.roll_call_pane import RollCallPane
from widgets.duty.roster_pane import RosterPane
from widgets.hotline.call_screen import CallScreen
from widgets.shell.alerts import AlertCenter
from widgets.shell.commands import build_actions
from widgets.shell.dialogs import WindowDialogs
from widgets.shell.layout import WindowLayout, raise_dock
from widgets.shell.map_slot import MapSlot
from widgets.shell.settings import seat_settings
from widgets.shell.stats_slot import StatsSlot
from widgets.shell.status_line import StatusLine
from widgets.supervision.supervisor_board import SupervisorBoard
from widgets.units.units_pane import UnitsPane

if TYPE_CHECKING:  # the map and the statistics come after the first paint
    from widgets.map.map_pane import MapPane
    from widgets.stats.stats_pane import StatsPane


class MainWindow(QMainWindow):
    def __init__(self, console: ConsoleApp, settings: SeatSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        store, catalog, feed = console.store, console.catalog, console.feed
        self.setWindowTitle(self.tr("坪山区指挥中心 · 12345 热线坐席 — {user}").format(
            user=store.actor))
        self.console = console
        self.store, self.catalog, self.feed = store, catalog, feed
        # The statistics and reports read here: a read-only replica when the seat names
        # one, else the primary (console/core/read_source.py).
        self.reporting = console.reporting
        self.settings = settings or seat_settings()
        self.runner = TaskRunner(self)
        self.status = StatusLine(self.statusBar())
        self.runner.user_error.connect(self.status.user_error)
        bugs.channel().reported.connect(self.status.bug)
        self.dialogs = WindowDialogs(store, self.reporting, catalog, self.runner, feed, self)
        self.setDockNestingEnabled(True)

        self.call_screen = CallScreen(store, catalog, console.outbox, self.runner,
                                      locator=console.locator)
        self.queue = CaseQueue(store, catalog, self.runner, feed=feed)
        self.call_dock = self._dock("dock.call", self.tr("来电登记"), self.call_screen)
        self.queue_dock = self._dock("dock.queue", self.tr("案件队列"), self.queue)
        self.countdown = CountdownPanel(store, catalog, self.runner, feed=feed)
        self.countdown_dock = self._dock("dock.countdown", self.tr("倒计时"), self.countdown)
        self.quick_answers = QuickAnswerPane(store, self.runner, self,
                                             can_edit=quick_answers.may_edit(store.roles),
                                             catalog=catalog, feed=feed)
        self.answers_dock = self._dock("dock.quickAnswers", self.tr("秒回知识库"),
                                       self.quick_answers)
        self.quick_answers.answer_used.connect(
            lambda answer: self.call_screen.suggest_answer(answer.answer))
        self.board = SupervisorBoard(store, catalog, self.runner, feed=feed)
        self.board_dock = self._dock("dock.board", self.tr("督办台"), self.board)
        self.callbacks = CallbackDesk(store, catalog, self.runner, feed=feed)
        # Beside the callbacks, as a second tab: grid workers' reports, verified in the field.
        self.verifications = VerificationDesk(store, catalog, self.runner, feed=feed)
        self.after_care = QTabWidget(objectName="callbacks.tabs")
        self.after_care.setDocumentMode(True)  # no frame: the rows keep their room
        self.after_care.addTab(self.callbacks, self.tr("电话回访"))
        self.after_care.addTab(self.verifications, self.tr("现场核查"))
        self.callbacks_dock = self._dock("dock.callbacks", self.tr("回访与核查"), self.after_care)
        self.roster = RosterPane(store, self.runner, feed)
        self.roster_dock = self._dock("dock.roster", self.tr("排班"), self.roster)
        self.roll_call = RollCallPane(store, self.runner, feed)
        self.roll_call_dock = self._dock("dock.rollCall", self.tr("查岗点名"), self.roll_call)
        self.handover = HandoverPane(store, self.runner, feed)
        self.handover_dock = self._dock("dock.handover", self.tr("交接班"), self.handover)
        self.units = UnitsPane(store, catalog, self.runner, feed)
        self.units_dock = self._dock("dock.units", self.tr("承办单位"), self.units)
        # The map's pane comes after the first paint (widgets/shell/map_slot.py).
        self.map_dock = self._dock("dock.map", self.tr("地图"), None)
        self.map_slot = MapSlot(self, self.map_dock)
        self.stats_dock = self._dock("dock.stats", self.tr("统计分析"), None)
        self.stats_slot = StatsSlot(self, self.stats_dock)
        self.layout_keeper = WindowLayout(self, self.settings, store.roles)

        console.on_link_change = self.status.set_link_state
        console.outbox.on_pending = self.status.set_pending
        self.status.set_pending(len(console.outbox.journal))
        self.alerts = AlertCenter(store, self.runner, store.clock, self.settings,
                                  self.queue.model, self.countdown.model, self.board.orders_model,
                                  lambda text: self.statusBar().showMessage(text, 15000), self)
        self.actions_by_id = build_actions(self, {
            "alerts.new_a_class": lambda on: self.alerts.set_wanted(NEW_A_CLASS, on),
            "alerts.overdue": lambda on: self.alerts.set_wanted(OVERDUE, on),
            "alerts.reply_due": lambda on: self.alerts.set_wanted(REPLY_DUE, on),
            "alerts.sound": self.alerts.set_sound,
            "call.incoming": self.simulate_incoming_call,
            "call.new": self.call_screen.clear,
            # "go to" commands: their dock is raised first (see Command.dock)
            "call.focus": self.call_screen.phone.setFocus,
            "queue.focus": self.queue.table.setFocus,
            "countdown.focus": self.countdown.table.setFocus,
            "callbacks.focus": lambda: self._tab_focus(self.callbacks, self.callbacks.table),
            "verify.focus": lambda: self._tab_focus(self.verifications,
                                                    self.verifications.table),
            "answers.focus": self.quick_answers.focus_search,
            "board.focus": self.board.cases.setFocus,
            "units.focus": self.units.focus,
            "map.focus": lambda: self.map.canvas.setFocus(),
            "map.export": lambda: self.map.export_dialog(),
            "stats.focus": lambda: self.stats.focus(),
            "duty.roster": self.roster.month_view.setFocus,
            "duty.roll_call": self.roll_call.table.setFocus,
            "duty.handover": self.handover.notes.setFocus,
            "duty.reports": self.dialogs.make_report,
            "queue.refresh": self.queue.apply_filter,
            "queue.export": lambda: self.dialogs.export_cases(self.queue.current_filter()),
            "view.reset_layout": self.reset_layout,
            "admin.rules": self.dialogs.edit_rules,
            "admin.accounts": self.dialogs.edit_accounts,
            "admin.boundaries": self.dialogs.import_boundaries,
            "admin.import_history": self.dialogs.import_history,
            "lang.zh_CN": lambda: self._choose_language("zh_CN"),
            "lang.en": lambda: self._choose_language("en"),
            "app.quit": self.close,
        }, store.roles)
        for kind in (NEW_A_CLASS, OVERDUE, REPLY_DUE):
            self.actions_by_id[f"alerts.{kind}"].setChecked(self.alerts.wants(kind))
        self.actions_by_id["alerts.sound"].setChecked(self.alerts.sound)
        # Panes that follow the feed themselves (widgets/common/feed_follower.py): how they stop.
        self._followers = [self.queue.model.shutdown, self.countdown.shutdown,
                           self.callbacks.model.shutdown, self.verifications.model.shutdown,
                           self.board.shutdown,
                           self.quick_answers.shutdown, self.roster.shutdown,
                           self.roll_call.shutdown, self.handover.shutdown,
                           self.units.shutdown, self.map_slot.shutdown,
                           self.stats_slot.shutdown]
        # Every other live pane: what it reads from the change feed, and how it stops.
        self._live = [
            (self.alerts.apply_events, self.alerts.shutdown),
        ]
        for subscriber, _stop in self._live:
            feed.subscribe(subscriber)
        self.board.case_opened.connect(self.open_case)
        self.queue.case_opened.connect(self.open_case)
        self.countdown.case_opened.connect(self.open_case)
        self._details: dict[uuid.UUID, CaseDetail] = {}
        self.restore_layout()
        self.queue.apply_filter()
        self.countdown.load()
        self.callbacks.load()
        self.verifications.load()
        self.board.load()
        self.roster.load()
        self.roll_call.load()
        self.handover.load()
        self.units.load()
        if self.layout_keeper.role == UNIT:  # a unit's seat opens on its cases
            self.units.focus()

    # ---- layout -----------------------------------------------------------------------
    def _tab_focus(self, page: QWidget, target: QWidget) -> None:
        """Show the callbacks dock's tab ``page`` and put the focus on ``target``."""
        self.after_care.setCurrentWidget(page)
        target.setFocus()

    @property
    def map(self) -> MapPane:
        """The map pane (built now if the start has not built it yet)."""
        return self.map_slot.pane()

    @property
    def stats(self) -> StatsPane:
        """The statistics pane (built now if the start has not built it yet)."""
        return self.stats_slot.pane()

    def _dock(self, name: str, title: str, widget: QWidget | None) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        return dock

    def reset_layout(self, available: QRect | None = None) -> None:
        """The default layout for this person's role, fitted to the screen."""
        self.layout_keeper.reset(available)

    def save_layout(self) -> None:
        self.layout_keeper.save()

    def restore_layout(self, available: QRect | None = None) -> None:
        self.layout_keeper.restore(available)

    def closeEvent(self, event: QCloseEvent) -> None:
        # An exception here goes to the bug channel like any other (widgets/common/bugs.py).
        try:
            self.save_layout()
            for subscriber, stop in self._live:
                self.feed.unsubscribe(subscriber)
                stop()
            for stop in self._followers:
                stop()
        finally:
            super().closeEvent(event)

    def open_case(self, case_id: uuid.UUID) -> CaseDetail:
        """The case's window: raised if it is open already, else a new one."""
        detail = self._details.get(case_id)
        if detail is None:
            detail = CaseDetail(self.store, self.catalog, self.feed, self.runner, case_id, self)
            detail.finished.connect(lambda _r: self._case_closed(case_id))
            self._details[case_id] = detail
        detail.show()
        detail.raise_()
        detail.activateWindow()
        return detail

    def show_map_selection(self, case_ids: list[uuid.UUID]) -> None:
        """The queue shows the cases selected on the map (its other filters stay)."""
        self.queue.show_only(case_ids)
        raise_dock(self.queue_dock)

    def show_map_area(self, level: str, code: str, name: str) -> None:
        """The queue shows the cases of the area chosen on the map (its other filters stay)."""
        self.queue.show_area(level, code, name)
        raise_dock(self.queue_dock)

    def show_stats_cases(self, case_ids: list[uuid.UUID], label: str) -> None:
        """The queue shows the cases behind a bar or a point of the statistics (in every
        status; its other filters stay)."""
        self.queue.show_only(case_ids, label=label)
        raise_dock(self.queue_dock)

    def _case_closed(self, case_id: uuid.UUID) -> None:
        self._details.pop(case_id, None)
        self.activateWindow()  # the keyboard comes back to the panes, where the person was

    # ---- commands --------------------------------------------------------------------------
    def simulate_incoming_call(self) -> None:
        """Stands in for a telephony ring until a real CTI link is connected."""
        suggestion = f"13{random.randrange(10**9):09d}"
        number, ok = QInputDialog.getText(self, self.tr("模拟来电"), self.tr("来电号码："),
                                          text=suggestion)
        if ok and number.strip():
            self.call_screen.incoming_call(number.strip())

    def _choose_language(self, language: str) -> None:
        self.settings.set(LANGUAGE, language)
        self.statusBar().showMessage(self.tr("界面语言将在下次启动时切换"), 10000)
