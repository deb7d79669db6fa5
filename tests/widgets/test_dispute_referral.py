"""A dispute the shift leader cannot settle, at the seat: referred to the district
leader from the case window, the leader's decision recorded with the keyboard,
the case gone to the unit it names; the unsettled ones listed on the board's
briefing tab."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from console.casework import cases
from console.supervision import ladder_rules
from tests.widgets.conftest import run, type_text
from tests.widgets.test_case_detail import button, make_case, open_from_queue


def disputed(qtbot: Any, seat: Any) -> Any:
    made = make_case(qtbot, seat)
    store = seat.console.store
    roles, store.roles = store.roles, frozenset({"admin"})  # the dispatcher's part, made here
    unit = sorted(u.id for u in seat.console.catalog.units.values() if u.active)[0]
    run(qtbot, cases.perform(store, made.id, "dispatch", None, unit_id=unit))
    run(qtbot, cases.perform(store, made.id, "dispute", None, reason="不属本单位职责"))
    store.roles = roles
    return made


def ctrl_enter(qtbot: Any, widget: Any) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_shift_leader_refers_and_the_decision_sends_the_case_on(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("sl_a", roles=frozenset({"shift_leader"}))
    made = disputed(qtbot, seat)
    detail = open_from_queue(qtbot, seat, made.id)
    qtbot.waitUntil(lambda: detail.findChild(QPushButton, "case.action.refer") is not None)
    assert detail.findChild(QPushButton, "case.action.decide") is None
    qtbot.mouseClick(button(detail, "refer"), Qt.MouseButton.LeftButton)
    note = detail.findChild(QPlainTextEdit, "facts.note")
    dialog = note.window()
    ctrl_enter(qtbot, note)  # nothing typed: refused in the dialog
    assert dialog.findChild(QLabel, "facts.error").text() == "请填写提请协调的说明"
    type_text(note, "两家单位均称不属本单位，请区领导协调")
    ctrl_enter(qtbot, note)
    qtbot.waitUntil(lambda: detail.row.status == "referred", timeout=5000)

    qtbot.waitUntil(lambda: detail.findChild(QPushButton, "case.action.decide") is not None)
    qtbot.mouseClick(button(detail, "decide"), Qt.MouseButton.LeftButton)
    unit = detail.findChild(QComboBox, "facts.unit_id")
    decision = unit.window()
    assert unit.currentData() is None  # no unit offered: the leader names it
    leader = decision.findChild(QLineEdit, "facts.leader")
    leader.setFocus()
    type_text(leader, "王副区长")
    unit.setFocus()
    type_text(unit.lineEdit(), "坪山区交通运输局")
    text = decision.findChild(QPlainTextEdit, "facts.decision")
    type_text(text, "由交通运输局牵头办理，相关单位配合")
    ctrl_enter(qtbot, text)
    qtbot.waitUntil(lambda: detail.row.status == "dispatched", timeout=5000)
    wanted = next(u.id for u in seat.console.catalog.units.values()
                  if u.name == "坪山区交通运输局")
    assert detail.row.assigned_unit_id == wanted
    model = detail.timeline_model
    qtbot.waitUntil(lambda: model.data(model.index(model.rowCount() - 1, 2)) == "登记区领导决定",
                    timeout=5000)
    last = model.data(model.index(model.rowCount() - 1, 3))
    assert "区领导 王副区长" in last and "由交通运输局牵头办理" in last
    assert model.data(model.index(model.rowCount() - 2, 2)) == "提请区领导协调"


def test_unsettled_disputes_are_on_the_board_s_briefing_tab(qtbot: Any,
                                                            open_seat: Any) -> None:
    seat = open_seat("sv_a")
    store = seat.console.store
    run(qtbot, ladder_rules.set_rule(store, 0.75, 1, dispute_briefing_working_days=0))
    made = disputed(qtbot, seat)
    briefing = seat.window.board.briefing
    seat.window.board.load()
    qtbot.waitUntil(lambda: any(briefing.model.record(r).case_id == made.id
                                for r in range(briefing.model.rowCount())), timeout=5000)
    assert briefing.summary.text().startswith("0 个工作日以上未解决的争议")
    qtbot.mouseClick(briefing.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[0].startswith("编号\t状态")
    assert any(line.startswith(made.public_no + "\t争议中") for line in copied.splitlines())
