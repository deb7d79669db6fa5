"""The statistics' dock, its pane (pyqtgraph's charts) built once the window is on
screen (widgets/shell/pane_slot.py): joined to the window, a bar or a point chosen
narrows the queue to its cases, and a dock brought to the front reads what it
missed while behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget

from widgets.shell.pane_slot import PaneSlot

if TYPE_CHECKING:
    from widgets.shell.main_window import MainWindow
    from widgets.stats.stats_pane import StatsPane

MODULE = "widgets.stats.stats_pane"


class StatsSlot(PaneSlot["StatsPane"]):
    module = MODULE

    def __init__(self, window: MainWindow, dock: QDockWidget) -> None:
        super().__init__(dock, "stats.waiting")
        self.waiting.setText(self.tr("统计载入中…"))
        self.window = window

    def _make(self) -> StatsPane:
        from widgets.stats.stats_pane import StatsPane

        w = self.window
        return StatsPane(w.reporting, w.catalog, w.runner, w.feed)  # the replica's, if any

    def _join(self, pane: StatsPane) -> None:
        self.dock.visibilityChanged.connect(pane.set_shown)
        pane.cases_chosen.connect(self.window.show_stats_cases)
        pane.load()
