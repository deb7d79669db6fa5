"""Widget fixtures: a qasync loop on the test's QApplication, and whole consoles.

A widget test also fails when the bug channel reported a bug it did not expect
(``@pytest.mark.expected_bug``), when an asyncio task is still pending at the end,
or when a QTimer it started is still running or a thread it started still alive.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from console.app import ConsoleApp
from widgets.common import bugs
from widgets.shell import gui_gc
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import ini_settings

T = TypeVar("T")


@pytest.fixture(autouse=True, scope="session")
def gui_thread_gc(qapp: QApplication) -> Iterator[None]:
    """Collect garbage on the GUI thread only, as the console does (widgets/shell/gui_gc.py)."""
    collector = gui_gc.install(qapp)
    yield
    collector.stop()


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """The asyncio loop inside Qt's loop, as in the running console. A task still
    pending when the test and its fixtures are done fails the test: whatever
    started it should have waited for it or stopped it."""
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
    if pending:
        pytest.fail("asyncio tasks outlived the test: "
                    + ", ".join(sorted(_task_name(t) for t in pending)), pytrace=False)


def _task_name(task: asyncio.Task[Any]) -> str:
    coro = task.get_coro()
    return getattr(coro, "__qualname__", task.get_name())


def _running_timers(app: QCoreApplication) -> set[QTimer]:
    """Active timers owned by the application or by any widget (window or not)."""
    owners: list[Any] = [app, *QApplication.topLevelWidgets()]
    return {t for owner in owners for t in owner.findChildren(QTimer) if t.isActive()}


def _threads() -> set[threading.Thread]:
    # Foreign threads (qasync's QThreads that ran Python) stay listed for ever as
    # dummies; the loop's close joins those.
    return {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}


@pytest.fixture(autouse=True)
def no_leaks(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    """Fail the test when the bug channel reported a bug it did not expect, when a
    QTimer it started still runs, or a thread it started is still alive (widgets
    the test closed are deleted first, with their timers)."""
    channel = bugs.channel()
    reported: list[str] = []
    channel.reported.connect(reported.append)
    timers_before = _running_timers(qapp)
    threads_before = _threads()
    yield
    channel.reported.disconnect(reported.append)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    problems = []
    if reported and request.node.get_closest_marker("expected_bug") is None:
        problems.append(f"bugs reported: {reported}")
    timers = _running_timers(qapp) - timers_before
    if timers:
        problems.append("timers still running: " + ", ".join(sorted(
            f"{t.objectName() or '?'} of {type(t.parent()).__name__} ({t.interval()} ms)"
            for t in timers)))
    threads = [t for t in _threads() - threads_before if t.is_alive()]
    if threads:
        problems.append(f"threads still alive: {[t.name for t in threads]}")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


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

    def open_one(actor: str = "op_a", roles: frozenset[str] | None = None, *,
                 places: bool = True) -> Seat:
        console = ConsoleApp(database_url, actor, journal_path=tmp_path / f"{actor}.journal")
        run(qtbot, console.open())
        if roles is not None:  # as if the person's groups were these (the test's user is an admin)
            console.store.roles = roles
        settings = ini_settings(str(tmp_path / f"{actor}.ini"))
        window = MainWindow(console, settings)
        # The queue's first load is under way (the loop has not run since it began).
        with qtbot.waitSignal(window.queue.model.loaded, timeout=10000):
            window.show()
            window.activateWindow()
        qtbot.waitExposed(window)
        if places:  # the locator's cells, as the start reads them once the window shows
            run(qtbot, console.load_places())
        qtbot.waitUntil(lambda: console.listener.connected.is_set(), timeout=10000)
        seat = Seat(console, window)
        seats.append(seat)
        return seat

    yield open_one
    for seat in seats:  # close the window (no new work), stop its work, then disconnect
        seat.window.close()
        run(qtbot, seat.window.runner.cancel_all())
        run(qtbot, seat.console.close())
        seat.window.deleteLater()
