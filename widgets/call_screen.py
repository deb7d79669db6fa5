"""The hotline call screen: caller number and history, then the case form.

Keyboard flow: the number field has focus; Enter looks the caller up and moves
on; Tab walks the form; Enter in any single-line field (or in the text box,
where Shift+Enter makes a new line) saves. Errors appear under their field and
nothing typed is cleared until the case is saved.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import duplicates, intake, queue
from console import phone as phones
from console.catalog import Catalog, Category
from console.channels import CHANNELS, NATURES
from console.errors import ConsoleError, FieldError, ValidationError
from console.outbox import Outbox, Submission
from console.queue import CallerHistory
from console.store import Store
from widgets import texts
from widgets.facts_dialog import FactsDialog
from widgets.forms import add_row
from widgets.pickers import CategoryPicker, PlacePicker
from widgets.row_list_model import RowListModel
from widgets.tasks import TaskRunner

DUPLICATE_CHECK_MS = 500
FIELDS = ("caller_phone", "caller_name", "channel", "nature", "text", "address", "place",
          "category", "urgency")
# Which field shows a given error code's field name.
FIELD_OF = {"grid": "place", "community": "place", "street": "place"}


class CallScreen(QWidget):
    case_saved = Signal(object)  # intake.CreatedCase

    def __init__(self, store: Store, catalog: Catalog, outbox: Outbox, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callScreen")
        self._store, self._catalog, self._runner = store, catalog, runner
        self._outbox = outbox
        self._draft_id = uuid.uuid4()
        self._saving = False
        self._lookup_seq = 0
        self._looked_up: str | None = None
        self._candidate_seq = 0
        self._suggested_answer = ""
        self._build()

    # ---- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.phone = self._line("call.phone", self.tr("来电号码，回车查询历史"))
        self.repeat_mark = QLabel(objectName="call.repeatMark")
        self.repeat_mark.setStyleSheet("color: white; background: #ad1457; padding: 1px 6px;"
                                       " border-radius: 3px; font-weight: bold;")
        self.repeat_mark.hide()
        self.caller_name = self._line("call.callerName", self.tr("姓名（可不填）"))
        self.channel = self._choice("call.channel", [(c, texts.channel_name(c)) for c in CHANNELS])
        self.nature = self._choice("call.nature", [(n, texts.nature_name(n)) for n in NATURES])
        self.text = QPlainTextEdit(objectName="call.text")
        self.text.setPlaceholderText(self.tr("诉求内容（Enter 保存，Shift+Enter 换行）"))
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        self.text.setMinimumHeight(90)
        self.text.setMaximumHeight(130)
        self.address = self._line("call.address", self.tr("事发地址"))
        self.place = PlacePicker(self._catalog, self)
        self.category = CategoryPicker(self._catalog, self)
        self.category.setObjectName("call.category")
        self.category.returnPressed.connect(self.save)
        self.category.category_chosen.connect(self._category_chosen)
        self.urgency = self._choice("call.urgency", [("A", self.tr("A 类（紧急）")),
                                                     ("B", self.tr("B 类（较急）")),
                                                     ("C", self.tr("C 类（一般）"))])
        self.save_button = QPushButton(self.tr("保存 (Enter)"), objectName="call.save")
        self.save_button.clicked.connect(self.save)
        self.answer_button = QPushButton(self.tr("当场答复 (F9)"), objectName="call.answer")
        self.answer_button.clicked.connect(self.answer_now)
        self.clear_button = QPushButton(self.tr("清空 (Esc)"), objectName="call.clear")
        self.clear_button.clicked.connect(self.clear)
        self.status = QLabel(objectName="call.status")
        self.status.setWordWrap(True)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 1)
        phone_row.addWidget(self.repeat_mark)
        self._add(form, self.tr("来电号码"), phone_row, "caller_phone")
        self._add(form, self.tr("来电人"), self.caller_name, "caller_name")
        source_row = QHBoxLayout()
        source_row.addWidget(self.channel, 1)
        source_row.addWidget(self.nature, 1)
        self._add(form, self.tr("渠道 / 性质"), source_row, "channel")
        self._add(form, self.tr("诉求内容"), self.text, "text")
        self._add(form, self.tr("地址"), self.address, "address")
        self._add(form, self.tr("街道 / 社区 / 网格"), self.place, "place")
        self._add(form, self.tr("事项分类"), self.category, "category")
        self._add(form, self.tr("紧急程度"), self.urgency, "urgency")
        self.errors["nature"] = self.errors["channel"]

        self.history_title = QLabel(self.tr("来电历史"), objectName="call.historyTitle")
        self.history_model = RowListModel(self._catalog, self)
        self.history = QTableView(objectName="call.history")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history.horizontalHeader().setStretchLastSection(True)

        self.duplicates_title = QLabel(objectName="call.duplicatesTitle")
        self.duplicates_title.setStyleSheet("color: #ad1457; font-weight: bold;")
        self.duplicates = QListWidget(objectName="call.duplicates")
        self.duplicates.setMaximumHeight(96)
        self.duplicates.itemDoubleClicked.connect(lambda _item: self.record_as_duplicate())
        self._show_candidates([])
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_CHECK_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self.text.textChanged.connect(self._duplicate_timer.start)
        self.place.changed.connect(self._duplicate_timer.start)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.duplicates_title)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        self.phone.returnPressed.connect(self._phone_entered)
        self.phone.editingFinished.connect(self.look_up_caller)
        self.urgency.setCurrentIndex(1)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setPlaceholderText(placeholder)
        if name != "call.phone":
            edit.returnPressed.connect(self.save)
        return edit

    def _choice(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for code, label in items:
            combo.addItem(label, code)
        return combo

    def _add(self, form: QFormLayout, label: str, field: QWidget | QLayout, key: str) -> None:
        self.errors[key] = add_row(form, label, field, f"call.{key}.error")

    # ---- keyboard ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event)  # type: ignore[call-overload]
            if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    key.modifiers() & Qt.KeyboardModifier.ShiftModifier):
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
        if event.key() == Qt.Key.Key_F9:
            self.answer_now()
            return
        super().keyPressEvent(event)

    # ---- incoming calls and caller history -------------------------------------------
    def incoming_call(self, number: str, channel: str = "phone_12345") -> None:
        """A ring with a caller number (from telephony or the simulator)."""
        if self._has_input():
            self.status.setText(self.tr("新来电 {n}：当前表单尚未保存，已保留").format(n=number))
            return
        try:
            self.phone.setText(phones.normalise(number).display)
        except phones.PhoneError:
            self.phone.setText(number)  # shown as it came; the field says what is wrong
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        self.look_up_caller()
        self.text.setFocus()

    def _phone_entered(self) -> None:
        self.look_up_caller()
        self.caller_name.setFocus()

    def look_up_caller(self) -> None:
        raw = self.phone.text()
        if raw == self._looked_up:
            return  # Enter and leaving the field both ask; one lookup is enough
        self._looked_up = raw
        self._lookup_seq += 1
        seq = self._lookup_seq
        if not raw.strip():
            self._show_history(None)
            return
        try:
            number = phones.normalise(raw)
        except phones.PhoneError as exc:
            self._show_field_error("caller_phone", texts.field_error(
                FieldError("caller_phone", exc.code)))
            self._show_history(None)
            return
        self._show_field_error("caller_phone", "")

        def done(history: CallerHistory) -> None:
            if seq == self._lookup_seq:
                self._show_history(history)

        self._runner.run(queue.caller_history(self._store, number.e164), done,
                         self._show_user_error)
        self._duplicate_timer.start()

    def _show_history(self, history: CallerHistory | None) -> None:
        rows = history.cases if history else []
        self.history_model.set_rows(rows)
        if history is None or not history.is_repeat:
            self.repeat_mark.hide()
            self.history_title.setText(self.tr("来电历史：无") if history else self.tr("来电历史"))
            return
        self.repeat_mark.setText(self.tr("重复来电 {n} 次").format(n=history.total))
        self.repeat_mark.show()
        self.history_title.setText(self.tr("来电历史：共 {total} 件，近30天 {recent} 件").format(
            total=history.total, recent=history.recent_30d))
        if history.name and not self.caller_name.text():
            self.caller_name.setText(history.name)

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

    def check_duplicates(self) -> None:
        probe = self.probe()
        if not (probe.phone_e164 or probe.text.strip() or probe.grid_code):
            self._show_candidates([])
            return
        self._candidate_seq += 1
        seq = self._candidate_seq

        def done(found: list[duplicates.Candidate]) -> None:
            if seq == self._candidate_seq:
                self._show_candidates(found)

        self._runner.run(duplicates.candidates(self._store, probe), done, self._show_user_error)

    def _show_candidates(self, found: list[duplicates.Candidate]) -> None:
        self.duplicates.clear()
        reasons = {"caller": self.tr("同一来电人"), "place": self.tr("同网格同类"),
                   "text": self.tr("内容相似")}
        for candidate in found:
            why = "、".join(reasons[r] for r in candidate.reasons)
            item = QListWidgetItem(f"{candidate.public_no}  {texts.status_name(candidate.status)}"
                                   f"  [{why}]  {candidate.text[:40]}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
            item.setToolTip(candidate.text)
            self.duplicates.addItem(item)
        if found:
            self.duplicates.setCurrentRow(0)
            self.duplicates_title.setText(self.tr(
                "疑似重复 {n} 件：按 F8 将本次来电记为所选案件的重复件").format(n=len(found)))
        self.duplicates_title.setVisible(bool(found))
        self.duplicates.setVisible(bool(found))

    def record_as_duplicate(self) -> None:
        item = self.duplicates.currentItem()
        draft = self._checked_draft() if item is not None else None
        if item is None or draft is None:
            return
        master_no = item.text().split()[0]
        self._saving = True

        def done(created: intake.CreatedCase) -> None:
            self._saving = False
            self.clear()
            self.status.setText(self.tr("已保存 {no}，记为 {master} 的重复件").format(
                no=created.public_no, master=master_no))
            self.case_saved.emit(created)

        self._runner.run(duplicates.record_as_duplicate(
            self._store, self._catalog, draft, item.data(Qt.ItemDataRole.UserRole)),
            done, self._save_failed)

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
        self._saving = True

        def done(created: intake.CreatedCase) -> None:
            self._saving = False
            self.clear()
            self.status.setText(self.tr("已保存 {no}，当场答复办结").format(no=created.public_no))
            self.case_saved.emit(created)

        self._runner.run(intake.answer_on_the_spot(self._store, self._catalog, draft, answer),
                         done, self._save_failed)

    # ---- saving ------------------------------------------------------------------------
    def _category_chosen(self, category: Category | None) -> None:
        self._duplicate_timer.start()
        if category is not None and category.urgency:
            self.urgency.setCurrentIndex(self.urgency.findData(category.urgency))
            self._show_field_error("category", "")

    def draft(self) -> intake.CaseDraft:
        category = self.category.chosen
        return intake.CaseDraft(
            id=self._draft_id,
            channel=self.channel.currentData(),
            nature=self.nature.currentData(),
            caller_phone=self.phone.text(),
            caller_name=self.caller_name.text(),
            text=self.text.toPlainText(),
            address=self.address.text(),
            street_code=self.place.street_code,
            community_code=self.place.community_code,
            grid_code=self.place.grid_code,
            category_id=category.id if category else None,
            urgency=self.urgency.currentData(),
        )

    def _checked_draft(self) -> intake.CaseDraft | None:
        """The form as a draft, or None with the problems shown at their fields."""
        if self._saving:
            return None
        draft = self.draft()
        self._clear_errors()
        try:
            intake.validate(draft, self._catalog)
        except ValidationError as exc:
            self._show_validation(exc)
            return None
        return draft

    def save(self) -> None:
        draft = self._checked_draft()
        if draft is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self._runner.run(self._outbox.submit(draft), self._saved, self._save_failed)

    def _saved(self, submission: Submission) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.clear()
        created = submission.created
        if created is None:  # the link is down: the case waits on this seat
            self.status.setText(self.tr("数据库连接中断：本件已暂存本机（共 {n} 件待提交），连接恢复后自动提交，可继续受理下一个来电").format(n=submission.pending))  # noqa: E501
            return
        self.status.setText(self.tr("已保存 {no}").format(no=created.public_no))
        self.case_saved.emit(created)

    def _save_failed(self, exc: ConsoleError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_validation(exc)
        else:
            self._show_user_error(exc)

    def _show_validation(self, exc: ValidationError) -> None:
        first: str | None = None
        for error in exc.errors:
            key = FIELD_OF.get(error.field, error.field)
            self._show_field_error(key, texts.field_error(error))
            first = first or key
        self.status.setText(texts.user_error(exc))
        if first is not None:
            self._focus_field(first)

    def _show_user_error(self, exc: ConsoleError) -> None:
        self.status.setText(texts.user_error(exc))

    def _focus_field(self, key: str) -> None:
        widget = {"caller_phone": self.phone, "caller_name": self.caller_name,
                  "channel": self.channel, "nature": self.nature, "text": self.text,
                  "address": self.address, "place": self.place.street,
                  "category": self.category, "urgency": self.urgency}.get(key)
        if widget is not None:
            widget.setFocus()

    def _show_field_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.setText(message)
            label.setVisible(bool(message))

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def _has_input(self) -> bool:
        return bool(self.phone.text().strip() or self.text.toPlainText().strip()
                    or self.address.text().strip())

    def clear(self) -> None:
        """Start a new case: a fresh draft id and an empty form."""
        self._draft_id = uuid.uuid4()
        for edit in (self.phone, self.caller_name, self.address):
            edit.clear()
        self.text.clear()
        self.category.choose(None)
        self.place.clear()
        self.channel.setCurrentIndex(0)
        self.nature.setCurrentIndex(0)
        self.urgency.setCurrentIndex(1)
        self._clear_errors()
        self.status.clear()
        self._looked_up = None
        self._duplicate_timer.stop()
        self._suggested_answer = ""
        self._show_candidates([])
        self._show_history(None)
        self.phone.setFocus()
