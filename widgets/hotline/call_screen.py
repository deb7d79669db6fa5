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
Ctrl+G (or the button beside the place) asks for the case's place on the map
(``pick_requested``; the main window brings the map forward, which gives the
point to ``take_point``: call_place.py).
Errors appear under their field and nothing typed is cleared until saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError, FieldError
from console.core.store import Store
from console.geo.locate import LiveLocator
from console.hotline import intake
from console.hotline import phone as phones
from console.hotline.outbox import Outbox
from widgets.casework.row_list_model import RowListModel
from widgets.common import commands, texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.tasks import TaskRunner
from widgets.hotline.call_form import CallForm
from widgets.hotline.call_saving import CallSaving
from widgets.hotline.caller_history import CallerHistoryPanel
from widgets.hotline.duplicate_candidates import DuplicatePanel

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CallScreen(QWidget):
    pick_requested = Signal()  # the case's place, on the map

    def __init__(self, store: Store, catalog: Catalog, outbox: Outbox, runner: TaskRunner,
                 parent: QWidget | None = None, locator: LiveLocator | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callScreen")
        self._store, self._catalog, self._runner = store, catalog, runner
        self._locator = locator
        self._looked_up: str | None = None
        self._build(outbox)

    # ---- layout -------------------------------------------------------------------
    def _build(self, outbox: Outbox) -> None:
        self.caller = CallerHistoryPanel(self._store, self._catalog, self._runner,
                                         self._show_user_error, self._name_on_record)
        self.form = form = CallForm(self._catalog, self.caller.repeat_mark,
                                    locator=self._locator)
        self.phone, self.caller_name, self.text = form.phone, form.caller_name, form.text
        self.channel, self.nature, self.urgency = form.channel, form.nature, form.urgency
        self.address, self.place, self.category = form.address, form.place, form.category
        self.errors, self.status = form.errors, form.status
        self.location = form.location
        self.location.pick_requested.connect(self.pick_requested)
        self.duplicates = DuplicatePanel(self._store, self._runner, form.probe)
        self.saving = CallSaving(self._catalog, outbox, self._runner, form,
                                 self.duplicates, self)
        self.saving.finished.connect(self._saved)
        self.save_button = self._button("call.save", commands.command("call.save").label(),
                                        self.save)
        self.saving.running.connect(lambda busy: self.save_button.setEnabled(not busy))
        self.answer_button = self._button("call.answer", commands.command("call.answer").label(),
                                          self.answer_now)
        self.clear_button = self._button("call.clear", commands.command("call.clear").label(),
                                         self.clear)
        self._keys: dict[str, Callable[[], object]] = {
            "call.clear": self.clear, "call.duplicate": self.record_as_duplicate,
            "call.pick_place": self.pick_requested.emit}
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
        self.text.textChanged.connect(self.duplicates.schedule)
        self.place.changed.connect(self.duplicates.schedule)
        self.category.category_chosen.connect(lambda _c: self.duplicates.schedule())
        # F9 from anywhere in the window: the quick-answer pane beside the form included.
        self._answer_key = QShortcut(commands.key_sequence("call.answer"), self, self.answer_now,
                                     context=Qt.ShortcutContext.WindowShortcut)

    def _button(self, name: str, label: str, slot: Callable[[], object]) -> QPushButton:
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
        if commands.matches("call.put_back", key) and self.form.can_put_back():
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
        command = commands.pressed(commands.CALL_SCREEN, event)
        handler = self._keys.get(command.id) if command else None
        if handler is None:
            super().keyPressEvent(event)
        else:
            handler()

    # ---- incoming calls and caller history -------------------------------------------
    def incoming_call(self, number: str, channel: str = "phone_12345") -> None:
        """A ring with a caller number (from telephony or the simulator)."""
        if self.form.has_input():
            self.form.say(self.tr("新来电 {n}：当前表单尚未保存，已保留").format(n=number))
            return
        self.form.say("")  # the last call's message is about a call that is over
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
            self.form.show_errors([FieldError("caller_phone", exc.code)])
            self.caller.look_up(None)
            return
        self.form.clear_error("caller_phone")
        self.caller.look_up(number.e164)
        self.duplicates.schedule()

    def _name_on_record(self, name: str) -> None:
        if not self.caller_name.text():
            self.caller_name.setText(name)

    # ---- the place on the map (call_place.py) -------------------------------------------------
    def take_point(self, lon: float, lat: float) -> str | None:
        """A point picked on the map: filled in, or the reason it was refused (said on
        the message line; nothing in the form changed)."""
        refusal = self.location.take(lon, lat)
        self.form.clear_error("location")
        self.form.say(refusal or "")
        return refusal

    # ---- saving (call_saving.py) -----------------------------------------------------
    def save(self) -> None:
        """Enter: save, unless the case looks like a duplicate not yet shown as one."""
        self.saving.save()

    def record_as_duplicate(self) -> None:
        """F8: record the call as a duplicate of the selected possible duplicate."""
        self.saving.record_as_duplicate()

    def suggest_answer(self, answer: str) -> None:
        """An answer picked in the quick-answer base: offered when the call is closed."""
        self.saving.suggest_answer(answer)

    def answer_now(self) -> FactsDialog | None:
        """F9: record the call as a question answered on the spot (asks for the answer)."""
        return self.saving.answer_now()

    def draft(self) -> intake.CaseDraft:
        return self.form.draft()

    def _saved(self, created: intake.CreatedCase | None, message: str) -> None:
        self._reset()
        self.form.say(message)

    def _show_user_error(self, exc: ConsoleError) -> None:
        self.form.say(texts.user_error(exc))

    # ---- a new case ------------------------------------------------------------------------
    def clear(self) -> None:
        """Esc / Ctrl+N: start a new case. Anything typed can be put back with Ctrl+Z."""
        if self.saving.busy:
            return
        kept = self.form.clear_keeping()
        self._forget_call()
        if kept:
            self.form.say(self.tr("已清空表单；按 Ctrl+Z 恢复刚才填写的内容"))

    def undo_clear(self) -> None:
        """Ctrl+Z after Esc: the cleared form back, as it was."""
        if self.form.put_back():
            self.look_up_caller()
            self.form.say(self.tr("已恢复清空前的内容"))
            self.text.setFocus()

    def _reset(self) -> None:
        """An empty form with a fresh draft id, the focus on the number."""
        self.form.reset()
        self._forget_call()

    def _forget_call(self) -> None:
        self.saving.forget()
        self._looked_up = None
        self.duplicates.stop()
        self.caller.clear()
        self.phone.setFocus()
