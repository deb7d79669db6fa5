"""The district's layers: outlines (one path item per level), names (only in view, at
a legible zoom) and the duty posts."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

from console.mapview import outlines as ol
from console.mapview.clusters import nearest
from console.mapview.duty_places import PostPlace
from console.mapview.outlines import BaseMap, path_arrays
from widgets.map.items import LabelsItem, OutlineItem
from widgets.map.style import (
    CELLS,
    COMMUNITIES,
    DISTRICT,
    LINES,
    NAMES,
    POST_COLOUR,
    POST_EMPTY,
    POST_SIZE,
    POSTS,
    STREETS,
)

LEVEL_OF = {DISTRICT: ol.DISTRICT, STREETS: ol.STREET, COMMUNITIES: ol.COMMUNITY,
            CELLS: ol.CELL}
Z_POSTS = 9.0


class BaseLayers:
    def __init__(self, view: pg.ViewBox) -> None:
        self.outlines = {layer: OutlineItem(LINES[layer]) for layer in LEVEL_OF}
        self.names = {layer: LabelsItem(NAMES[layer], z=6.0 + i)
                      for i, layer in enumerate((CELLS, COMMUNITIES, STREETS))}
        self.posts = pg.ScatterPlotItem(pxMode=True, symbol="star", size=POST_SIZE,
                                        pen=pg.mkPen("#ffffff", width=1), hoverable=False)
        self.posts.setZValue(Z_POSTS)
        self.places: list[PostPlace] = []
        self._px = self._py = np.zeros(0)
        for item in (*self.outlines.values(), *self.names.values(), self.posts):
            view.addItem(item, ignoreBounds=True)

    def set_base(self, base: BaseMap) -> None:
        for layer, level in LEVEL_OF.items():
            self.outlines[layer].set_rings(*path_arrays(base.levels[level]))
        for layer in (STREETS, COMMUNITIES):
            outlines = base.levels[LEVEL_OF[layer]]
            self.names[layer].set_labels(np.array([o.anchor[0] for o in outlines]),
                                         np.array([o.anchor[1] for o in outlines]),
                                         [o.name for o in outlines])
        cells = base.levels[ol.CELL]
        self.names[CELLS].set_labels(np.array([o.anchor[0] for o in cells]),
                                     np.array([o.anchor[1] for o in cells]),
                                     [o.name for o in cells])

    def set_posts(self, places: Sequence[PostPlace]) -> None:
        self.places = list(places)
        self._px = np.array([p.x for p in places], dtype=float)
        self._py = np.array([p.y for p in places], dtype=float)
        brushes = [pg.mkBrush(POST_COLOUR if p.staffed else POST_EMPTY) for p in places]
        pens = [pg.mkPen(POST_EMPTY if p.staffed else POST_COLOUR, width=1.2) for p in places]
        self.posts.setData(x=self._px, y=self._py, brush=brushes, pen=pens)

    def set_visible(self, layer: str, shown: bool) -> None:
        if layer == POSTS:
            self.posts.setVisible(shown)
            return
        self.outlines[layer].setVisible(shown)
        if layer in self.names:
            self.names[layer].setVisible(shown)

    def post_at(self, x: float, y: float, radius_km: float) -> PostPlace | None:
        if not self.posts.isVisible():
            return None
        i = nearest(self._px, self._py, x, y, radius_km)
        return None if i is None else self.places[i]
