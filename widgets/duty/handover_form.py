"""The handover pane's words and writing side: the line saying where a handover
stands, and the form with the outgoing leader's notes (and a notice when what
is saved changed meanwhile), the hand-over button, the incoming leader's remark
and signature. The pane decides what is shown and what may be done; the form keeps
what the leader typed and did not submit, per shift, while another is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.duty.handover import Handover
from widgets.common.form_keys import submit_with_ctrl_enter
from widgets.duty.handover_picker import Key

STATE_STYLE = {"open": "color:#8a4b00;", "pending": "color:#0d47a1;", "signed": "color:#1b5e20;"}
When = Callable[[dt.datetime | None], str]  # a moment as the pane shows it


class StateLine(QLabel):
    """未交班 · 已交班（待接班签字）· 已签收, with who and when."""

    def show_record(self, record: Handover, when: When) -> None:
        if record.signed:
            kind, line = "signed", self.tr("已签收：{who} {at}（交班：{out}）").format(
                who=record.incoming_leader or "", at=when(record.signed_at),
                out=record.outgoing_leader or "")
        elif record.id is not None:
            kind, line = "pending", self.tr("已交班：{who} {at}，待接班签字").format(
                who=record.outgoing_leader or "", at=when(record.created_at))
        else:
            kind, line = "open", self.tr("未交班")
        self.setText(line)
        self.setStyleSheet(STATE_STYLE[kind] + "font-weight:bold; font-size:15px;")


class HandoverForm(QWidget):
    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drafts: dict[Key, str] = {}  # notes typed for a shift and not submitted
        self._saved = ""  # the notes as saved: anything else in the box was typed here
        self.notes = QPlainTextEdit(objectName="handover.notes")
        self.notes.setFont(font)
        self.notes.setPlaceholderText(self.tr("交班事项：需下一班跟进的案件、缺岗处理情况、设备与其他情况"))  # noqa: E501
        self.notice = QLabel(objectName="handover.notice", wordWrap=True)
        self.notice.setStyleSheet("background:#fff3cd; color:#5d4000; padding:4px;")
        self.notice.hide()
        self.submit_button = QPushButton(self.tr("提交交班"), objectName="handover.submit")
        # Tab leaves the notes; Ctrl+Enter in them hands over (not while the button is off)
        submit_with_ctrl_enter(self.notes, self.submit_button.click, self.submit_button)
        self.remark = QLineEdit(objectName="handover.remark")
        self.remark.setPlaceholderText(self.tr("接班意见（可不填）"))
        self.sign_button = QPushButton(self.tr("接班签字"), objectName="handover.sign")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("交班内容（交班值班长填写）")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.submit_button)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("接班签字（接班值班长）")))
        sign = QHBoxLayout()
        sign.addWidget(self.remark, 1)
        sign.addWidget(self.sign_button)
        layout.addLayout(sign)

    def allow(self, *, write: bool, sign: bool, can_write: bool) -> None:
        """Notes and remark open for ``write``; the buttons as allowed. A button that
        goes off with the keyboard on it hands the keyboard to the notes."""
        self.notes.setReadOnly(not write)
        self.remark.setReadOnly(not write)
        enabled = {self.submit_button: write, self.sign_button: sign}
        focus = self.focusWidget()
        if focus in enabled and not enabled[focus]:
            self.notes.setFocus()
        for button, on in enabled.items():
            button.setEnabled(on)
        if not can_write:
            self.notes.setPlaceholderText(self.tr("只有值班长可以填写交班内容"))

    def show_notes(self, text: str, saved: str) -> None:
        """Put ``text`` in the box (the notes ``saved``, or the leader's own)."""
        self._saved = saved
        if self.notes.toPlainText() != text:  # the cursor stays where the leader types
            self.notes.setPlainText(text)

    def typed(self) -> str | None:
        """The notes in the box when they are not the saved ones."""
        text = self.notes.toPlainText()
        return text if text != self._saved else None

    def keep_draft(self, key: Key) -> None:
        """Another shift is picked: keep what was typed for ``key``'s."""
        if (text := self.typed()) is not None:
            self._drafts[key] = text

    def take_draft(self, key: Key) -> str | None:
        return self._drafts.pop(key, None)

    def tell(self, record: Handover, why: str, when: When) -> None:
        """Why the notes in the box are not the saved ones: ``restored`` (typed here
        before another shift was picked) or ``changed`` (saved meanwhile by someone)."""
        if record.signed:
            line = self.tr("本班已由 {who} 签字接班，您输入的内容未能提交，仍留在输入框中供复制")
            line = line.format(who=record.incoming_leader or "?")
        elif why == "restored":
            line = self.tr("已恢复您在本班未提交的交班内容")
        else:
            line = self.tr("交班内容已被 {who} 更新（{at}），您正在输入的内容已保留；对方的内容见摘要末尾，请合并后再提交")  # noqa: E501
            line = line.format(who=record.outgoing_leader or "?", at=when(record.created_at))
        self.notice.setText(line)
        self.notice.show()
