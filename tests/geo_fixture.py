"""Small hand-made boundaries for the geo tests: one street of two communities of
two cells each, in GCJ-02 inside the demo district (Pingshan)."""

from __future__ import annotations

import json
from typing import Any

from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level
from console.geo.crs import Crs
from console.geo.geofile import GeoFile, parse_geojson

WEST, SOUTH, EAST, NORTH = 114.30, 22.68, 114.34, 22.70
MID = (WEST + EAST) / 2


def box(x0: float, y0: float, x1: float, y1: float) -> dict[str, Any]:
    return {"type": "Polygon",
            "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def feature(geometry: dict[str, Any] | None, **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def geofile(features: list[dict[str, Any]], name: str = "test.geojson") -> GeoFile:
    return parse_geojson(json.dumps({"type": "FeatureCollection", "features": features}),
                         name)


def streets() -> list[dict[str, Any]]:
    return [feature(box(WEST, SOUTH, EAST, NORTH), code="T01", name="测试街道")]


def communities() -> list[dict[str, Any]]:
    return [feature(box(WEST, SOUTH, MID, NORTH), code="T01C01", name="东社区", street="T01"),
            feature(box(MID, SOUTH, EAST, NORTH), code="T01C02", name="西社区", street="T01")]


def cells() -> list[dict[str, Any]]:
    step = (EAST - WEST) / 4
    out = []
    for i in range(4):
        community = "T01C01" if i < 2 else "T01C02"
        out.append(feature(box(WEST + i * step, SOUTH, WEST + (i + 1) * step, NORTH),
                           code=f"{community}G{i % 2 + 1}", name=f"第{i + 1}网格",
                           community=community))
    return out


def request(street_features: list[dict[str, Any]] | None = None,
            community_features: list[dict[str, Any]] | None = None,
            cell_features: list[dict[str, Any]] | None = None, *, crs: Crs = Crs.GCJ02,
            parents: bool = True, same_district: bool = True) -> ImportRequest:
    files = []
    if street_features is not None:
        files.append(LayerFile(Level.STREET, geofile(street_features, "streets.geojson"),
                               FieldMap("code", "name")))
    if community_features is not None:
        files.append(LayerFile(Level.COMMUNITY,
                               geofile(community_features, "communities.geojson"),
                               FieldMap("code", "name", "street" if parents else "")))
    if cell_features is not None:
        files.append(LayerFile(Level.CELL, geofile(cell_features, "cells.geojson"),
                               FieldMap("code", "name", "community" if parents else "")))
    return ImportRequest(tuple(files), crs, same_district)


def whole(**kw: Any) -> ImportRequest:
    return request(streets(), communities(), cells(), **kw)
