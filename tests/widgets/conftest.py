"""Widget fixtures: a qasync loop on the test's QApplication, and whole consoles."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from console.app import ConsoleApp
from widgets.shell import gui_gc
from widgets.shell.main_window import MainWindow

T = TypeVar("T")


@pytest.fixture(autouse=True, scope="session")
def gui_thread_gc(qapp: QApplication) -> Iterator[None]:
    """Collect garbage on the GUI thread only, as the console does (widgets/shell/gui_gc.py)."""
    collector = gui_gc.install(qapp)
    yield
    collector.stop()


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """The asyncio loop inside Qt's loop, as in the running console."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        deadline = loop.time() + 5
        while any(not t.done() for t in pending) and loop.time() < deadline:
            qapp.processEvents()
        # qasync's stop() would call QApplication.exit(); the test's QApplication
        # lives on, so only mark the loop as no longer running, then close it.
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()


def run(qtbot: Any, coro: Coroutine[Any, Any, T], timeout_ms: int = 15000) -> T:
    """Run a coroutine on the qasync loop while Qt keeps processing events."""
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method commits it.

    (qtbot.keyClicks with Chinese text aborts the test process.)
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Seat:
    def __init__(self, console: ConsoleApp, window: MainWindow) -> None:
        self.console, self.window = console, window


@pytest.fixture
def open_seat(qtbot: Any, qloop: asyncio.AbstractEventLoop, database_url: str,
              tmp_path: Path) -> Iterator[Any]:
    seats: list[Seat] = []

    def open_one(actor: str = "op_a", roles: frozenset[str] | None = None) -> Seat:
        console = ConsoleApp(database_url, actor, journal_path=tmp_path / f"{actor}.journal")
        run(qtbot, console.open())
        if roles is not None:  # as if the person's groups were these (the test's user is an admin)
            console.store.roles = roles
        settings = QSettings(str(tmp_path / f"{actor}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(console, settings)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: console.listener.connected.is_set(), timeout=10000)
        qtbot.waitSignal(window.queue.model.loaded, timeout=10000, raising=False)
        seat = Seat(console, window)
        seats.append(seat)
        return seat

    yield open_one
    for seat in seats:  # close the window (no new work), stop its work, then disconnect
        seat.window.close()
        run(qtbot, seat.window.runner.cancel_all())
        run(qtbot, seat.console.close())
        seat.window.deleteLater()
