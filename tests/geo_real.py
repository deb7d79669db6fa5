"""The real Pingshan outline (../shared/data/shenzhen-geo, GCJ-02) cut into two
communities and square cells about a kilometre across, as import files. Tests
that use it skip, saying why, when the data is not beside the checkout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level
from console.geo.crs import Crs, geometry_to_wgs84
from console.geo.geofile import parse_geojson

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "shenzhen-geo"
PINGSHAN = DATA / "440310_pingshan_from_440300_full.json"
STEP = 0.01  # degrees: cells about 1 km across


def outline() -> BaseGeometry:
    if not PINGSHAN.exists():
        pytest.skip(f"real data not found: {PINGSHAN} (see ../shared/data/README.md)")
    (feature,) = json.loads(PINGSHAN.read_text(encoding="utf-8"))["features"]
    return shape(feature["geometry"])


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    parts = [p for p in shapely.get_parts(geometry)
             if p.geom_type == "Polygon" and p.area > 1e-8]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def layers(crs: Crs = Crs.GCJ02) -> dict[Level, list[dict[str, Any]]]:
    """One street (the outline), two communities (west and east of its centroid),
    square cells clipped to each community."""
    district = outline()
    west, south, east, north = district.bounds
    middle = district.centroid.x
    halves = {"R01C01": shapely.box(west - 1, south - 1, middle, north + 1),
              "R01C02": shapely.box(middle, south - 1, east + 1, north + 1)}
    out: dict[Level, list[dict[str, Any]]] = {Level.STREET: [], Level.COMMUNITY: [],
                                              Level.CELL: []}

    def add(level: Level, geometry: BaseGeometry, **props: Any) -> None:
        out[level].append({"type": "Feature", "properties": props,
                           "geometry": mapping(geometry_to_wgs84(geometry, Crs.GCJ02)
                                               if crs is Crs.WGS84 else geometry)})

    add(Level.STREET, district, code="R01", name="坪山区（实测轮廓）")
    for code, half in halves.items():
        community = _polygonal(district.intersection(half))
        assert community is not None
        add(Level.COMMUNITY, community, code=code, name=code, street="R01")
        n = 0
        x = west
        while x < east:
            y = south
            while y < north:
                cell = _polygonal(community.intersection(shapely.box(x, y, x + STEP, y + STEP)))
                if cell is not None:
                    n += 1
                    add(Level.CELL, cell, code=f"{code}G{n:03d}", name=f"{code}第{n}格",
                        community=code)
                y += STEP
            x += STEP
    return out


def request(crs: Crs = Crs.GCJ02) -> ImportRequest:
    made = layers(crs)
    fields = {Level.STREET: FieldMap("code", "name"),
              Level.COMMUNITY: FieldMap("code", "name", "street"),
              Level.CELL: FieldMap("code", "name", "community")}
    return ImportRequest(tuple(
        LayerFile(level, parse_geojson(json.dumps({"type": "FeatureCollection",
                                                   "features": made[level]}),
                                       f"pingshan_{level}.geojson"), fields[level])
        for level in made), crs)
