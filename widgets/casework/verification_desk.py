"""Field verification (现场核查) of grid workers' reports: a resolved case a grid
worker reported has no caller to call back; the reporting grid's squad checks the
result on the spot and the centre (operators and dispatchers) records what it
found with one key (declared in widgets/common/commands.py): P passed closes the
case; F failed asks for the reason and reopens it to the same unit with a fresh
time limit. The list shows where to look (street, grid cell) and since when the
case waits. A result is saved through the list's feed follower, as at the
callback desk: "保存中…" until the change feed has brought it."""

from __future__ import annotations

from collections.abc import Callable
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
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.casework.case_model import CaseTableModel
from widgets.common import commands, texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.tables import KeyedTable
from widgets.common.tasks import TaskRunner

WAITING = CaseFilter(statuses=AWAITING_CALLBACK, sort_key="created_at", descending=False,
                     grid_reports=True)


class VerificationDesk(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationDesk")
        self._store, self._catalog = store, catalog
        self.model = CaseTableModel(store, catalog, runner, self, feed=feed)
        self.table = KeyedTable(commands.VERIFICATIONS, lambda: self.results, self.model,
                                objectName="verify.table")
        self.results: dict[str, Callable[[], None]] = {
            "verify.passed": lambda: self.record("verify_passed"),
            "verify.failed": self.failed,
        }
        results = [commands.command(name) for name in self.results]
        self.hint = QLabel(self.tr("网格员上报的案件由所属网格现场核查后登记：{keys}").format(
            keys=" · ".join(f"{c.key} {c.title()}" for c in results)),
            objectName="verify.hint")
        self.message = QLabel(objectName="verify.message")
        buttons = QHBoxLayout()
        for command in results:
            button = QPushButton(f"{command.key} {command.title()}", objectName=command.id)
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
            self.message.setText(self.tr("请先选中一件待核查的案件"))
            return

        def done(move: Move) -> None:
            self.message.setText(self.tr("{no}：已记录「{what}」").format(
                no=row.public_no, what=texts.action_name(move.action)))

        self.model.follower.save(
            cases.perform(self._store, row.id, action, row.version, **facts), done,
            self._failed)

    def failed(self) -> None:
        if self.current() is None:
            self.message.setText(self.tr("请先选中一件待核查的案件"))
            return
        dialog = FactsDialog("verify_failed", self._catalog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.record("verify_failed", **dialog.facts()))
        dialog.open()

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.user_error(exc))
