"""The keys of forms with multi-line text, the same in every dialog and pane:
Tab leaves a text box (a new line is Enter, as in any editor) and Ctrl+Enter
or Ctrl+Return saves, from any field of the form (``form.submit`` in
widgets/common/commands.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QTextEdit, QWidget

from widgets.common import commands

HINT = commands.command("form.submit").key


class _CtrlEnter(QObject):
    """Calls ``submit`` on Ctrl+Enter in the widgets it watches.

    A focused widget is first asked whether it wants a key (ShortcutOverride),
    then gets the key press. Claiming both here means a window shortcut on the
    same keys cannot take them, and a text box never turns them into a new line.
    """

    def __init__(self, owner: QWidget, submit: Callable[[], object]) -> None:
        super().__init__(owner)
        self._submit = submit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) \
                or not isinstance(event, QKeyEvent) or not is_submit(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()
        elif not event.isAutoRepeat():  # a key held down saves once
            self._submit()
        return True


def is_submit(event: QKeyEvent) -> bool:
    """Whether the key is Ctrl+Enter or Ctrl+Return (on either Enter key)."""
    return commands.matches("form.submit", event)


def submit_with_ctrl_enter(owner: QWidget, submit: Callable[[], object],
                           button: QAbstractButton | None = None) -> None:
    """In ``owner`` and every field it has now: Tab leaves the text boxes and
    Ctrl+Enter calls ``submit`` (usually the save button's ``click``, which does
    nothing while the button is disabled). ``button``, if given, shows the keys."""
    watcher = _CtrlEnter(owner, submit)
    for widget in (owner, *owner.findChildren(QWidget)):
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setTabChangesFocus(True)
        widget.installEventFilter(watcher)
    if button is not None and HINT not in button.text():
        button.setText(f"{button.text()}  {HINT}")
