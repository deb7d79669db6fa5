"""A task slot: the one place a pane runs a read whose newer run supersedes the
older (a search as the operator types, the queue's id list after a filter change,
the case window's reload). Starting a task in the slot makes the running one's
result void: an older result never lands after a newer one.

The superseded task is left to finish rather than cancelled (a read cancelled in the
middle of the database driver's work costs its connection); only its result is
dropped. Errors go where ``TaskRunner`` sends them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from console.core.errors import ConsoleError
from widgets.common.tasks import TaskRunner

T = TypeVar("T")


class TaskSlot:
    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._generation = 0
        self._running = 0

    def run(
        self,
        coro: Coroutine[Any, Any, T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[ConsoleError], None] | None = None,
    ) -> asyncio.Task[T]:
        """Start ``coro``; only the newest task's ``on_done``/``on_error`` are called."""
        self._generation += 1
        generation = self._generation

        def done(result: T) -> None:
            if generation == self._generation and on_done is not None:
                on_done(result)

        def failed(exc: ConsoleError) -> None:
            if generation != self._generation:
                return
            if on_error is not None:
                on_error(exc)
            else:
                self._runner.user_error.emit(exc)

        # The runner's task runs ``coro`` itself: a task cancelled before it started
        # (the window closing) closes the coroutine rather than leaving it never awaited.
        task = self._runner.run(coro, done, failed)
        self._running += 1
        task.add_done_callback(self._finished)
        return task

    def _finished(self, _task: asyncio.Task[Any]) -> None:
        self._running -= 1

    def supersede(self) -> None:
        """Void whatever runs now without starting anything (the pane was cleared)."""
        self._generation += 1

    @property
    def busy(self) -> bool:
        """A task of this slot is still running (superseded ones included)."""
        return self._running > 0
