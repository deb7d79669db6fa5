"""The district's outlines by level, for drawing: every grid cell as stored, the
communities and streets as stored (their own boundaries, migration 0014) or, where
one has none, the dissolved outline of its cells (shapely's ``unary_union``), and
the district as the union of its streets, in the drawing plane
(console/mapview/plane.py).

Dissolving 670 cells takes a noticeable fraction of a second: ``build_base_map`` is
plain CPU work for a worker thread, and its result is kept per set of boundaries,
so a pane that opens again, or a second pane, gets it at once. What is drawn (``BaseMap``,
``Outline``) is in ``outlines.py``, which imports no database (the PDF's child process
unpickles a map).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from sqlalchemy import literal, select

from console.core.store import Store
from console.mapview.outlines import CELL, COMMUNITY, DISTRICT, STREET, BaseMap, Outline
from console.mapview.plane import Plane, plane_for
from db import schema as s

log = logging.getLogger(__name__)


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
class AreaRow:
    """A street or community as stored: its own boundary, or none (geometry None)."""

    code: str
    name: str
    parent: str = ""  # a community's street
    geometry: dict[str, Any] | None = None
    centroid_lon: float | None = None
    centroid_lat: float | None = None


async def read_areas(store: Store) -> tuple[list[AreaRow], list[AreaRow]]:
    """The streets and the communities with their stored boundaries."""
    t, c = s.Street, s.Community
    async with store.read() as conn:
        streets = await conn.execute(select(t.code, t.name, literal(""), t.geometry,
                                            t.centroid_lon, t.centroid_lat).order_by(t.code))
        street_rows = [AreaRow(*r) for r in streets]
        communities = await conn.execute(select(c.code, c.name, c.street_code, c.geometry,
                                                c.centroid_lon, c.centroid_lat)
                                         .order_by(c.code))
        return street_rows, [AreaRow(*r) for r in communities]


Areas = Mapping[str, str] | Sequence[AreaRow]  # names only (outlines from cells), or rows


def _rows(areas: Areas) -> list[AreaRow]:
    if isinstance(areas, Mapping):
        return [AreaRow(code, name) for code, name in areas.items()]
    return list(areas)


_cache: dict[str, BaseMap] = {}
_cache_lock = threading.Lock()


def fingerprint(cells: Sequence[CellRow], areas: Sequence[AreaRow]) -> str:
    digest = hashlib.sha1()
    for cell in cells:
        digest.update(json.dumps([cell.code, cell.name, cell.street_code, cell.community_code,
                                  cell.geometry], sort_keys=True).encode())
    for area in areas:
        digest.update(json.dumps([area.code, area.name, area.parent, area.geometry,
                                  area.centroid_lon, area.centroid_lat], sort_keys=True).encode())
    return digest.hexdigest()


def build_base_map(cells: Sequence[CellRow], streets: Areas, communities: Areas) -> BaseMap:
    """The outlines of every level (kept per set of boundaries: the same come back
    from the cache). ``streets`` and ``communities`` are rows with their stored
    boundaries, or only their names by code (their outlines then from the cells)."""
    street_rows, community_rows = _rows(streets), _rows(communities)
    key = fingerprint(cells, [*street_rows, *community_rows])
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    base = _build(cells, street_rows, community_rows)
    with _cache_lock:
        _cache.clear()  # one district at a time
        _cache[key] = base
    return base


def _build(cells: Sequence[CellRow], streets: Sequence[AreaRow],
           communities: Sequence[AreaRow]) -> BaseMap:
    plane = plane_for([c.centroid_lon for c in cells], [c.centroid_lat for c in cells])
    polygons: dict[str, Polygon | MultiPolygon] = {}
    skipped = []
    for cell in cells:
        polygon = _projected(cell.geometry, plane)
        if polygon is None:
            skipped.append(cell.code)
        else:
            polygons[cell.code] = polygon
    if skipped:
        log.warning("grid cells with unreadable geometry, not drawn: %s", ", ".join(skipped))
    by_community: dict[str, list[Any]] = defaultdict(list)
    community_street = {row.code: row.parent for row in communities if row.parent}
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
    dissolved: list[tuple[str, str]] = []
    community_shapes = _level(COMMUNITY, communities, by_community, plane, dissolved)
    by_street: dict[str, list[Any]] = defaultdict(list)
    for code, (shape_, _anchor) in community_shapes.items():
        if code in community_street:
            by_street[community_street[code]].append(shape_)
    street_shapes = _level(STREET, streets, by_street, plane, dissolved)
    district = _dissolve([g for g, _anchor in street_shapes.values()])
    names = {COMMUNITY: {r.code: r.name for r in communities},
             STREET: {r.code: r.name for r in streets}}
    levels = {
        DISTRICT: (_outline("", "", district),) if not district.is_empty else (),
        STREET: tuple(_outline(c, names[STREET].get(c, c), g, a)
                      for c, (g, a) in sorted(street_shapes.items())),
        COMMUNITY: tuple(_outline(c, names[COMMUNITY].get(c, c), g, a,
                                  community_street.get(c, ""))
                         for c, (g, a) in sorted(community_shapes.items())),
        CELL: tuple(cell_outlines),
    }
    bounds = tuple(float(v) for v in district.bounds) if not district.is_empty \
        else (-1.0, -1.0, 1.0, 1.0)
    if dissolved:
        log.info("outlines dissolved from cells (no stored boundary): %s",
                 ", ".join(f"{level} {code}" for level, code in dissolved))
    return BaseMap(plane, levels, bounds, tuple(skipped),  # type: ignore[arg-type]
                   tuple(dissolved))


Anchor = tuple[float, float] | None


def _level(level: str, rows: Sequence[AreaRow], parts: Mapping[str, list[Any]], plane: Plane,
           dissolved: list[tuple[str, str]]) -> dict[str, tuple[Any, Anchor]]:
    """Each area's shape and name point: its stored boundary (and centre), else the
    union of its parts (cells, or communities) where it has any."""
    shapes: dict[str, tuple[Any, Anchor]] = {}
    for row in rows:
        stored = _projected(row.geometry, plane) if row.geometry is not None else None
        if stored is None:
            continue
        anchor = None
        if row.centroid_lon is not None and row.centroid_lat is not None:
            x, y = plane.to_xy(row.centroid_lon, row.centroid_lat)
            anchor = (float(x), float(y))
        shapes[row.code] = (_closed(stored), anchor)
    for code, pieces in parts.items():
        if code not in shapes and pieces:
            shapes[code] = (_dissolve(pieces), None)
            dissolved.append((level, code))
    return shapes


def _projected(geojson: dict[str, Any], plane: Plane) -> Polygon | MultiPolygon | None:
    try:
        geometry = shape(geojson)
    except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.ShapelyError):
        return None
    if not isinstance(geometry, Polygon | MultiPolygon) or geometry.is_empty:
        return None
    projected = shapely.transform(geometry, lambda xy: np.column_stack(
        plane.to_xy(xy[:, 0], xy[:, 1])))
    valid = projected if projected.is_valid else shapely.make_valid(projected)
    return valid if isinstance(valid, Polygon | MultiPolygon) else None


def _dissolve(parts: Sequence[Any]) -> Any:
    """The union of touching polygons, its cracks closed."""
    return _closed(shapely.unary_union(parts))


def _closed(geometry: Any) -> Any:
    """A hair of buffer closes the cracks left where neighbours' shared edges were
    rounded apart (1 m out and back): a stored union of cells has them too."""
    return geometry.buffer(0.001, join_style="mitre").buffer(-0.001, join_style="mitre")


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
