"""What the rules dialog's tabs for one admin-edited rule row share (the clock rule,
the notice rule, the escalation ladder).

A tab follows the change feed for its rule's event kind (its ``FeedFollower``): the
line "现行：…" always shows the rule in force, read after each change from any seat.
The fields hold what the admin types; they are filled from the rule when the tab
opens, after a save, and after a save refused because another admin saved first
(optimistic version, checked by the service and the database: the refusal names who,
and the fields then show what they saved). A bad value is refused with what was typed
kept. A subclass makes its fields, adds their rows and calls ``finish_form``; it
reads the rule (``_read``), shows it (``_show``, filling the fields when ``_fill``)
and saves through ``_submit``."""

from __future__ import annotations

from collections.abc import Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from console.core.errors import ConflictError, ConsoleError
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tasks import TaskRunner


class RuleTab(QWidget):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None, *,
                 kind: str, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._version: int | None = None  # the version the fields were filled from
        self._fill = True  # the next reading fills the fields
        self.current = QLabel(objectName=f"{prefix}.current")
        self.current.setWordWrap(True)
        self.message = QLabel(objectName=f"{prefix}.message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(objectName=f"{prefix}.save")  # the subclass names it
        self.save_button.setAutoDefault(False)  # Enter in a field saves once (returnPressed)
        self.save_button.clicked.connect(self.save)
        self.form = QFormLayout(self)
        self.follower = FeedFollower(runner, feed, (kind,), self._reload, parent=self)
        self.follower.saving_changed.connect(self._saving)

    def finish_form(self, fields: Sequence[QLineEdit]) -> None:
        """The rule in force, the save button and the message under the fields; Enter in
        a field saves; then the first reading."""
        for field in fields:
            field.returnPressed.connect(self.save)
        self.form.addRow("", self.current)
        self.form.addRow("", self.save_button)
        self.form.addRow("", self.message)
        self.follower.reload_now()

    async def _reload(self) -> None:
        rule = await self._read()
        if not self.follower.stopped:  # closed while it read: touch nothing of it
            self._show(rule)

    async def _read(self) -> Any:
        raise NotImplementedError

    def _show(self, rule: Any) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def _submit(self, write: Coroutine[Any, Any, Any], saved_text: str) -> None:
        """Save through the feed follower: what the feed brings back fills the fields."""
        self._fill = True
        self.follower.save(write, lambda _saved: self.message.setText(saved_text),
                           self._failed)

    def _saving(self, saving: bool) -> None:
        if saving:
            # The base's own words, in its own context (tr() would take the subclass's).
            self.message.setText(QCoreApplication.translate("RuleTab", "保存中…"))

    def _failed(self, exc: ConsoleError) -> None:
        self._fill = isinstance(exc, ConflictError)  # show what the other admin saved
        if self._fill:
            self.follower.reload_now()
        self.message.setText(texts.problem_text(exc))
