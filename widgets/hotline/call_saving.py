"""The three ways the call screen saves a call, and the rule that one save runs at
a time. All three go through the outbox, which keeps the call on the seat (its
journal, on disk before the form clears) while the database is out of reach and
makes the same save once the link is back.

- Enter: a new case. When the case looks like a duplicate, the first Enter
  shows the candidates and a second Enter saves it as a new case.
- F8: a duplicate of the candidate chosen.
- F9: a question answered on the spot, with the answer asked for (and offered
  from the quick-answer base).

Problems are shown at their fields, or in the form's message line; nothing the
operator typed is cleared until a save worked.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError, ValidationError
from console.hotline import duplicates, intake
from console.hotline.journal import ANSWER, DUPLICATE, NEW_CASE, Save
from console.hotline.outbox import Outbox, Submission
from widgets.common import texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.tasks import TaskRunner
from widgets.hotline.call_form import CallForm
from widgets.hotline.duplicate_candidates import DuplicatePanel

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CallScreen", text)  # words of the call screen


class CallSaving(QObject):
    """Saves what ``form`` holds. ``finished`` says how a save ended well: the case
    made (None: kept on this seat until the link is back) and the words for it."""

    finished = Signal(object, str)  # intake.CreatedCase | None, message
    running = Signal(bool)  # a save went to the database (True) or ended (False)

    def __init__(self, catalog: Catalog, outbox: Outbox, runner: TaskRunner,
                 form: CallForm, candidates: DuplicatePanel, parent: QWidget) -> None:
        super().__init__(parent)
        self._catalog, self._outbox, self._runner = catalog, outbox, runner
        self._form, self._candidates, self._parent = form, candidates, parent
        self.busy = False  # a save, or the duplicate check before one, is under way
        self._suggested_answer = ""
        self._new_despite: duplicates.Probe | None = None  # candidates shown: Enter again

    def forget(self) -> None:
        """A new call: the candidates seen and the answer offered were for the last one."""
        self._new_despite = None
        self._suggested_answer = ""

    def checked_draft(self) -> intake.CaseDraft | None:
        """The form as a draft, or None with the problems shown at their fields."""
        return None if self.busy else self._form.checked_draft()

    # ---- Enter: a new case ---------------------------------------------------------
    def save(self) -> None:
        """Save, unless the case looks like a duplicate not yet shown as one."""
        if self.checked_draft() is None:
            return
        probe = self._form.probe()
        if probe == self._new_despite:  # the operator has seen the candidates: a new case
            self._submit()
            return
        self.busy = True
        self._candidates.check(lambda found: self._duplicates_checked(probe, found))

    def _duplicates_checked(self, probe: duplicates.Probe,
                            found: list[duplicates.Candidate]) -> None:
        self.busy = False
        if found and probe == self._form.probe():
            self._new_despite = probe
            self._form.say(_tr(
                "未保存：本次来电可能与下列案件是同一件事。按 F8 记为所选案件的重复件，"
                "再按 Enter 则作为新案件保存"))
            return
        self._submit()

    def _submit(self) -> None:
        draft = self.checked_draft()
        if draft is not None:
            self._send(draft, NEW_CASE, lambda created: _tr("已保存 {no}").format(
                no=created.public_no))

    def _send(self, draft: intake.CaseDraft, save: Save,
              words: Callable[[intake.CreatedCase], str]) -> None:
        """Through the outbox; ``words`` say how the case was saved."""
        self._form.say(_tr("正在保存…"))
        self._start(self._outbox.submit(draft, save),
                    lambda submission: self._submitted(submission, words))

    def _submitted(self, submission: Submission,
                   words: Callable[[intake.CreatedCase], str]) -> None:
        if submission.created is not None:
            self.finished.emit(submission.created, words(submission.created))
            return
        # The link is down: the call waits on this seat, as the save it was.
        self.finished.emit(None, _tr("数据库连接中断：本件已暂存本机（共 {n} 件待提交），连接恢复后自动提交，可继续受理下一个来电").format(n=submission.pending))  # noqa: E501

    # ---- F8: a duplicate -------------------------------------------------------------
    def record_as_duplicate(self) -> None:
        """Record the call as a duplicate of the selected possible duplicate."""
        master = self._candidates.current()
        draft = self.checked_draft() if master is not None else None
        if master is None or draft is None:
            return
        message = _tr("已保存 {no}，记为 {master} 的重复件")
        self._send(draft, Save(DUPLICATE, master_id=master.id), lambda created: message.format(
            no=created.public_no, master=master.public_no))

    # ---- F9: answered on the spot -----------------------------------------------------
    def suggest_answer(self, answer: str) -> None:
        """An answer picked in the quick-answer base: offered when the call is closed."""
        self._suggested_answer = answer

    def answer_now(self) -> FactsDialog | None:
        """Record the call as a question answered on the spot (asks for the answer)."""
        draft = self.checked_draft()
        if draft is None:
            return None
        dialog = FactsDialog("answer", self._catalog, self._parent)
        answer_field = dialog.fields["answer"]
        assert isinstance(answer_field, QPlainTextEdit)
        answer_field.setPlainText(self._suggested_answer)
        dialog.accepted.connect(lambda: self._answer(draft, dialog.facts()["answer"]))
        dialog.open()
        return dialog

    def _answer(self, draft: intake.CaseDraft, answer: str) -> None:
        message = _tr("已保存 {no}，当场答复办结")
        self._send(draft, Save(ANSWER, answer=answer), lambda created: message.format(
            no=created.public_no))

    # ---- one save at a time ------------------------------------------------------------
    def _start(self, work: Coroutine[Any, Any, T], done: Callable[[T], None]) -> None:
        """Run a save; the form takes no other save until it ends, however it ends."""
        self._set_busy(True)
        task = self._runner.run(work, done, self._failed)
        task.add_done_callback(lambda _task: self._set_busy(False))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.running.emit(busy)

    def _failed(self, exc: ConsoleError) -> None:
        if isinstance(exc, ValidationError):
            self._form.clear_errors()
            self._form.show_errors(exc.errors, after_save=True)
        else:
            self._form.say(texts.user_error(exc))
