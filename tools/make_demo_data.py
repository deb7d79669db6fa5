#!/usr/bin/env python3
"""Generate the demo data shipped in ``resources/demo/``.

The product reads only ``resources/demo/`` at run time.  This script reads the
real, read-only reference data in ``../shared/data`` (beside the checkout) at
generation time and writes our own demo data from it:

``district.json``
    The 6 streets and 23 communities of Pingshan (public facts).
``units.json``
    About 150 responsible units (责任单位) as a tree: district departments,
    city-level branches in the district, utilities and operators, the district
    command centre with its 6 street sub-centres, the 6 street offices with a
    uniform set of street sub-units, and the 23 community workstations.
    Unit names are public facts; the list is modelled on the disposing units
    of the 2018 events but normalised (one name per unit).
``categories.json``
    The 3-level event classification (18 / 134 / 372) as a flat list, parents
    before children.  Level-3 rows carry urgency, time limit, owner unit,
    ``territorial`` and ``auto_dispatch``.  Owner and auto-dispatch come from
    who disposed each sub-type in the 2018 events (see ``choose_owner``: a
    territorial sub-type has no owner and goes to the street sub-centre of the
    case's street); urgency and limits come from the ``RULES`` table.
``grid_cells.geojson`` / ``district_outline.geojson``
    A generated hexagonal grid of about 670 cells (网格) clipped to the
    simplified district outline, grouped into contiguous communities and
    streets.  The grid is synthetic: there are no public grid boundaries.
``staff.json``
    Generated centre staff (deterministic fake names).
``duty.json``
    Duty posts (centre seats, street sub-centre duty rooms, community duty
    rooms, grid squads), the centre post of each role, and one generated
    person per team at every other post (fake names and numbers).
``channels.json`` / ``case_mix.json``
    Aggregate frequencies (channel mix, category weights, nature, hour of day,
    community weights) for generating realistic demo cases.

No row of the source data is copied: only names that are public facts and
aggregate counts are written.

Usage::

    python tools/make_demo_data.py [--data ../shared/data] [--out resources/demo]

Needs shapely (>= 2.0), numpy and pypinyin.  Deterministic (fixed seed);
runs in a few seconds.  Exits 0 with a message when the data is absent.  The
pieces (places and units, categories and case mix, people, the grid, output and
checks) are in ``tools/demo_data/``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import random
import sys
from pathlib import Path

from demo_data import SEED
from demo_data.categories import build_case_mix, build_categories, build_channels
from demo_data.grid import PRECISION, LocalProjection, assign_cells, load_outline, make_grid
from demo_data.output import build_grid_features, check, dump_geojson, dump_json, rounded_coords
from demo_data.people import build_duty, build_handlers, build_staff
from demo_data.places import (
    DISTRICT_CODE,
    DISTRICT_NAME,
    UnitMapper,
    build_district,
    build_units,
    map_source_units,
    unit_on_time,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "resources" / "demo"

EVENTS_CSV = Path("pingshan-events") / "pingshan_events_2018.csv"
OUTLINE_JSON = Path("shenzhen-geo") / "440310_pingshan_from_440300_full.json"

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def read_events(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("HOTLINE_SHARED_DATA", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    events_path, outline_path = args.data / EVENTS_CSV, args.data / OUTLINE_JSON
    missing = [p for p in (events_path, outline_path) if not p.is_file()]
    if missing:
        print("make_demo_data: skipped, reference data not found: "
              + ", ".join(str(p) for p in missing)
              + "\n(the demo data in resources/demo/ is left unchanged)")
        return 0

    import shapely

    rng = random.Random(SEED)
    rows = read_events(events_path)
    district = build_district()
    units = build_units(district)
    unit_of = map_source_units(rows, UnitMapper(units, district))
    on_time = unit_on_time(rows, unit_of, units)
    cats, weights = build_categories(rows, unit_of, units)

    outline_full, outline = load_outline(outline_path)
    c = outline.centroid
    proj = LocalProjection(c.x, c.y)
    cells, side = make_grid(outline, proj)
    labels = assign_cells(cells, district, proj, rng)
    # Ship the exact union of the cells as the outline: it is the simplified
    # outline up to the 1e-6 deg snapping, and every cell lies strictly inside it.
    shipped = shapely.union_all(cells, grid_size=PRECISION)
    if shipped.geom_type == "Polygon" and not shipped.interiors:
        outline = shipped

    out = {
        "district.json": district,
        "units.json": units,
        "categories.json": cats,
        "grid_cells.geojson": build_grid_features(cells, labels, district, proj),
        "district_outline.geojson": {"type": "FeatureCollection", "features": [{
            "type": "Feature",
            "properties": {"code": DISTRICT_CODE, "name": DISTRICT_NAME},
            "geometry": {"type": "Polygon", "coordinates": rounded_coords(outline)},
        }]},
        "staff.json": (staff := build_staff(rng)),
        "duty.json": build_duty(district, units, staff),
        "channels.json": build_channels(rows),
        "case_mix.json": {**build_case_mix(rows, weights, district), "on_time": on_time},
    }
    # Handlers after the duty posts: their names take nobody's, and the rest stays as it was.
    out["staff.json"] = staff + build_handlers(units, staff, random.Random(SEED + 1))
    problems, stats = check(out, outline_full)
    stats["hex_side_m"] = round(side * 1000)
    l3 = [c for c in cats if c["level"] == 3]
    stats["urgency"] = dict(collections.Counter(c["urgency"] for c in l3))
    stats["auto_dispatch"] = sum(c["auto_dispatch"] for c in l3)
    stats["territorial"] = sum(c["territorial"] for c in l3)
    stats["auto_dispatch_territorial"] = sum(c["auto_dispatch"] and c["territorial"] for c in l3)
    stats["owner_null_not_territorial"] = sum(
        c["owner"] is None and not c["territorial"] for c in l3)
    stats["staff"] = len(out["staff.json"])
    if problems:
        print("make_demo_data: checks failed:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    for name, obj in out.items():
        (dump_geojson if name.endswith(".geojson") else dump_json)(obj, args.out / name)
    for k, v in stats.items():
        print(f"{k}: {v}")
    total = 0
    for name in out:
        size = (args.out / name).stat().st_size
        total += size
        print(f"  {name:26s} {size:9,d} bytes")
    print(f"  {'total':26s} {total:9,d} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
