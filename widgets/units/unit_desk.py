"""The unit handler's desk (承办单位): the cases sent to their unit, those to sign
for first, each with its two countdowns (to sign, to finish: the unit's own deadline
while its clock runs, else the case's, ``finish_clock``) and its pending requests.
Keys (widgets/common/commands.py, scope ``unitDesk``): S signs, R applies to return,
E applies for an extension, P records progress, F replies with the result. Every
change is saved through the desk's feed follower ("保存中…" until the feed brought
it) and the list shows what the feed brought.
A street sub-centre also watches, below, the cases it sent on to its communities
(``ForwardedList``, read only). The sign deadline and the return window are the
database's, by the admin's clock rule."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.casework.countdown import format_left
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.units import requests, work
from console.units.work import UnitCase
from widgets.common import commands, texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import KeyedTable
from widgets.common.tasks import TaskRunner
from widgets.units.desk_cases import DeskCasesModel
from widgets.units.finish_clock import finish_late, finish_text, finish_tooltip
from widgets.units.forwarded_list import ForwardedList
from widgets.units.unit_form import Field, UnitForm

OVERDUE = QColor("#c62828")
FINISH_COLUMN = 3  # 办结剩余
KEYS = ("unit.sign", "unit.return", "unit.extend", "unit.progress", "unit.reply",
        "unit.forward")


class UnitDesk(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDesk")
        self._store, self._catalog, self._runner = store, catalog, runner
        self._targets: list[tuple[int, str]] | None = None  # a sub-centre's communities
        self._pending: set[uuid.UUID] = set()  # cases events named since the last read
        self._everything = True  # the next read is of the whole list
        self.model = DeskCasesModel([
            (self.tr("编号"), lambda c: c.public_no),
            (self.tr("状态"), self._status),
            (self.tr("签收剩余"), self._to_sign),
            (self.tr("办结剩余"), self._to_finish),
            (self.tr("分类"), lambda c: catalog.category_path(c.category_id)),
            (self.tr("诉求"), lambda c: c.text.replace("\n", " ")[:60]),
        ], colour=self._colour, parent=self,
            tooltip=lambda c, column: finish_tooltip(c) if column == FINISH_COLUMN else None)
        self.table = KeyedTable(commands.UNIT_DESK, lambda: self.handlers, self.model,
                                objectName="unit.table")
        for column in (2, FINISH_COLUMN):  # the clocks: read in full
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.handlers: dict[str, Callable[[], None]] = {
            "unit.sign": self.sign, "unit.return": self.apply_return,
            "unit.extend": self.apply_extension, "unit.progress": self.note_progress,
            "unit.reply": self.reply, "unit.forward": self.forward}
        self.summary = QLabel(objectName="unit.summary")
        self.message = QLabel(objectName="unit.message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for command in (commands.command(k) for k in KEYS):
            button = QPushButton(f"{command.key} {command.title()}", objectName=command.id)
            button.clicked.connect(lambda _c=False, run=self.handlers[command.id]: run())
            button.setEnabled(command.allowed(store.roles))
            buttons.addWidget(button)
        self.forwarded = ForwardedList(catalog, store.clock.now, self)
        self.forwarded.hide()  # a street sub-centre's, once it has sent a case on
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.forwarded, 1)
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self.follower = FeedFollower(runner, feed, self._wants, self._read, parent=self)
        self.follower.saving_changed.connect(self._saving)

    # ---- reading -------------------------------------------------------------------------
    def _wants(self, events: list[Event]) -> bool:
        """The cases the events name are read again (only those)."""
        self._pending |= {e.case_id for e in events if e.case_id is not None}
        return self._everything or bool(self._pending)

    def load(self) -> None:
        self._everything = True
        self.follower.reload_now()
        self._runner.run(work.forward_targets(self._store), self._got_targets, self._failed)

    def _got_targets(self, targets: list[tuple[int, str]]) -> None:
        self._targets = targets
        if targets:
            self.forwarded.show()

    async def _read(self) -> None:
        everything, self._everything = self._everything, False
        ids, self._pending = self._pending, set()
        try:
            if everything:
                listed: list[UnitCase] | None = await work.my_cases(self._store)
            else:
                listed, fresh = None, await work.my_cases(self._store, list(ids))
            # Only a street sub-centre sends cases on (unknown yet: asked once).
            forwarded = (await work.forwarded_cases(self._store)
                         if self._targets is None or self._targets else [])
        except BaseException:  # not read: the next read tries again
            self._everything |= everything
            self._pending |= ids
            raise
        if self.follower.stopped:
            return
        self.forwarded.set_cases(forwarded)
        self.forwarded.setVisible(bool(forwarded) or bool(self._targets))
        current = self.current()
        if listed is not None:
            self.model.set_rows(listed)
        else:
            self.model.merge(fresh, ids)
        cases = self.model.cases
        row = next((r for r, c in enumerate(cases)
                    if current is not None and c.id == current.id), 0 if cases else None)
        if row is not None and (current is None or listed is not None):
            self.table.setCurrentIndex(self.model.index(row, 0))  # the place survives
        self._summarise(cases)

    def _summarise(self, listed: Sequence[UnitCase]) -> None:
        now = self._store.clock.now()
        late = sum(1 for c in listed if (due := c.sign_due()) is not None and due < now)
        to_sign = sum(1 for c in listed if c.status == "dispatched")
        self.summary.setText(self.tr("本单位在办 {n} 件，待签收 {s} 件，其中超时未签收 {late} 件")
                             .format(n=len(listed), s=to_sign, late=late))

    def current(self) -> UnitCase | None:
        index = self.table.currentIndex()
        record = self.model.record(index.row()) if index.isValid() else None
        return record if isinstance(record, UnitCase) else None

    # ---- the clocks ----------------------------------------------------------------------
    def _left(self, due: dt.datetime | None) -> str:
        if due is None:
            return ""
        overdue, text = format_left(due - self._store.clock.now())
        return self.tr("超时 {t}").format(t=text) if overdue else text

    def _to_sign(self, case: UnitCase) -> str:
        if case.status != "dispatched":
            return self.tr("已签收")
        return self._left(case.sign_due())

    def _to_finish(self, case: UnitCase) -> str:
        return finish_text(case, self._store.clock.now(), case.paused_at is not None)

    def _status(self, case: UnitCase) -> str:
        words = {"dispatched": self.tr("待签收")}
        status = words.get(case.status) or texts.status_name(case.status)
        pending = {"return": self.tr("退回申请中"), "extension": self.tr("延期申请中")}
        return "，".join([status, *(pending[k] for k in case.pending if k in pending)])

    def _colour(self, case: UnitCase) -> QColor | None:
        now = self._store.clock.now()
        sign = case.sign_due()
        late = (sign is not None and sign < now) or finish_late(
            case, now, case.paused_at is not None)
        return OVERDUE if late else None

    def tick(self) -> None:
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 2),
                                        self.model.index(self.model.rowCount() - 1, 3))
        self.forwarded.tick()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing to repaint while nobody can see it
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.timer.stop()
        self.follower.stop()

    # ---- the work ------------------------------------------------------------------------
    def _save(self, case: UnitCase, write: Coroutine[Any, Any, object], done: str) -> None:
        self.follower.save(write, lambda _r: self.message.setText(
            done.format(no=case.public_no)), self._failed)

    def _chosen(self) -> UnitCase | None:
        case = self.current()
        if case is None:
            self.message.setText(self.tr("请先选中一件本单位的案件"))
        return case

    def sign(self) -> None:
        if (case := self._chosen()) is None:
            return
        if case.status != "dispatched":
            self.message.setText(self.tr("{no} 已签收").format(no=case.public_no))
            return
        self._save(case, work.sign(self._store, case.id, case.version), self.tr("{no}：已签收"))

    def _ask(self, title: str, fields: list[Field],
             then: Callable[[UnitCase, dict[str, Any]], None], intro: str = "") -> None:
        if (case := self._chosen()) is None:
            return
        form = UnitForm(f"{title} · {case.public_no}", fields, self, intro=intro)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: then(case, form.values()))
        form.open()

    def apply_return(self) -> None:
        self._ask(self.tr("申请退回"), [Field("reason", self.tr("退回理由"))],
                  lambda case, v: self._save(case, requests.apply_return(
                      self._store, case.id, str(v["reason"])),
                      self.tr("{no}：已提交退回申请，等待分拨员审批")))

    def apply_extension(self) -> None:
        self._ask(self.tr("申请延期"), [Field("days", self.tr("延期"), days=True),
                                      Field("reason", self.tr("延期理由"))],
                  lambda case, v: self._save(case, requests.apply_extension(
                      self._store, case.id, v["days"], str(v["reason"])),
                      self.tr("{no}：已提交延期申请，等待值班长或督办审批")))

    def note_progress(self) -> None:
        self._ask(self.tr("记录进展"), [Field("text", self.tr("办理进展"))],
                  lambda case, v: self._save(case, work.note_progress(
                      self._store, case.id, str(v["text"])), self.tr("{no}：已记录进展")))

    def reply(self) -> None:
        case = self.current()
        if case is not None and case.status == "dispatched":
            self.message.setText(self.tr("{no} 尚未签收：请先签收（S）再回复").format(
                no=case.public_no))
            return
        self._ask(self.tr("回复办结"), [Field("result", self.tr("办理结果")),
                                      Field("attachments", self.tr("附件说明"), required=False)],
                  lambda case, v: self._save(case, work.reply(
                      self._store, case.id, case.version, str(v["result"]),
                      str(v["attachments"])), self.tr("{no}：已回复办结，等待回访")),
                  intro=self.tr("附件只记文字说明（如“整改前后照片各一张”），不上传文件"))

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

    def forward(self) -> None:
        """A street sub-centre sends the case on to a community of its street."""
        case = self.current()
        if not self._targets:
            self.message.setText(self.tr("本单位不是街道分中心，没有可转派的社区"))
            return
        if case is not None and case.status != "dispatched":
            self.message.setText(self.tr("{no} 已签收，不能再转派").format(no=case.public_no))
            return
        self._ask(self.tr("转派社区"), [Field("unit", self.tr("社区工作站"),
                                            choices=tuple(self._targets))],
                  lambda case, v: self._save(case, work.forward(
                      self._store, case.id, case.version, int(str(v["unit"]))),
                      self.tr("{no}：已转派社区")))

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))
