"""Nothing secret in logs, settings files, the seat's journal or error messages."""

import logging
from pathlib import Path
from typing import Any

import pytest

from console.accounts.login import Target
from console.app import ConsoleApp
from console.core.errors import DatabaseUnavailable
from console.core.store import Store
from tests.widgets.conftest import run
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import ini_settings

SECRET = "Test-Secret-60233!"


def test_a_password_leaves_no_trace(qtbot: Any, qloop: Any, database_url: str,
                                    tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = Target.from_url(database_url).url(SECRET)  # trust auth ignores it; we look for it
    console = ConsoleApp(url, "postgres", journal_path=tmp_path / "journal.json")
    run(qtbot, console.open())
    settings = ini_settings(str(tmp_path / "seat.ini"))
    window = MainWindow(console, settings)
    window.show()
    qtbot.waitUntil(lambda: console.listener.connected.is_set(), timeout=10000)
    window.call_screen.phone.setText("13812345678")
    window.call_screen.save()  # refused (no text): an error message is shown
    window.close()
    run(qtbot, window.runner.cancel_all())
    run(qtbot, console.close())
    settings.sync()

    unreachable = Store(Target("127.0.0.1", 1, "x", "li").url(SECRET), "li")
    with pytest.raises(DatabaseUnavailable) as failure:
        run(qtbot, unreachable.calibrate_clock())
    run(qtbot, unreachable.close())

    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "seat.ini" for p in written)
    for path in written:
        assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    assert SECRET not in caplog.text
    assert SECRET not in str(failure.value)
    assert SECRET not in window.call_screen.status.text()
    assert SECRET not in window.windowTitle()
