"""A person at the seat while ``main.main()`` runs: waits for what they expect to
see, then presses keys where the keyboard focus is, one step at a time.

``main.main()`` runs Qt's own loop, so the person acts from a timer inside it.
If an expected window never comes, the person gives up: records why, closes
what is open (so ``main`` returns) and the test fails with that reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

Look = Callable[[], Any]  # what the person waits for: falsy until it is there
Act = Callable[[Any], None]  # what they do with it


def visible(kind: type, name: str | None = None) -> Look:
    """The visible, active top-level window of this type (and objectName), if any:
    a person types once the window has the keyboard."""
    def look() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if (isinstance(widget, kind) and widget.isVisible() and widget.isActiveWindow()
                    and (name is None or widget.objectName() == name)):
                return widget
        return None
    return look


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_keys(text: str) -> None:
    """Type plain (ASCII) text where the focus is."""
    QTest.keyClicks(focused(), text)


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    QTest.keyClick(focused(), key, modifiers)


@dataclass
class Person(QObject):
    steps: list[tuple[str, Look, Act]]
    patience_s: float = 90.0
    done: list[str] = field(default_factory=list)
    gave_up: str | None = None

    def __post_init__(self) -> None:
        super().__init__()
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._tick)
        self._since = time.monotonic()

    def start(self) -> Person:
        self._since = time.monotonic()
        self._timer.start()
        return self

    def _tick(self) -> None:
        if self.gave_up is not None:
            self._leave()  # and whatever opens later, until main() returns
            return
        if len(self.done) == len(self.steps):
            self._timer.stop()
            return
        what, look, act = self.steps[len(self.done)]
        seen = look()
        if seen:
            self._timer.stop()  # the step may run a nested loop (a modal box)
            try:
                act(seen)
            except Exception as exc:  # an assertion about what the person saw
                self.gave_up = f"at {what}: {type(exc).__name__}: {exc}"
            finally:
                self.done.append(what)
                self._since = time.monotonic()
                self._timer.start()
        elif time.monotonic() - self._since > self.patience_s:
            self.gave_up = f"waited {self.patience_s:.0f} s for: {what}"

    def _leave(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
            elif widget.isVisible() and widget.isWindow():
                widget.close()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        assert self.gave_up is None, f"{self.gave_up} (done: {self.done})"
        assert len(self.done) == len(self.steps), f"only did: {self.done}"
