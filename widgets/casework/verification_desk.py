"""Field verification (现场核查) of grid workers' reports: a resolved case a grid
worker reported has no caller to call back; the reporting grid's squad checks the
result on the spot and the centre (operators and dispatchers) records what it
found with one key (declared in widgets/common/commands.py): P passed closes the
case; F failed asks for the reason and reopens it to the same unit with a fresh
time limit. The list shows where to look (street, grid cell) and since when the
case waits. A result is saved through the list's feed follower, as at the
callback desk (widgets/casework/result_desk.py): "保存中…" until the change feed
has brought it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from console.casework.lifecycle import Move
from console.casework.queue import CaseFilter
from console.casework.status_views import AWAITING_CALLBACK
from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.casework.result_desk import ResultDesk
from widgets.common import commands, texts
from widgets.common.tasks import TaskRunner

WAITING = CaseFilter(statuses=AWAITING_CALLBACK, sort_key="created_at", descending=False,
                     grid_reports=True)


class VerificationDesk(ResultDesk):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(
            store, catalog, runner, parent, feed, scope=commands.VERIFICATIONS, prefix="verify",
            waiting=WAITING, results={
                "verify.passed": lambda: self.record("verify_passed"),
                "verify.failed": self.failed,
            }, hint_lead=self.tr("网格员上报的案件由所属网格现场核查后登记：{keys}"))
        self.setObjectName("verificationDesk")

    def nothing_chosen(self) -> str:
        return self.tr("请先选中一件待核查的案件")

    def saving_words(self) -> str:
        return self.tr("保存中…")

    def recorded(self, public_no: str, move: Move) -> str:
        return self.tr("{no}：已记录「{what}」").format(
            no=public_no, what=texts.action_name(move.action))

    def failed(self) -> None:
        self.record_with_facts("verify_failed")
