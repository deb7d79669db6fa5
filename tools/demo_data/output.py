"""Writing the demo files (compact, rounded coordinates) and checking them before
they are written."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path


def dump_json(obj, path: Path):
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def dump_geojson(fc: dict, path: Path):
    """indent=1 like the other files, but each coordinate array on one line."""
    coords = []
    feats = []
    for f in fc["features"]:
        g = dict(f["geometry"])
        coords.append(json.dumps(g["coordinates"], separators=(",", ":")))
        g["coordinates"] = f"@@COORDS{len(coords) - 1}@@"
        feats.append({**f, "geometry": g})
    text = json.dumps({**fc, "features": feats}, indent=1, ensure_ascii=False)
    text = re.sub(r'"@@COORDS(\d+)@@"', lambda m: coords[int(m.group(1))], text)
    path.write_text(text + "\n", encoding="utf-8")


def rounded_coords(poly):
    """GeoJSON (RFC 7946: exterior counter-clockwise) rings rounded to 6 decimals."""
    from shapely.geometry.polygon import orient

    poly = orient(poly, 1.0)
    def ring(r):
        return [[round(x, 6), round(y, 6)] for x, y in r.coords]

    return [ring(poly.exterior)] + [ring(i) for i in poly.interiors]


def build_grid_features(cells, labels, district, proj):
    feats = []
    for si, s in enumerate(district["streets"]):
        for ci, c in enumerate(s["communities"]):
            mine = [i for i, (a, b) in labels.items() if a == si and b == ci]
            # number north to south, west to east (rows about one cell high)
            def key(i):
                x, y = proj.to_km(*cells[i].centroid.coords[0])
                return (-round(y / 0.45), x)
            for n, i in enumerate(sorted(mine, key=key), start=1):
                feats.append({
                    "type": "Feature",
                    "properties": {"code": f"{c['code']}G{n:03d}",
                                   "name": f"{c['name']}第{n}网格",
                                   "street": s["code"], "community": c["code"]},
                    "geometry": {"type": "Polygon", "coordinates": rounded_coords(cells[i])},
                })
    return {"type": "FeatureCollection", "features": feats}


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def check(out: dict, outline_full):
    import shapely
    from shapely.geometry import shape

    district, units, cats = out["district.json"], out["units.json"], out["categories.json"]
    grid, outline_fc = out["grid_cells.geojson"], out["district_outline.geojson"]
    problems = []
    ucodes = [u["code"] for u in units]
    if len(set(ucodes)) != len(ucodes):
        problems.append("duplicate unit codes")
    for u in units:
        if u["parent"] and u["parent"] not in ucodes:
            problems.append(f"unit {u['code']} has unknown parent")
    ccodes = [c["code"] for c in cats]
    if len(set(ccodes)) != len(ccodes):
        problems.append("duplicate category codes")
    seen = set()
    for c in cats:
        if c["parent"] and c["parent"] not in seen:
            problems.append(f"category {c['code']} before its parent")
        seen.add(c["code"])
        if c["level"] == 3:
            if (c["limit_hours"] is None) == (c["limit_working_days"] is None):
                problems.append(f"category {c['code']} needs exactly one limit")
            if c["owner"] is not None and c["owner"] not in ucodes:
                problems.append(f"category {c['code']} owner unknown")
            if c["auto_dispatch"] and c["owner"] is None and not c["territorial"]:
                problems.append(f"category {c['code']} auto-dispatches to nobody")
    levels = collections.Counter(c["level"] for c in cats)
    outline = shape(outline_fc["features"][0]["geometry"])
    gcodes = [f["properties"]["code"] for f in grid["features"]]
    if len(set(gcodes)) != len(gcodes):
        problems.append("duplicate grid codes")
    polys = [shape(f["geometry"]) for f in grid["features"]]
    for f, p in zip(grid["features"], polys, strict=True):
        if not p.is_valid or not p.within(outline):
            problems.append(f"cell {f['properties']['code']} invalid or outside the outline")
    comms = {c["code"] for s in district["streets"] for c in s["communities"]}
    with_cells = {f["properties"]["community"] for f in grid["features"]}
    if comms - with_cells:
        problems.append(f"communities without cells: {sorted(comms - with_cells)}")
    union = shapely.union_all(polys)
    overlap = sum(p.area for p in polys) - union.area
    # each community and street contiguous
    for key in ("community", "street"):
        groups = collections.defaultdict(list)
        for f, p in zip(grid["features"], polys, strict=True):
            groups[f["properties"][key]].append(p)
        for g, ps in groups.items():
            u = shapely.union_all([q.buffer(1e-7) for q in ps])
            if u.geom_type != "Polygon":
                problems.append(f"{key} {g} is not contiguous")
    stats = {
        "units": len(units),
        "units_by_kind": dict(collections.Counter(u["kind"] for u in units)),
        "categories_by_level": dict(sorted(levels.items())),
        "cells": len(polys),
        "grid_coverage_of_outline": round(union.area / outline.area, 4),
        "outline_area_vs_source": round(outline.area / outline_full.area, 4),
        "outline_max_deviation_deg": round(outline.hausdorff_distance(outline_full), 6),
        "cell_overlap_area_ratio": round(overlap / union.area, 6),
    }
    return problems, stats
