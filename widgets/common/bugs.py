"""The one bug channel of a seat.

Whatever escapes our code is a bug: an exception in a Python override of a Qt
virtual (``keyPressEvent``, a model's ``data()``…) or in a slot, which PySide6
hands to ``sys.excepthook``; an exception in a task's ``on_done`` or
``on_error``; an exception in an asyncio callback, which the loop hands to its
exception handler. Each goes to ``BugChannel.report``: logged once with its
traceback, then announced by ``reported`` (the main window shows it in its
status bar), and the seat keeps running. Errors a person can act on are
``ConsoleError``s and never come here.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)
CHANNEL_NAME = "bugChannel"
# PySide6 prefixes the message of an exception raised in a Python override.
_OVERRIDE_PREFIX = "Error calling Python override of "


def summary(exc: BaseException) -> str:
    """One line naming the exception, for a status bar (the log has the rest)."""
    text = str(exc)
    if text.startswith(_OVERRIDE_PREFIX):  # keep the original words, the override is in the log
        text = text.split("(): ", 1)[-1]
    first = text.strip().splitlines()[0] if text.strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


class BugChannel(QObject):
    """Logs a bug with its traceback and announces it; one per application."""

    reported = Signal(str)  # a one-line summary, already logged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(CHANNEL_NAME)
        self.count = 0
        self._previous_hook: Callable[..., Any] | None = None
        self._seen: set[tuple[str, str, int]] = set()

    def report(self, exc: BaseException, where: str) -> None:
        self.count += 1
        frames = traceback.extract_tb(exc.__traceback__)
        last = frames[-1] if frames else None
        key = (type(exc).__name__, last.filename if last else "", last.lineno or 0 if last else 0)
        if key in self._seen:  # a model's data() fails for every cell: one traceback is enough
            log.error("bug again %s: %s", where, summary(exc))
        else:
            self._seen.add(key)
            log.error("bug %s", where, exc_info=exc)
        self.reported.emit(summary(exc))

    # ---- the hooks ----------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        """``sys.excepthook``: PySide6 calls it for exceptions in Qt overrides and slots."""
        if issubclass(kind, KeyboardInterrupt) and self._previous_hook is not None:
            self._previous_hook(kind, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        self.report(exc, "in a Qt override or slot")

    def loop_exception_handler(self, loop: asyncio.AbstractEventLoop,
                               context: dict[str, Any]) -> None:
        """The asyncio loop's handler: exceptions in callbacks and forgotten tasks."""
        exc = context.get("exception")
        if not isinstance(exc, BaseException):
            exc = RuntimeError(str(context.get("message", "asyncio error")))
        self.report(exc, f"in the event loop ({context.get('message', '')})")

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Route ``sys.excepthook`` (and the loop's exceptions, when given) here."""
        if sys.excepthook != self.excepthook:
            self._previous_hook = sys.excepthook
            sys.excepthook = self.excepthook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception_handler)

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        self._previous_hook = None


def channel() -> BugChannel:
    """The application's channel, made on first use (a child of the QCoreApplication,
    so every widget, task runner and hook reports to the same one)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the bug channel needs a QCoreApplication")
    found = app.findChild(BugChannel, CHANNEL_NAME)
    if isinstance(found, BugChannel):
        return found
    return BugChannel(app)
