"""A small form for a unit's application, note or reply, and for a decision's
reason: text boxes and, for an extension, the number of working days. Tab
leaves a text box; Ctrl+Enter saves from any field; Esc cancels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.units import clocks
from widgets.common.form_keys import submit_with_ctrl_enter


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    required: bool = True
    days: bool = False  # a number of working days, not a text
    choices: tuple[tuple[int, str], ...] = ()  # one of these (id, name), not a text


class UnitForm(QDialog):
    def __init__(self, title: str, fields: list[Field], parent: QWidget | None = None,
                 *, intro: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("unitForm")
        self.setWindowTitle(title)
        self._fields = fields
        self.inputs: dict[str, QPlainTextEdit | QSpinBox | QComboBox] = {}
        form = QFormLayout()
        for field in fields:
            widget: QPlainTextEdit | QSpinBox | QComboBox
            if field.choices:
                widget = QComboBox(objectName=f"unitForm.{field.name}")
                widget.setEditable(True)  # type part of the name
                widget.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                for key, name in field.choices:
                    widget.addItem(name, key)
                completer = widget.completer()
                if completer is not None:
                    completer.setFilterMode(Qt.MatchFlag.MatchContains)
                    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            elif field.days:
                widget = QSpinBox(objectName=f"unitForm.{field.name}")
                widget.setRange(1, clocks.MAX_EXTENSION_WORKING_DAYS)
                widget.setSuffix(self.tr(" 个工作日"))
            else:
                widget = QPlainTextEdit(objectName=f"unitForm.{field.name}")
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(90)
            self.inputs[field.name] = widget
            form.addRow(field.label, widget)
        self.error = QLabel(objectName="unitForm.error")
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(QLabel(intro, objectName="unitForm.intro"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        submit_with_ctrl_enter(self, ok.click, ok)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                index = widget.findText(widget.currentText().strip())
                out[name] = widget.itemData(index) if index >= 0 else None
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value()
            else:
                out[name] = widget.toPlainText().strip()
        return out

    def _check_and_accept(self) -> None:
        values = self.values()
        for field in self._fields:
            if field.required and not field.days and values[field.name] in (None, ""):
                self.error.setText(self.tr("请填写「{label}」").format(label=field.label))
                self.inputs[field.name].setFocus()
                return
        self.accept()
