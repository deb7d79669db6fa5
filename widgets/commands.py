"""Commands as data: menus, toolbars and shortcuts are built from this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


@dataclass(frozen=True)
class Command:
    id: str
    title: Callable[[], str]
    menu: str
    shortcut: str = ""
    toolbar: bool = False


COMMANDS = (
    Command("call.incoming", lambda: _t("模拟来电…"), "call", "F2", toolbar=True),
    Command("call.new", lambda: _t("新建诉求"), "call", "Ctrl+N", toolbar=True),
    Command("call.focus", lambda: _t("转到来电登记"), "view", "F3"),
    Command("queue.focus", lambda: _t("转到案件队列"), "view", "F4"),
    Command("countdown.focus", lambda: _t("转到倒计时"), "view", "F6"),
    Command("callbacks.focus", lambda: _t("转到电话回访"), "view", "F7"),
    Command("board.focus", lambda: _t("转到督办台"), "view", "F11"),
    Command("answers.focus", lambda: _t("搜索秒回知识库"), "call", "Ctrl+K"),
    Command("queue.refresh", lambda: _t("刷新队列"), "view", "F5"),
    Command("view.reset_layout", lambda: _t("恢复默认布局"), "view"),
    Command("admin.rules", lambda: _t("办理时限与工作日…"), "admin"),
    Command("admin.accounts", lambda: _t("账号管理…"), "admin"),
    Command("lang.zh_CN", lambda: _t("中文"), "language"),
    Command("lang.en", lambda: _t("English"), "language"),
    Command("app.quit", lambda: _t("退出"), "file", "Ctrl+Q"),
)

MENUS = (
    ("file", lambda: _t("文件(&F)")),
    ("call", lambda: _t("来电(&C)")),
    ("view", lambda: _t("视图(&V)")),
    ("admin", lambda: _t("管理(&A)")),
    ("language", lambda: _t("语言(&L)")),
)


def build_actions(window: QMainWindow, handlers: dict[str, Callable[[], None]]
                  ) -> dict[str, QAction]:
    """Create one QAction per command, put it in its menu, bind its handler."""
    menus = {key: window.menuBar().addMenu(title()) for key, title in MENUS}
    toolbar = window.addToolBar(_t("常用"))
    toolbar.setObjectName("toolbar.main")
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        action = QAction(command.title(), window)
        action.setObjectName(command.id)
        if command.shortcut:
            action.setShortcut(QKeySequence(command.shortcut))
            action.setShortcutContext(action.shortcutContext().ApplicationShortcut)
        handler = handlers.get(command.id)
        if handler is None:
            raise KeyError(f"no handler for command {command.id}")
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[command.menu].addAction(action)
        if command.toolbar:
            toolbar.addAction(action)
        actions[command.id] = action
    return actions
