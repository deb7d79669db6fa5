"""The supervisor's board: at-risk cases by unit, supervision for many cases in
one action, open orders with their reply countdown."""

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select, update

from console.hotline.intake import create_case
from db import schema as s
from tests.factories import draft
from tests.widgets.conftest import run


async def make_overdue(store: Any, catalog: Any, n: int) -> list:
    made = []
    for i in range(n):
        case = await create_case(store, catalog, draft(catalog, text=f"超时案件{i}"))
        async with store.transaction() as conn:
            now = (await conn.execute(select(s.func.now()))).scalar_one()
            await conn.execute(update(s.Case).where(s.Case.id == case.id).values(
                accepted_at=now - dt.timedelta(days=10), due_at=now - dt.timedelta(days=5),
                unit_clock_at=now - dt.timedelta(days=10),
                unit_due_at=now - dt.timedelta(days=5)))
        made.append(case)
    return made


def test_supervise_several_cases_in_one_action(qtbot: Any, open_seat: Any,
                                               qtmodeltester: Any) -> None:
    seat = open_seat()  # the test's superuser is an admin: it may supervise
    store, catalog, panel = seat.console.store, seat.console.catalog, seat.window.board
    made = run(qtbot, make_overdue(store, catalog, 3))
    panel.load()
    qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 3, timeout=5000)
    assert all("可督办" in panel.cases_model.data(panel.cases_model.index(r, 4))
               for r in range(3))

    panel.supervise_selected()
    assert panel.message.text() == "请先在上表中选中要督办的案件"
    selection = panel.cases.selectionModel()
    for row in (0, 2):
        selection.select(panel.cases_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    dialog = panel.supervise_selected()
    assert dialog is not None and "2" in dialog.windowTitle()
    dialog.text.setPlainText("请于明日前办结并书面回复")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.message.text().startswith("已督办 2 件"), timeout=5000)
    qtbot.waitUntil(lambda: panel.orders_model.rowCount() == 2, timeout=5000)
    left = panel.orders_model.data(panel.orders_model.index(0, 3))
    assert left.count(":") == 2 and not left.startswith("逾期")

    # The same cases again: nothing is issued twice, and the board says so.
    for row in range(3):
        selection.select(panel.cases_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    again = panel.supervise_selected()
    again.text.setPlainText("再次督办")
    again.accept()
    qtbot.waitUntil(lambda: "本轮已督办" in panel.message.text(), timeout=5000)
    assert panel.message.text().startswith("已督办 1 件")
    assert {m.public_no for m in made} >= {
        panel.orders_model.record(r).public_no for r in range(panel.orders_model.rowCount())}

    # Quiet the live models (no more reloads from the feed), then check Qt's contract.
    panel.shutdown()
    qtbot.waitUntil(lambda: not seat.window.runner.busy, timeout=5000)
    qtmodeltester.check(panel.cases_model, force_py=True)
    qtmodeltester.check(panel.orders_model, force_py=True)


def test_a_case_closed_meanwhile_is_named_with_why_it_was_not_supervised(
        qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtCore import Qt

    from console.casework import cases

    seat = open_seat()
    store, catalog, panel = seat.console.store, seat.console.catalog, seat.window.board
    made = run(qtbot, make_overdue(store, catalog, 2))
    panel.load()
    qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 2, timeout=5000)
    panel.cases.setFocus()
    panel.cases.selectAll()
    run(qtbot, cases.perform(store, made[1].id, "invalidate", None, reason="重复来电"))
    dialog = panel.supervise_selected()  # another seat closed it after the board showed it
    dialog.text.setPlainText("限期办结")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.message.text().startswith("已督办 1 件"), timeout=5000)
    assert panel.message.text() == (
        f"已督办 1 件；{made[1].public_no} 未督办：案件已办结或不存在，不能督办")


def test_orders_are_acknowledged_and_answered_and_the_timeline_says_so(
        qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

    from console.supervision import sweeper
    from tests.widgets.conftest import type_text

    seat = open_seat()
    store, catalog, panel = seat.console.store, seat.console.catalog, seat.window.board
    (made,) = run(qtbot, make_overdue(store, catalog, 1))
    run(qtbot, sweeper.issue_supervision(store, made.id, "限期办结",
                                         dt.datetime.now(dt.UTC) + dt.timedelta(hours=8)))
    panel.load()
    qtbot.waitUntil(lambda: panel.orders_model.rowCount() == 1, timeout=5000)
    panel.acknowledge_selected()
    assert panel.message.text() == "请先在下表中选中一张督办单"
    panel.orders.setCurrentIndex(panel.orders_model.index(0, 0))
    panel.acknowledge_selected()
    assert panel.message.text() == "保存中…"
    qtbot.waitUntil(lambda: panel.message.text().endswith("已签收"), timeout=5000)
    # Said once the feed's reload shows it: no re-read of its own after the write.
    assert panel.orders_model.data(panel.orders_model.index(0, 4)) == "已签收"
    panel.orders.setCurrentIndex(panel.orders_model.index(0, 0))
    dialog = panel.reply_selected()
    type_text(dialog.findChild(QPlainTextEdit, "facts.reply"), "已整改并书面回复")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: panel.orders_model.rowCount() == 0, timeout=5000)

    detail = seat.window.open_case(made.id)
    qtbot.waitUntil(lambda: detail.timeline_model.rowCount() == 4, timeout=5000)
    described = [detail.timeline_model.data(detail.timeline_model.index(r, 3))
                 for r in range(1, 4)]
    assert described[0].startswith("督办；限期办结；限 ")
    assert described[1:] == ["督办单已签收", "督办单已回复：已整改并书面回复"]


def test_events_re_read_only_the_cases_they_name(qtbot: Any, open_seat: Any,
                                                 monkeypatch: Any) -> None:
    """A load in pages lists every at-risk case; after that an event re-reads its own
    case only, in place (no reset: the selection stays), and a case no longer at risk
    leaves the list."""
    from console.supervision import board

    seat = open_seat()
    store, catalog, panel = seat.console.store, seat.console.catalog, seat.window.board
    made = run(qtbot, make_overdue(store, catalog, 5))
    monkeypatch.setattr(board, "FIRST_PAGE", 2)
    monkeypatch.setattr(board, "PAGE", 2)
    asked: list[set] = []
    real_among = board.at_risk_among_pages

    def among(store_: Any, calendar: Any, ids: Any) -> Any:
        asked.append(set(ids))
        return real_among(store_, calendar, ids)

    monkeypatch.setattr(board, "at_risk_among_pages", among)
    panel.load()
    qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 5 and not panel.follower.busy,
                    timeout=10000)
    assert {panel.cases_model.record(r).id for r in range(5)} == {m.id for m in made}
    resets: list[bool] = []
    panel.cases_model.modelReset.connect(lambda: resets.append(True))
    keep = made[0].id
    panel.cases.selectRow(panel.cases_model.row_of(keep))
    late = made[3].id
    run(qtbot, _move_deadline(store, late, dt.timedelta(days=30)))  # no longer at risk
    qtbot.waitUntil(lambda: panel.cases_model.rowCount() == 4, timeout=10000)
    assert asked == [{late}]
    assert panel.cases_model.row_of(late) is None and not resets
    assert [c.id for c in panel.selected_cases()] == [keep]


async def _move_deadline(store: Any, case_id: Any, by: dt.timedelta) -> None:
    """An extension of sorts, with the event any change appends."""
    from console.core import events

    async with store.transaction() as conn:
        now = (await conn.execute(select(s.func.now()))).scalar_one()
        await conn.execute(update(s.Case).where(s.Case.id == case_id).values(
            due_at=now + by, unit_due_at=now + by))
        await events.append(conn, store.actor, events.CaseMoved("note", {}), case_id=case_id)
