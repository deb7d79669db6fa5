"""The main window: named docks, commands, "go to" keys that raise their pane,
a layout that is saved and can be reset."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar, QWidget

from widgets.common.commands import APP, COMMANDS
from widgets.shell.main_window import MainWindow

# Each "go to" command and the widget it leaves the cursor in.
GO_TO: dict[str, Callable[[MainWindow], QWidget]] = {
    "call.focus": lambda w: w.call_screen.phone,
    "queue.focus": lambda w: w.queue.table,
    "countdown.focus": lambda w: w.countdown.table,
    "callbacks.focus": lambda w: w.callbacks.table,
    "verify.focus": lambda w: w.verifications.table,  # the tab beside the callbacks
    "board.focus": lambda w: w.board.cases,
    "duty.roster": lambda w: w.roster.month_view,
    "duty.roll_call": lambda w: w.roll_call.table,
    "duty.handover": lambda w: w.handover.notes,
    "answers.focus": lambda w: w.quick_answers.search_field,
    "units.focus": lambda w: (w.units.requests if w.units.desk.isHidden() else w.units.desk).table,
    "map.focus": lambda w: w.map.canvas,
    "stats.focus": lambda w: w.stats.categories,
}


def test_docks_have_stable_names_and_commands_have_actions(open_seat: Any) -> None:
    window = open_seat().window
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert names == {"dock.call", "dock.queue", "dock.countdown", "dock.callbacks",
                     "dock.quickAnswers", "dock.board", "dock.roster",
                     "dock.rollCall", "dock.handover", "dock.units", "dock.map", "dock.stats"}
    assert set(window.actions_by_id) == {c.id for c in COMMANDS if c.scope == APP}
    assert window.actions_by_id["call.incoming"].shortcut().toString() == "F2"
    assert {c.id for c in COMMANDS if c.dock} == set(GO_TO)
    assert {c.dock for c in COMMANDS if c.dock} <= names


def shown(widget: QWidget) -> bool:
    """On screen: not hidden, and not behind another tab (a tab behind is moved
    out of the window but stays 'visible' to Qt)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def current_tab(window: MainWindow, dock: QDockWidget) -> str | None:
    """The title on the raised tab of the tab bar that holds this dock, if any."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if bar.isVisible() and dock.windowTitle() in titles:
            return bar.tabText(bar.currentIndex())
    return None


def press(qtbot: Any, window: MainWindow, shortcut: str) -> None:
    """The key as an operator presses it, wherever the cursor is (in the window
    they work in: a shortcut reaches only the active window)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    combination = QKeySequence(shortcut)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.dock], ids=lambda c: c.id)
def test_go_to_keys_raise_the_pane_behind_another_tab_then_focus(
        qtbot: Any, open_seat: Any, command: Any) -> None:
    window = open_seat().window
    dock = window.findChild(QDockWidget, command.dock)
    target = GO_TO[command.id](window)
    neighbours = window.tabifiedDockWidgets(dock)
    assert neighbours, f"{command.dock} shares its place with no other pane"
    neighbours[0].raise_()
    window.call_screen.text.setFocus()  # the cursor is elsewhere, as during a call
    qtbot.waitUntil(lambda: not shown(target))
    assert current_tab(window, dock) == neighbours[0].windowTitle()

    press(qtbot, window, command.key)
    qtbot.waitUntil(lambda: shown(target))
    assert current_tab(window, dock) == dock.windowTitle()
    assert not shown(neighbours[0].widget())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)


def test_go_to_key_shows_a_pane_that_was_hidden(qtbot: Any, open_seat: Any) -> None:
    window = open_seat().window
    window.roster_dock.hide()  # as a layout saved with the pane closed leaves it
    qtbot.waitUntil(lambda: not window.roster_dock.isVisible())
    press(qtbot, window, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: shown(window.roster.month_view))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.roster.month_view)


def test_f4_then_enter_opens_the_case_shown_in_the_queue(qtbot: Any, open_seat: Any) -> None:
    """The queue comes to the front before Enter opens its current case, so the case
    that opens is the one the operator sees selected."""
    from console.hotline.intake import create_case
    from tests.factories import draft
    from tests.widgets.conftest import run

    seat = open_seat()
    window, store, catalog = seat.window, seat.console.store, seat.console.catalog
    case = run(qtbot, create_case(store, catalog, draft(catalog, text="路灯不亮")))
    window.queue.apply_filter()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=10000)
    for other in window.tabifiedDockWidgets(window.queue_dock):
        other.raise_()
    press(qtbot, window, "F4")
    qtbot.waitUntil(lambda: shown(window.queue.table))
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Home)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: case.id in window._details, timeout=10000)
    window._details[case.id].close()
