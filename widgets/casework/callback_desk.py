"""The callback workbench (电话回访): resolved cases waiting for a call to the
citizen. The operator calls, then records the result with one key (the keys
are declared in widgets/common/commands.py): 5…1 satisfaction (非常满意 …
非常不满意) closes the case; 0 no answer (the case stays for another try, and
closes after the last allowed one); R not fixed, which reopens it to the same
unit with a reason. A result is saved through the list's feed follower: "保存中…"
until the change feed has brought it, and the list shows what the feed brought
(widgets/casework/result_desk.py)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from console.casework.lifecycle import Move
from console.casework.queue import CaseFilter
from console.casework.status_views import AWAITING_CALLBACK
from console.catalog.catalog import Catalog
from console.core.events import CaseMoved
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.casework.result_desk import ResultDesk
from widgets.common import commands, texts
from widgets.common.tasks import TaskRunner

# Only cases with a caller: a grid worker's report is verified in the field instead
# (widgets/casework/verification_desk.py).
WAITING = CaseFilter(statuses=AWAITING_CALLBACK, sort_key="created_at", descending=False,
                     grid_reports=False)
LEVELS = (5, 4, 3, 2, 1)


class CallbackDesk(ResultDesk):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(
            store, catalog, runner, parent, feed, scope=commands.CALLBACKS, prefix="callback",
            waiting=WAITING, results={
                **{f"callback.sat{level}": partial(self.record, "callback_closed",
                                                    satisfaction=level) for level in LEVELS},
                "callback.unreachable": lambda: self.record("callback_unreachable"),
                "callback.not_fixed": self.reopen,
            }, hint_lead=self.tr("回访结果：{keys}"),
            button_names={"callback.unreachable": "callback.unreachable",
                          "callback.not_fixed": "callback.notFixed"})
        self.setObjectName("callbackDesk")

    def nothing_chosen(self) -> str:
        return self.tr("请先选中一件待回访的案件")

    def saving_words(self) -> str:
        return self.tr("保存中…")

    def recorded(self, public_no: str, move: Move) -> str:
        return self.tr("{no}：{what}").format(no=public_no, what=self._recorded(move))

    def _recorded(self, move: Move) -> str:
        """What was recorded, in the operator's words: the score, the try, the reopening."""
        payload = CaseMoved(move.action, move.payload)
        if move.action == "callback_closed":
            level = payload.satisfaction or 0
            return self.tr("已记录：{name}（{level} 分），已结案").format(
                name=texts.satisfaction_name(level), level=level)
        if move.action == "callback_unreachable":
            if payload.gave_up:
                return self.tr("已记录：未接通（第 {n} 次），多次未接通，已结案").format(
                    n=payload.attempt)
            return self.tr("已记录：未接通（第 {n} 次），稍后再拨").format(n=payload.attempt)
        return self.tr("已记录「{what}」").format(what=texts.action_name(move.action))

    def reopen(self) -> None:
        self.record_with_facts("reopen")
