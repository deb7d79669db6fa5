"""A light pyqtgraph plot for the pane's charts: a ``ViewBox`` and the axes asked for,
in one ``GraphicsView``, on a dark ground for the night shift.

pyqtgraph's ``PlotWidget`` builds a ``PlotItem``, whose options panel (transforms,
averaging, downsampling, …: a form of some sixty widgets) is made whether or not its
menu is ever offered: about 60 ms a plot, most of the pane's making, for nothing the
pane shows. This is the part the charts use: the view box (no menu, no panning or
zooming: the charts are read, not explored), the axes (``Axis``) and the grid of the
value axis.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

GROUND, INK, GRID = "#161b22", "#d8dee9", "#3b4252"
GAP = 4  # pixels between a point and its words
PLACES = {"left": (0, 0), "bottom": (1, 1)}  # each axis's cell beside the view box's (0, 1)


class Axis(pg.AxisItem):
    """An axis drawn straight with the view's painter. pyqtgraph's records its lines and
    texts in a QPicture and plays that back: the playing back of a new axis took some
    6 ms (its texts' fonts found again), most of the pane's first frame. No automatic
    SI prefix either (its label was rewritten as HTML at each change of range)."""

    def __init__(self, side: str) -> None:
        super().__init__(side, pen=pg.mkPen(GRID), textPen=pg.mkPen(INK))
        self.enableAutoSIPrefix(False)

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem | None,
              widget: QWidget | None) -> None:
        p.save()
        try:
            if self.style["tickFont"]:
                p.setFont(self.style["tickFont"])
            specs = self.generateDrawSpecs(p)
            if specs is not None:
                self.drawPicture(p, *specs)
        finally:
            p.restore()


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
        self.axes: dict[str, Axis] = {}
        for side in sides:
            axis = Axis(side)
            axis.setStyle(tickFont=font)
            axis.linkToView(self.vb)
            grid.addItem(axis, *PLACES[side])
            self.axes[side] = axis

    def axis(self, side: str) -> Axis:
        return self.axes[side]

    def add(self, item: pg.GraphicsObject) -> None:
        self.vb.addItem(item)

    def remove(self, item: pg.GraphicsObject) -> None:
        self.vb.removeItem(item)

    def show_range(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        self.vb.setRange(xRange=x, yRange=y, padding=0)


class Figures(pg.GraphicsObject):
    """Words at points of the view (each bar's figure at its end), drawn in one item in
    the screen's pixels, left-aligned and centred on the point: one item for all,
    where a ``TextItem`` each made and placed ten items a chart."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self._pen = pg.mkPen(colour)
        self._spots: list[tuple[float, float, str]] = []
        self._box = QRectF()

    def show_figures(self, spots: Sequence[tuple[float, float, str]]) -> None:
        """(x, y, words) each, x and y in the view's coordinates."""
        self._spots = list(spots)
        self.update()

    @property
    def words(self) -> list[str]:
        return [words for _x, _y, words in self._spots]

    def boundingRect(self) -> QRectF:
        # The view's whole rectangle (the words are in pixels), said to the scene before it
        # changes (a rectangle that changed unsaid would break the scene's index).
        return self._box

    def viewTransformChanged(self) -> None:
        box = self.getViewBox()
        rect = QRectF() if box is None else box.viewRect()
        if rect != self._box:
            self.prepareGeometryChange()
            self._box = rect
        super().viewTransformChanged()

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem | None,
              widget: QWidget | None) -> None:
        if not self._spots:
            return
        to_screen = p.transform()  # the item's coordinates to the view's pixels
        p.save()
        try:
            p.resetTransform()
            p.setPen(self._pen)
            height = p.fontMetrics().height()
            for x, y, words in self._spots:
                at = to_screen.map(QPointF(x, y))
                p.drawText(QRectF(at.x() + GAP, at.y() - height, 10 * height, 2 * height),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                           words)
        finally:
            p.restore()
