"""The demo's reference data from resources/demo: streets, communities and grid
cells with their boundaries, units, the category tree, teams, duty posts, staff
(centre staff and every unit's handler) and the shift templates. Loaded into an
empty database only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.catalog.catalog import pinyin_initials
from console.core import events
from console.core.store import Store
from console.demodata.files import read
from console.geo.shapes import centre, read_polygonal, union_of
from db import schema as s

SHIFTS = (("day", "白班", dt.time(8), 8), ("evening", "中班", dt.time(16), 8),
          ("night", "夜班", dt.time(0), 8))
TEAMS = (("T1", "一班"), ("T2", "二班"), ("T3", "三班"), ("T4", "四班"))


async def load_reference_data(store: Store, *, boundaries: bool = True) -> bool:
    """Load streets, grid, units, categories, teams and staff into an empty database.
    ``boundaries=False`` leaves out the streets' and communities' boundaries (for a
    database migrated only up to before 0014, which has no columns for them)."""
    async with store.transaction() as conn:
        if (await conn.execute(select(func.count()).select_from(s.Street))).scalar_one():
            return False
        await _load_places(conn, boundaries)
        unit_ids = await _load_units(conn)
        await _load_categories(conn, unit_ids)
        await _load_staff(conn, unit_ids)
        await events.append(conn, store.actor, events.CatalogLoaded(source="demo"))
    return True


async def _load_places(conn: AsyncConnection, boundaries: bool) -> None:
    """Streets, communities and the generated grid cells; a street's and a
    community's boundary is the union of its cells (the demo has no other)."""
    features = read("grid_cells.geojson")["features"]
    pieces: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for feature in features:
        props = feature["properties"]
        pieces[props["street"]].append(feature["geometry"])
        pieces[props["community"]].append(feature["geometry"])

    def shape_of(code: str) -> dict[str, Any]:
        if not boundaries:
            return {}
        if not pieces[code]:
            return {"geometry": None, "centroid_lon": None, "centroid_lat": None}
        geometry, (lon, lat) = union_of(pieces[code])
        return {"geometry": geometry, "centroid_lon": lon, "centroid_lat": lat}

    district = read("district.json")
    streets, communities = [], []
    for order, street in enumerate(district["streets"]):
        streets.append({"code": street["code"], "name": street["name"], "sort_order": order,
                        **shape_of(street["code"])})
        communities += [{"code": c["code"], "name": c["name"], "street_code": street["code"],
                         **shape_of(c["code"])} for c in street["communities"]]
    await conn.execute(insert(s.Street), streets)
    await conn.execute(insert(s.Community), communities)
    cells = []
    for feature in features:
        props, geometry = feature["properties"], feature["geometry"]
        lon, lat = centre(read_polygonal(geometry))
        cells.append({"code": props["code"], "name": props["name"], "street_code": props["street"],
                      "community_code": props["community"], "geometry": geometry,
                      "centroid_lon": lon, "centroid_lat": lat})
    await conn.execute(insert(s.GridCell), cells)


async def _load_units(conn: AsyncConnection) -> dict[str, int]:
    units = read("units.json")
    await conn.execute(insert(s.Unit), [
        {"code": u["code"], "name": u["name"], "kind": u["kind"], "street_code": u["street"],
         "community_code": u["community"]} for u in units])
    ids = dict((await conn.execute(select(s.Unit.code, s.Unit.id))).all())
    for u in units:
        if u["parent"]:
            await conn.execute(update(s.Unit).where(s.Unit.id == ids[u["code"]])
                               .values(parent_id=ids[u["parent"]]))
    return ids


async def _load_categories(conn: AsyncConnection, unit_ids: dict[str, int]) -> None:
    by_code: dict[str, dict[str, Any]] = {}
    for level in (1, 2, 3):
        rows = []
        for c in read("categories.json"):
            if c["level"] != level:
                continue
            parent = by_code.get(c["parent"]) if c["parent"] else None
            path = f"{parent['path']} / {c['name']}" if parent else c["name"]
            initials = (f"{parent['initials']} " if parent else "") + pinyin_initials(c["name"])
            by_code[c["code"]] = {"path": path, "initials": initials}
            rows.append({
                "code": c["code"], "name": c["name"], "level": level, "path": path,
                "initials": initials,
                "parent_id": by_code[c["parent"]]["id"] if parent else None,
                "urgency": c.get("urgency"), "limit_hours": c.get("limit_hours"),
                "limit_working_days": c.get("limit_working_days"),
                "owner_unit_id": unit_ids.get(c.get("owner") or ""),
                "territorial": bool(c.get("territorial")),
                "auto_dispatch": bool(c.get("auto_dispatch")),
            })
        await conn.execute(insert(s.Category), rows)
        ids = dict((await conn.execute(select(s.Category.code, s.Category.id)
                                       .where(s.Category.level == level))).all())
        for code, cat_id in ids.items():
            by_code[code]["id"] = cat_id


async def _load_staff(conn: AsyncConnection, unit_ids: dict[str, int]) -> None:
    """Teams (spaced evenly along the rotation's cycle), posts and the people
    who stand duty: centre staff at their role's seat, duty-room people at theirs."""
    await conn.execute(insert(s.Team), [{"code": c, "name": n, "rotation_offset": 2 * i}
                                        for i, (c, n) in enumerate(TEAMS)])
    team_ids = dict((await conn.execute(select(s.Team.name, s.Team.id))).all())
    duty = read("duty.json")
    await conn.execute(insert(s.DutyPost), [
        {"code": p["code"], "name": p["name"], "kind": p["kind"], "unit_id": unit_ids[p["unit"]]}
        for p in duty["posts"]])
    post_ids = dict((await conn.execute(select(s.DutyPost.code, s.DutyPost.id))).all())
    seat = {role: post_ids[code] for role, code in duty["centre_posts"].items()}
    people = read("staff.json")
    await conn.execute(insert(s.Staff), [
        {"login": p["login"], "name": p["name"], "team_id": team_ids.get(p["team"] or ""),
         "roles": p["roles"], "post_id": seat.get(p["roles"][0]) if p["team"] else None}
        for p in people if not p.get("unit")])
    # Units' handlers have seats from revision 0009 on (an upgrade's test may load older).
    if (await conn.execute(text("SELECT count(*) FROM information_schema.columns WHERE"
                                " table_name = 'staff' AND column_name = 'unit_id'"))).scalar():
        await conn.execute(insert(s.Staff), [
            {"login": p["login"], "name": p["name"], "roles": p["roles"],
             "unit_id": unit_ids[p["unit"]]} for p in people if p.get("unit")])
    await conn.execute(insert(s.Staff), [
        {"login": None, "name": p["name"], "team_id": team_ids[p["team"]],
         "post_id": post_ids[p["post"]], "phone": p["phone"]} for p in duty["people"]])
    await conn.execute(insert(s.ShiftTemplate), [
        {"code": code, "name": name, "starts": starts, "hours": hours}
        for code, name, starts, hours in SHIFTS])
