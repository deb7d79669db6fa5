"""The admin's account pane: create, group, disable; bad input at the message line."""

import os
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from console.accounts import accounts
from db.engine import libpq_conninfo
from tests.widgets.conftest import run

PASSWORD = "Test-Secret-41177!"


@pytest.fixture
def new_login(admin_url: str) -> Iterator[str]:
    name = f"hc_ui_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    yield name
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")


def test_an_admin_creates_and_disables_an_account(qtbot: Any, open_seat: Any,
                                                  new_login: str, qtmodeltester: Any) -> None:
    window = open_seat().window
    dialog = window.dialogs.edit_accounts()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)  # the demo staff
    qtmodeltester.check(dialog.model, force_py=True)

    dialog.login.setText(new_login)
    dialog.name.setText("王五")
    dialog.groups["dispatcher"].setChecked(True)
    dialog.password.setText("short")
    qtbot.mouseClick(dialog.findChild(QPushButton, "accounts.create"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "密码至少 10 位" in dialog.message.text(), timeout=5000)
    assert dialog.password.text() == ""  # not kept after use

    dialog.password.setText(PASSWORD)
    reloads: list[bool] = []
    dialog.follower.reloaded.connect(lambda: reloads.append(True))
    dialog.create()
    assert dialog.message.text() == "保存中…"  # until the feed brought the change
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已新建账号"), timeout=5000)
    # Said saved once the list shows it: the feed's one reload, no re-read of its own.
    row = next(r for r in range(dialog.model.rowCount())
               if dialog.model.record(r).login == new_login)
    qtbot.waitUntil(lambda: not dialog.follower.busy, timeout=5000)
    assert reloads == [True]
    assert dialog.model.data(dialog.model.index(row, 2)) == "分拨员"
    assert dialog.model.data(dialog.model.index(row, 3)) == "可登录"

    qtbot.waitUntil(lambda: dialog.team.count() == 5, timeout=5000)  # 4 teams and "none"
    dialog.table.setCurrentIndex(dialog.model.index(row, 0))
    dialog.team.setCurrentIndex(2)
    dialog.save_team()
    qtbot.waitUntil(lambda: "班组" in dialog.message.text(), timeout=5000)
    assert any(a.login == new_login and a.team_id == dialog.team.itemData(2)
               for a in (dialog.model.record(r) for r in range(dialog.model.rowCount())))
    selected = dialog.model.record(dialog.table.currentIndex().row())
    assert selected is not None and selected.login == new_login  # the place is kept

    # Another administrator's change arrives through the feed.
    run(qtbot, accounts.set_team(window.store, new_login, None))
    qtbot.waitUntil(lambda: any(a.login == new_login and a.team_id is None
                                for a in (dialog.model.record(r)
                                          for r in range(dialog.model.rowCount()))),
                    timeout=5000)

    dialog.set_enabled(False)
    qtbot.waitUntil(lambda: "不能再登录" in dialog.message.text(), timeout=5000)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        url = window.store.url.replace("postgres@", f"{new_login}@")
        psycopg.connect(libpq_conninfo(url))
    assert PASSWORD not in dialog.message.text()
    # The list re-read after disabling has arrived: nothing is left in flight.
    qtbot.waitUntil(lambda: any(
        dialog.model.record(r).login == new_login and not dialog.model.record(r).can_login
        for r in range(dialog.model.rowCount())), timeout=5000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)


def test_an_admin_makes_a_unit_handler_with_their_unit(qtbot: Any, open_seat: Any,
                                                       new_login: str) -> None:
    window = open_seat().window
    dialog = window.dialogs.edit_accounts()
    qtbot.waitUntil(lambda: dialog.unit.count() > 1, timeout=5000)  # the units and "none"
    dialog.login.setText(new_login)
    dialog.name.setText("李承办")
    dialog.groups["unit_handler"].setChecked(True)
    dialog.password.setText(PASSWORD)
    dialog.create()
    qtbot.waitUntil(lambda: "承办单位" in dialog.message.text(), timeout=5000)
    assert "请选择" in dialog.message.text()  # a handler names their unit; nothing made
    dialog.password.setText(PASSWORD)
    dialog.unit.setCurrentIndex(3)
    unit_id = dialog.unit.itemData(3)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已新建账号"), timeout=5000)
    made = [dialog.model.record(r) for r in range(dialog.model.rowCount())]
    assert any(a.login == new_login and a.unit_id == unit_id
               and a.groups == ("unit_handler",) for a in made)
    qtbot.waitUntil(lambda: not dialog.follower.busy, timeout=5000)
