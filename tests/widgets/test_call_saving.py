"""The call screen's saves other than a plain new case, driven by keys: a repeat call
recorded as a duplicate (F8), Enter on a likely duplicate, a question answered on
the spot (F9, also from the quick-answer search); a duplicate check still under
way stops with the window."""

import asyncio
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit

from console.casework import cases
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.call_screen_helpers import find, manual_leaf, saved_case, saved_no
from tests.widgets.conftest import run, type_text
from tests.widgets.operator_keys import Operator


def test_a_repeat_call_about_an_open_case_is_recorded_as_its_duplicate(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    manual = manual_leaf(seat)
    first = run(qtbot, create_case(seat.console.store, catalog,
                                   draft(catalog, category_id=manual.id)))
    w = seat.window
    phone = find(w, QLineEdit, "call.phone")
    qtbot.keyClicks(phone, "13812345678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    title = find(w, QLabel, "call.duplicatesTitle")
    qtbot.waitUntil(title.isVisible, timeout=10000)
    assert "疑似重复 1 件" in title.text()
    text = find(w, QPlainTextEdit, "call.text")
    type_text(text, "又打来催问路面破损的事")
    w.call_screen.category.choose(manual)
    qtbot.keyClick(w.call_screen, Qt.Key.Key_F8)
    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: "重复件" in status.text(), timeout=10000)
    assert first.public_no in status.text()
    new_no = saved_no(qtbot, w)
    timeline = run(qtbot, cases.timeline(seat.console.store, first.id))
    assert [e.kind for e in timeline] == ["created"]
    assert text.toPlainText() == "" and not title.isVisible()
    assert new_no != first.public_no


def test_enter_on_a_likely_duplicate_asks_before_saving_a_new_case(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    manual = manual_leaf(seat)
    first = run(qtbot, create_case(seat.console.store, catalog,
                                   draft(catalog, category_id=manual.id)))
    w = seat.window
    op = Operator(qtbot, w)
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)
    op.at("call.text")
    op.type("上次说的路面破损还没修")
    w.call_screen.category.choose(manual)
    op.press(Qt.Key.Key_Return)  # at once, before the pause that starts a check
    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: "F8" in status.text(), timeout=10000)
    assert "未保存" in status.text() and "Enter" in status.text()
    assert find(w, QLabel, "call.duplicatesTitle").isVisible()
    listed = find(w, QListWidget, "call.duplicates")
    assert listed.currentItem().text().startswith(first.public_no)
    assert w.call_screen.text.toPlainText() == "上次说的路面破损还没修"  # nothing saved yet
    op.press(Qt.Key.Key_Return)  # a new case after all
    case = saved_case(qtbot, seat, saved_no(qtbot, w))
    assert case.merged_into is None and case.public_no != first.public_no


def test_a_question_is_answered_on_the_spot_with_f9(qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    w = open_seat().window
    screen = w.call_screen
    op = Operator(qtbot, w)
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)
    op.type("社保卡丢了怎么补办？")
    screen.nature.setCurrentIndex(screen.nature.findData("consultation"))
    leaf = next(c for c in w.catalog.categories.values() if c.is_leaf and not c.auto_dispatch)
    screen.category.choose(leaf)
    screen.suggest_answer("可到就近社保服务网点补办，带身份证。")
    op.press(Qt.Key.Key_F9)
    answer = screen.findChild(QPlainTextEdit, "facts.answer")
    assert answer.toPlainText() == "可到就近社保服务网点补办，带身份证。"
    ok = answer.window().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: "当场答复办结" in status.text(), timeout=10000)
    number = re.search(r"PS-\d{8}-\d{6}", status.text()).group(0)
    case_id = run(qtbot, cases.find_by_public_no(w.store, number))
    assert case_id is not None
    kinds = [e.kind for e in run(qtbot, cases.timeline(w.store, case_id))]
    assert kinds == ["created", "answer"]


def test_f9_from_the_quick_answer_search_offers_the_answer_shown(qtbot: Any,
                                                                 open_seat: Any) -> None:
    from console.demodata.demo_answers import load_demo_answers

    seat = open_seat()
    run(qtbot, load_demo_answers(seat.console.store))
    w = seat.window
    screen = w.call_screen
    screen.phone.setText("13812345678")
    type_text(screen.text, "社保卡丢了怎么补办？")
    screen.category.choose(next(c for c in w.catalog.categories.values()
                                if c.is_leaf and not c.auto_dispatch))
    op = Operator(qtbot, w)
    w.quick_answers.focus_search()
    op.at("answers.search")
    with qtbot.waitSignal(w.quick_answers.results_shown, timeout=10000):
        op.type("sbk")
    shown = w.quick_answers.current()
    assert shown is not None
    op.press(Qt.Key.Key_F9)
    answer = screen.findChild(QPlainTextEdit, "facts.answer")
    qtbot.waitUntil(lambda: answer is not None and answer.isVisible())
    assert answer.toPlainText() == shown.answer


def test_closing_the_window_stops_the_pending_duplicate_check(qtbot: Any,
                                                              open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    screen = w.call_screen
    type_text(screen.text, "楼下餐馆油烟很大")  # starts the pause before a check
    timer = screen.duplicates._timer  # noqa: SLF001
    assert timer.isActive()
    w.close()
    assert not timer.isActive()
    type_text(screen.text, "，晚上也是")  # a closed pane starts no check either
    assert not timer.isActive()
    assert not [t for t in asyncio.all_tasks()
                if t.get_coro().__qualname__ == "candidates" and not t.done()]
