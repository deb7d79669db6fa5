"""The real start-up, as a person meets it: ``main.main()`` itself, driven by key
presses where the focus is (tests/widgets/person.py) — the first run's dialog,
the main window staying open, Ctrl+Q; the next start's login; each group's member
on a shared server; and the ways a start can end without a window."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import main
from db.embedded import EmbeddedServer
from db.engine import libpq_conninfo, normalise_url
from tests.db.test_embedded import postmaster_pid
from tests.widgets.person import Person, press, type_keys, visible
from widgets.accounts.first_run_dialog import FirstRunDialog
from widgets.accounts.login_dialog import LoginDialog
from widgets.shell.main_window import MainWindow

PASSWORD = "Correct-Horse-42"
Key, Mod = Qt.Key, Qt.KeyboardModifier


@pytest.fixture
def seat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """A fresh seat: its own settings and journal, and no keyring (a headless seat)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield tmp_path
    keyring.set_keyring(previous)
    asyncio.set_event_loop(None)


def run_main(person: Person, *args: str) -> int:
    person.start()
    try:
        code = main.main([*args, "--log-level", "WARNING"])
    finally:
        person.stop()
    person.check()
    return code


def quit_with_ctrl_q(window: MainWindow) -> None:
    assert window.isActiveWindow(), "the main window does not have the keyboard"
    press(Key.Key_Q, Mod.ControlModifier)


def count_cases(pgdata: Path) -> int:
    server = EmbeddedServer(pgdata)
    try:
        with psycopg.connect(libpq_conninfo(server.start())) as conn:
            row = conn.execute("SELECT count(*) FROM \"case\"").fetchone()
            assert row is not None
            return int(row[0])
    finally:
        server.stop()


def fill_first_run(dialog: FirstRunDialog) -> None:
    assert dialog.name.hasFocus()  # where a person starts typing
    type_keys("Tester")
    press(Key.Key_Tab)
    type_keys(PASSWORD)
    press(Key.Key_Tab)
    type_keys(PASSWORD)
    press(Key.Key_Return)


@pytest.mark.slow
def test_first_run_then_every_later_start(seat: Path, pgdata_dir: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    pgdata = pgdata_dir
    shown: dict[str, Any] = {}

    def loaded() -> bool:
        window = shown.get("window")
        return bool(window and window.isVisible() and window.queue.model.rowCount() > 0)

    first = Person([
        ("the first-run dialog", visible(FirstRunDialog), fill_first_run),
        ("the main window", visible(MainWindow), lambda w: shown.update(window=w)),
        ("the window still open with its cases", loaded, lambda _: quit_with_ctrl_q(
            shown["window"])),
    ])
    assert run_main(first, "--demo", "--data-dir", str(pgdata)) == 0
    assert postmaster_pid(pgdata) is None  # the last seat stopped its server
    cases = count_cases(pgdata)
    assert cases > 1000

    def wrong_password(dialog: LoginDialog) -> None:
        shown["login"] = dialog
        assert dialog.password.hasFocus() and dialog.user.text() == "admin"
        # The seat's own server: no address, TLS or keyring to think about.
        assert not any(w.isVisible() for w in (dialog.server, dialog.sslmode, dialog.ca_file,
                                                dialog.remember))
        type_keys("not-the-password")
        press(Key.Key_Return)

    def told(_: bool) -> None:
        type_keys(PASSWORD)  # the password box is selected again: typing replaces it
        press(Key.Key_Return)

    second = Person([
        ("the login dialog", visible(LoginDialog), wrong_password),
        ("a wrong password told", lambda: "密码不对" in shown["login"].message.text(), told),
        ("the main window", visible(MainWindow), quit_with_ctrl_q),
    ])
    assert run_main(second, "--demo", "--data-dir", str(pgdata)) == 0
    assert count_cases(pgdata) == cases  # the demo is loaded once: the same data opens

    third = Person([("the login dialog", visible(LoginDialog),
                     lambda _: press(Key.Key_Escape))])
    caplog.clear()
    caplog.set_level(logging.INFO)
    assert run_main(third, "--data-dir", str(pgdata)) == main_cancelled()
    assert "login cancelled" in caplog.text and "Traceback" not in caplog.text
    assert postmaster_pid(pgdata) is None


def main_cancelled() -> int:
    from widgets.shell.startup import CANCELLED

    return CANCELLED


def test_esc_in_the_first_run_dialog_starts_nothing(seat: Path, pgdata_dir: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    person = Person([("the first-run dialog", visible(FirstRunDialog),
                      lambda _: press(Key.Key_Escape))])
    assert run_main(person, "--data-dir", str(pgdata_dir)) == main_cancelled()
    assert "login cancelled" in caplog.text and "Traceback" not in caplog.text


def test_an_unreachable_server_is_told_in_the_login_dialog(seat: Path) -> None:
    seen: list[str] = []

    def read_and_leave(dialog: LoginDialog) -> None:
        seen.append(dialog.message.text())
        press(Key.Key_Escape)

    person = Person([("the login dialog", visible(LoginDialog), read_and_leave)])
    code = run_main(person, "--database-url", "postgresql://zhang_wei@127.0.0.1:1/hotline")
    assert code == main_cancelled()
    assert seen and "连不上服务器 127.0.0.1:1" in seen[0]


@pytest.mark.expected_log(r"^widgets\.shell\.startup: the database schema is at")
def test_a_shared_database_behind_this_console_is_told(
        seat: Path, empty_database_url: str, admin_url: str) -> None:
    """An operator cannot migrate: a box says who can, and nothing starts."""
    name = f"hc_t_start_{os.getpid()}"
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")
        conn.execute(f"CREATE ROLE {name} LOGIN")
    told: list[str] = []

    def read_box(box: QMessageBox) -> None:
        told.append(box.text())
        press(Key.Key_Return)

    try:
        url = normalise_url(empty_database_url).set(username=name).render_as_string(
            hide_password=False)
        person = Person([("a message", visible(QMessageBox, "startupProblem"), read_box)])
        assert run_main(person, "--database-url", url) == 3
        assert told and "管理员" in told[0]
    finally:
        with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")


@pytest.mark.expected_log(r"^widgets\.shell\.startup: the database schema is at .*, newer")
def test_a_database_a_newer_console_migrated_is_told_and_left_alone(
        seat: Path, database_url: str, admin_url: str) -> None:
    """Even its administrator's console stops: it cannot migrate backwards and its saves
    would miss what the newer schema asks for. The box says to update; nothing changes."""
    from db.migrate import head_revision

    future = "0999_from_a_newer_console"
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", (future,))
        cases = conn.execute('SELECT count(*) FROM "case"').fetchone()
    told: list[str] = []

    def read_box(box: QMessageBox) -> None:
        told.append(box.text())
        press(Key.Key_Return)

    person = Person([("a message", visible(QMessageBox, "startupProblem"), read_box)])
    from widgets.shell.startup import CONSOLE_BEHIND

    assert run_main(person, "--database-url", database_url) == CONSOLE_BEHIND
    assert told and future in told[0] and head_revision() in told[0] and "新版本" in told[0]
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (future,)
        assert conn.execute('SELECT count(*) FROM "case"').fetchone() == cases


@pytest.mark.parametrize("group", ["operator", "dispatcher", "shift_leader", "supervisor"])
def test_each_group_opens_its_window_on_a_shared_server(
        seat: Path, database_url: str, admin_url: str, group: str,
        caplog: pytest.LogCaptureFixture) -> None:
    name = f"hc_t_start_{group}_{os.getpid()}"
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_{group}")
    seen: dict[str, Any] = {}

    def look(window: MainWindow) -> None:
        seen["title"] = window.windowTitle()
        seen["roles"] = window.store.roles
        quit_with_ctrl_q(window)

    try:
        url = normalise_url(database_url).set(username=name).render_as_string(
            hide_password=False)
        caplog.set_level(logging.WARNING)
        person = Person([("the main window", visible(MainWindow), look)])
        assert run_main(person, "--database-url", url) == 0
        assert name in seen["title"] and seen["roles"] == {group}
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    finally:
        with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")


def test_quitting_one_seat_leaves_the_server_to_the_other(seat: Path, pgdata_dir: Path) -> None:
    from tests.db.test_embedded import SEAT

    with subprocess.Popen([sys.executable, "-c", SEAT, str(pgdata_dir)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as other:
        assert other.stdout is not None and other.stdin is not None
        try:
            url = other.stdout.readline().strip()  # the other seat is up first
            person = Person([
                ("the first-run dialog", visible(FirstRunDialog), fill_first_run),
                ("the main window", visible(MainWindow), quit_with_ctrl_q),
            ])
            assert run_main(person, "--data-dir", str(pgdata_dir)) == 0
            with psycopg.connect(libpq_conninfo(url)) as conn:  # still there for the other
                assert conn.execute("SELECT count(*) FROM staff").fetchone() == (1,)
            other.stdin.write("\n")
            other.stdin.flush()
            assert other.stdout.readline().strip() == "stopped"
        finally:
            if other.poll() is None:
                other.kill()
    assert postmaster_pid(pgdata_dir) is None
