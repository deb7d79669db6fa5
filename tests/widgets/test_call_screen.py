"""The call screen driven as an operator would: keys on named widgets. The form, its
keys, clearing and incoming calls (saving a duplicate or an answer on the spot:
test_call_saving.py)."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit

from console.hotline.intake import MAX_TEXT
from tests.widgets.call_screen_helpers import find, manual_leaf, saved_case, saved_no
from tests.widgets.conftest import type_text
from tests.widgets.operator_keys import Operator

MOST_KEYS = 12  # issue 10: a typical case in at most 12 keys besides the typed text


def test_a_typical_case_takes_at_most_twelve_keys(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    op = Operator(qtbot, w)
    op.at("call.phone")  # where the cursor is when the console opens
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)  # looks the caller up, goes on to the text
    qtbot.waitUntil(lambda: find(w, QLabel, "call.historyTitle").text() == "来电历史：无",
                    timeout=10000)
    op.at("call.text")
    op.type("坑梓大道路面破损，坑洼积水，晚上看不清")
    op.press(Qt.Key.Key_Tab)
    op.at("call.address")
    op.type("坑梓大道秀新路口")
    op.press(Qt.Key.Key_Tab)
    op.at("call.street")
    op.type("坑梓")
    op.press(Qt.Key.Key_Return)  # takes 坑梓街道 and moves on
    op.at("call.community")
    op.type("秀新")
    op.press(Qt.Key.Key_Return)
    op.at("call.grid")
    op.type("3")
    op.press(Qt.Key.Key_Return)
    op.at("call.category")
    op.type("dlps")
    op.press(Qt.Key.Key_Return)  # takes 道路破损: it does not save
    op.at("call.urgency")
    assert find(w, QLabel, "call.status").text() == ""
    op.press(Qt.Key.Key_Return)  # saves, in the category's class (a shift leader changes it)

    case = saved_case(qtbot, seat, saved_no(qtbot, w))
    catalog = seat.console.catalog
    assert catalog.streets[case.street_code].name == "坑梓街道"
    assert catalog.communities[case.community_code].name == "秀新社区"
    assert catalog.grid_cells[case.grid_code].name == "秀新社区第3网格"
    assert len(op.presses) <= MOST_KEYS, op.presses
    assert catalog.categories[case.category_id].name == "道路破损"
    assert case.urgency == "B"
    assert case.caller_phone == "+8613812345678" and case.address == "坑梓大道秀新路口"
    op.at("call.phone")  # ready for the next call
    assert find(w, QPlainTextEdit, "call.text").toPlainText() == ""


def test_tab_walks_the_form_in_reading_order(qtbot: Any, open_seat: Any) -> None:
    w = open_seat().window
    op = Operator(qtbot, w)
    op.at("call.phone")
    walked = ["call.phone"]
    for _ in range(10):
        op.press(Qt.Key.Key_Tab)
        walked.append(op.focus().objectName())
    assert walked == ["call.phone", "call.callerName", "call.channel", "call.nature",
                      "call.text", "call.address", "call.street", "call.community",
                      "call.grid", "call.category", "call.urgency"]
    op.press(Qt.Key.Key_Backtab)
    assert op.focus().objectName() == "call.category"


def test_place_boxes_take_part_of_a_name_or_its_initials(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    op = Operator(qtbot, w)
    w.call_screen.place.community.setFocus()
    op.at("call.community")
    op.type("lh")  # pinyin initials: 六和社区, and its street with it
    op.press(Qt.Key.Key_Return)
    op.at("call.grid")
    place = w.call_screen.place
    assert place.community.text() == "六和社区" and place.street.text() == "坪山街道"
    op.type("12")
    assert place.grid.matches()[0] == "六和社区第12网格"
    op.press(Qt.Key.Key_Down)  # walks the offered cells; Enter takes the one highlighted
    op.press(Qt.Key.Key_Return)
    op.at("call.category")
    cell = seat.console.catalog.grid_cells[place.grid_code]
    assert cell.name == "六和社区第12网格" and place.grid.text() == "第12网格"
    # Another street empties the community and grid that are not in it.
    place.street.setFocus()
    op.at("call.street")
    QApplication.focusWidget().selectAll()
    op.type("石井")
    op.press(Qt.Key.Key_Return)
    assert (place.street.text(), place.community.text(), place.grid.text()) == ("石井街道", "", "")
    assert place.community_code is None and place.grid_code is None


def test_choosing_a_category_with_enter_neither_saves_nor_complains(
        qtbot: Any, open_seat: Any) -> None:
    w = open_seat().window
    op = Operator(qtbot, w)
    screen = w.call_screen
    screen.category.setFocus()
    op.at("call.category")
    op.type("dlps")
    popup = screen.category._completer.popup()  # noqa: SLF001
    qtbot.waitUntil(popup.isVisible)
    op.press(Qt.Key.Key_Down)
    op.press(Qt.Key.Key_Return)
    assert screen.category.chosen.name == "道路破损"
    op.at("call.urgency")
    assert find(w, QLabel, "call.status").text() == ""
    assert not any(label.isVisible() for label in screen.errors.values())


def test_the_red_summary_goes_when_the_last_red_field_is_fixed(qtbot: Any,
                                                               open_seat: Any) -> None:
    w = open_seat().window
    screen = w.call_screen
    screen.phone.setText("13812345678")
    type_text(screen.text, "路灯不亮")
    screen.save()
    status = find(w, QLabel, "call.status")
    assert "见标红的字段" in status.text() and screen.errors["category"].isVisible()
    op = Operator(qtbot, w)
    op.at("call.category")  # the first red field
    op.type("dlps")
    op.press(Qt.Key.Key_Return)
    assert not screen.errors["category"].isVisible()
    assert status.text() == ""


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


def test_esc_clears_the_form_and_ctrl_z_puts_it_back(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    screen = w.call_screen
    op = Operator(qtbot, w)
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)
    op.at("call.text")
    op.type("小区门口垃圾三天没人清")
    op.press(Qt.Key.Key_Tab)
    op.press(Qt.Key.Key_Tab)
    op.type("坑梓")
    op.press(Qt.Key.Key_Return)
    op.at("call.community")
    typed = screen.draft()
    op.press(Qt.Key.Key_Escape)
    op.at("call.phone")
    assert screen.text.toPlainText() == "" and screen.phone.text() == ""
    assert "Ctrl+Z" in find(w, QLabel, "call.status").text()
    op.press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.draft() == typed  # the same draft, the same id: one case when saved
    assert screen.place.street.text() == "坑梓街道"
    # Esc in an open popup only closes the popup.
    screen.category.setFocus()
    op.at("call.category")
    op.type("lj")
    qtbot.waitUntil(screen.category._completer.popup().isVisible)  # noqa: SLF001
    op.press(Qt.Key.Key_Escape)
    assert screen.text.toPlainText() == "小区门口垃圾三天没人清"


def test_incoming_call_fills_the_number_and_never_overwrites_a_form(qtbot: Any,
                                                                   open_seat: Any) -> None:
    w = open_seat().window
    w.call_screen.incoming_call("+8613900001111")
    assert find(w, QLineEdit, "call.phone").text() == "139 0000 1111"
    type_text(find(w, QPlainTextEdit, "call.text"), "第一位来电人的诉求")
    w.call_screen.incoming_call("13700002222")
    assert find(w, QLineEdit, "call.phone").text() == "139 0000 1111"
    assert "13700002222" in find(w, QLabel, "call.status").text()


def test_a_new_call_does_not_show_the_last_calls_message(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    screen = w.call_screen
    screen.phone.setText("13812345678")
    type_text(screen.text, "路面塌陷")
    screen.category.choose(manual_leaf(seat))
    screen.save()
    saved_no(qtbot, w)
    screen.incoming_call("13700002222")
    assert find(w, QLabel, "call.status").text() == ""
    assert screen.phone.text() == "137 0000 2222"


def test_another_class_than_the_categorys_is_refused_at_its_row(qtbot: Any,
                                                                  open_seat: Any) -> None:
    seat = open_seat()
    w = seat.window
    op = Operator(qtbot, w)
    op.at("call.phone")
    op.type("13812345678")
    op.press(Qt.Key.Key_Return)
    op.at("call.text")
    op.type("坑梓大道路面破损")
    w.call_screen.category.setFocus()
    op.at("call.category")
    op.type("dlps")
    op.press(Qt.Key.Key_Return)  # 道路破损, class B
    op.at("call.urgency")
    op.press(Qt.Key.Key_A)
    op.press(Qt.Key.Key_Return)
    error = find(w, QLabel, "call.urgency.error")
    qtbot.waitUntil(lambda: error.text() != "", timeout=5000)
    assert error.text().startswith("该分类标准为 B 类")
    op.at("call.urgency")
    op.press(Qt.Key.Key_Down)  # from A to B (letters typed at once would search "AB")
    assert w.call_screen.urgency.currentData() == "B"
    op.press(Qt.Key.Key_Return)
    assert saved_case(qtbot, seat, saved_no(qtbot, w)).urgency == "B"
