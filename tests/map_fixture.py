"""The demo's grid cells as rows of the grid_cell table, read from the files the demo
ships (no database), for the map's plain-Python tests."""

from __future__ import annotations

from shapely.geometry import shape

from console.demodata.files import read
from console.mapview.base_map import CellRow


def demo_cells() -> tuple[list[CellRow], dict[str, str], dict[str, str]]:
    cells = []
    for feature in read("grid_cells.geojson")["features"]:
        p, centre = feature["properties"], shape(feature["geometry"]).centroid
        cells.append(CellRow(p["code"], p["name"], p["street"], p["community"],
                             feature["geometry"], centre.x, centre.y))
    district = read("district.json")
    streets = {s["code"]: s["name"] for s in district["streets"]}
    communities = {c["code"]: c["name"] for s in district["streets"] for c in s["communities"]}
    return cells, streets, communities
