"""Grid clustering of map markers: points that fall in one square of a grid (its
side a number of screen pixels at the current zoom, in data units) become one
cluster at their mean position, with their count and their most pressing band.

The grid is anchored at the plane's origin, so panning does not move clusters;
only a change of zoom (another side) recomputes them. Sorting 50,000 keys is the
whole cost: a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]


@dataclass(frozen=True)
class Clusters:
    x: Floats          # each cluster's centre (the mean of its members)
    y: Floats
    count: Ints
    worst: npt.NDArray[np.int8]  # the highest severity among its members
    members: Ints      # point indexes grouped by cluster ...
    starts: Ints       # ... cluster i's are members[starts[i]:starts[i + 1]]
    side: float

    def __len__(self) -> int:
        return len(self.x)

    def of(self, i: int) -> Ints:
        return self.members[self.starts[i]:self.starts[i + 1]]


def cluster(x: Floats, y: Floats, severity: npt.NDArray[np.int8], side: float) -> Clusters:
    """Cluster the points (x, y) on a grid of squares ``side`` wide."""
    if len(x) == 0 or side <= 0:
        nothing = np.zeros(0, dtype=np.intp)
        return Clusters(np.zeros(0), np.zeros(0), nothing, np.zeros(0, dtype=np.int8),
                        nothing, np.zeros(1, dtype=np.intp), side)
    column = np.floor(x / side).astype(np.int64)
    row = np.floor(y / side).astype(np.int64)
    keys = (column << 32) ^ (row & 0xFFFFFFFF)
    members = np.argsort(keys, kind="stable")
    ordered = keys[members]
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    starts = np.append(np.flatnonzero(first), len(ordered)).astype(np.intp)
    counts = np.diff(starts)
    sums_x = np.add.reduceat(x[members], starts[:-1])
    sums_y = np.add.reduceat(y[members], starts[:-1])
    worst = np.maximum.reduceat(severity[members].astype(np.int8), starts[:-1])
    return Clusters(sums_x / counts, sums_y / counts, counts.astype(np.intp), worst,
                    members.astype(np.intp), starts, side)


def nearest(px: Floats, py: Floats, x: float, y: float, radius: float) -> int | None:
    """The index of the point nearest to (x, y) within ``radius`` (same units), if any."""
    if len(px) == 0:
        return None
    d2 = (px - x) ** 2 + (py - y) ** 2
    i = int(np.argmin(d2))
    return i if d2[i] <= radius * radius else None


def inside(px: Floats, py: Floats, x0: float, y0: float, x1: float, y1: float) -> Ints:
    """Indexes of the points inside the rectangle (corners in any order)."""
    left, right = min(x0, x1), max(x0, x1)
    bottom, top = min(y0, y1), max(y0, y1)
    return np.flatnonzero((px >= left) & (px <= right) & (py >= bottom) & (py <= top))
