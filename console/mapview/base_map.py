"""The district's outlines by level, for drawing: every grid cell as stored, and the
communities, streets and the district as the dissolved outline of their cells
(shapely's ``unary_union``), in the drawing plane (console/mapview/plane.py).

Dissolving 670 cells takes a noticeable fraction of a second: ``build_base_map`` is
plain CPU work for a worker thread, and its result is kept per set of cells, so
a pane that opens again, or a second pane, gets it at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from sqlalchemy import select

from console.core.store import Store
from console.mapview.plane import Floats, Plane, plane_for
from db import schema as s

log = logging.getLogger(__name__)
DISTRICT, STREET, COMMUNITY, CELL = "district", "street", "community", "cell"
LEVELS = (DISTRICT, STREET, COMMUNITY, CELL)


@dataclass(frozen=True)
class CellRow:
    code: str
    name: str
    street_code: str
    community_code: str
    geometry: dict[str, Any]
    centroid_lon: float
    centroid_lat: float


async def read_cells(store: Store) -> list[CellRow]:
    g = s.GridCell
    async with store.read() as conn:
        rows = await conn.execute(select(g.code, g.name, g.street_code, g.community_code,
                                         g.geometry, g.centroid_lon, g.centroid_lat)
                                  .order_by(g.code))
        return [CellRow(*r) for r in rows]


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


_cache: dict[str, BaseMap] = {}
_cache_lock = threading.Lock()


def fingerprint(cells: Sequence[CellRow], names: Mapping[str, str]) -> str:
    digest = hashlib.sha1()
    for cell in cells:
        digest.update(json.dumps([cell.code, cell.name, cell.street_code, cell.community_code,
                                  cell.geometry], sort_keys=True).encode())
    digest.update(json.dumps(sorted(names.items())).encode())
    return digest.hexdigest()


def build_base_map(cells: Sequence[CellRow], street_names: Mapping[str, str],
                   community_names: Mapping[str, str]) -> BaseMap:
    """The outlines of every level (kept per set of cells and names: the same cells
    come back from the cache)."""
    key = fingerprint(cells, {**street_names, **community_names})
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    base = _build(cells, street_names, community_names)
    with _cache_lock:
        _cache.clear()  # one district at a time
        _cache[key] = base
    return base


def _build(cells: Sequence[CellRow], street_names: Mapping[str, str],
           community_names: Mapping[str, str]) -> BaseMap:
    plane = plane_for([c.centroid_lon for c in cells], [c.centroid_lat for c in cells])
    polygons: dict[str, Polygon | MultiPolygon] = {}
    skipped = []
    for cell in cells:
        polygon = _polygon(cell, plane)
        if polygon is None:
            skipped.append(cell.code)
        else:
            polygons[cell.code] = polygon
    if skipped:
        log.warning("grid cells with unreadable geometry, not drawn: %s", ", ".join(skipped))
    by_community: dict[str, list[Any]] = defaultdict(list)
    community_street: dict[str, str] = {}
    cell_outlines = []
    for cell in cells:
        if cell.code not in polygons:
            continue
        polygon = polygons[cell.code]
        by_community[cell.community_code].append(polygon)
        community_street.setdefault(cell.community_code, cell.street_code)
        x, y = plane.to_xy(cell.centroid_lon, cell.centroid_lat)
        cell_outlines.append(_outline(cell.code, cell.name, polygon, (float(x), float(y)),
                                      cell.community_code))
    community_shapes = {code: _dissolve(parts) for code, parts in by_community.items()}
    by_street: dict[str, list[Any]] = defaultdict(list)
    for code, shape_ in community_shapes.items():
        by_street[community_street[code]].append(shape_)
    street_shapes = {code: _dissolve(parts) for code, parts in by_street.items()}
    district = _dissolve(list(street_shapes.values()))
    levels = {
        DISTRICT: (_outline("", "", district),) if not district.is_empty else (),
        STREET: tuple(_outline(c, street_names.get(c, c), g)
                      for c, g in sorted(street_shapes.items())),
        COMMUNITY: tuple(_outline(c, community_names.get(c, c), g, None, community_street[c])
                         for c, g in sorted(community_shapes.items())),
        CELL: tuple(cell_outlines),
    }
    bounds = tuple(float(v) for v in district.bounds) if not district.is_empty \
        else (-1.0, -1.0, 1.0, 1.0)
    return BaseMap(plane, levels, bounds, tuple(skipped))  # type: ignore[arg-type]


def _polygon(cell: CellRow, plane: Plane) -> Polygon | MultiPolygon | None:
    try:
        geometry = shape(cell.geometry)
    except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.ShapelyError):
        return None
    if not isinstance(geometry, Polygon | MultiPolygon) or geometry.is_empty:
        return None
    projected = shapely.transform(geometry, lambda xy: np.column_stack(
        plane.to_xy(xy[:, 0], xy[:, 1])))
    valid = projected if projected.is_valid else shapely.make_valid(projected)
    return valid if isinstance(valid, Polygon | MultiPolygon) else None


def _dissolve(parts: Sequence[Any]) -> Any:
    """The union of touching polygons; a hair of buffer closes the cracks left where
    neighbours' shared edges were rounded apart (1 m out and back)."""
    return shapely.unary_union(parts).buffer(0.001, join_style="mitre").buffer(
        -0.001, join_style="mitre")


def _outline(code: str, name: str, geometry: Any, anchor: tuple[float, float] | None = None,
             parent: str = "") -> Outline:
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if not isinstance(polygon, Polygon) or polygon.is_empty:
            continue
        rings.append(np.asarray(polygon.exterior.coords, dtype=np.float64)[:, :2])
        rings += [np.asarray(r.coords, dtype=np.float64)[:, :2] for r in polygon.interiors]
    if anchor is None:
        point = geometry.representative_point() if not geometry.is_empty else None
        anchor = (float(point.x), float(point.y)) if point is not None else (0.0, 0.0)
    return Outline(code, name, tuple(rings), anchor, parent)
