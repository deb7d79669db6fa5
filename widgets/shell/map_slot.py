"""The map's dock, its pane built once the window is on screen
(widgets/shell/pane_slot.py): joined to the window it opens cases, narrows the
queue to its selection and area, and picks a place for the call screen; Ctrl+G
before the map is built builds it and then picks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget

from widgets.shell.pane_slot import PaneSlot

if TYPE_CHECKING:
    from widgets.map.map_pane import MapPane
    from widgets.shell.main_window import MainWindow
    from widgets.shell.place_picking import PlacePicking

MODULE = "widgets.map.map_pane"


class MapSlot(PaneSlot["MapPane"]):
    module = MODULE

    def __init__(self, window: MainWindow, dock: QDockWidget) -> None:
        super().__init__(dock, "map.waiting")
        self.waiting.setText(self.tr("地图载入中…"))
        self.window = window
        self._picking: PlacePicking | None = None
        window.call_screen.pick_requested.connect(lambda: self.picking().start())

    def picking(self) -> PlacePicking:
        self.pane()
        assert self._picking is not None
        return self._picking

    def _make(self) -> MapPane:
        from widgets.map.map_pane import MapPane

        w = self.window
        return MapPane(w.store, w.catalog, w.runner, w.feed)

    def _join(self, pane: MapPane) -> None:
        from widgets.shell.place_picking import PlacePicking

        w = self.window
        self._picking = PlacePicking(w.call_screen, w.call_dock, pane, self.dock, w)
        pane.case_opened.connect(w.open_case)
        pane.cases_selected.connect(w.show_map_selection)
        pane.selection_cleared.connect(lambda: w.queue.show_only(None))
        w.queue.selection_dropped.connect(pane.clear_selection)
        w.queue.selection_dropped.connect(pane.heat.clear_choice)
        pane.heat.area_chosen.connect(w.show_map_area)
        pane.load()
