"""The hotline call screen: caller number and history, then the case form.

Keyboard flow, all without the mouse: the number field has focus; Enter looks
the caller up and goes to the case text; Tab walks the form in reading order.
In the street, community, grid and category boxes typing part of a name (or
the pinyin initials) and pressing Enter takes the best match and moves on.
Enter in the other fields saves (Shift+Enter is a new line in the text). When
the case looks like a duplicate the first Enter says so: F8 records the call
as a duplicate of the selected case, a second Enter saves it as a new case.
F9 (also from the quick-answer pane) closes it as answered on the spot. Esc
clears the form and Ctrl+Z puts it back, so one key never loses typed work.
Errors appear under their field and nothing typed is cleared until saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import duplicates, intake
from console import phone as phones
from console.catalog import Catalog, Category
from console.errors import ConsoleError, FieldError, ValidationError
from console.outbox import Outbox, Submission
from console.store import Store
from widgets import texts
from widgets.call_form import CallForm
from widgets.caller_history import CallerHistoryPanel
from widgets.duplicate_candidates import DuplicatePanel
from widgets.facts_dialog import FactsDialog
from widgets.row_list_model import RowListModel
from widgets.tasks import TaskRunner

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
T = TypeVar("T")


class StatusLine(QLabel):
    """The call screen's message line: takes no room while it has nothing to say."""

    def __init__(self, *, objectName: str) -> None:  # noqa: N803 (Qt's keyword)
        super().__init__(objectName=objectName)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class CallScreen(QWidget):
    case_saved = Signal(object)  # intake.CreatedCase

    def __init__(self, store: Store, catalog: Catalog, outbox: Outbox, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callScreen")
        self._store, self._catalog, self._runner = store, catalog, runner
        self._outbox = outbox
        self._draft_id = uuid.uuid4()
        self._busy = False  # a save or a duplicate check before saving is under way
        self._looked_up: str | None = None
        self._suggested_answer = ""
        self._cleared: intake.CaseDraft | None = None  # what Esc cleared, for Ctrl+Z
        self._new_despite: duplicates.Probe | None = None  # shown candidates, Enter again
        self._summary = False  # the status line sums up the fields marked red
        self._build()

    # ---- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.caller = CallerHistoryPanel(self._store, self._catalog, self._runner,
                                         self._show_user_error, self._name_on_record)
        self.form = CallForm(self._catalog, self.caller.repeat_mark)
        form = self.form
        self.phone, self.caller_name, self.text = form.phone, form.caller_name, form.text
        self.channel, self.nature, self.urgency = form.channel, form.nature, form.urgency
        self.address, self.place, self.category = form.address, form.place, form.category
        self.errors = form.errors
        self.save_button = self._button("call.save", self.tr("保存 (Enter)"), self.save)
        self.answer_button = self._button("call.answer", self.tr("当场答复 (F9)"),
                                          self.answer_now)
        self.clear_button = self._button("call.clear", self.tr("清空 (Esc)"), self.clear)
        self.status = StatusLine(objectName="call.status")
        self.duplicates = DuplicatePanel(self._store, self._runner, self.probe)
        self.duplicates.chosen.connect(self.record_as_duplicate)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.answer_button, self.clear_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.caller, 1)
        order = [*form.inputs(), self.answer_button, self.clear_button, self.save_button,
                 self.duplicates.list, self.caller.table]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.phone)

        for widget in form.inputs():
            widget.installEventFilter(self)
        self.phone.returnPressed.connect(self._phone_entered)
        self.phone.editingFinished.connect(self.look_up_caller)
        for edit in (self.caller_name, self.address):
            edit.returnPressed.connect(self.save)
        for picker in (*self.place.fields(), self.category):
            picker.picked.connect(picker.focusNextChild)
            picker.returnPressed.connect(picker.focusNextChild)  # Enter with nothing to take
        self.text.textChanged.connect(self._form_changed)
        self.place.changed.connect(self._form_changed)
        self.category.category_chosen.connect(self._category_chosen)
        # F9 from anywhere in the window: the quick-answer pane beside the form included.
        self._answer_key = QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.answer_now,
                                     context=Qt.ShortcutContext.WindowShortcut)

    def _button(self, name: str, label: str, slot: object) -> QPushButton:
        button = QPushButton(label, objectName=name)
        button.setAutoDefault(True)  # Enter on a focused button presses it
        button.clicked.connect(slot)
        return button

    @property
    def history_model(self) -> RowListModel:
        return self.caller.model

    # ---- keyboard ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = QKeyEvent(event)  # type: ignore[call-overload]
        if key.matches(QKeySequence.StandardKey.Undo) and self.can_undo_clear():
            self.undo_clear()
            return True
        plain_enter = key.key() in ENTER and not (
            key.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if plain_enter and (watched is self.text or (
                isinstance(watched, QComboBox) and not watched.view().isVisible())):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        if event.key() == Qt.Key.Key_F8:
            self.record_as_duplicate()
            return
        super().keyPressEvent(event)

    # ---- incoming calls and caller history -------------------------------------------
    def incoming_call(self, number: str, channel: str = "phone_12345") -> None:
        """A ring with a caller number (from telephony or the simulator)."""
        if self.form.has_input():
            self.status.setText(self.tr("新来电 {n}：当前表单尚未保存，已保留").format(n=number))
            return
        self.status.clear()  # the previous call's message is about a call that is over
        try:
            self.phone.setText(phones.normalise(number).display)
        except phones.PhoneError:
            self.phone.setText(number)  # shown as it came; the field says what is wrong
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.look_up_caller()
        self.text.setFocus()

    def _phone_entered(self) -> None:
        self.look_up_caller()
        self.text.setFocus()  # the name is optional (and often on record): Tab goes there

    def look_up_caller(self) -> None:
        raw = self.phone.text()
        if raw == self._looked_up:
            return  # Enter and leaving the field both ask; one lookup is enough
        self._looked_up = raw
        if not raw.strip():
            self.caller.look_up(None)
            return
        try:
            number = phones.normalise(raw)
        except phones.PhoneError as exc:
            self._show_field_errors([FieldError("caller_phone", exc.code)])
            self.caller.look_up(None)
            return
        self._clear_field_error("caller_phone")
        self.caller.look_up(number.e164)
        self._form_changed()

    def _name_on_record(self, name: str) -> None:
        if not self.caller_name.text():
            self.caller_name.setText(name)

    # ---- possible duplicates ----------------------------------------------------------------
    def probe(self) -> duplicates.Probe:
        try:
            phone = phones.normalise(self.phone.text()).e164 if self.phone.text().strip() else ""
        except phones.PhoneError:
            phone = ""
        cell = self._catalog.grid_cells.get(self.place.grid_code or "")
        category = self.category.chosen
        return duplicates.Probe(
            phone_e164=phone, grid_code=cell.code if cell else None,
            street_code=cell.street_code if cell else self.place.street_code,
            category_id=category.id if category else None, text=self.text.toPlainText())

    def _form_changed(self) -> None:
        self.duplicates.schedule()

    def record_as_duplicate(self) -> None:
        """F8: record the call as a duplicate of the selected possible duplicate."""
        master = self.duplicates.current()
        draft = self._checked_draft() if master is not None else None
        if master is None or draft is None:
            return

        def done(created: intake.CreatedCase) -> None:
            self._reset()
            self.status.setText(self.tr("已保存 {no}，记为 {master} 的重复件").format(
                no=created.public_no, master=master.public_no))
            self.case_saved.emit(created)

        self._start(duplicates.record_as_duplicate(
            self._store, self._catalog, draft, master.id), done)

    # ---- answered on the spot ---------------------------------------------------------------
    def suggest_answer(self, answer: str) -> None:
        """An answer picked in the quick-answer base: offered when the call is closed."""
        self._suggested_answer = answer

    def answer_now(self) -> FactsDialog | None:
        """Record the call as a question answered on the spot (asks for the answer)."""
        draft = self._checked_draft()
        if draft is None:
            return None
        dialog = FactsDialog("answer", self._catalog, self)
        answer_field = dialog.fields["answer"]
        assert isinstance(answer_field, QPlainTextEdit)
        answer_field.setPlainText(self._suggested_answer)
        dialog.accepted.connect(lambda: self._answer(draft, dialog.facts()["answer"]))
        dialog.open()
        return dialog

    def _answer(self, draft: intake.CaseDraft, answer: str) -> None:
        def done(created: intake.CreatedCase) -> None:
            self._reset()
            self.status.setText(self.tr("已保存 {no}，当场答复办结").format(no=created.public_no))
            self.case_saved.emit(created)

        self._start(intake.answer_on_the_spot(self._store, self._catalog, draft, answer), done)

    # ---- saving ------------------------------------------------------------------------
    def _category_chosen(self, category: Category | None) -> None:
        self._form_changed()
        if category is not None and category.urgency:
            self.urgency.setCurrentIndex(self.urgency.findData(category.urgency))
        if category is not None:
            self._clear_field_error("category")

    def draft(self) -> intake.CaseDraft:
        return self.form.draft(self._draft_id)

    def _checked_draft(self) -> intake.CaseDraft | None:
        """The form as a draft, or None with the problems shown at their fields."""
        if self._busy:
            return None
        draft = self.draft()
        self.form.clear_errors()
        errors = self.form.unmatched_places()
        try:
            intake.validate(draft, self._catalog)
        except ValidationError as exc:
            errors += exc.errors
        if errors:
            self._show_field_errors(errors, after_save=True)
            return None
        return draft

    def save(self) -> None:
        """Enter: save, unless the case looks like a duplicate not yet shown as one."""
        if self._checked_draft() is None:
            return
        probe = self.probe()
        if probe == self._new_despite:  # the operator has seen the candidates: a new case
            self._submit()
            return
        self._busy = True
        self.duplicates.check(lambda found: self._duplicates_checked(probe, found))

    def _duplicates_checked(self, probe: duplicates.Probe,
                            found: list[duplicates.Candidate]) -> None:
        self._busy = False
        if found and probe == self.probe():
            self._new_despite = probe
            self.status.setText(self.tr(
                "未保存：本次来电可能与下列案件是同一件事。按 F8 记为所选案件的重复件，"
                "再按 Enter 则作为新案件保存"))
            return
        self._submit()

    def _submit(self) -> None:
        draft = self._checked_draft()
        if draft is None:
            return
        self.status.setText(self.tr("正在保存…"))
        self._start(self._outbox.submit(draft), self._saved)

    def _start(self, work: Coroutine[Any, Any, T], done: Callable[[T], None]) -> None:
        """Run a save; the form takes no other save until it ends, however it ends."""
        self._busy = True
        self.save_button.setEnabled(False)
        task = self._runner.run(work, done, self._save_failed)
        task.add_done_callback(lambda _task: self._save_ended())

    def _save_ended(self) -> None:
        self._busy = False
        self.save_button.setEnabled(True)

    def _saved(self, submission: Submission) -> None:
        self._reset()
        created = submission.created
        if created is None:  # the link is down: the case waits on this seat
            self.status.setText(self.tr("数据库连接中断：本件已暂存本机（共 {n} 件待提交），连接恢复后自动提交，可继续受理下一个来电").format(n=submission.pending))  # noqa: E501
            return
        self.status.setText(self.tr("已保存 {no}").format(no=created.public_no))
        self.case_saved.emit(created)

    def _save_failed(self, exc: ConsoleError) -> None:
        if isinstance(exc, ValidationError):
            self.form.clear_errors()
            self._show_field_errors(exc.errors, after_save=True)
        else:
            self._show_user_error(exc)

    # ---- messages ------------------------------------------------------------------------
    def _show_field_errors(self, errors: list[FieldError], *, after_save: bool = False) -> None:
        """Mark the rows red; after a save was refused, sum them up and go to the first."""
        first = None
        for error in errors:
            key = self.form.show_error(error)
            first = first or key
        if after_save:
            self._summary = True
            if first is not None:
                self.form.focus_row(first)
        self._show_summary()

    def _clear_field_error(self, key: str) -> None:
        self.form.clear_error(key)
        self._show_summary()

    def _show_summary(self) -> None:
        """Say how many fields are marked red, and nothing of them when none is."""
        if not self._summary:
            return
        shown = list(self.form.shown_errors.values())
        if shown:
            self.status.setText(texts.user_error(ValidationError(shown)))
        else:
            self.status.clear()
            self._summary = False

    def _show_user_error(self, exc: ConsoleError) -> None:
        self._summary = False
        self.status.setText(texts.user_error(exc))

    # ---- a new case ------------------------------------------------------------------------
    def clear(self) -> None:
        """Esc / Ctrl+N: start a new case. Anything typed can be put back with Ctrl+Z."""
        if self._busy:
            return
        typed = self.draft() if self.form.has_input() else None
        self._reset()
        if typed is not None:
            self._cleared = typed
            self.status.setText(self.tr("已清空表单；按 Ctrl+Z 恢复刚才填写的内容"))

    def can_undo_clear(self) -> bool:
        return self._cleared is not None and not self.form.has_input()

    def undo_clear(self) -> None:
        """Ctrl+Z after Esc: the cleared form back, as it was."""
        cleared, self._cleared = self._cleared, None
        if cleared is None:
            return
        self._draft_id = cleared.id  # the same draft: saving it twice still makes one case
        self.form.fill(cleared)
        self._looked_up = None
        self.look_up_caller()
        self.status.setText(self.tr("已恢复清空前的内容"))
        self.text.setFocus()

    def _reset(self) -> None:
        """An empty form with a fresh draft id, the focus on the number."""
        self._draft_id = uuid.uuid4()
        self._cleared = None
        self._new_despite = None
        self._summary = False
        self.form.reset()
        self.status.clear()
        self._looked_up = None
        self._suggested_answer = ""
        self.duplicates.stop()
        self.caller.clear()
        self.phone.setFocus()
