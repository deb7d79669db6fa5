"""The quick-answer pane (秒回知识库): find an answer while the caller talks.

Keyboard flow: type in the search field (Chinese, full pinyin or initials:
社保 / shebao / sb); the results follow after a short pause and the best one is
shown at once. Enter uses the shown answer; Down walks the results (Up on the
first row, or Esc, goes back to the search field); Enter or a double-click
uses the current row. "复制答复" copies the text and counts as a use too.
F9 closes the call as answered on the spot with the answer shown (the call
screen's key, working from here too).

Every use emits ``answer_used`` and records one hit (once per answer per
query, so Enter and then copy count once). The search and the hit run on the
event loop through the TaskRunner; only the in-memory ranking runs here.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from console.core.feed import Event
from console.core.store import Store
from widgets.answers.answer_editor import QuickAnswerEditor
from widgets.answers.answer_list_model import AnswerListModel
from widgets.common import commands, texts
from widgets.common.tasks import TaskRunner

__all__ = ["AnswerListModel", "QuickAnswerEditor", "QuickAnswerPane"]
RESULT_LIMIT = 30


class QuickAnswerPane(QWidget):
    answer_used = Signal(object)  # QuickAnswer
    results_shown = Signal(str)   # the query whose results are now in the list

    DEBOUNCE_MS = 150

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None, *,
                 can_edit: bool = False, catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAnswers")
        self._store, self._runner, self._catalog = store, runner, catalog
        self.index = AnswerIndex()
        self._seq = 0
        self._searched = False
        self._used: set[int] = set()  # answers already counted for the current query
        self._note = ""  # shown instead of the result count after the next search
        self._build(can_edit)

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

    def refresh(self, keep_id: int | None = None) -> None:
        """Run the current query again (after a change here or at another seat),
        keeping the current answer (or ``keep_id``) shown if it is still found."""
        current = self.current()
        self._query(keep_id if keep_id is not None else current.id if current else None)

    def _query(self, keep_id: int | None) -> None:
        self._debounce.stop()
        self._searched = True
        self._seq += 1
        seq, query = self._seq, self.search_field.text()

        def done(answers: list[QuickAnswer]) -> None:
            if seq == self._seq:  # else a later query has been asked already
                self._show_results(answers, keep_id)
                self.results_shown.emit(query)

        self._runner.run(quick_answers.search(self._store, query, RESULT_LIMIT,
                                              index=self.index), done, self._show_error)

    def _show_results(self, answers: list[QuickAnswer], keep_id: int | None) -> None:
        reset = self.model.set_results(answers)
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

    def apply_events(self, events: Sequence[Event]) -> None:
        """Change-feed subscriber: the base changed (here or at another seat)."""
        if not any(e.kind == quick_answers.EVENT for e in events):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._searched = False  # searched again when next shown

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
        self._runner.run(quick_answers.record_hit(self._store, answer.id),
                         lambda hits: self.model.set_hits(answer.id, hits), self._show_error)

    def copy_current(self) -> None:
        answer = self.current()
        if answer is None:
            return
        QGuiApplication.clipboard().setText(answer.answer)
        self.status.setText(self.tr("已复制答复"))
        self.use(self._current_row())

    # ---- editing --------------------------------------------------------------------------
    def open_editor(self, answer: QuickAnswer | None) -> QuickAnswerEditor:
        editor = QuickAnswerEditor(self._store, self._runner, answer, self, catalog=self._catalog)
        editor.saved.connect(self._saved)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _saved(self, answer: QuickAnswer) -> None:
        self._note = self.tr("已保存：{q}").format(q=answer.question)
        # Show the entry among its neighbours: search for its own question.
        self.search_field.blockSignals(True)
        self.search_field.setText(answer.question)
        self.search_field.blockSignals(False)
        self._used.clear()
        self._query(answer.id)

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
        self._debounce.stop()
        super().hideEvent(event)
