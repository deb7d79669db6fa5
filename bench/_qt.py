"""One offscreen QApplication and one qasync loop for the whole benchmark run,
built the way main.py builds them."""

from __future__ import annotations

import asyncio
import os
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


def run_on_qt(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion on the qasync loop (Qt events are processed too)."""
    return qt_loop().run_until_complete(make())


def expect(signal: Any) -> asyncio.Future[tuple[Any, ...]]:
    """A future resolved by the next emission of ``signal`` (connect before triggering)."""
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def slot(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(slot)
    future.add_done_callback(lambda _f: signal.disconnect(slot))
    return future
