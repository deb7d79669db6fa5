"""Which area of a level a point of the drawing plane falls in, and an area's extent:
for a click on the heat layer and for zooming to a hotspot.

The test is even-odd over every ring of an outline (outer rings and holes alike, as
the outline is painted), after a bounding-box pass: a click costs a few small array
operations, with no geometry library on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from console.mapview.outlines import Outline

Box = tuple[float, float, float, float]  # x min, y min, x max, y max


def extent(outline: Outline) -> Box:
    if not outline.rings:
        x, y = outline.anchor
        return x, y, x, y
    points = np.concatenate(outline.rings)
    return (float(points[:, 0].min()), float(points[:, 1].min()),
            float(points[:, 0].max()), float(points[:, 1].max()))


def contains(outline: Outline, x: float, y: float) -> bool:
    inside = False
    for ring in outline.rings:
        x0, y0 = ring[:-1, 0], ring[:-1, 1]
        x1, y1 = ring[1:, 0], ring[1:, 1]
        straddles = (y0 > y) != (y1 > y)  # the edge crosses the horizontal through y
        if not straddles.any():
            continue
        x0, y0, x1, y1 = x0[straddles], y0[straddles], x1[straddles], y1[straddles]
        at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)  # y1 != y0 where it straddles
        inside ^= bool(np.count_nonzero(at > x) % 2)
    return inside


class AreaIndex:
    """The outlines of one level, found by a point."""

    def __init__(self, outlines: Sequence[Outline]) -> None:
        self.outlines = tuple(outlines)
        boxes = np.array([extent(o) for o in self.outlines], dtype=np.float64).reshape(-1, 4)
        self._boxes = boxes
        self._row = {o.code: i for i, o in enumerate(self.outlines)}

    def at(self, x: float, y: float) -> Outline | None:
        b = self._boxes
        near = np.flatnonzero((b[:, 0] <= x) & (x <= b[:, 2]) & (b[:, 1] <= y) & (y <= b[:, 3]))
        for i in near:
            if contains(self.outlines[i], x, y):
                return self.outlines[i]
        return None

    def get(self, code: str) -> Outline | None:
        i = self._row.get(code)
        return None if i is None else self.outlines[i]

    def box(self, code: str) -> Box | None:
        i = self._row.get(code)
        return None if i is None else tuple(float(v) for v in self._boxes[i])  # type: ignore[return-value]
