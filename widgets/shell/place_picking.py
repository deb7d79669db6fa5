"""The call screen's place picked on the map: the two panes know nothing of each
other; this joins them in the main window.

Ctrl+G (or the button) at the call screen brings the map forward in picking mode,
its crosshair at the place the form has; a point picked goes to the call screen,
which takes it (the map's pane then steps back and the cursor returns to where the
operator was) or refuses it (the map picks on, the reason on its hint line and the
call screen's message line). The map pins the place the form has, picked or its
cell's centre, and moves the pin when it changes. Esc on the map cancels; so does
the cursor going to any other pane (a pick left half done must not turn a later
click on the map into the case's place). The window calls ``start`` on the call
screen's ``pick_requested`` (widgets/shell/map_slot.py: the map may not be built
before).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from widgets.common import commands
from widgets.hotline.call_screen import CallScreen
from widgets.map.map_pane import MapPane
from widgets.shell.layout import raise_dock


class PlacePicking(QObject):
    def __init__(self, call: CallScreen, call_dock: QDockWidget, map_pane: MapPane,
                 map_dock: QDockWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call, self.call_dock, self.map, self.map_dock = call, call_dock, map_pane, map_dock
        self._back_to: QWidget | None = None
        self._going_back = True  # a cancel sends the cursor back, unless it went elsewhere
        call.location.shown.connect(self.show_place)
        map_pane.point_picked.connect(self._picked)
        map_pane.picking_cancelled.connect(self._cancelled)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)
        self.show_place()

    def show_place(self) -> None:
        """The map pins the place the call form has now."""
        self.map.show_place(*self.call.location.mark())

    def start(self) -> None:
        self._back_to = QApplication.focusWidget()
        self._going_back = True
        raise_dock(self.map_dock)
        self.map.start_picking(self.call.location.shown_point(), self.call.location.describe)
        self.call.form.say(self.tr("请在地图上选点（{cancel} 取消）").format(
            cancel=commands.command("pick.cancel").key))

    def _picked(self, lon: float, lat: float) -> None:
        reason = self.call.take_point(lon, lat)
        if reason is not None:
            self.map.refuse_point(lon, lat, reason)
            return
        self._go_back()

    def _cancelled(self) -> None:
        self.call.form.say(self.tr("已取消地图选点，位置未改"))
        if self._going_back:
            self._go_back()

    def _go_back(self) -> None:
        raise_dock(self.call_dock)  # when the map's tab had covered it
        target = self._back_to
        if target is None or not target.isVisible() or not self.call.isAncestorOf(target):
            target = self.call
        target.setFocus()
        self._back_to = None

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.map.picking and new is not None and not self.map.isAncestorOf(new) \
                and new is not self.map:
            self._going_back = False  # the operator went there: leave the cursor there
            self.map.pick.cancel()
