"""The map's dock in the main window, its pane built once the window is on screen.

The map pane brings pyqtgraph, numpy's drawing and the map's own modules: most of a
second of imports and building that the first paint of the window need not wait
for. The dock is made with the others (the saved layout places it), holding a line
that says the map is coming; ``build`` (the start calls it after the first paint,
having imported the pane's module in a worker thread) or the first use of ``pane``
puts the real pane in and joins it to the window: opening cases, the queue's
selection and area, and picking a place for the call screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

if TYPE_CHECKING:
    from widgets.map.map_pane import MapPane
    from widgets.shell.main_window import MainWindow
    from widgets.shell.place_picking import PlacePicking

MODULE = "widgets.map.map_pane"  # imported off the GUI thread before ``build``


class MapSlot(QObject):
    def __init__(self, window: MainWindow, dock: QDockWidget) -> None:
        super().__init__(window)
        self.window, self.dock = window, dock
        waiting = QLabel(self.tr("地图载入中…"), objectName="map.waiting")
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dock.setWidget(waiting)
        self._pane: MapPane | None = None
        self._picking: PlacePicking | None = None
        # Ctrl+G before the map is built builds it and then picks.
        window.call_screen.pick_requested.connect(lambda: self.picking().start())

    @property
    def built(self) -> bool:
        return self._pane is not None

    def pane(self) -> MapPane:
        """The map pane, built now if it is not yet."""
        if self._pane is None:
            self.build()
        assert self._pane is not None
        return self._pane

    def picking(self) -> PlacePicking:
        self.pane()
        assert self._picking is not None
        return self._picking

    def build(self) -> None:
        """Put the map pane in the dock, join it to the window and start its loading."""
        if self._pane is not None:
            return
        from widgets.map.map_pane import MapPane
        from widgets.shell.place_picking import PlacePicking

        w = self.window
        pane = MapPane(w.store, w.catalog, w.runner, w.feed)
        self._pane = pane
        placeholder = self.dock.widget()
        self.dock.setWidget(pane)
        placeholder.deleteLater()
        self._picking = PlacePicking(w.call_screen, w.call_dock, pane, self.dock, w)
        pane.case_opened.connect(w.open_case)
        pane.cases_selected.connect(w.show_map_selection)
        pane.selection_cleared.connect(lambda: w.queue.show_only(None))
        w.queue.selection_dropped.connect(pane.clear_selection)
        w.queue.selection_dropped.connect(pane.heat.clear_choice)
        pane.heat.area_chosen.connect(w.show_map_area)
        pane.load()

    def shutdown(self) -> None:
        if self._pane is not None:
            self._pane.shutdown()
