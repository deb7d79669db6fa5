"""Running service coroutines from widgets on the qasync loop.

Errors are sorted in one place: a ``ConsoleError`` goes to the caller's
``on_error`` (or the status bar) in plain words; anything else is a bug, handed
to the application's bug channel (``widgets/common/bugs.py``), which logs it
with its traceback and reports it. That includes an exception raised by
``on_done`` or ``on_error`` themselves. Nothing is swallowed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from console.core.errors import ConsoleError
from widgets.common import bugs

T = TypeVar("T")


class TaskRunner(QObject):
    """Starts coroutines and routes their results back to the GUI."""

    user_error = Signal(object)  # ConsoleError with no on_error handler

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._stopped = False

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[ConsoleError], None] | None = None,
    ) -> asyncio.Task[T]:
        name = getattr(coro, "__qualname__", type(coro).__name__)
        try:
            task = asyncio.get_event_loop().create_task(coro)
        except RuntimeError:
            coro.close()  # never started: the loop is gone; say only that, not "never awaited"
            raise
        if self._stopped:  # closing: a late result handler starts nothing new
            task.cancel()
            return task
        self._tasks.add(task)

        def finished(t: asyncio.Task[T]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            try:
                if exc is None:
                    if on_done is not None:
                        on_done(t.result())
                elif isinstance(exc, ConsoleError):
                    if on_error is not None:
                        on_error(exc)
                    else:
                        self.user_error.emit(exc)
                else:
                    bugs.channel().report(exc, f"in {name}")
            except Exception as callback_exc:  # the widget's own handler failed: our bug too
                bugs.channel().report(callback_exc, f"handling the result of {name}")

        task.add_done_callback(finished)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def cancel_all(self) -> None:
        """Cancel what runs and start nothing more: the window is closing, and a
        result that arrived just before would otherwise start a read against a
        store about to close (found by the test that fails on a leaked task)."""
        self._stopped = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
