"""The callback workbench driven by keys: satisfaction, no answer, not fixed."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

from console.casework import cases
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run, type_text


def resolved_case(qtbot: Any, seat: Any, text: str) -> Any:
    catalog, store = seat.console.catalog, seat.console.store
    manual = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                  if c.is_leaf and not c.auto_dispatch)
    made = run(qtbot, create_case(store, catalog, draft(catalog, category_id=manual.id,
                                                        text=text)))
    unit = sorted(u.id for u in catalog.units.values())[0]
    run(qtbot, cases.perform(store, made.id, "dispatch", None, unit_id=unit))
    run(qtbot, cases.perform(store, made.id, "resolve", None, result="已处理完毕"))
    return made


def select(qtbot: Any, desk: Any, case_id: Any) -> None:
    model = desk.model
    qtbot.waitUntil(lambda: model.row_of(case_id) is not None, timeout=5000)
    row = model.row_of(case_id)
    model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: model.cached(case_id) is not None, timeout=5000)
    desk.table.setCurrentIndex(model.index(row, 0))
    desk.table.setFocus()


def kinds(qtbot: Any, seat: Any, case_id: Any) -> list[str]:
    return [e.kind for e in run(qtbot, cases.timeline(seat.console.store, case_id))]


def test_callbacks_with_the_keyboard(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    desk = seat.window.callbacks
    happy = resolved_case(qtbot, seat, "路灯不亮")
    select(qtbot, desk, happy.id)
    qtbot.keyClick(desk.table, Qt.Key.Key_4)  # 满意
    assert desk.message.text() == "保存中…"  # until the feed has brought it
    qtbot.waitUntil(lambda: desk.model.row_of(happy.id) is None, timeout=5000)
    assert kinds(qtbot, seat, happy.id)[-1] == "callback_closed"
    # the save reports after the feed may have taken the row away: wait for its word
    said = f"{happy.public_no}：已记录：满意（4 分），已结案"
    qtbot.waitUntil(lambda: desk.message.text() == said, timeout=5000)

    away = resolved_case(qtbot, seat, "井盖松动")
    select(qtbot, desk, away.id)
    qtbot.keyClick(desk.table, Qt.Key.Key_0)  # no answer: stays for another try
    qtbot.waitUntil(lambda: desk.message.text().startswith(away.public_no), timeout=5000)
    assert desk.message.text() == f"{away.public_no}：已记录：未接通（第 1 次），稍后再拨"
    assert desk.model.row_of(away.id) is not None

    unfixed = resolved_case(qtbot, seat, "垃圾没有清走")
    select(qtbot, desk, unfixed.id)
    qtbot.keyClick(desk.table, Qt.Key.Key_R)
    reason = desk.findChild(QPlainTextEdit, "facts.reason")
    type_text(reason, "市民说垃圾仍在原处")
    ok = reason.window().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.model.row_of(unfixed.id) is None, timeout=5000)
    assert kinds(qtbot, seat, unfixed.id)[-1] == "reopen"


def test_each_score_is_confirmed_by_name_and_points(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    desk = seat.window.callbacks
    for key, words in ((Qt.Key.Key_5, "非常满意（5 分）"), (Qt.Key.Key_1, "非常不满意（1 分）")):
        made = resolved_case(qtbot, seat, f"回访评分 {words}")
        select(qtbot, desk, made.id)
        qtbot.keyClick(desk.table, key)
        qtbot.waitUntil(lambda m=made: desk.message.text().startswith(m.public_no), timeout=5000)
        assert desk.message.text() == f"{made.public_no}：已记录：{words}，已结案"


def test_nothing_selected_is_said_plainly(qtbot: Any, open_seat: Any) -> None:
    desk = open_seat().window.callbacks
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_5)
    assert desk.message.text() == "请先选中一件待回访的案件"
