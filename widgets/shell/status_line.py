"""The window's status bar: whether the database is reachable, how many cases wait on
this seat for it, and the messages of errors a person can act on and of bugs."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from console.core.errors import ConsoleError
from widgets.common import texts


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.pending = QLabel(objectName="status.pending")
        self.pending.setStyleSheet("color: white; background: #ef6c00; padding: 0 6px;")
        bar.addPermanentWidget(self.pending)
        self.link = QLabel(objectName="status.link")
        bar.addPermanentWidget(self.link)
        self.set_link_state(True)

    def set_link_state(self, connected: bool) -> None:
        if connected:
            self.link.setText(self.tr("● 数据库已连接"))
            self.link.setStyleSheet("color: #2e7d32;")
        else:
            self.link.setText(self.tr("● 数据库连接中断，正在重连…"))
            self.link.setStyleSheet("color: white; background: #c62828; padding: 0 6px;")

    def set_pending(self, count: int) -> None:
        """Cases kept on this seat until the database takes them."""
        self.pending.setText(self.tr("本机暂存 {n} 件待提交").format(n=count))
        self.pending.setVisible(count > 0)

    def user_error(self, exc: ConsoleError) -> None:
        self.bar.showMessage(texts.user_error(exc), 15000)

    def bug(self, summary: str) -> None:
        self.bar.showMessage(
            self.tr("程序内部错误（已记入日志，请报告技术支持）：{s}").format(s=summary), 30000)
