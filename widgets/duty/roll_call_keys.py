"""How a roll call is marked from the keyboard: keys 1–4 on the list of posts
(answered, late, absent, no answer; declared in widgets/common/commands.py),
and for a late answer a bar under the list that takes the minutes (Enter
confirms, Esc goes back to the list).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTableView, QWidget

from console.duty import roll_calls
from widgets.common import commands

# The marks, each with its command (key and title): "rollCall.answered" → "answered".
MARKS = {f"rollCall.{result}": result for result in ("answered", "late", "absent", "no_answer")}
BACKGROUND = {"answered": QColor("#e8f5e9"), "late": QColor("#fff3e0"),
              "absent": QColor("#ffcdd2"), "no_answer": QColor("#ffe0b2")}


class EntryTable(QTableView):
    """Keys 1–4 mark the current post."""

    @staticmethod
    def hint() -> str:
        """"1 应答 · 2 迟到（输入分钟后回车）· …", from the declared keys."""
        return " · ".join(f"{c.key} {c.title()}" for c in map(commands.command, MARKS))

    mark_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = commands.pressed(commands.ROLL_CALL, event)
        result = MARKS.get(command.id) if command else None
        if result is not None:
            self.mark_requested.emit(result)
            return
        super().keyPressEvent(event)


class LateMinutes(QSpinBox):
    """Minutes late: Enter confirms, Esc goes back to the list."""

    confirmed = Signal(int)
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.interpretText()
            self.confirmed.emit(self.value())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class LateBar(QWidget):
    """「post」迟到分钟：[5] — shown while the minutes of one post are asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCall.lateBar")
        self.label = QLabel(self.tr("迟到分钟："))
        self.minutes = LateMinutes(objectName="rollCall.lateMinutes")
        self.minutes.setRange(1, roll_calls.MAX_LATE_MINUTES)
        self.minutes.setValue(5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.minutes)
        layout.addStretch(1)
        self.hide()

    def ask(self, post: str) -> None:
        self.label.setText(self.tr("「{post}」迟到分钟：").format(post=post))
        self.show()
        self.minutes.selectAll()
        self.minutes.setFocus()
