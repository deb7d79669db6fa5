"""The embedded server's first run: the person becomes its local administrator
with a password; the next start asks for that password."""

import asyncio
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtWidgets import QApplication

from console.app import roles_of
from console.core.store import Store
from db.embedded import EmbeddedServer
from db.migrate import upgrade
from tests.widgets.conftest import run
from widgets.accounts.first_run_dialog import FirstRunDialog, embedded_login
from widgets.accounts.login_dialog import LoginDialog
from widgets.common.tasks import TaskRunner
from widgets.shell.settings import ini_settings

PASSWORD = "Test-Secret-27701!"


def open_dialog(qtbot: Any, kind: type) -> Any:
    found: list[Any] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, kind) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


@pytest.fixture
def no_keyring() -> Any:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def test_first_run_then_login(qtbot: Any, qloop: Any, tmp_path: Path, pgdata_dir: Path,
                              no_keyring: None) -> None:
    server = EmbeddedServer(pgdata_dir)
    owner_url = server.start()
    try:
        upgrade(owner_url)
        server.require_passwords()
        settings = ini_settings(str(tmp_path / "seat.ini"))

        first = asyncio.ensure_future(embedded_login(owner_url, TaskRunner(), settings))
        dialog = open_dialog(qtbot, FirstRunDialog)
        dialog.login.setText("wang_admin")
        dialog.name.setText("王管理")
        dialog.secret.setText(PASSWORD)
        dialog.again.setText(PASSWORD + "typo")
        dialog.create()
        assert dialog.message.text() == "两次输入的密码不一致" and dialog.isVisible()
        dialog.again.setText(PASSWORD)
        dialog.create()
        qtbot.waitUntil(first.done, timeout=10000)
        person_url = first.result()
        assert person_url is not None and "wang_admin" in person_url
        person = Store(person_url, "wang_admin")
        try:
            assert "admin" in run(qtbot, roles_of(person))
        finally:
            run(qtbot, person.close())

        again = asyncio.ensure_future(embedded_login(owner_url, TaskRunner(), settings))
        login = open_dialog(qtbot, LoginDialog)
        assert login.user.text() == "wang_admin"  # the last person at this seat
        assert not login.remember.isEnabled()  # this seat has no keyring, and says so
        login.password.setText("wrong-password-123")
        login.attempt()
        qtbot.waitUntil(lambda: "密码不对" in login.message.text(), timeout=10000)
        login.password.setText(PASSWORD)
        login.attempt()
        qtbot.waitUntil(again.done, timeout=10000)
        assert again.result() is not None
        assert PASSWORD not in (tmp_path / "seat.ini").read_text(encoding="utf-8")
    finally:
        server.stop()
