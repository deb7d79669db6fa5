"""The call screen driven as an operator would: keys on named widgets."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from console.intake import MAX_TEXT
from tests.widgets.conftest import type_text


def find(window: Any, cls: type, name: str) -> Any:
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_whole_intake_with_the_keyboard(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    phone = find(w, QLineEdit, "call.phone")
    qtbot.keyClicks(phone, "13812345678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    title = find(w, QLabel, "call.historyTitle")
    qtbot.waitUntil(lambda: title.text() == "来电历史：无")
    assert not find(w, QLabel, "call.repeatMark").isVisible()

    text = find(w, QPlainTextEdit, "call.text")
    text.setFocus()
    type_text(text, "坑梓大道路面破损，坑洼积水")
    category = find(w, QLineEdit, "call.category")
    category.setFocus()
    qtbot.keyClicks(category, "dlps")
    assert w.call_screen.category.matches()[0].endswith("道路破损")
    popup = w.call_screen.category._completer.popup()  # noqa: SLF001
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert w.call_screen.category.chosen.name == "道路破损"
    qtbot.keyClick(category, Qt.Key.Key_Return)  # Enter saves

    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: status.text().startswith("已保存 PS-"), timeout=10000)
    public_no = status.text().split()[-1]
    model = w.queue.model
    qtbot.waitUntil(lambda: any(
        (row := model.cached(model.case_id(r))) is not None and row.public_no == public_no
        for r in range(model.rowCount())) or _fetch_all(qtbot, model), timeout=10000)
    assert phone.text() == "" and text.toPlainText() == ""  # ready for the next call

    # The same caller again: the history and the repeat mark appear.
    qtbot.keyClicks(phone, "138-1234-5678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: find(w, QLabel, "call.repeatMark").isVisible())
    assert find(w, QLabel, "call.repeatMark").text() == "重复来电 1 次"
    assert w.call_screen.history_model.rowCount() == 1


def _fetch_all(qtbot: Any, model: Any) -> bool:
    for r in range(model.rowCount()):
        model.data(model.index(r, 0))
    return False


def test_bad_input_is_shown_at_the_field_and_nothing_typed_is_lost(qtbot: Any,
                                                                  open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    phone = find(w, QLineEdit, "call.phone")
    qtbot.keyClicks(phone, "12")
    text = find(w, QPlainTextEdit, "call.text")
    huge = "长" * 100_000
    text.setPlainText(huge)
    qtbot.keyClick(text, Qt.Key.Key_Return)  # Enter saves

    phone_error = find(w, QLabel, "call.caller_phone.error")
    text_error = find(w, QLabel, "call.text.error")
    category_error = find(w, QLabel, "call.category.error")
    assert phone_error.isVisible() and "号码无法识别" in phone_error.text()
    assert text_error.isVisible() and "100000" in text_error.text()
    assert str(MAX_TEXT) in text_error.text()
    assert category_error.isVisible()
    assert "未保存" in find(w, QLabel, "call.status").text()
    assert text.toPlainText() == huge and phone.text() == "12"
    qtbot.waitUntil(phone.hasFocus)  # the first bad field
    assert w.queue.model.rowCount() == 0


def test_incoming_call_fills_the_number_and_never_overwrites_a_form(qtbot: Any,
                                                                   open_seat: Any) -> None:
    w = open_seat().window
    w.call_screen.incoming_call("+8613900001111")
    assert find(w, QLineEdit, "call.phone").text() == "139 0000 1111"
    type_text(find(w, QPlainTextEdit, "call.text"), "第一位来电人的诉求")
    w.call_screen.incoming_call("13700002222")
    assert find(w, QLineEdit, "call.phone").text() == "139 0000 1111"
    assert "13700002222" in find(w, QLabel, "call.status").text()


def test_a_repeat_call_about_an_open_case_is_recorded_as_its_duplicate(
        qtbot: Any, open_seat: Any) -> None:
    from console import cases
    from console.intake import create_case
    from tests.factories import draft
    from tests.widgets.conftest import run

    seat = open_seat()
    catalog = seat.console.catalog
    manual = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                  if c.is_leaf and not c.auto_dispatch)
    first = run(qtbot, create_case(seat.console.store, catalog,
                                   draft(catalog, category_id=manual.id)))
    w = seat.window
    phone = find(w, QLineEdit, "call.phone")
    qtbot.keyClicks(phone, "13812345678")
    qtbot.keyClick(phone, Qt.Key.Key_Return)
    title = find(w, QLabel, "call.duplicatesTitle")
    qtbot.waitUntil(title.isVisible, timeout=5000)
    assert "疑似重复 1 件" in title.text()
    text = find(w, QPlainTextEdit, "call.text")
    type_text(text, "又打来催问路面破损的事")
    w.call_screen.category.choose(manual)
    qtbot.keyClick(w.call_screen, Qt.Key.Key_F8)
    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: "重复件" in status.text(), timeout=5000)
    assert first.public_no in status.text()
    import re

    new_no = re.search(r"已保存 (PS-\d{8}-\d{6})", status.text()).group(1)
    timeline = run(qtbot, cases.timeline(seat.console.store, first.id))
    assert [e.kind for e in timeline] == ["created"]
    assert text.toPlainText() == "" and not title.isVisible()
    assert new_no != first.public_no


def test_a_question_is_answered_on_the_spot_with_f9(qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from console import cases
    from tests.widgets.conftest import run

    w = open_seat().window
    screen = w.call_screen
    qtbot.keyClicks(find(w, QLineEdit, "call.phone"), "13812345678")
    type_text(find(w, QPlainTextEdit, "call.text"), "社保卡丢了怎么补办？")
    screen.nature.setCurrentIndex(screen.nature.findData("consultation"))
    leaf = next(c for c in w.catalog.categories.values() if c.is_leaf and not c.auto_dispatch)
    screen.category.choose(leaf)
    screen.suggest_answer("可到就近社保服务网点补办，带身份证。")
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    answer = screen.findChild(QPlainTextEdit, "facts.answer")
    assert answer.toPlainText() == "可到就近社保服务网点补办，带身份证。"
    ok = answer.window().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    status = find(w, QLabel, "call.status")
    qtbot.waitUntil(lambda: "当场答复办结" in status.text(), timeout=5000)
    import re

    number = re.search(r"PS-\d{8}-\d{6}", status.text()).group(0)
    case_id = run(qtbot, cases.find_by_public_no(w.store, number))
    assert case_id is not None
    kinds = [e.kind for e in run(qtbot, cases.timeline(w.store, case_id))]
    assert kinds == ["created", "answer"]
