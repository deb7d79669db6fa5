"""No error escapes: a bug anywhere in a seat (a task's result handler, a model's
data(), a key handler) is logged with its traceback, reported in the status bar
as a bug, and the seat keeps working."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.common import bugs

pytestmark = [
    pytest.mark.expected_bug,
    pytest.mark.expected_log(r"^widgets\.common\.bugs: bug "),
    # pytest-qt would take the exceptions of Qt overrides for itself: the seat's hook must.
    pytest.mark.qt_no_exception_capture,
]


@pytest.fixture
def hook(qloop: asyncio.AbstractEventLoop) -> Iterator[bugs.BugChannel]:
    """The seat's excepthook and loop handler, as main.py installs them."""
    channel = bugs.channel()
    channel.install(qloop)
    try:
        yield channel
    finally:
        channel.uninstall()


def status(seat: Any) -> str:
    return str(seat.window.statusBar().currentMessage())


def still_works(qtbot: Any, seat: Any) -> None:
    """The seat goes on: a case recorded at another seat reaches this queue."""
    screen = seat.window.call_screen
    before = seat.window.queue.model.rowCount()
    run(qtbot, create_case(seat.console.store, seat.console.catalog,
                           draft(seat.console.catalog, text="之后的一件")))
    qtbot.waitUntil(lambda: seat.window.queue.model.rowCount() == before + 1, timeout=10000)
    assert screen.isVisible() and seat.window.isVisible()


def test_a_bug_in_a_tasks_result_handler_is_reported(qtbot: Any, open_seat: Any,
                                                     hook: bugs.BugChannel,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    seat = open_seat()

    def on_done(_value: int) -> None:
        raise KeyError("no such row")

    seat.window.runner.run(asyncio.sleep(0, result=1), on_done=on_done)
    qtbot.waitUntil(lambda: "KeyError" in status(seat), timeout=5000)
    assert "程序内部错误" in status(seat)
    assert "Traceback" in caplog.text and "no such row" in caplog.text
    still_works(qtbot, seat)


def test_a_bug_in_a_tasks_error_handler_is_reported(qtbot: Any, open_seat: Any,
                                                    hook: bugs.BugChannel) -> None:
    from console.core.errors import ConflictError

    seat = open_seat()

    async def refused() -> None:
        raise ConflictError("changed")

    def on_error(_exc: Exception) -> None:
        raise AttributeError("no label")

    seat.window.runner.run(refused(), on_error=on_error)
    qtbot.waitUntil(lambda: "AttributeError" in status(seat), timeout=5000)
    still_works(qtbot, seat)


def a_seat_with_a_case(qtbot: Any, open_seat: Any) -> Any:
    seat = open_seat()
    run(qtbot, create_case(seat.console.store, seat.console.catalog,
                           draft(seat.console.catalog)))
    qtbot.waitUntil(lambda: seat.window.queue.model.rowCount() == 1, timeout=10000)
    seat.window.queue_dock.raise_()
    return seat


def test_a_bug_in_a_models_data_is_reported(qtbot: Any, open_seat: Any,
                                            hook: bugs.BugChannel,
                                            monkeypatch: pytest.MonkeyPatch,
                                            caplog: pytest.LogCaptureFixture) -> None:
    seat = a_seat_with_a_case(qtbot, open_seat)
    model = seat.window.queue.model

    def broken(_row: Any) -> str:
        raise ValueError("a column without words")

    # A column's words fail inside data(), as Qt's view asks for them while painting.
    monkeypatch.setattr(model._columns[0], "value", broken)
    monkeypatch.setattr(model._texts, "_made", {})  # the rows' texts made again
    seat.window.queue.table.viewport().update()
    qtbot.waitUntil(lambda: "ValueError" in status(seat), timeout=5000)
    # Every paint asks again: one traceback in the log, not one per paint.
    assert caplog.text.count("Traceback") == 1
    monkeypatch.undo()
    still_works(qtbot, seat)


def test_a_bug_in_a_key_handler_is_reported(qtbot: Any, open_seat: Any,
                                            hook: bugs.BugChannel) -> None:
    seat = a_seat_with_a_case(qtbot, open_seat)
    table = seat.window.queue.table

    def broken(_index: Any) -> None:
        raise IndexError("no row under the cursor")

    # Enter on the queue opens the case from inside the table's keyPressEvent.
    table.open_requested.connect(broken)
    table.setCurrentIndex(seat.window.queue.model.index(0, 0))
    # Posted, so that Qt's loop delivers it as it delivers a real key press.
    QApplication.postEvent(table, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                            Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: "IndexError" in status(seat), timeout=5000)
    assert "no row under the cursor" in status(seat)
    table.open_requested.disconnect(broken)
    for detail in list(seat.window._details.values()):
        detail.close()
    still_works(qtbot, seat)


def test_an_exception_in_a_loop_callback_is_reported(qtbot: Any, open_seat: Any,
                                                     hook: bugs.BugChannel,
                                                     qloop: asyncio.AbstractEventLoop) -> None:
    seat = open_seat()
    qloop.call_soon(lambda: 1 / 0)
    qtbot.waitUntil(lambda: "ZeroDivisionError" in status(seat), timeout=5000)
    still_works(qtbot, seat)


def test_bugs_are_logged_with_their_traceback_once_per_place(
        qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    channel = bugs.BugChannel()
    seen: list[str] = []
    channel.reported.connect(seen.append)
    for _ in range(3):
        try:
            {}["missing"]  # noqa: B018 (the bug)
        except KeyError as exc:
            channel.report(exc, "in a test")
    assert seen == ["KeyError: 'missing'"] * 3 and channel.count == 3
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 3 and sum(r.exc_info is not None for r in errors) == 1
