"""The supervisor's board: at-risk and overdue cases with their escalation
level (filter by unit), a supervision order for every selected case in one
action, and every open order with its reply countdown. It follows the change
feed (``follower``), and saves through it: "保存中…" until the feed has brought
the orders, acknowledgements and replies, then what the feed's reload shows.

The at-risk list is loaded a page at a time (the first rows at once); after that
a burst of events re-reads only the cases they name, and every minute the cases
that time alone put at risk; rows move, change, come and go in place."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.casework import dispute_briefing
from console.casework.countdown import format_left
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.events import Kind
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.supervision import board, ladder_rules, supervising, sweeper
from console.supervision.board import BoardCase, OpenOrder
from console.supervision.supervising import SupervisionReport
from widgets.common import commands, texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.feed_follower import FeedFollower
from widgets.common.form_keys import submit_with_ctrl_enter
from widgets.common.tables import OpenableTable, RecordTableModel
from widgets.common.tasks import TaskRunner
from widgets.supervision.board_cases import BoardCasesModel
from widgets.supervision.dispute_briefing import DisputeBriefing

RELOAD_DELAY_MS = 300
DISPUTE_MOVES = frozenset({"dispute", "settle", "refer", "decide"})
CROSSING_EVERY_MS = 60_000


def _time(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")


class SupervisionDialog(QDialog):
    """The order's text and reply deadline, for every selected case."""

    def __init__(self, count: int, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionDialog")
        self.setWindowTitle(self.tr("督办 {n} 件案件").format(n=count))
        self.text = QPlainTextEdit(objectName="supervision.text")
        self.text.setPlaceholderText(self.tr("督办要求，如：请于回复期限前办结并书面回复"))
        self.due = QDateTimeEdit(objectName="supervision.due", calendarPopup=True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        # The edit shows the centre's local time; reply_due() reads it back as such.
        tomorrow = now.astimezone(CENTRE_TZ) + dt.timedelta(days=1)
        self.due.setDateTime(QDateTime(tomorrow.replace(tzinfo=None)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("督办内容"), self.text)
        form.addRow(self.tr("回复期限"), self.due)
        form.addRow(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        submit_with_ctrl_enter(self, ok.click, ok)  # Tab leaves the text for the deadline

    def reply_due(self) -> dt.datetime:
        return self.due.dateTime().toPython().replace(tzinfo=CENTRE_TZ)  # type: ignore[no-any-return]


class SupervisorBoard(QWidget):
    case_opened = Signal(uuid.UUID)

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorBoard")
        self._store, self._catalog = store, catalog
        self._cases: dict[uuid.UUID, BoardCase] = {}  # every unit's; the table shows a filter
        self._pending: set[uuid.UUID] = set()  # cases events named since the last read
        self._everything = True  # the next read is of the whole list
        self._crossing = False  # the next read also asks which cases time put at risk
        self._since: dt.datetime | None = None  # when that was last asked
        # The open orders and the unsettled disputes are read again only when an event
        # may change them (an escalation, a dispute's move, a move of a listed case).
        self._orders_stale = self._disputes_stale = True
        self._listed: frozenset[uuid.UUID] = frozenset()  # their cases
        levels = {None: self.tr("—"), "reminder": self.tr("提醒"), "urge": self.tr("催办"),
                  "leader_urge": self.tr("催办（单位领导）"), "supervision": self.tr("督办"),
                  "inspection": self.tr("效能监察")}
        self.cases_model = BoardCasesModel([
            (self.tr("编号"), lambda c: c.public_no),
            (self.tr("责任单位"), lambda c: catalog.unit_name(c.unit_id)),
            (self.tr("状态"), lambda c: texts.status_name(c.status)),
            (self.tr("办理时限"), lambda c: _time(c.due_at)),
            (self.tr("升级"), lambda c: levels.get(c.level, c.level)
             + (self.tr("（可督办）") if c.candidate else "")),
        ], lambda c: QColor("#b71c1c") if c.due_at <= store.clock.now() else QColor("#e65100"),
            self)
        self.orders_model = RecordTableModel([
            (self.tr("编号"), lambda o: o.public_no),
            (self.tr("级别"), lambda o: levels.get(o.level, o.level)),
            (self.tr("责任单位"), lambda o: catalog.unit_name(o.unit_id)),
            (self.tr("回复剩余"), self._reply_left),
            (self.tr("签收"), lambda o: self.tr("已签收") if o.acknowledged else self.tr("未签收")),
        ], lambda o: QColor("#b71c1c") if self._overdue(o) else None, self)
        self.unit_filter = QComboBox(objectName="board.unit")
        self.unit_filter.addItem(self.tr("全部责任单位"), None)
        self.unit_filter.currentIndexChanged.connect(lambda _i: self._show_cases())
        self.cases = OpenableTable(objectName="board.cases")
        self.orders = OpenableTable(objectName="board.orders")
        for table, model in ((self.cases, self.cases_model), (self.orders, self.orders_model)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.cases.open_requested.connect(
            lambda i: self.case_opened.emit(self.cases_model.record(i.row()).id))
        self.orders.open_requested.connect(
            lambda i: self.case_opened.emit(self.orders_model.record(i.row()).case_id))
        self.supervise_button = QPushButton(commands.command("board.supervise").title(),
                                            objectName="board.supervise")
        self.supervise_button.clicked.connect(self.supervise_selected)
        self.supervise_button.setEnabled(commands.allowed("board.supervise", store.roles))
        self.acknowledge_button = QPushButton(self.tr("签收所选督办单"),
                                              objectName="board.acknowledge")
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.reply_button = QPushButton(self.tr("登记回复…"), objectName="board.reply")
        self.reply_button.clicked.connect(self.reply_selected)
        self.message = QLabel(objectName="board.message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("超时与临期案件")))
        top.addStretch(1)
        top.addWidget(self.unit_filter)
        top.addWidget(self.supervise_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.cases, 4)  # the cases to act on get more room
        orders_bar = QHBoxLayout()
        orders_bar.addWidget(QLabel(self.tr("待回复的督办与效能监察")))
        orders_bar.addStretch(1)
        orders_bar.addWidget(self.acknowledge_button)
        orders_bar.addWidget(self.reply_button)
        layout.addLayout(orders_bar)
        layout.addWidget(self.orders, 3)
        layout.addWidget(self.message)
        self.briefing = DisputeBriefing(catalog)
        self.briefing.table.open_requested.connect(
            lambda i: self.case_opened.emit(self.briefing.model.record(i.row()).case_id))
        self.tabs = QTabWidget(objectName="board.tabs")
        self.tabs.setDocumentMode(True)  # no frame: the tables keep their rows on a laptop
        self.tabs.addTab(page, self.tr("超时与督办"))
        self.tabs.addTab(self.briefing, self.tr("未决争议（周报）"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self.follower = FeedFollower(runner, feed, self.apply_events, self._reload,
                                     RELOAD_DELAY_MS, self)
        self.follower.saving_changed.connect(self._saving)
        # Cases fall overdue or earn their reminder with no event: asked now and then.
        self._crossing_timer = QTimer(self, interval=CROSSING_EVERY_MS)
        self._crossing_timer.timeout.connect(self._ask_crossing)

    # ---- data --------------------------------------------------------------------------
    def load(self) -> None:
        """Read the whole board now (or right after the read under way)."""
        self._everything = True
        self.follower.reload_now()

    def _ask_crossing(self) -> None:
        self._crossing = True
        self.follower.request()

    async def _reload(self) -> None:
        everything, self._everything = self._everything, False
        ids, self._pending = self._pending, set()
        crossing, self._crossing = self._crossing, False
        orders_stale, self._orders_stale = self._orders_stale or everything, False
        disputes_stale = self._disputes_stale or everything or crossing
        self._disputes_stale = False
        orders: list[OpenOrder] | None = None
        unread = set(ids) if everything else set()
        try:
            if everything:
                await self._read_everything()
            else:
                unread = set(ids)
                async for asked, found in board.at_risk_among_pages(
                        self._store, self._catalog.calendar, list(ids)):
                    if self.follower.stopped:
                        return
                    self._merge(found, set(asked))  # a page at a time
                    unread.difference_update(asked)
                if crossing and self._since is not None:
                    crossed, self._since = await board.newly_at_risk(
                        self._store, self._catalog.calendar, self._since)
                    self._merge(crossed, set())
            if orders_stale:
                orders = await board.open_orders(self._store)
            if disputes_stale:
                rule = await ladder_rules.current_rule(self._store)
                disputes = await dispute_briefing.unsettled(
                    self._store, self._catalog.calendar, rule.dispute_briefing_working_days)
        except BaseException:  # not read: the next read tries again
            self._everything |= everything
            self._pending |= unread
            self._crossing |= crossing
            self._orders_stale |= orders_stale
            self._disputes_stale |= disputes_stale
            raise
        if self.follower.stopped:
            return
        if orders is not None:
            self.orders_model.set_rows(orders)
        if disputes_stale:
            self.briefing.set_disputes(disputes, rule.dispute_briefing_working_days)
        if orders is not None or disputes_stale:
            self._listed = frozenset(
                model.record(r).case_id for model in (self.orders_model, self.briefing.model)
                for r in range(model.rowCount()))

    async def _read_everything(self) -> None:
        """The at-risk list a page at a time: the first page on screen at once, then
        each next page appended (the rows shown stay where they are)."""
        self._since = self._store.clock.now()
        cases, after = await board.at_risk_page(self._store, self._catalog.calendar, None,
                                                board.FIRST_PAGE)
        if self.follower.stopped:
            return
        self._cases = {}
        self._set_cases(cases, reset=True)
        while after is not None:
            cases, after = await board.at_risk_page(self._store, self._catalog.calendar,
                                                    after)
            if self.follower.stopped:
                return
            self._set_cases(cases, reset=False)
        if not self._crossing_timer.isActive():
            self._crossing_timer.start()

    def apply_events(self, events: Sequence[Event]) -> bool:
        """What the follower asks of the feed's events: the cases they name are read
        again (only those); a new ladder rule reads the whole list."""
        if any(e.kind == Kind.LADDER_CHANGED for e in events):
            self._everything = True
        named = {e.case_id for e in events if e.case_id is not None}
        kinds = {e.kind for e in events}
        listed = bool(named & self._listed)
        self._orders_stale |= Kind.ESCALATION in kinds or listed
        self._disputes_stale |= bool(kinds & DISPUTE_MOVES) or listed
        self._pending |= named
        return (self._everything or bool(self._pending) or self._orders_stale
                or self._disputes_stale)

    def shutdown(self) -> None:
        self._crossing_timer.stop()
        self.follower.stop()

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

    def shown(self, case: BoardCase) -> bool:
        unit = self.unit_filter.currentData()
        return unit is None or case.unit_id == unit

    def _set_cases(self, cases: list[BoardCase], *, reset: bool) -> None:
        self._cases.update((c.id, c) for c in cases)
        self._offer_units(cases)
        if reset:
            self._show_cases()
        else:
            self.cases_model.append([c for c in cases if self.shown(c)])

    def _merge(self, fresh: list[BoardCase], named: set[uuid.UUID]) -> None:
        """Cases read again: those at risk now replace or join their rows; the others
        named leave the list."""
        gone = named - {c.id for c in fresh}
        for case_id in gone:
            self._cases.pop(case_id, None)
        self._cases.update((c.id, c) for c in fresh)
        self._offer_units(fresh)
        self.cases_model.merge([c for c in fresh if self.shown(c)],
                               gone | {c.id for c in fresh if not self.shown(c)})

    def _offer_units(self, cases: list[BoardCase]) -> None:
        known = {self.unit_filter.itemData(i) for i in range(self.unit_filter.count())}
        for unit in sorted({c.unit_id for c in cases if c.unit_id is not None} - known):
            self.unit_filter.addItem(self._catalog.unit_name(unit), unit)

    def _show_cases(self) -> None:
        self.cases_model.set_rows([c for c in self._cases.values() if self.shown(c)])

    def _reply_left(self, order: OpenOrder) -> str:
        if order.reply_due_at is None:
            return ""
        overdue, left = format_left(order.reply_due_at - self._store.clock.now())
        return self.tr("逾期 {t}").format(t=left) if overdue else left

    def _overdue(self, order: OpenOrder) -> bool:
        return order.reply_due_at is not None and order.reply_due_at < self._store.clock.now()

    # ---- supervision orders ----------------------------------------------------------------
    def selected_cases(self) -> list[BoardCase]:
        rows = sorted({i.row() for i in self.cases.selectionModel().selectedRows()})
        return [self.cases_model.record(r) for r in rows]

    def supervise_selected(self) -> SupervisionDialog | None:
        chosen = self.selected_cases()
        if not chosen:
            self.message.setText(self.tr("请先在上表中选中要督办的案件"))
            return None
        dialog = SupervisionDialog(len(chosen), self._store.clock.now(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._issue(chosen, dialog.text.toPlainText(),
                                                    dialog.reply_due()))
        dialog.open()
        return dialog

    def _issue(self, chosen: list[BoardCase], text: str, reply_due: dt.datetime) -> None:
        self.follower.save(supervising.supervise(self._store, chosen, text, reply_due),
                           self._supervised, self._failed)

    def _supervised(self, report: SupervisionReport) -> None:
        note = self.tr("已督办 {n} 件").format(n=len(report.issued))
        if already := report.already_supervised:
            note += self.tr("；{m} 件本轮已督办，未重复：{nos}").format(
                m=len(already), nos="、".join(s.public_no for s in already))
        refused: dict[str, list[str]] = {}  # the same reason said once for its cases
        for skipped in report.refused:
            refused.setdefault(texts.problem_text(skipped.reason), []).append(skipped.public_no)
        for why, nos in refused.items():
            note += self.tr("；{nos} 未督办：{why}").format(nos="、".join(nos), why=why)
        self.message.setText(note)

    # ---- the units' answers (recorded at the desk) -----------------------------------------
    def selected_order(self) -> OpenOrder | None:
        index = self.orders.currentIndex()
        order = self.orders_model.record(index.row()) if index.isValid() else None
        if order is None:
            self.message.setText(self.tr("请先在下表中选中一张督办单"))
        return order

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))

    def _save(self, write: Coroutine[Any, Any, int], done_text: str) -> None:
        """Save ``write``; once the feed's reload shows it, say ``done_text``."""
        def done(_event_id: int) -> None:
            self.message.setText(done_text)

        self.follower.save(write, done, self._failed)

    def acknowledge_selected(self) -> None:
        order = self.selected_order()
        if order is not None:
            self._save(sweeper.acknowledge(self._store, order.id),
                       self.tr("{no}：已签收").format(no=order.public_no))

    def reply_selected(self) -> FactsDialog | None:
        order = self.selected_order()
        if order is None:
            return None
        dialog = FactsDialog("reply_order", self._catalog, self, needs=("reply",))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(
            sweeper.reply(self._store, order.id, dialog.facts().get("reply") or ""),
            self.tr("{no}：已登记回复").format(no=order.public_no)))
        dialog.open()
        return dialog
