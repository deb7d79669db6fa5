"""The window's layout: a default for each role that fits the screens seats have
(1366×768 and 1920×1080, each with a 40-pixel task bar), tables with useful
rows in it, a saved layout restored only where it fits, and "Reset layout"."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QTableView, QWidget

from console.casework.lifecycle import DISPATCHER, LEADER, OPERATOR, SUPERVISOR
from tests.widgets.conftest import run
from tests.widgets.test_main_window import shown
from tests.widgets.test_supervisor_board import make_overdue
from widgets.shell.layout import LAYOUTS, TITLE_BAR, layout_role
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import ini_settings

SMALL, LARGE = QRect(0, 0, 1366, 768 - 40), QRect(0, 0, 1920, 1080 - 40)
SCREENS = {"1366x768": SMALL, "1920x1080": LARGE}
# What each role sees on opening, at either size.
RAISED = {
    OPERATOR: {"dock.call", "dock.queue"},
    DISPATCHER: {"dock.queue", "dock.countdown"},
    LEADER: {"dock.roster", "dock.rollCall"},
    SUPERVISOR: {"dock.board", "dock.countdown"},
}
BOARD_ROWS = {"1366x768": 4, "1920x1080": 8}


def fit_to(qtbot: Any, window: MainWindow, screen: QRect) -> None:
    """The window as a maximised window on that screen, with the role's default."""
    window.showNormal()
    size = QSize(screen.width(), screen.height() - TITLE_BAR)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    window.reset_layout(screen)


def docks_shown(window: MainWindow) -> set[str]:
    return {d.objectName() for d in window.findChildren(QDockWidget) if shown(d.widget())}


def inside(window: MainWindow, widget: QWidget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def rows_shown(table: QTableView) -> int:
    """Rows seen whole in the table's viewport."""
    model, viewport = table.model(), table.viewport().rect()
    return sum(viewport.contains(table.visualRect(model.index(r, 0)))
               for r in range(model.rowCount()))


def columns_shown(table: QTableView, columns: range) -> list[int]:
    viewport = table.viewport().rect()
    rects = {c: table.visualRect(table.model().index(0, c)) for c in columns}
    return [c for c, r in rects.items() if r.left() >= 0 and r.right() <= viewport.right()]


def test_every_layout_places_every_pane_once(open_seat: Any) -> None:
    names = sorted(d.objectName() for d in open_seat().window.findChildren(QDockWidget))
    for role, arrangements in LAYOUTS.items():
        for arrangement in arrangements:
            placed = sorted(dock for column in arrangement for stack in column.stacks
                            for dock in stack.docks)
            assert placed == names, role


def test_a_person_with_several_roles_gets_the_wider_duty_first() -> None:
    assert layout_role({OPERATOR}) == OPERATOR
    assert layout_role({OPERATOR, DISPATCHER}) == DISPATCHER
    assert layout_role({OPERATOR, LEADER}) == LEADER
    assert layout_role({LEADER, SUPERVISOR, "admin"}) == SUPERVISOR
    assert layout_role({"admin"}) == OPERATOR  # the embedded server's own administrator
    assert layout_role(set()) == OPERATOR


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("role", RAISED)
def test_the_roles_layout_fits_the_screen_with_useful_rows(
        qtbot: Any, open_seat: Any, role: str, size: str) -> None:
    seat = open_seat(f"{role}_{size}", roles=frozenset({role}))
    window, screen = seat.window, SCREENS[size]
    if role == SUPERVISOR:
        run(qtbot, make_overdue(seat.console.store, seat.console.catalog, 12))
        window.board.load()
        qtbot.waitUntil(lambda: window.board.cases_model.rowCount() == 12, timeout=10000)
    qtbot.waitUntil(lambda: window.roster.month_model.rowCount() > 0, timeout=10000)
    fit_to(qtbot, window, screen)

    expected = RAISED[role] | ({"dock.handover"} if role == LEADER and screen == LARGE else set())

    def fits_with_useful_rows() -> None:
        assert docks_shown(window) >= expected
        assert window.size() == QSize(screen.width(), screen.height() - TITLE_BAR)
        for dock in window.findChildren(QDockWidget):
            if shown(dock.widget()):
                assert inside(window, dock.widget()), dock.objectName()
        for table in window.findChildren(QTableView):
            if shown(table):  # every table on screen has room for a few rows
                rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
                assert rows >= 3, (table.objectName(), rows)
        if role == SUPERVISOR:
            assert rows_shown(window.board.cases) >= BOARD_ROWS[size]
        if role == LEADER:
            month = window.roster.month_view
            assert columns_shown(month, range(1, 4)) == [1, 2, 3]  # the three shifts
            assert rows_shown(month) >= 7  # a week

    # The docks take their places as Qt lays the window out (events, not at once).
    qtbot.waitUntil(fits_with_useful_rows, timeout=10000)


def test_the_default_chosen_at_start_still_fits_once_the_panes_have_data(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    """At start the layout is chosen before the panes have their data, which makes
    some wider (the roster's month title, names in lists): the operator's roomy
    layout would then no longer fit 1366×768."""
    seat = open_seat("op_start", roles=frozenset({OPERATOR}))
    settings = ini_settings(str(tmp_path / "start.ini"))
    window = MainWindow(seat.console, settings)
    window.restore_layout(SMALL)  # as when starting on a 1366×768 screen, before showing
    window.show()
    try:
        qtbot.waitUntil(lambda: window.roster.month_model.rowCount() > 0
                        and not window.runner.busy, timeout=10000)

        def fits_small() -> None:
            assert window.minimumSizeHint().width() <= SMALL.width()
            assert window.minimumSizeHint().height() + TITLE_BAR <= SMALL.height()

        qtbot.waitUntil(fits_small, timeout=10000)
    finally:
        window.close()
        run(qtbot, window.runner.cancel_all())
        window.deleteLater()


def test_a_layout_saved_on_a_large_screen_is_not_forced_on_a_small_one(
        qtbot: Any, open_seat: Any) -> None:
    window = open_seat("op_screens", roles=frozenset({OPERATOR})).window
    fit_to(qtbot, window, LARGE)
    # The call screen, the quick answers and the handover one above the other: too
    # tall for 1366×768.
    window.splitDockWidget(window.call_dock, window.handover_dock, Qt.Orientation.Vertical)
    assert window.handover_dock not in window.tabifiedDockWidgets(window.call_dock)
    window.save_layout()

    window.restore_layout(SMALL)
    assert window.windowState() & Qt.WindowState.WindowMaximized  # saved size: off this screen
    assert window.minimumSizeHint().height() + TITLE_BAR <= SMALL.height()
    assert window.handover_dock in window.tabifiedDockWidgets(window.call_dock)  # the default

    window.restore_layout(LARGE)
    assert window.handover_dock not in window.tabifiedDockWidgets(window.call_dock)
    assert not window.windowState() & Qt.WindowState.WindowMaximized  # the saved size fits


def test_the_window_opens_maximised_without_a_saved_layout(open_seat: Any) -> None:
    window = open_seat("first_time").window
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_reset_layout_brings_back_the_roles_default(qtbot: Any, open_seat: Any) -> None:
    window = open_seat("sl_reset", roles=frozenset({LEADER})).window
    fit_to(qtbot, window, LARGE)
    qtbot.waitUntil(lambda: shown(window.roster) and shown(window.handover))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.roster_dock)
    window.board_dock.raise_()
    window.handover_dock.setFloating(True)
    window.save_layout()

    window.actions_by_id["view.reset_layout"].trigger()  # fitted to the test's own screen
    qtbot.waitUntil(lambda: shown(window.roster) and shown(window.roll_call))
    assert window.dockWidgetArea(window.roster_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not window.handover_dock.isFloating()

    window.restore_layout(LARGE)  # what the person saved comes back
    assert window.dockWidgetArea(window.roster_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.handover_dock.isFloating()
