"""The login dialog against the real server, with an in-memory keyring."""

from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import Qt

from console.accounts.credentials import SERVICE
from console.accounts.login import Target
from tests.keyrings import MemoryKeyring, installed
from widgets.accounts.login_dialog import LoginDialog, log_in
from widgets.common.tasks import TaskRunner

SECRET = "Test-Secret-88120!"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        yield backend


def test_remember_me_keeps_the_password_in_the_keyring_only(
        qtbot: Any, qloop: Any, database_url: str, memory_keyring: MemoryKeyring,
        tmp_path: Any) -> None:
    target = Target.from_url(database_url)
    dialog = LoginDialog(target, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.password.setText(SECRET)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.url is not None
    assert memory_keyring.kept == {(SERVICE, target.key): SECRET}
    assert SECRET not in dialog.message.text()


def test_the_dialog_says_what_is_missing(qtbot: Any, qloop: Any, database_url: str) -> None:
    dialog = LoginDialog(Target.from_url(database_url), TaskRunner())
    qtbot.addWidget(dialog)
    dialog.user.clear()
    dialog.attempt()
    assert dialog.message.text() == "请输入用户名"
    dialog.user.setText("postgres")
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("verify-full"))
    dialog.attempt()
    assert dialog.message.text() == "校验服务器证书需要 CA 证书文件"
    assert dialog.result() == 0


def test_a_seat_without_a_keyring_says_so_before_login(qtbot: Any, qloop: Any,
                                                      database_url: str) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        dialog = LoginDialog(Target.from_url(database_url), TaskRunner(),
                             keyring_usable=False)
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled()
        assert "没有可用的密钥环" in dialog.remember.text()
    finally:
        keyring.set_keyring(previous)


def test_a_server_that_needs_no_password_logs_straight_in(qtbot: Any, qloop: Any,
                                                        database_url: str,
                                                        memory_keyring: MemoryKeyring) -> None:
    import asyncio

    task = asyncio.ensure_future(log_in(database_url, TaskRunner()))
    qtbot.waitUntil(task.done, timeout=10000)
    assert task.result() is not None  # trust authentication: no dialog needed
    assert memory_keyring.kept == {}
