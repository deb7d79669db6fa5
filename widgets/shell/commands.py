"""Commands as data: menus, toolbars and shortcuts are built from this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.shell.layout import raise_dock


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


@dataclass(frozen=True)
class Command:
    id: str
    title: Callable[[], str]
    menu: str
    shortcut: str = ""
    toolbar: bool = False
    checkable: bool = False  # a setting: the handler gets the new state
    dock: str = ""  # "go to": this dock is shown and raised before the handler focuses


COMMANDS = (
    Command("call.incoming", lambda: _t("模拟来电…"), "call", "F2", toolbar=True),
    Command("call.new", lambda: _t("新建诉求"), "call", "Ctrl+N", toolbar=True),
    Command("call.focus", lambda: _t("转到来电登记"), "view", "F3", dock="dock.call"),
    Command("queue.focus", lambda: _t("转到案件队列"), "view", "F4", dock="dock.queue"),
    Command("countdown.focus", lambda: _t("转到倒计时"), "view", "F6", dock="dock.countdown"),
    Command("callbacks.focus", lambda: _t("转到电话回访"), "view", "F7", dock="dock.callbacks"),
    Command("board.focus", lambda: _t("转到督办台"), "view", "F11", dock="dock.board"),
    Command("duty.roster", lambda: _t("排班"), "duty", "Ctrl+Shift+P", dock="dock.roster"),
    Command("duty.roll_call", lambda: _t("查岗点名"), "duty", "Ctrl+Shift+D", dock="dock.rollCall"),
    Command("duty.handover", lambda: _t("交接班"), "duty", "Ctrl+Shift+J", dock="dock.handover"),
    Command("answers.focus", lambda: _t("搜索秒回知识库"), "call", "Ctrl+K",
            dock="dock.quickAnswers"),
    Command("queue.refresh", lambda: _t("刷新队列"), "view", "F5"),
    Command("view.reset_layout", lambda: _t("恢复默认布局"), "view"),
    Command("admin.rules", lambda: _t("办理时限与工作日…"), "admin"),
    Command("admin.accounts", lambda: _t("账号管理…"), "admin"),
    Command("alerts.new_a_class", lambda: _t("新 A 类案件"), "alerts", checkable=True),
    Command("alerts.overdue", lambda: _t("案件超时"), "alerts", checkable=True),
    Command("alerts.reply_due", lambda: _t("督办回复到期"), "alerts", checkable=True),
    Command("alerts.sound", lambda: _t("提醒时发出声音"), "alerts", checkable=True),
    Command("lang.zh_CN", lambda: _t("中文"), "language"),
    Command("lang.en", lambda: _t("English"), "language"),
    Command("app.quit", lambda: _t("退出"), "file", "Ctrl+Q"),
)

MENUS = (
    ("file", lambda: _t("文件(&F)")),
    ("call", lambda: _t("来电(&C)")),
    ("view", lambda: _t("视图(&V)")),
    ("duty", lambda: _t("值班(&D)")),
    ("alerts", lambda: _t("提醒(&T)")),
    ("admin", lambda: _t("管理(&A)")),
    ("language", lambda: _t("语言(&L)")),
)


def build_actions(window: QMainWindow, handlers: dict[str, Callable[..., None]]
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
        if command.dock:
            handler = _going_to(window, command.dock, handler)
        action.setCheckable(command.checkable)
        if command.checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[command.menu].addAction(action)
        if command.toolbar:
            toolbar.addAction(action)
        actions[command.id] = action
    return actions


def _going_to(window: QMainWindow, name: str, focus: Callable[[], None]) -> Callable[[], None]:
    dock = window.findChild(QDockWidget, name)
    if dock is None:
        raise KeyError(f"no dock {name}")

    def go() -> None:
        raise_dock(dock)
        focus()

    return go
