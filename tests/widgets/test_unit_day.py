"""A unit handler's day at their own seat, with the keys only: sign for three
cases, apply to return one, apply for an extension on one, reply on one. The
seat logs in as the handler, so the database shows it only its unit's cases."""

from __future__ import annotations

import asyncio
import itertools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt

from console.app import ConsoleApp
from console.core.clock import CENTRE_TZ
from console.units import clocks as unit_clocks
from console.units import requests
from db.engine import libpq_conninfo, normalise_url
from tests.db.people import person
from tests.db.units_fixture import dispatched_to
from tests.widgets.conftest import Seat, run, type_text
from tests.widgets.operator_keys import Operator
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import ini_settings

_names = itertools.count()


@pytest.fixture
def people(database_url: str, admin_url: str) -> Iterator[dict[str, Any]]:
    """A handler of a unit, and the operator and dispatcher who send it cases."""
    made: dict[str, Any] = {}
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        for group in ("unit_handler", "operator", "dispatcher"):
            name = f"hc_t_day_{os.getpid()}_{next(_names)}"
            conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_{group}")
            made[group] = normalise_url(database_url).set(username=name).render_as_string(
                hide_password=False)
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        made["unit"], other = (r[0] for r in conn.execute(
            "SELECT id FROM unit WHERE active ORDER BY id LIMIT 2").fetchall())
        made["other_unit"] = other
        made["login"] = str(normalise_url(made["unit_handler"]).username)
        conn.execute("INSERT INTO staff (login, name, roles, unit_id) VALUES"
                     " (%s, '承办人', '{unit_handler}', %s)", (made["login"], made["unit"]))
    yield made
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        for group in ("unit_handler", "operator", "dispatcher"):
            conn.execute(f"DROP ROLE IF EXISTS {normalise_url(made[group]).username}")


@pytest.fixture
def handler_seat(qtbot: Any, qloop: asyncio.AbstractEventLoop, people: dict[str, Any],
                 tmp_path: Path) -> Iterator[Seat]:
    console = ConsoleApp(people["unit_handler"], people["login"],
                         journal_path=tmp_path / "handler.journal")
    run(qtbot, console.open())
    window = MainWindow(console, ini_settings(str(tmp_path / "handler.ini")))
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: console.listener.connected.is_set(), timeout=10000)
    yield Seat(console, window)
    window.close()
    run(qtbot, window.runner.cancel_all())
    run(qtbot, console.close())
    window.deleteLater()


def _row_of(desk: Any, case_id: uuid.UUID) -> int:
    return next(r for r in range(desk.model.rowCount()) if desk.model.record(r).id == case_id)


def test_a_handlers_day_with_the_keys(qtbot: Any, qloop: asyncio.AbstractEventLoop,
                                      people: dict[str, Any], database_url: str,
                                      request: pytest.FixtureRequest) -> None:
    sent = [run(qtbot, dispatched_to(people["operator"], people["dispatcher"], people["unit"]))
            for _ in range(4)]
    elsewhere = run(qtbot, dispatched_to(people["operator"], people["dispatcher"],
                                         people["other_unit"]))
    seat: Seat = request.getfixturevalue("handler_seat")
    window, desk = seat.window, seat.window.units.desk
    assert seat.console.store.roles == {"unit_handler"}
    op = Operator(qtbot, window)
    op.at("unit.table")  # a unit's seat opens on its cases
    qtbot.waitUntil(lambda: desk.model.rowCount() == 4, timeout=10000)
    assert elsewhere not in {desk.model.record(r).id for r in range(4)}  # only its unit's
    assert "待签收 4 件" in desk.summary.text()

    def said(words: str) -> None:
        qtbot.waitUntil(lambda: words in desk.message.text(), timeout=10000)
        qtbot.waitUntil(lambda: not desk.follower.busy, timeout=10000)

    def go_to(case_id: uuid.UUID) -> None:
        op.press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        for _ in range(_row_of(desk, case_id)):
            op.press(Qt.Key.Key_Down)
        assert desk.current() is not None and desk.current().id == case_id

    def fill(*texts: str) -> None:
        """In the form that opened: a text per text box (Tab between), then save."""
        qtbot.waitUntil(lambda: op.focus().objectName().startswith("unitForm."), timeout=5000)
        for i, text in enumerate(texts):
            if i:
                op.press(Qt.Key.Key_Tab)
            type_text(op.focus(), text)
        op.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    for case_id in sent[:3]:  # sign for three
        go_to(case_id)
        op.type("s")
        said("已签收")
    assert "待签收 1 件" in desk.summary.text()

    go_to(sent[3])  # the one not signed: not this unit's duty
    op.type("r")
    fill("该路段属交通局管养，非本单位职责")
    said("已提交退回申请")

    go_to(sent[0])
    op.type("e")
    qtbot.waitUntil(lambda: op.focus().objectName() == "unitForm.days", timeout=5000)
    op.press(Qt.Key.Key_Up)  # two working days
    op.press(Qt.Key.Key_Tab)
    type_text(op.focus(), "需供电局配合停电施工")
    op.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    said("已提交延期申请")

    go_to(sent[1])
    op.type("f")
    fill("破损路灯已更换，恢复照明", "更换前后照片各一张")
    said("已回复办结")

    qtbot.waitUntil(lambda: desk.model.rowCount() == 3, timeout=10000)  # the reply left
    shown = {desk.model.record(r).id: desk.model.record(r) for r in range(3)}
    assert shown[sent[0]].pending == ("extension",)
    assert shown[sent[3]].pending == ("return",)
    assert "延期申请中" in desk.model.data(desk.model.index(_row_of(desk, sent[0]), 1))
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        signed = conn.execute('SELECT count(*) FROM "case" WHERE signed_at IS NOT NULL'
                              " AND id = ANY(%s)", (sent,)).fetchone()
        replied = conn.execute("SELECT c.status, e.payload ->> 'attachments' FROM \"case\" c"
                               " JOIN case_event e ON e.case_id = c.id AND e.kind = 'reply'"
                               " WHERE c.id = %s", (sent[1],)).fetchone()
        asked = conn.execute("SELECT kind, days, requested_by FROM unit_request"
                             " ORDER BY id").fetchall()
    assert signed == (3,)
    assert replied == ("resolved", "更换前后照片各一张")
    assert asked == [("return", None, people["login"]), ("extension", 2, people["login"])]


def test_dispatchers_and_leaders_decide_requests_with_the_keys(
        qtbot: Any, open_seat: Any, people: dict[str, Any], database_url: str) -> None:
    returned, extended = (run(qtbot, dispatched_to(people["operator"], people["dispatcher"],
                                                   people["unit"])) for _ in range(2))

    async def apply() -> None:
        handler = await person(people["unit_handler"])
        try:
            await requests.apply_return(handler, returned, "非本单位职责")
            await requests.apply_extension(handler, extended, 3, "需协调多部门")
        finally:
            await handler.close()

    run(qtbot, apply())
    for role, kind in (("dispatcher", "退回"), ("shift_leader", "延期")):
        window = open_seat(actor=f"decider_{role}", roles=frozenset({role})).window
        pane = window.units.requests
        assert window.units.desk.isHidden()  # not a unit's handler
        qtbot.waitUntil(lambda pane=pane: pane.model.rowCount() == 1, timeout=10000)
        assert kind in pane.model.data(pane.model.index(0, 1))  # only what they decide
        if role == "shift_leader":  # the unit's deadline now, and where approving moves it
            with psycopg.connect(libpq_conninfo(database_url)) as conn:
                due, unit_due = conn.execute('SELECT due_at, unit_due_at FROM "case"'
                                             " WHERE id = %s", (extended,)).fetchone()
            moved = unit_clocks.extended(pane._catalog.calendar, due, unit_due, 3)[1]
            assert unit_due is not None and moved is not None and moved > unit_due
            assert pane.model.data(pane.model.index(0, 4)) == " → ".join(
                at.astimezone(CENTRE_TZ).strftime("%m-%d %H:%M") for at in (unit_due, moved))
        op = Operator(qtbot, window)
        pane.table.setFocus()
        op.at("requests.table")
        if role == "dispatcher":
            op.type("a")
            qtbot.waitUntil(lambda pane=pane: "已同意" in pane.message.text(), timeout=10000)
        else:
            op.type("x")
            qtbot.waitUntil(lambda o=op: o.focus().objectName() == "unitForm.reason")
            type_text(op.focus(), "时限内可以办结")
            op.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda pane=pane: "已不同意" in pane.message.text(), timeout=10000)
        qtbot.waitUntil(lambda pane=pane: pane.model.rowCount() == 0, timeout=10000)
        window.close()
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        rows = conn.execute("SELECT kind, decision, decision_reason FROM unit_request"
                            " ORDER BY id").fetchall()
        status = conn.execute('SELECT status FROM "case" WHERE id = %s', (returned,)).fetchone()
    assert rows == [("return", "approved", ""), ("extension", "refused", "时限内可以办结")]
    assert status == ("returned",)



def test_a_street_sub_centre_sends_a_case_on_to_its_community_with_d(
        qtbot: Any, qloop: asyncio.AbstractEventLoop, people: dict[str, Any],
        database_url: str, request: pytest.FixtureRequest) -> None:
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as conn:
        centre, street = conn.execute("SELECT id, street_code FROM unit WHERE kind = 'centre'"
                                      " AND street_code IS NOT NULL ORDER BY id LIMIT 1"
                                      ).fetchone()  # type: ignore[misc]
        conn.execute("UPDATE staff SET unit_id = %s WHERE login = %s", (centre, people["login"]))
    case_id = run(qtbot, dispatched_to(people["operator"], people["dispatcher"], centre))
    seat: Seat = request.getfixturevalue("handler_seat")
    desk = seat.window.units.desk
    op = Operator(qtbot, seat.window)
    op.at("unit.table")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1 and bool(desk._targets), timeout=10000)
    op.type("d")
    qtbot.waitUntil(lambda: op.focus().objectName() == "unitForm.unit", timeout=5000)
    chosen = op.focus().currentData()  # type: ignore[attr-defined]
    op.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已转派社区" in desk.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: desk.model.rowCount() == 0, timeout=10000)  # with the community
    with psycopg.connect(libpq_conninfo(database_url)) as conn:
        unit, = conn.execute('SELECT assigned_unit_id FROM "case" WHERE id = %s',
                             (case_id,)).fetchone()  # type: ignore[misc]
        same_street = conn.execute("SELECT street_code = %s AND kind = 'community' FROM unit"
                                   " WHERE id = %s", (street, unit)).fetchone()
    assert unit == chosen and same_street == (True,)
    # The sub-centre watches it below, read only, labelled as sent on.
    forwarded = desk.forwarded
    qtbot.waitUntil(lambda: forwarded.model.rowCount() == 1, timeout=10000)
    assert forwarded.isVisibleTo(desk) and "只读" in forwarded.title.text()
    cells = [forwarded.model.index(0, c).data() for c in range(forwarded.model.columnCount())]
    assert cells[1] == seat.console.catalog.unit_name(chosen)
    assert cells[2] == "已转派 · 待社区签收"
    assert cells[3] and cells[3] != "已签收"  # its community's time to sign
    assert forwarded.table.editTriggers() == forwarded.table.EditTrigger.NoEditTriggers
