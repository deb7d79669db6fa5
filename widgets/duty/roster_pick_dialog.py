"""The dialogs of the roster's commands: a searchable list to choose a person
or a duty from (with a reason above it where one is needed), and the question
asked before a change that loses something.

A pick dialog stays open while its change is saved: a refused change is shown
in it, and what was typed and chosen can be sent again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from console.catalog.catalog import pinyin_initials
from widgets.common.forms import ERROR_STYLE

DATA_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class RosterPickDialog(QDialog):
    """A searchable list to choose from; optionally a reason above it."""

    submitted = Signal(object, str)  # the chosen item's data, the reason

    def __init__(self, name: str, title: str, prompt: str,
                 items: Sequence[tuple[str, object]], parent: QWidget | None = None, *,
                 reason: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.version: object = None  # what the pane saves against (a day's version…)
        self._busy = False
        self.reason = QLineEdit(objectName="roster.pick.reason")
        self.search = QLineEdit(objectName="roster.pick.search")
        self.search.setPlaceholderText(self.tr("输入姓名、班组、岗位或拼音首字母筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list = QListWidget(objectName="roster.pick.list")
        self.list.setMinimumSize(460, 320)
        for text, data in items:
            item = QListWidgetItem(text)
            item.setData(DATA_ROLE, data)
            item.setData(SEARCH_ROLE, f"{text} {pinyin_initials(text)}".lower())
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._submit())
        self.problem = QLabel(objectName="roster.pick.problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if reason is not None:
            form.addRow(reason, self.reason)
        else:
            self.reason.hide()
        form.addRow(QLabel(prompt))
        form.addRow(self.tr("筛选"), self.search)
        form.addRow(self.list)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        (self.reason if reason is not None else self.search).setFocus()

    def chosen(self) -> object:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(DATA_ROLE)

    def has_choice(self) -> bool:
        item = self.list.currentItem()
        return item is not None and not item.isHidden()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While the pane saves, the dialog stays (its answer closes it)."""
        self._busy = busy
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _submit(self) -> None:
        if not self.has_choice():
            self.show_problem(self.tr("请在列表中选中一项"))
            return
        self.show_problem("")
        self.submitted.emit(self.chosen(), self.reason.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.data(SEARCH_ROLE)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.list.setCurrentRow(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field walk the list."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(),
                                                        event.modifiers()))
            return True
        return super().eventFilter(watched, event)


class RosterConfirm(QMessageBox):
    """A question the leader answers before a change that loses something; ``on_yes``
    runs when the change is confirmed. Deletes itself once answered."""

    def __init__(self, text: str, yes: str, on_yes: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Question, "", text,
                         QMessageBox.StandardButton.NoButton, parent)
        self.setWindowTitle(self.tr("排班"))
        self.setObjectName("roster.confirm")
        confirm = self.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(confirm)
        confirm.clicked.connect(on_yes)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
