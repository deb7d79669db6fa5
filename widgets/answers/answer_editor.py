"""Adding or changing one quick answer (admins).

The form is checked on the spot with the service's own rules; each error is
shown under its field and nothing typed is lost. When someone else saved the
same entry first, the dialog says who and when, keeps what was typed, and
offers to load their version or to save this one over it knowingly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.answers import quick_answers
from console.answers.quick_answers import AnswerConflict, AnswerDraft, QuickAnswer
from console.catalog.catalog import Catalog, Category
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError, FieldError, ValidationError
from console.core.store import Store
from widgets.common import texts
from widgets.common.forms import add_row
from widgets.common.pickers import CategoryPicker
from widgets.common.tasks import TaskRunner

FIELDS = ("question", "answer", "keywords", "category")
# How a save runs: the write, then what to call with its result or its refusal.
Saver = Callable[[Coroutine[Any, Any, QuickAnswer], Callable[[QuickAnswer], None],
                  Callable[[ConsoleError], None]], object]


class QuickAnswerEditor(QDialog):
    saved = Signal(object)  # QuickAnswer

    def __init__(self, store: Store, runner: TaskRunner, answer: QuickAnswer | None = None,
                 parent: QWidget | None = None, *, catalog: Catalog | None = None,
                 save_through: Saver | None = None) -> None:
        """``save_through``: how the save runs (the pane's feed follower, which
        calls back once the feed brought the change); else straight on ``runner``."""
        super().__init__(parent)
        self.setObjectName("answerEditor")
        self._store, self._catalog = store, catalog
        self._save_through: Saver = save_through or runner.run
        self._id = answer.id if answer else None
        self._version = answer.version if answer else None
        self._category_id = answer.category_id if answer else None
        self._conflict: AnswerConflict | None = None
        self._saving = False
        self.setWindowTitle(self.tr("修改答复") if answer else self.tr("新增答复"))
        self._build()
        self.resize(560, 440)
        if answer is not None:
            self._fill(answer)

    def _build(self) -> None:
        self.question = QLineEdit(objectName="answerEditor.question")
        self.question.setPlaceholderText(self.tr("市民常问的问法，如：社保卡丢了怎么补办？"))
        self.answer = QPlainTextEdit(objectName="answerEditor.answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("坐席可直接照读的答复口径；政策可能变化的，"
                                               "注明“请以主管部门最新公布为准”"))
        self.keywords = QLineEdit(objectName="answerEditor.keywords")
        self.keywords.setPlaceholderText(self.tr("关键词，用空格或逗号分隔，如：社保卡 补卡 挂失"))
        self.active = QCheckBox(self.tr("启用（停用后不再出现在搜索结果中）"),
                                objectName="answerEditor.active")
        self.active.setChecked(True)
        self.category: CategoryPicker | None = None
        if self._catalog is not None:
            self.category = CategoryPicker(self._catalog, self)
            self.category.setObjectName("answerEditor.category")
            self.category.category_chosen.connect(self._category_chosen)
        self.status = QLabel(objectName="answerEditor.status")
        self.status.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("载入对方的版本"),
                                         objectName="answerEditor.reload")
        self.reload_button.clicked.connect(self._load_theirs)
        self.overwrite_button = QPushButton(self.tr("仍用我的内容覆盖"),
                                            objectName="answerEditor.overwrite")
        self.overwrite_button.clicked.connect(self._overwrite)
        self.save_button = QPushButton(self.tr("保存"), objectName="answerEditor.save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"), objectName="answerEditor.cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        self._add(form, self.tr("问题"), self.question, "question")
        self._add(form, self.tr("答复"), self.answer, "answer")
        self._add(form, self.tr("关键词"), self.keywords, "keywords")
        if self.category is not None:
            self._add(form, self.tr("事项分类（可不选）"), self.category, "category")
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show_conflict(None)

    def _add(self, form: QFormLayout, label: str, field: QWidget, key: str) -> None:
        self.errors[key] = add_row(form, label, field, f"answerEditor.{key}.error")

    def _fill(self, answer: QuickAnswer) -> None:
        self.question.setText(answer.question)
        self.answer.setPlainText(answer.answer)
        self.keywords.setText(" ".join(answer.keywords))
        self.active.setChecked(answer.active)
        self._id, self._version, self._category_id = answer.id, answer.version, answer.category_id
        if self.category is not None and self._catalog is not None:
            self.category.setText(self._catalog.category_path(answer.category_id))

    def _category_chosen(self, category: Category | None) -> None:
        self._category_id = category.id if category else None

    # ---- saving --------------------------------------------------------------------------
    def draft(self) -> AnswerDraft:
        return AnswerDraft(
            question=self.question.text(), answer=self.answer.toPlainText(),
            keywords=quick_answers.split_keywords(self.keywords.text()),
            category_id=self._category_id, active=self.active.isChecked(),
            id=self._id, version=self._version)

    def save(self) -> None:
        if self._saving:
            return
        draft = self.draft()
        self._clear_errors()
        try:
            quick_answers.validate(draft)
        except ValidationError as exc:
            self._show_validation(exc)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self._save_through(quick_answers.save_answer(self._store, draft), self._saved,
                           self._failed)

    def _saved(self, answer: QuickAnswer) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(answer)
        self.accept()

    def _failed(self, exc: ConsoleError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, AnswerConflict):
            self._show_conflict(exc)
        elif isinstance(exc, ValidationError):
            self._show_validation(exc)
        elif isinstance(exc, quick_answers.NotAllowed):
            self.status.setText(self.tr("只有管理员和值班长可以修改知识库，内容未保存"))
        else:
            self.status.setText(texts.user_error(exc))

    def _show_validation(self, exc: ValidationError) -> None:
        first = None
        for error in exc.errors:
            label = self.errors.get(error.field)
            if label is not None:
                label.setText(self._message(error))
                label.show()
                first = first or error.field
        self.status.setText(texts.user_error(exc))
        widget = {"question": self.question, "answer": self.answer, "keywords": self.keywords,
                  "category": self.category}.get(first or "")
        if widget is not None:
            widget.setFocus()

    def _message(self, error: FieldError) -> str:
        return texts.field_error(error)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.status.clear()

    # ---- someone else saved first ------------------------------------------------------------
    def _show_conflict(self, conflict: AnswerConflict | None) -> None:
        self._conflict = conflict
        self.reload_button.setVisible(conflict is not None)
        self.overwrite_button.setVisible(conflict is not None and conflict.current is not None)
        if conflict is None:
            return
        at = conflict.at if isinstance(conflict.at, dt.datetime) else None
        actions = {"created": self.tr("新增"), "updated": self.tr("修改"),
                   "deactivated": self.tr("停用"), "reactivated": self.tr("重新启用")}
        self.status.setText(self.tr(
            "{who} 于 {at} 已先{action}了这条答复。你填写的内容仍在上面，未保存；"
            "可载入对方的版本，或确认后用你的内容覆盖。").format(
                who=conflict.changed_by or self.tr("他人"),
                at=at.astimezone(CENTRE_TZ).strftime("%H:%M:%S") if at else "?",
                action=actions.get(conflict.action or "", self.tr("修改"))))

    def _load_theirs(self) -> None:
        if self._conflict is not None and self._conflict.current is not None:
            self._fill(self._conflict.current)
        self._clear_errors()
        self._show_conflict(None)

    def _overwrite(self) -> None:
        if self._conflict is not None and self._conflict.current is not None:
            self._version = self._conflict.current.version
        self._show_conflict(None)
        self.save()
