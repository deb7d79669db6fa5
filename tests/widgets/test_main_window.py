"""The main window: named docks, commands, a layout that is saved and can be reset."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from widgets.commands import COMMANDS


def test_docks_have_stable_names_and_commands_have_actions(open_seat: Any) -> None:
    window = open_seat().window
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert names == {"dock.call", "dock.queue", "dock.countdown", "dock.callbacks",
                     "dock.quickAnswers", "dock.board", "dock.roster",
                     "dock.rollCall", "dock.handover"}
    assert set(window.actions_by_id) == {c.id for c in COMMANDS}
    assert window.actions_by_id["call.incoming"].shortcut().toString() == "F2"


def test_layout_is_saved_restored_and_reset(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat("op_layout")
    window = seat.window
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.queue_dock)
    assert window.dockWidgetArea(window.queue_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.save_layout()
    window.reset_layout()
    assert window.dockWidgetArea(window.queue_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    window.restore_layout()
    assert window.dockWidgetArea(window.queue_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    window.actions_by_id["view.reset_layout"].trigger()
    assert window.dockWidgetArea(window.queue_dock) == Qt.DockWidgetArea.RightDockWidgetArea
