"""Form rows with an error line under the field, as every form here shows them,
and the message line under a form."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"


def add_row(form: QFormLayout, label: str, field: QWidget | QLayout, error_name: str) -> QLabel:
    """Add ``field`` under ``label`` with a hidden error line (named ``error_name``) below it."""
    error = QLabel(objectName=error_name)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    box = QVBoxLayout()
    box.setSpacing(1)
    if isinstance(field, QWidget):
        box.addWidget(field)
    else:
        box.addLayout(field)
    box.addWidget(error)
    form.addRow(label, box)
    return error


class MessageLine(QLabel):
    """A form's message line: word-wrapped, and taking no room while it says nothing."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
