"""Requests waiting for a decision (退回申请、延期申请), for the people who decide
them: a dispatcher a return, a shift leader or a supervisor an extension. A
approves, X refuses with a reason (widgets/common/commands.py, scope
``unitRequests``). A decision is saved through the list's feed follower and the
list shows what the feed brought; nobody is offered their own request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.casework.lifecycle import DISPATCHER, LEADER, SUPERVISOR
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.events import Kind
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.units import clocks, requests
from console.units.requests import Request
from widgets.common import commands, texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import KeyedTable, RecordTableModel
from widgets.common.tasks import TaskRunner
from widgets.units.unit_form import Field, UnitForm


def _short(at: dt.datetime) -> str:
    return at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")


DECIDES = {"return": {DISPATCHER}, "extension": {LEADER, SUPERVISOR}}


class RequestList(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestList")
        self._store, self._catalog = store, catalog
        self.model = RecordTableModel([
            (self.tr("编号"), lambda r: r.public_no),
            (self.tr("申请"), self._kind),
            (self.tr("单位"), lambda r: catalog.unit_name(r.unit_id)),
            (self.tr("理由"), lambda r: r.reason.replace("\n", " ")),
            (self.tr("现办结时限"), self._deadline),
            (self.tr("申请人"), lambda r: r.requested_by),
            (self.tr("申请时间"), lambda r: _short(r.requested_at)),
        ], parent=self)
        self.table = KeyedTable(commands.REQUESTS, lambda: self.handlers, self.model,
                                objectName="requests.table")
        self.handlers: dict[str, Callable[[], None]] = {
            "request.approve": self.approve, "request.refuse": self.refuse}
        self.title = QLabel(self.tr("待审批的退回、延期申请"), objectName="requests.title")
        self.message = QLabel(objectName="requests.message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for command in (commands.command(k) for k in self.handlers):
            button = QPushButton(f"{command.key} {command.title()}", objectName=command.id)
            button.clicked.connect(lambda _c=False, run=self.handlers[command.id]: run())
            button.setEnabled(command.allowed(store.roles))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.follower = FeedFollower(runner, feed, self._wants, self._read, parent=self)
        self.follower.saving_changed.connect(self._saving)

    @staticmethod
    def _wants(events: list[Event]) -> bool:
        return any(e.kind == Kind.UNIT_REQUEST for e in events)

    def load(self) -> None:
        self.follower.reload_now()

    async def _read(self) -> None:
        held = self._store.roles
        listed = [r for r in await requests.pending(self._store)
                  if r.requested_by != self._store.actor
                  and ("admin" in held or held & DECIDES[r.kind])]
        current = self.current()
        self.model.set_rows(listed)
        row = next((i for i, r in enumerate(listed)
                    if current is not None and r.id == current.id), 0 if listed else None)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.title.setText(self.tr("待审批的退回、延期申请：{n} 件").format(n=len(listed)))

    def _kind(self, request: Request) -> str:
        if request.kind == "extension":
            return self.tr("延期 {days} 个工作日").format(days=request.days)
        return self.tr("退回")

    def _deadline(self, request: Request) -> str:
        """The unit's deadline as it stands (the case's when no unit clock runs),
        and for an extension where approving would move it."""
        due = request.case_unit_due_at or request.case_due_at
        if due is None:
            return ""
        now = _short(due)
        if request.kind != "extension" or request.days is None or request.case_due_at is None:
            return now
        case_due, unit_due = clocks.extended(self._catalog.calendar, request.case_due_at,
                                             request.case_unit_due_at, request.days)
        return self.tr("{now} → {then}").format(now=now, then=_short(unit_due or case_due))

    def current(self) -> Request | None:
        index = self.table.currentIndex()
        record = self.model.record(index.row()) if index.isValid() else None
        return record if isinstance(record, Request) else None

    def _decide(self, request: Request, approve: bool, reason: str) -> None:
        done = self.tr("{no}：已同意") if approve else self.tr("{no}：已不同意")
        self.follower.save(
            requests.decide(self._store, self._catalog.calendar, request.id, approve, reason),
            lambda _r: self.message.setText(done.format(no=request.public_no)), self._failed)

    def approve(self) -> None:
        if (request := self._chosen()) is not None:
            self._decide(request, True, "")

    def refuse(self) -> None:
        if (request := self._chosen()) is None:
            return
        form = UnitForm(self.tr("不同意 · {no}").format(no=request.public_no),
                        [Field("reason", self.tr("不同意的理由"))], self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._decide(request, False, str(form.values()["reason"])))
        form.open()

    def _chosen(self) -> Request | None:
        request = self.current()
        if request is None:
            self.message.setText(self.tr("请先选中一件申请"))
        return request

    def shutdown(self) -> None:
        self.follower.stop()

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))
