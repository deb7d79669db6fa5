"""One offscreen QApplication and one qasync loop for the whole benchmark run,
built the way main.py builds them."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
_app: Any = None
_loop: asyncio.AbstractEventLoop | None = None


def qt_loop() -> asyncio.AbstractEventLoop:
    global _app, _loop
    if _loop is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import qasync
        from PySide6.QtWidgets import QApplication

        _app = QApplication.instance() or QApplication(["hotline-bench"])
        _app.setQuitOnLastWindowClosed(False)  # closing a view must not stop the loop
        _loop = qasync.QEventLoop(_app)
        asyncio.set_event_loop(_loop)
    return _loop


def close_qt_loop() -> None:
    """Close the loop before the application goes (its __del__ at exit would find
    Qt's signal source deleted)."""
    global _loop
    if _loop is not None:
        _loop.close()
        asyncio.set_event_loop(None)
        _loop = None


def run_on_qt(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion on the qasync loop (Qt events are processed too)."""
    return qt_loop().run_until_complete(make())


class Emissions:
    """Records the perf_counter() time of every emission of a Qt signal, taken in the
    slot (not when an awaiting coroutine resumes)."""

    def __init__(self, signal: Any) -> None:
        self.times: list[float] = []
        self._waiters: list[tuple[float, asyncio.Future[float]]] = []
        signal.connect(self._emitted)

    def _emitted(self, *_args: Any) -> None:
        now = time.perf_counter()
        self.times.append(now)
        for after, future in list(self._waiters):
            if now > after and not future.done():
                future.set_result(now)
        self._waiters = [w for w in self._waiters if not w[1].done()]

    def after(self, moment: float) -> asyncio.Future[float]:
        """The first emission later than ``moment`` (perhaps one already seen)."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        seen = next((t for t in self.times if t > moment), None)
        if seen is not None:
            future.set_result(seen)
        else:
            self._waiters.append((moment, future))
        return future


async def until(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Wait on the Qt loop, a millisecond at a time, until ``condition()`` holds."""
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the pane did not get there")
        await asyncio.sleep(0.001)
