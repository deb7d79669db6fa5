"""What the case's citizen was told (告知市民): the outbox as a small table in the
case window, and the dialog in which desk staff record a phone call instead of
the SMS (when, and what was said)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QDateTime,
    QObject,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.notices.messages import MAX_TOLD_TEXT, Message
from widgets.common import texts
from widgets.common.form_keys import submit_with_ctrl_enter
from widgets.common.tables import RecordTableModel


def _when(at: dt.datetime | None) -> str:
    return "" if at is None else at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M")


class OutboxModel(RecordTableModel):
    """The case's messages: what, how, where it stands, when, by when, the text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent, text_tips=True, grows=True)  # a few rows
        self.set_columns([
            (self.tr("告知"), lambda m: texts.notice_name(m.kind)),
            (self.tr("方式"), lambda m: texts.notice_channel_name(m.channel)),
            (self.tr("状态"), self._state),
            (self.tr("时间"), lambda m: _when(m.sent_at or m.queued_at)),
            (self.tr("限时"), lambda m: _when(m.due_by)),
            (self.tr("内容"), lambda m: m.text),
        ])

    def set_messages(self, messages: list[Message]) -> None:
        self.set_rows(messages)

    def message(self, row: int) -> Message:
        return self._rows[row]

    def _state(self, m: Message) -> str:
        state = texts.notice_state_name(m.state)
        if m.state in ("retrying", "failed") and m.attempts:
            state += self.tr("（{n} 次：{error}）").format(n=m.attempts, error=m.last_error)
        if m.sent_at is not None and not m.in_time:
            state += self.tr("（超时）")
        return state


class TellDialog(QDialog):
    """Record that the citizen was told by phone: which notice, when, what was said."""

    def __init__(self, kinds: list[str], now: dt.datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tellDialog")
        self.setWindowTitle(self.tr("电话告知市民"))
        self.kind = QComboBox(objectName="tell.kind")
        for kind in kinds:
            self.kind.addItem(texts.notice_name(kind), kind)
        self.at = QDateTimeEdit(objectName="tell.at")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp())))
        self.text = QPlainTextEdit(objectName="tell.text")
        self.text.setMaximumHeight(100)
        self.text.setPlaceholderText(self.tr("告知市民的内容，如：已受理，编号…，承诺…前办结"))
        self.error = QLabel(objectName="tell.error")
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("告知类型"), self.kind)
        form.addRow(self.tr("告知时间"), self.at)
        form.addRow(self.tr("告知内容"), self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("tell.buttons")
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        submit_with_ctrl_enter(self, ok.click, ok)
        self.text.setFocus()

    def facts(self) -> tuple[str, dt.datetime, str]:
        at = dt.datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), dt.UTC)
        return self.kind.currentData(), at, self.text.toPlainText()

    def _check_and_accept(self) -> None:
        said = self.text.toPlainText().strip()
        if not said:
            self.error.setText(self.tr("请填写告知内容"))
            self.text.setFocus()
            return
        if len(said) > MAX_TOLD_TEXT:
            self.error.setText(self.tr("内容过长：最多 {limit} 字").format(limit=MAX_TOLD_TEXT))
            self.text.setFocus()
            return
        self.accept()
