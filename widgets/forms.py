"""Form rows with an error line under the field, as every form here shows them."""

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
