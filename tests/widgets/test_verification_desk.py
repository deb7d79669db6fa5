"""Field verification of grid workers' reports, driven by keys beside the callbacks:
P passed closes the case, F failed reopens it to the same unit with a reason; a
grid report never shows at the callback desk, nor a caller's case here."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

from console.casework import cases
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run, type_text
from tests.widgets.test_callback_desk import kinds, resolved_case, select


def resolved_grid_report(qtbot: Any, seat: Any, text: str) -> Any:
    catalog, store = seat.console.catalog, seat.console.store
    manual = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                  if c.is_leaf and not c.auto_dispatch)
    made = run(qtbot, create_case(store, catalog, draft(
        catalog, category_id=manual.id, text=text, channel="grid_worker", caller_phone="")))
    unit = sorted(u.id for u in catalog.units.values())[0]
    run(qtbot, cases.perform(store, made.id, "dispatch", None, unit_id=unit))
    run(qtbot, cases.perform(store, made.id, "resolve", None, result="已清理完毕"))
    return made, unit


def test_grid_reports_are_verified_with_the_keyboard(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    window, desk = seat.window, seat.window.verifications
    caller = resolved_case(qtbot, seat, "路灯不亮")
    fixed, _unit = resolved_grid_report(qtbot, seat, "绿化带垃圾堆积")
    not_fixed, unit = resolved_grid_report(qtbot, seat, "人行道违规占道")
    window.actions_by_id["verify.focus"].trigger()  # Shift+F7: the tab beside the callbacks
    assert window.after_care.currentWidget() is desk
    assert window.actions_by_id["verify.focus"].shortcut() == QKeySequence("Shift+F7")
    qtbot.waitUntil(lambda: desk.model.row_of(not_fixed.id) is not None, timeout=5000)
    assert desk.model.row_of(caller.id) is None  # a caller's case is called back
    qtbot.waitUntil(lambda: window.callbacks.model.row_of(caller.id) is not None, timeout=5000)
    assert window.callbacks.model.row_of(fixed.id) is None  # no callback for a grid report

    select(qtbot, desk, fixed.id)
    qtbot.keyClick(desk.table, Qt.Key.Key_P)
    assert desk.message.text() == "保存中…"
    qtbot.waitUntil(lambda: desk.model.row_of(fixed.id) is None, timeout=5000)
    assert kinds(qtbot, seat, fixed.id)[-1] == "verify_passed"
    # the save reports after the feed may have taken the row away: wait for its word
    said = f"{fixed.public_no}：已记录「现场核查通过，结案」"
    qtbot.waitUntil(lambda: desk.message.text() == said, timeout=5000)

    select(qtbot, desk, not_fixed.id)
    qtbot.keyClick(desk.table, Qt.Key.Key_F)
    reason = desk.findChild(QPlainTextEdit, "facts.reason")
    type_text(reason, "现场仍有摊位占道")
    ok = reason.window().findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.model.row_of(not_fixed.id) is None, timeout=5000)
    timeline = run(qtbot, cases.timeline(seat.console.store, not_fixed.id))
    last = timeline[-1].data
    assert (timeline[-1].kind, last.text("reason"), last.unit_id) == (
        "verify_failed", "现场仍有摊位占道", unit)
    assert last.unit_due_at is not None  # a fresh limit for the same unit


def test_nothing_selected_is_said_plainly(qtbot: Any, open_seat: Any) -> None:
    desk = open_seat().window.verifications
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_P)
    assert desk.message.text() == "请先选中一件待核查的案件"
