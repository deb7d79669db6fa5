"""An operator at the keyboard: every key goes where the window system would
send it (an open completer popup first, else the focused widget; shortcuts
see it too), and every key that is not typed text is counted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.widgets.conftest import type_text


class Operator:
    def __init__(self, qtbot: Any, window: QWidget) -> None:
        self.qtbot, self.window = qtbot, window
        self.presses: list[str] = []  # the keys counted, for the failure message

    def settle(self) -> None:
        """Give the window back its activation once a popup has closed, as a window
        manager does. (The offscreen platform makes every window it shows, a
        completer's popup too, the active one and leaves it so after it hides.)"""
        active = QApplication.activeWindow()
        if QApplication.activePopupWidget() is None and (active is None or not active.isVisible()):
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window,
                                 timeout=5000)

    def focus(self) -> QWidget:
        self.settle()
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def at(self, name: str) -> QWidget:
        """The named widget has the focus (the operator sees the cursor there)."""
        self.settle()
        self.qtbot.waitUntil(lambda: (QApplication.focusWidget() is not None
                                      and QApplication.focusWidget().objectName() == name),
                             timeout=5000)
        return self.focus()

    def target(self) -> QWidget:
        """Where a key goes: an open popup (a completer's list) takes the keys, as
        the window system routes them, else the widget with the focus."""
        return QApplication.activePopupWidget() or self.focus()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              ) -> None:
        """A key that is not typed text: counted."""
        self.presses.append(f"{self.focus().objectName()}:{key.name.removeprefix('Key_')}")
        QTest.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        """Typed text (a number, search letters, Chinese): not counted."""
        if text.isascii():
            for char in text:
                QTest.keyClick(self.target(), Qt.Key(ord(char.upper())))
        else:  # as an input method commits it, to the widget with the focus
            type_text(self.focus(), text)
