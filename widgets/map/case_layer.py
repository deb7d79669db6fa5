"""Open cases on the map: one scatter item per class and band (uniform symbol and
colour, so pyqtgraph paints each from one cached pixmap), clusters with their
counts at low zoom, and the rings of a selection.

Clustering is a grid of ``CLUSTER_PX`` squares at the current zoom, rounded to a
step of √2 so that small zooms reuse the clusters already made (and panning never
makes new ones); from ``CLUSTER_UNTIL_PPK`` pixels per km each case is its own.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from console.mapview import clusters as grid
from console.mapview.map_cases import CaseMarks, empty
from console.mapview.plane import Plane
from widgets.map.items import LabelsItem
from widgets.map.style import (
    BAND_COLOURS,
    CLASS_SYMBOLS,
    CLUSTER_PX,
    CLUSTER_SIZES,
    CLUSTER_UNTIL_PPK,
    MARKER_SIZE,
    OVERDUE_CODE,
    OVERDUE_SIZE,
    RING,
    SELECTED,
    Names,
)

COUNT_STEPS = np.array([10, 100, 1000])
Z_CASES, Z_CLUSTERS, Z_COUNTS, Z_SELECTED = 10.0, 12.0, 13.0, 14.0


@dataclass(frozen=True)
class Hit:
    """What the pointer is on: one case (``rows`` has one) or a cluster of them."""

    rows: np.ndarray  # indexes into the layer's marks
    x: float
    y: float

    @property
    def single(self) -> bool:
        return len(self.rows) == 1


def _scatter(symbol: str, size: int, colour: QColor, ring: bool, z: float) -> pg.ScatterPlotItem:
    pen = pg.mkPen(RING, width=1.6) if ring else pg.mkPen("#ffffff", width=0.8)
    item = pg.ScatterPlotItem(pxMode=True, symbol=symbol, size=size, pen=pen,
                              brush=pg.mkBrush(colour), useCache=True, hoverable=False)
    item.setZValue(z)
    return item


class CaseLayer:
    def __init__(self, view: pg.ViewBox) -> None:
        self.marks: CaseMarks = empty()
        self.x = self.y = np.zeros(0)
        self.bands = np.zeros(0, dtype=np.int8)
        self._singles_by_style: dict[tuple[int, int], pg.ScatterPlotItem] = {}
        for c, symbol in enumerate(CLASS_SYMBOLS):
            for b, colour in enumerate(BAND_COLOURS):
                overdue = b == OVERDUE_CODE
                self._singles_by_style[(c, b)] = _scatter(
                    symbol, OVERDUE_SIZE if overdue else MARKER_SIZE, colour, overdue,
                    Z_CASES + b * 0.1)
        self._clusters_by_band = [
            _scatter("o", CLUSTER_SIZES[0], _faded(colour), b == OVERDUE_CODE, Z_CLUSTERS + b * 0.1)
            for b, colour in enumerate(BAND_COLOURS)]
        self.counts = LabelsItem(Names("#ffffff", 11, True, 0.0), halo=None, collide=False,
                                 z=Z_COUNTS)
        self.selection = pg.ScatterPlotItem(pxMode=True, symbol="o", size=19, brush=None,
                                            pen=pg.mkPen(SELECTED, width=2.2), hoverable=False)
        self.selection.setZValue(Z_SELECTED)
        self.items: list[pg.GraphicsObject] = [*self._singles_by_style.values(),
                                               *self._clusters_by_band, self.counts,
                                               self.selection]
        for item in self.items:
            view.addItem(item, ignoreBounds=True)
        self._side = -1.0  # the clustering drawn now (0: none)
        self._window: QRectF | None = None  # the part of the map drawn now
        self._view_rect: QRectF | None = None
        self._ppk = 0.0
        self.singles = np.zeros(0, dtype=np.intp)  # rows drawn one by one
        self.clustered: grid.Clusters | None = None  # clusters drawn (count >= 2)
        self._multi = np.zeros(0, dtype=np.intp)
        self.selected = np.zeros(0, dtype=np.intp)
        self.visible = True

    # ---- data ------------------------------------------------------------------------------
    def set_marks(self, marks: CaseMarks, plane: Plane, now: dt.datetime) -> None:
        """New arrays (a load, or a change merged in); a selection keeps its cases."""
        chosen = list(self.marks.ids[self.selected])
        self.marks = marks
        self.x, self.y = plane.to_xy(marks.lon, marks.lat)
        self.bands = marks.bands(now)
        rows = [marks.row_of(case_id) for case_id in chosen]
        self.select(np.array([r for r in rows if r is not None], dtype=np.intp))
        self._redraw()

    def set_now(self, now: dt.datetime) -> bool:
        """Cases cross into another band as time passes: True when any did."""
        bands = self.marks.bands(now)
        if np.array_equal(bands, self.bands):
            return False
        self.bands = bands
        self._redraw()
        return True

    # ---- drawing ---------------------------------------------------------------------------
    @staticmethod
    def side_for(pixels_per_km: float) -> float:
        """The cluster square's side in km at this zoom (0: no clustering)."""
        if pixels_per_km <= 0 or pixels_per_km >= CLUSTER_UNTIL_PPK:
            return 0.0
        exact = CLUSTER_PX / pixels_per_km
        return 2 ** (round(math.log2(exact) * 2) / 2)

    def _redraw(self) -> None:
        self._window = None
        if self._view_rect is not None:
            self.set_view(self._view_rect, self._ppk)

    def set_view(self, rect: QRectF, pixels_per_km: float) -> None:
        """Draw for this view: only the cases in a window of three views by three
        around it, clustered at this zoom; nothing is redone while the view moves
        within the window at the same clustering."""
        self._view_rect, self._ppk = QRectF(rect), pixels_per_km
        side = self.side_for(pixels_per_km)
        if side == self._side and self._window is not None and self._window.contains(rect):
            return
        self._side = side
        window = rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height())
        if side:  # whole squares only, so the window's edge cuts no cluster
            left, top = math.floor(window.left() / side), math.floor(window.top() / side)
            right, bottom = math.ceil(window.right() / side), math.ceil(window.bottom() / side)
            window = QRectF(left * side, top * side, (right - left) * side, (bottom - top) * side)
        self._window = window
        rows = self.rows_in(window)
        if not side:
            self.clustered, self._multi, self.singles = None, np.zeros(0, dtype=np.intp), rows
        else:
            found = grid.cluster(self.x[rows], self.y[rows], self.bands[rows], side)
            found = replace(found, members=rows[found.members])
            lone = found.count == 1
            self.clustered = found
            self.singles = found.members[found.starts[:-1][lone]]
            self._multi = np.flatnonzero(~lone)
        self._draw()

    def _draw(self) -> None:
        singles = self.singles
        for (c, b), item in self._singles_by_style.items():
            rows = singles[(self.marks.urgency[singles] == c) & (self.bands[singles] == b)]
            item.setData(x=self.x[rows], y=self.y[rows])
        found, multi = self.clustered, self._multi
        for b, item in enumerate(self._clusters_by_band):
            if found is None:
                item.setData(x=[], y=[])
                continue
            mine = multi[found.worst[multi] == b]
            sizes = np.asarray(CLUSTER_SIZES)[np.searchsorted(COUNT_STEPS, found.count[mine],
                                                              side="right")]
            item.setData(x=found.x[mine], y=found.y[mine], size=sizes)
        if found is None:
            self.counts.set_labels(np.zeros(0), np.zeros(0), [])
        else:
            self.counts.set_labels(found.x[multi], found.y[multi],
                                   [str(n) for n in found.count[multi]])

    def set_visible(self, shown: bool) -> None:
        self.visible = shown
        for item in self.items:
            item.setVisible(shown)

    # ---- what is where ---------------------------------------------------------------------
    def hit(self, x: float, y: float, radius_km: float) -> Hit | None:
        """The case or cluster drawn nearest to (x, y), within the radius."""
        if not self.visible:
            return None
        best: Hit | None = None
        found, multi = self.clustered, self._multi
        if found is not None and len(multi):
            i = grid.nearest(found.x[multi], found.y[multi], x, y, radius_km * 1.6)
            if i is not None:
                cluster = int(multi[i])
                best = Hit(found.of(cluster), float(found.x[cluster]), float(found.y[cluster]))
        i = grid.nearest(self.x[self.singles], self.y[self.singles], x, y, radius_km)
        if i is not None:
            row = self.singles[i]
            nearer = best is None or (
                (self.x[row] - x) ** 2 + (self.y[row] - y) ** 2 < (best.x - x) ** 2
                + (best.y - y) ** 2)
            if nearer:
                best = Hit(np.array([row]), float(self.x[row]), float(self.y[row]))
        return best

    def rows_in(self, rect: QRectF) -> np.ndarray:
        return grid.inside(self.x, self.y, rect.left(), rect.top(), rect.right(), rect.bottom())

    def select(self, rows: np.ndarray) -> None:
        self.selected = rows
        self.selection.setData(x=self.x[rows], y=self.y[rows])



def _faded(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(215)
    return faded
