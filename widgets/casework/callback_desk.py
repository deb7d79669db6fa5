"""The callback workbench (电话回访): resolved cases waiting for a call to the
citizen. The operator calls, then records the result with one key (the keys
are declared in widgets/common/commands.py): 5…1 satisfaction (非常满意 …
非常不满意) closes the case; 0 no answer (the case stays for another try, and
closes after the last allowed one); R not fixed, which reopens it to the same
unit with a reason. A result is saved through the list's feed follower: "保存中…"
until the change feed has brought it, and the list shows what the feed brought."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.casework import cases
from console.casework.lifecycle import Move
from console.casework.queue import CaseFilter
from console.casework.status_views import AWAITING_CALLBACK
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError
from console.core.events import CaseMoved
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.casework.case_model import CaseTableModel
from widgets.common import commands, texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.tables import KeyedTable
from widgets.common.tasks import TaskRunner

# Only cases with a caller: a grid worker's report is verified in the field instead
# (widgets/casework/verification_desk.py).
WAITING = CaseFilter(statuses=AWAITING_CALLBACK, sort_key="created_at", descending=False,
                     grid_reports=False)
LEVELS = (5, 4, 3, 2, 1)


class CallbackDesk(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbackDesk")
        self._store, self._catalog = store, catalog
        self.model = CaseTableModel(store, catalog, runner, self, feed=feed)
        self.table = KeyedTable(commands.CALLBACKS, lambda: self.results, self.model,
                                objectName="callback.table")
        # Each result: its command (key and title declared once) and what it does.
        self.results: dict[str, Callable[[], None]] = {
            **{f"callback.sat{level}": partial(self.record, "callback_closed",
                                                satisfaction=level) for level in LEVELS},
            "callback.unreachable": lambda: self.record("callback_unreachable"),
            "callback.not_fixed": self.reopen,
        }
        results = [commands.command(name) for name in self.results]
        self.hint = QLabel(self.tr("回访结果：{keys}").format(
            keys=" · ".join(f"{c.key} {c.title()}" for c in results)),
            objectName="callback.hint")
        self.message = QLabel(objectName="callback.message")
        buttons = QHBoxLayout()
        names = {"callback.unreachable": "callback.unreachable",
                 "callback.not_fixed": "callback.notFixed"}
        for command in results:
            button = QPushButton(f"{command.key} {command.title()}",
                                 objectName=names.get(command.id, command.id))
            button.clicked.connect(lambda _c=False, run=self.results[command.id]: run())
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)  # a tab of the dock: room for rows at 1366×768
        layout.setSpacing(2)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.model.follower.saving_changed.connect(self._saving)

    def load(self) -> None:
        self.model.set_filter(WAITING)

    def current(self) -> Any:
        index = self.table.currentIndex()
        case_id = self.model.case_id(index.row()) if index.isValid() else None
        return None if case_id is None else self.model.cached(case_id)

    def record(self, action: str, **facts: Any) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.tr("请先选中一件待回访的案件"))
            return

        def done(move: Move) -> None:
            self.message.setText(self.tr("{no}：{what}").format(
                no=row.public_no, what=self._recorded(move)))

        self.model.follower.save(
            cases.perform(self._store, row.id, action, row.version, **facts), done, self._failed)

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

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
        if self.current() is None:
            self.message.setText(self.tr("请先选中一件待回访的案件"))
            return
        dialog = FactsDialog("reopen", self._catalog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.record("reopen", **dialog.facts()))
        dialog.open()

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.user_error(exc))
