"""The quick-answer pane (秒回知识库): find an answer while the caller talks.

Keyboard flow: type in the search field (Chinese, full pinyin or initials:
社保 / shebao / sb); the results follow after a short pause and the best one is
shown at once. Enter uses the shown answer; Down walks the results (Up on the
first row, or Esc, goes back to the search field); Enter or a double-click
uses the current row. "复制答复" copies the text and counts as a use too.
F9 closes the call as answered on the spot with the answer shown (the call
screen's key, working from here too).

Every use emits ``answer_used`` and records one hit (once per answer per
query, so Enter and then copy count once). Searches run in one task slot (a
newer query voids an older one's result); the pause after typing is an input
debounce. The pane follows the change feed (``FeedFollower``): a change of the
base, here or at another seat, runs the query again keeping the answer shown; a
use counted at another seat does not (its count shows at the next search). A
hit and an edit made here go through ``follower.save``: the count or the saved
entry shows once the feed brought it ("保存中…" meanwhile for an edit).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.answers import quick_answers
from console.answers.quick_answers import AnswerIndex, QuickAnswer
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError
from console.core.events import QuickAnswerChanged
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from widgets.answers.answer_editor import QuickAnswerEditor
from widgets.answers.answer_list_model import AnswerListModel
from widgets.common import commands, texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

__all__ = ["AnswerListModel", "QuickAnswerEditor", "QuickAnswerPane"]
RESULT_LIMIT = 30


class QuickAnswerPane(QWidget):
    answer_used = Signal(object)  # QuickAnswer
    results_shown = Signal(str)   # the query whose results are now in the list

    DEBOUNCE_MS = 150

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None, *,
                 can_edit: bool = False, catalog: Catalog | None = None,
                 feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAnswers")
        self._store, self._runner, self._catalog = store, runner, catalog
        self.index = AnswerIndex()
        self._search = TaskSlot(runner)
        self._searched = False
        self._used: set[int] = set()  # answers already counted for the current query
        self._note = ""  # shown instead of the result count after the next search
        self._aim: int | None = None  # the entry the next reload shows (one saved here)
        self._build(can_edit)
        self.follower = FeedFollower(runner, feed, self._wants, self._reload, parent=self)

    # ---- layout ---------------------------------------------------------------------
    def _build(self, can_edit: bool) -> None:
        self.search_field = QLineEdit(objectName="answers.search")
        self.search_field.setPlaceholderText(
            self.tr("搜索问题或关键词，可用拼音：社保 / shebao / sb"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        self.model = AnswerListModel(self)
        self.results = QTableView(objectName="answers.results")
        self.results.setModel(self.model)
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(AnswerListModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AnswerListModel.HITS, QHeaderView.ResizeMode.ResizeToContents)
        self.results.installEventFilter(self)
        self.results.doubleClicked.connect(lambda index: self.use(index.row()))
        self.results.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(lambda: self._show(None))
        self.text = QPlainTextEdit(objectName="answers.text")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setPlaceholderText(self.tr("选中一条问题，这里显示答复口径"))
        self.copy_button = QPushButton(self.tr("复制答复"), objectName="answers.copy")
        self.copy_button.clicked.connect(self.copy_current)
        self.edit_button = QPushButton(self.tr("编辑"), objectName="answers.edit")
        self.edit_button.clicked.connect(lambda: self.open_editor(self.current()))
        self.new_button = QPushButton(self.tr("新增"), objectName="answers.new")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        for button in (self.edit_button, self.new_button):
            button.setVisible(can_edit)
        self.status = QLabel(objectName="answers.status")
        self.status.setWordWrap(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self._query(keep_id=None))
        self.search_field.textChanged.connect(self._text_changed)
        self.search_field.returnPressed.connect(lambda: self.use(self._current_row()))

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_field)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.text, 2)
        layout.addLayout(buttons)
        self._show(None)

    # ---- searching --------------------------------------------------------------------
    def _text_changed(self, _text: str) -> None:
        self._used.clear()
        self._debounce.start()

    def refresh(self, keep_id: int | None = None, *,
                keep_order: bool = False) -> asyncio.Task[list[QuickAnswer]]:
        """Run the current query again, keeping the current answer (or ``keep_id``)
        shown if it is still found (and with ``keep_order`` the rows where they are)."""
        current = self.current()
        return self._query(keep_id if keep_id is not None else current.id if current else None,
                           keep_order=keep_order)

    def _query(self, keep_id: int | None, *,
               keep_order: bool = False) -> asyncio.Task[list[QuickAnswer]]:
        self._debounce.stop()
        self._searched = True
        query = self.search_field.text()

        def done(answers: list[QuickAnswer]) -> None:
            self._show_results(answers, keep_id, keep_order)
            self.results_shown.emit(query)

        return self._search.run(quick_answers.search(self._store, query, RESULT_LIMIT,
                                                     index=self.index), done, self._show_error)

    def _show_results(self, answers: list[QuickAnswer], keep_id: int | None,
                      keep_order: bool = False) -> None:
        reset = self.model.set_results(answers, keep_order=keep_order)
        row = self.model.row_of(keep_id) if keep_id is not None else None
        if row is not None or reset:
            self._select(row if row is not None else 0)
        self._show(self.current())
        note, self._note = self._note, ""
        if note:
            self.status.setText(note)
        elif answers:
            self.status.setText(self.tr("找到 {n} 条").format(n=len(answers)))
        elif self.search_field.text().strip():
            self.status.setText(self.tr("没有匹配的答复：换个说法，或用拼音首字母试试"))
        else:
            self.status.setText(self.tr("知识库里还没有答复"))

    def _show_error(self, exc: ConsoleError) -> None:
        self.status.setText(texts.user_error(exc))

    # ---- following the feed -------------------------------------------------------------
    def _wants(self, events: list[Event]) -> bool:
        """The base changed (here or at another seat); a use counted is no change."""
        changed = any((change := e.of(QuickAnswerChanged)) is not None
                      and change.action != quick_answers.HIT for e in events)
        if changed and not self.isVisible():
            self._searched = False  # searched again when next shown
            return False
        return changed

    async def _reload(self) -> None:
        aim, self._aim = self._aim, None
        # Lands through the slot (errors are shown there); a saved entry is searched for.
        await asyncio.wait([self.refresh(aim, keep_order=aim is None)])

    def shutdown(self) -> None:
        """Follow the feed no more (the window is closing)."""
        self.follower.stop()
        self._debounce.stop()

    # ---- current answer ---------------------------------------------------------------
    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(row, AnswerListModel.QUESTION))

    def _current_row(self) -> int:
        index = self.results.currentIndex()
        return index.row() if index.isValid() else -1

    def current(self) -> QuickAnswer | None:
        return self.model.answer(self._current_row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.answer(current.row()) if current.isValid() else None)

    def _show(self, answer: QuickAnswer | None) -> None:
        self.text.setPlainText(answer.answer if answer else "")
        self.copy_button.setEnabled(answer is not None)
        self.edit_button.setEnabled(answer is not None)

    # ---- using an answer ----------------------------------------------------------------
    def use(self, row: int) -> None:
        answer = self.model.answer(row)
        if answer is None:
            return
        self.answer_used.emit(answer)
        if answer.id in self._used:
            return
        self._used.add(answer.id)
        # The new count shows when the feed brings the hit (the reload keeps this answer).
        self.follower.save(quick_answers.record_hit(self._store, answer.id),
                           on_error=self._show_error)

    def copy_current(self) -> None:
        answer = self.current()
        if answer is None:
            return
        QGuiApplication.clipboard().setText(answer.answer)
        self.status.setText(self.tr("已复制答复"))
        self.use(self._current_row())
        if self.follower.busy:  # the reload the hit brings says so again
            self._note = self.tr("已复制答复")

    # ---- editing --------------------------------------------------------------------------
    def open_editor(self, answer: QuickAnswer | None) -> QuickAnswerEditor:
        editor = QuickAnswerEditor(self._store, self._runner, answer, self,
                                   catalog=self._catalog, save_through=self._save_edit)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _save_edit(self, write: Coroutine[Any, Any, QuickAnswer],
                   on_saved: Callable[[QuickAnswer], None],
                   on_error: Callable[[ConsoleError], None]) -> None:
        """An edit through the follower: the editor closes once the feed's reload
        shows the saved entry among its neighbours (a search for its own question)."""
        async def aimed() -> QuickAnswer:
            saved = await write
            self._note = self.tr("已保存：{q}").format(q=saved.question)
            self.search_field.blockSignals(True)  # which query the reload runs, not its rows
            self.search_field.setText(saved.question)
            self.search_field.blockSignals(False)
            self._used.clear()
            self._aim = saved.id
            return saved

        def refused(exc: ConsoleError) -> None:
            self.status.setText(before)  # the editor says why
            on_error(exc)

        before = self.status.text()
        self.status.setText(self.tr("保存中…"))  # until the reload the feed brings
        self.follower.save(aimed(), on_saved, refused)

    # ---- keyboard and visibility ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and commands.matches(
                "call.answer", QKeyEvent(event)):  # type: ignore[call-overload]
            # F9 (the call screen's "answered on the spot") is about to fire: the
            # answer shown here is the one given, so it is used first. Not accepted,
            # so the shortcut still fires.
            self.use(self._current_row())
            return False
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = QKeyEvent(event)  # type: ignore[call-overload]
        if watched is self.search_field and commands.matches("answers.to_results", key) and (
                self.model.rowCount()):
            self.results.setFocus()
            self._select(min(self._current_row() + 1, self.model.rowCount() - 1))
            return True
        if watched is self.search_field and commands.matches("answers.back", key) and (
                self.search_field.text()):
            self.search_field.clear()
            return True
        if watched is self.results:
            if commands.matches("answers.use", key):
                self.use(self._current_row())
                return True
            if commands.matches("answers.back", key) or (
                    key.key() == Qt.Key.Key_Up and self._current_row() <= 0):
                self.search_field.setFocus()
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        """Put the cursor in the search field with its text selected (a shortcut's target)."""
        self.search_field.setFocus()
        self.search_field.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._searched:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._debounce.stop()  # the input debounce: no search for a hidden pane
        super().hideEvent(event)
