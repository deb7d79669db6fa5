"""Running service coroutines from widgets on the qasync loop.

Errors are sorted in one place: a ``ConsoleError`` goes to the caller's
``on_error`` (or the status bar) in plain words; anything else is a bug, logged
with its traceback and reported as such. Nothing is swallowed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from console.core.errors import ConsoleError

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner(QObject):
    """Starts coroutines and routes their results back to the GUI."""

    user_error = Signal(object)  # ConsoleError with no on_error handler
    bug = Signal(str)            # an unexpected exception (already logged)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[ConsoleError], None] | None = None,
    ) -> asyncio.Task[T]:
        try:
            task = asyncio.get_event_loop().create_task(coro)
        except RuntimeError:
            coro.close()  # never started: the loop is gone; say only that, not "never awaited"
            raise
        self._tasks.add(task)

        def finished(t: asyncio.Task[T]) -> None:
            self._tasks.discard(t)
            if t.cancelled():
                return
            exc = t.exception()
            if exc is None:
                if on_done is not None:
                    on_done(t.result())
            elif isinstance(exc, ConsoleError):
                if on_error is not None:
                    on_error(exc)
                else:
                    self.user_error.emit(exc)
            else:
                log.error("unexpected error in %s", coro.__qualname__, exc_info=exc)
                self.bug.emit(f"{type(exc).__name__}: {exc}")

        task.add_done_callback(finished)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
