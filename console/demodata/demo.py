"""Demo data: the district's reference data from resources/demo and a few
thousand generated cases over recent months with realistic mixes.

Loading is idempotent: reference data is loaded into an empty database only,
and cases are generated only when there are none.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar import deadlines
from console.calendar.workdays import WorkCalendar
from console.catalog.catalog import pinyin_initials
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata import demo_history, demo_stories
from console.demodata.demo_teller import Story, World
from console.demodata.files import read
from console.geo.shapes import centre, read_polygonal, union_of
from console.hotline.intake import PUBLIC_NO_PREFIX
from db import schema as s

NATURE_CODES = {"投诉": "complaint", "咨询": "consultation", "建议": "suggestion",
                "求决": "request", "感谢": "thanks"}
SHIFTS = (("day", "白班", dt.time(8), 8), ("evening", "中班", dt.time(16), 8),
          ("night", "夜班", dt.time(0), 8))
SPREAD_KM = 0.2  # how far from its cell's centre a generated case may lie
TEAMS = (("T1", "一班"), ("T2", "二班"), ("T3", "三班"), ("T4", "四班"))
ROADS = ("深汕路", "坪山大道", "东纵路", "金牛路", "龙兴北路", "新和路", "中山大道", "锦龙大道",
         "坑梓大道", "丹梓大道", "汤坑路", "龙勤路", "宝梓南路", "兰竹东路", "聚龙路")
PLACES = ("小区门口", "公交站旁", "菜市场附近", "学校东门", "路口", "工业园内", "商铺前",
          "人行道上", "河道边", "停车场内")
COMPLAINTS = ("已经持续好几天了，影响居民出行，请尽快处理。", "多次反映未解决，市民情绪较大。",
              "晚上尤其严重，附近居民无法休息。", "存在安全隐患，请相关部门尽快到场查看。",
              "希望有关部门核实并给予答复。", "周边商户也有意见，请安排人员处理。")



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
        await conn.execute(insert(s.CaseEvent).values(
            case_id=None, actor=store.actor, kind="catalog_loaded", payload={"source": "demo"}))
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


def _weighted(rng: random.Random, weights: dict[str, float]) -> list[str]:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)


async def generate_cases(store: Store, count: int = 4000, days: int = 120,
                         seed: int = 20261122) -> int:
    """Generate ``count`` cases over the last ``days`` days, each with its history up
    to now (demo_stories); returns how many were made."""
    async with store.transaction() as conn:
        if (await conn.execute(select(func.count()).select_from(s.Case))).scalar_one():
            return 0
        now = (await conn.execute(select(func.now()))).scalar_one()
        cats = {r.code: r for r in await conn.execute(select(
            s.Category.id, s.Category.code, s.Category.name, s.Category.urgency,
            s.Category.limit_hours, s.Category.limit_working_days, s.Category.owner_unit_id,
            s.Category.territorial, s.Category.auto_dispatch).where(s.Category.level == 3))}
        cells: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
        for r in await conn.execute(select(s.GridCell.code, s.GridCell.community_code,
                                           s.GridCell.street_code, s.GridCell.centroid_lon,
                                           s.GridCell.centroid_lat)):
            cells[r.community_code].append((r.code, r.street_code, r.centroid_lon,
                                            r.centroid_lat))
        names = dict((await conn.execute(select(s.Community.code, s.Community.name)))
                     .all())
        calendar = await deadlines.load_calendar(store)
        world = await demo_history.load_world(conn, calendar, now)
        history = make_history(count, days, random.Random(seed), cats, cells, names, world)
        stories = list(history.stories)
        for phone in sorted(history.phones):
            await conn.execute(insert(s.Caller).values(phone=phone))
        caller_ids = dict((await conn.execute(select(s.Caller.phone, s.Caller.id))).all())
        for story in stories:
            story.row["caller_id"] = caller_ids.get(story.row["caller_phone"])
        await demo_history.write(conn, stories)
        await conn.execute(insert(s.CaseNumberCounter),
                           [{"day": d, "last": n} for d, n in history.counters.items()])
    return len(stories)


@dataclass
class History:
    """Generated cases: their callers' numbers, the day counters of their public
    numbers, and their stories, told one at a time as they are taken (each row
    without ``caller_id``)."""

    phones: set[str]
    counters: dict[dt.date, int]
    stories: Iterator[Story]


def make_history(count: int, days: int, rng: random.Random, cats: dict[str, Any],
                 cells: dict[str, list[tuple[str, str, float, float]]], names: dict[str, str],
                 world: World) -> History:
    """``count`` cases over the last ``days`` days before ``world.now``."""
    drafts, rows, counters = _make_cases(count, days, rng, world.now, cats, cells, names,
                                         world.calendar)

    def stories() -> Iterator[Story]:
        for draft, row in zip(drafts, rows, strict=True):
            story = demo_stories.tell(draft, world, rng)
            story.row = {**row, **story.row}
            yield story

    return History({d.phone for d in drafts if d.phone}, counters, stories())


def _make_cases(count: int, days: int, rng: random.Random, now: dt.datetime,
                cats: dict[str, Any], cells: dict[str, list[tuple[str, str, float, float]]],
                names: dict[str, str], calendar: WorkCalendar
                ) -> tuple[list[demo_stories.Draft], list[dict[str, Any]], dict[dt.date, int]]:
    """The cases as intake recorded them, in the order they came in."""
    mix = read("case_mix.json")
    channels = {c["code"]: c["share"] for c in read("channels.json")}
    callers = [f"+861{rng.choice('3578')}{rng.randrange(10**9):09d}" for _ in range(2500)]
    hours = mix["hour_of_day"]
    stamps = []
    for _ in range(count):
        day = now - dt.timedelta(days=rng.random() ** 0.8 * days)
        local = day.astimezone(CENTRE_TZ)
        hour = rng.choices(range(24), weights=hours, k=1)[0]
        stamps.append(local.replace(hour=hour, minute=rng.randrange(60),
                                    second=rng.randrange(60)))
    stamps = sorted(t for t in stamps if t < now)
    spot = random.Random(rng.getrandbits(32))  # where in its cell: draws of its own
    drafts, rows, counters = [], [], defaultdict(int)
    for created in stamps:
        cat = cats[_weighted(rng, mix["category_weights"])[0]]
        community = _weighted(rng, mix["community_weights"])[0]
        grid, street, lon, lat = rng.choice(cells[community])
        lon, lat = _near(spot, lon, lat)
        lon, lat = _near(spot, lon, lat)
        channel = _weighted(rng, channels)[0]
        citizen = channel != s.GRID_REPORT_CHANNEL
        # About a third of citizen cases come from 150 frequent callers.
        pool = 150 if rng.random() < 0.35 else len(callers)
        phone = callers[rng.randrange(pool)] if citizen else None
        counters[created.date()] += 1
        public_no = f"{PUBLIC_NO_PREFIX}-{created:%Y%m%d}-{counters[created.date()]:06d}"
        due = calendar.due_at(created, limit_hours=cat.limit_hours,
                              limit_working_days=cat.limit_working_days)
        case_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        road, number = rng.choice(ROADS), rng.randrange(1, 300)
        address = f"{names[community]}{road}{number}号{rng.choice(PLACES)}"
        nature = NATURE_CODES[_weighted(rng, mix["nature"])[0]] if citizen else "complaint"
        drafts.append(demo_stories.Draft(case_id, public_no, created, channel, nature, phone,
                                         street, community, cat, due.at, due.estimated))
        rows.append({
            "id": case_id, "public_no": public_no, "channel": channel, "nature": nature,
            "caller_phone": phone, "text": f"{address}{cat.name}问题，{rng.choice(COMPLAINTS)}",
            "address": address, "lon": lon, "lat": lat, "street_code": street,
            "community_code": community, "grid_code": grid, "category_id": cat.id,
            "urgency": cat.urgency, "due_estimated": due.estimated, "created_at": created,
            "accepted_at": created,
        })
    return drafts, rows, dict(counters)


def _near(rng: random.Random, lon: float, lat: float, km: float = SPREAD_KM
          ) -> tuple[float, float]:
    """A point within ``km`` of (lon, lat), evenly over the disc: a case somewhere in
    its cell (the demo's cells are about 0.5 km across), not all on the centre."""
    distance, angle = km * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
    return (round(lon + distance * math.cos(angle) / (111.32 * math.cos(math.radians(lat))), 6),
            round(lat + distance * math.sin(angle) / 110.574, 6))


async def load_demo(store: Store, cases: int = 4000) -> None:
    """Everything the demo needs, into an empty database (as the server's owner:
    generated history includes closed cases, which people cannot insert)."""
    from console.demodata.demo_answers import load_demo_answers
    from console.demodata.demo_duty import load_demo_duty

    await deadlines.seed_calendar(store, deadlines.calendar_years(dt.date.today()))
    await load_reference_data(store)
    await load_demo_answers(store)
    await generate_cases(store, count=cases)
    await load_demo_duty(store)
