"""The main window's menus, tool bar and shortcuts, built from the commands
declared in widgets/common/commands.py (those of scope ``APP``), each enabled
for the roles it names."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.common.commands import APP, COMMANDS, MENUS
from widgets.shell.layout import raise_dock


def build_actions(window: QMainWindow, handlers: dict[str, Callable[..., None]],
                  roles: Iterable[str]) -> dict[str, QAction]:
    """Create one QAction per command, put it in its menu, bind its handler; a
    command these roles may not use is shown disabled."""
    held = frozenset(roles)
    menus = {key: window.menuBar().addMenu(title()) for key, title in MENUS}
    toolbar = window.addToolBar(QCoreApplication.translate("Commands", "常用"))
    toolbar.setObjectName("toolbar.main")
    actions: dict[str, QAction] = {}
    for command in (c for c in COMMANDS if c.scope == APP):
        action = QAction(command.title(), window)
        action.setObjectName(command.id)
        if command.key:
            action.setShortcut(QKeySequence(command.key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
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
        action.setEnabled(command.allowed(held))
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
