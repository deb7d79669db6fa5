"""A light pyqtgraph plot for the pane's charts: a ``ViewBox`` and the axes asked for,
in one ``GraphicsView``, on a dark ground for the night shift.

pyqtgraph's ``PlotWidget`` builds a ``PlotItem``, whose options panel (transforms,
averaging, downsampling, …: a form of some sixty widgets) is made whether or not its
menu is ever offered: about 60 ms a plot, most of the pane's making, for nothing the
pane shows. This is the part the charts use: the view box (no menu, no panning or
zooming: the charts are read, not explored), the axes (no automatic SI prefix, whose
label each change of range rewrote as HTML) and the grid of the value axis.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

GROUND, INK, GRID = "#161b22", "#d8dee9", "#3b4252"
PLACES = {"left": (0, 0), "bottom": (1, 1)}  # each axis's cell beside the view box's (0, 1)


class Plot(pg.GraphicsView):
    def __init__(self, name: str, sides: Sequence[str] = ("left", "bottom"),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, background=GROUND)
        self.setObjectName(name)
        self.vb = pg.ViewBox(enableMenu=False)
        self.vb.setMouseEnabled(x=False, y=False)
        self.vb.disableAutoRange()  # each chart sets its ranges from its figures
        grid = pg.GraphicsLayout()
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        grid.addItem(self.vb, 0, 1)
        self.setCentralItem(grid)
        font = QFont()
        font.setPointSize(10)
        self.axes: dict[str, pg.AxisItem] = {}
        for side in sides:
            axis = pg.AxisItem(side, pen=pg.mkPen(GRID), textPen=pg.mkPen(INK))
            axis.enableAutoSIPrefix(False)
            axis.setStyle(tickFont=font)
            axis.linkToView(self.vb)
            grid.addItem(axis, *PLACES[side])
            self.axes[side] = axis

    def axis(self, side: str) -> pg.AxisItem:
        return self.axes[side]

    def add(self, item: pg.GraphicsObject) -> None:
        self.vb.addItem(item)

    def remove(self, item: pg.GraphicsObject) -> None:
        self.vb.removeItem(item)

    def show_range(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        self.vb.setRange(xRange=x, yRange=y, padding=0)
