"""Shapes as the console keeps them: GeoJSON polygons in GCJ-02 read into shapely,
their centres, and a local plane in metres for distances and tolerances."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

# Stored coordinates are rounded to 1e-7 degrees (about a centimetre).
PRECISION = 1e-7
_M_PER_DEG_LAT = 110_574.0
_M_PER_DEG_LON_EQUATOR = 111_320.0
EARTH_RADIUS_M = 6_371_008.8
POLYGONAL = ("Polygon", "MultiPolygon")


class ShapeError(ValueError):
    """A GeoJSON geometry the console cannot use; ``reason`` says why (a code)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


def read_polygonal(geometry: Any) -> BaseGeometry:
    """A GeoJSON Polygon or MultiPolygon as a 2-D shapely geometry, as given (it may
    be invalid: the caller asks ``shapely.is_valid``)."""
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise ShapeError("geometry.missing")
    if geometry["type"] not in POLYGONAL:
        raise ShapeError("geometry.not_polygon", str(geometry["type"]))
    try:
        shaped = shapely.force_2d(shape(geometry))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError,
            shapely.errors.ShapelyError) as exc:
        raise ShapeError("geometry.unreadable", str(exc)[:200]) from exc
    if shaped.is_empty:
        raise ShapeError("geometry.empty")
    coords = shapely.get_coordinates(shaped)
    if not np.isfinite(coords).all():
        raise ShapeError("geometry.unreadable", "NaN or infinite coordinate")
    return shaped


def to_geojson(geometry: BaseGeometry) -> dict[str, Any]:
    """The geometry as a GeoJSON mapping of plain lists (for a jsonb column)."""
    def plain(value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        return value

    return {k: plain(v) for k, v in mapping(geometry).items()}


def stored(geometry: BaseGeometry) -> BaseGeometry:
    """Rounded to the stored precision; still valid (set_precision keeps validity)."""
    return shapely.set_precision(geometry, PRECISION)


def centre(geometry: BaseGeometry) -> tuple[float, float]:
    """A point for the area: its centroid when that lies inside, else a point
    surely inside it (a crescent's centroid lies outside)."""
    point = geometry.centroid
    if not geometry.contains(point):
        point = geometry.point_on_surface()
    return float(point.x), float(point.y)


def metres_between(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d_lat, d_lon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(d_lat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(d_lon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class LocalPlane:
    """Degrees to metres around a point (an equirectangular projection): good to
    about a per cent across a district, which is what tolerances need."""

    lon0: float
    lat0: float

    @property
    def _scale(self) -> tuple[float, float]:
        return (_M_PER_DEG_LON_EQUATOR * math.cos(math.radians(self.lat0)), _M_PER_DEG_LAT)

    def to_metres(self, geometry: BaseGeometry) -> BaseGeometry:
        kx, ky = self._scale
        return shapely.transform(
            geometry, lambda xy: np.column_stack([(xy[:, 0] - self.lon0) * kx,
                                                  (xy[:, 1] - self.lat0) * ky]))


@dataclass(frozen=True)
class Extent:
    """A box in degrees (GCJ-02)."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def of(cls, geometries: list[BaseGeometry]) -> Extent | None:
        if not geometries:
            return None
        west, south, east, north = shapely.total_bounds(geometries)
        return cls(float(west), float(south), float(east), float(north))

    def grown(self, metres: float) -> Extent:
        d_lat = metres / _M_PER_DEG_LAT
        d_lon = metres / (_M_PER_DEG_LON_EQUATOR
                          * math.cos(math.radians((self.south + self.north) / 2)))
        return Extent(self.west - d_lon, self.south - d_lat, self.east + d_lon,
                      self.north + d_lat)

    def box(self) -> BaseGeometry:
        return shapely.box(self.west, self.south, self.east, self.north)


def union_of(geometries: list[dict[str, Any]]) -> tuple[dict[str, Any], tuple[float, float]]:
    """The union of GeoJSON polygons (a street from its cells) and its centre."""
    union = stored(shapely.union_all([shapely.make_valid(read_polygonal(g))
                                      for g in geometries]))
    parts = [p for p in shapely.get_parts(union) if p.geom_type == "Polygon"]
    union = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
    return to_geojson(union), centre(union)
