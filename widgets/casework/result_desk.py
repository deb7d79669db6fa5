"""A desk of cases waiting for one recorded result (the callback desk, field
verification): the list worked down by keys of its scope (declared in
widgets/common/commands.py), a button per result, a hint naming the keys, and a
message line. A result is saved through the list's feed follower: the line says
"保存中…" until the change feed has brought it, then what was recorded.

The words are the subclass's (its ``tr`` context): ``nothing_chosen``,
``saving_words``, ``recorded`` and the hint's lead."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.casework import cases
from console.casework.lifecycle import Move
from console.casework.queue import CaseFilter
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.casework.case_model import CaseTableModel
from widgets.common import commands, texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.tables import KeyedTable
from widgets.common.tasks import TaskRunner


class ResultDesk(QWidget):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None, feed: ChangeFeed | None, *, scope: str, prefix: str,
                 waiting: CaseFilter, results: Mapping[str, Callable[[], None]],
                 hint_lead: str, button_names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self._store, self._catalog, self._waiting = store, catalog, waiting
        self.model = CaseTableModel(store, catalog, runner, self, feed=feed)
        self.results = dict(results)  # each result's command and what it does
        self.table = KeyedTable(scope, lambda: self.results, self.model,
                                objectName=f"{prefix}.table")
        declared = [commands.command(name) for name in self.results]
        self.hint = QLabel(hint_lead.format(
            keys=" · ".join(f"{c.key} {c.title()}" for c in declared)),
            objectName=f"{prefix}.hint")
        self.message = QLabel(objectName=f"{prefix}.message")
        buttons = QHBoxLayout()
        names = button_names or {}
        for command in declared:
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

    # The subclass's words.
    def nothing_chosen(self) -> str:
        raise NotImplementedError

    def saving_words(self) -> str:
        raise NotImplementedError

    def recorded(self, public_no: str, move: Move) -> str:
        raise NotImplementedError

    def load(self) -> None:
        self.model.set_filter(self._waiting)

    def current(self) -> Any:
        index = self.table.currentIndex()
        case_id = self.model.case_id(index.row()) if index.isValid() else None
        return None if case_id is None else self.model.cached(case_id)

    def record(self, action: str, **facts: Any) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.nothing_chosen())
            return

        def done(move: Move) -> None:
            self.message.setText(self.recorded(row.public_no, move))

        self.model.follower.save(
            cases.perform(self._store, row.id, action, row.version, **facts), done,
            self._failed)

    def record_with_facts(self, action: str) -> None:
        """A result that needs a reason: the facts dialog first."""
        if self.current() is None:
            self.message.setText(self.nothing_chosen())
            return
        dialog = FactsDialog(action, self._catalog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.record(action, **dialog.facts()))
        dialog.open()

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.saving_words())

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.user_error(exc))
