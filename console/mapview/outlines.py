"""The district's outlines as drawn: a ``BaseMap`` holds, per level, each area's rings
in the drawing plane (console/mapview/plane.py). Made by ``base_map.py`` (read and
dissolved there); apart from it so that what only draws a map (the report's PDF, in a
child process) imports numpy and nothing of the database's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from console.mapview.plane import Floats, Plane

DISTRICT, STREET, COMMUNITY, CELL = "district", "street", "community", "cell"
LEVELS = (DISTRICT, STREET, COMMUNITY, CELL)


@dataclass(frozen=True)
class Outline:
    code: str
    name: str
    rings: tuple[Floats, ...]  # each an (n, 2) array of closed ring points, in km
    anchor: tuple[float, float]  # where its name goes: a point inside it
    parent: str = ""  # a cell's community, a community's street


@dataclass(frozen=True)
class BaseMap:
    plane: Plane
    levels: Mapping[str, tuple[Outline, ...]]
    bounds: tuple[float, float, float, float]  # x min, y min, x max, y max (km)
    skipped: tuple[str, ...] = ()  # cells whose geometry could not be read
    dissolved: tuple[tuple[str, str], ...] = ()  # (level, code): no stored boundary
    _anchors: dict[tuple[str, str], tuple[float, float]] = field(
        default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for level, outlines in self.levels.items():
            for outline in outlines:
                self._anchors[(level, outline.code)] = outline.anchor

    def anchor(self, level: str, code: str | None) -> tuple[float, float] | None:
        return None if code is None else self._anchors.get((level, code))


def path_arrays(outlines: Iterable[Outline]) -> tuple[Floats, Floats, np.ndarray]:
    """Every ring of ``outlines`` end to end, as x, y and the "connect to the next
    point" flags of one painter path (0 at each ring's last point)."""
    rings = [ring for outline in outlines for ring in outline.rings]
    if not rings:
        empty = np.zeros(0)
        return empty, empty, np.zeros(0, dtype=np.int32)
    points = np.concatenate(rings)
    connect = np.ones(len(points), dtype=np.int32)
    connect[np.cumsum([len(r) for r in rings]) - 1] = 0
    return points[:, 0].copy(), points[:, 1].copy(), connect
