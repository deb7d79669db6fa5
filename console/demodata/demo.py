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

import shapely
from shapely.geometry import shape
from sqlalchemy import func, insert, select

from console.calendar import deadlines
from console.calendar.workdays import WorkCalendar
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata import demo_history, demo_stories
from console.demodata.demo_reference import load_reference_data
from console.demodata.demo_teller import Story, World
from console.demodata.files import read
from console.hotline.intake import PUBLIC_NO_PREFIX
from db import schema as s

# A grid cell as the generator takes it: code, street, centre (lon, lat), outline.
Cell = tuple[str, str, float, float, dict[str, Any] | None]
NATURE_CODES = {"投诉": "complaint", "咨询": "consultation", "建议": "suggestion",
                "求决": "request", "感谢": "thanks"}
SHIFTS = (("day", "白班", dt.time(8), 8), ("evening", "中班", dt.time(16), 8),
          ("night", "夜班", dt.time(0), 8))
SPREAD_KM = 0.2  # how far from its cell's centre a generated case may lie
IN_CELL_TRIES = 20  # points drawn near the centre until one lies in the cell
TEAMS = (("T1", "一班"), ("T2", "二班"), ("T3", "三班"), ("T4", "四班"))
ROADS = ("深汕路", "坪山大道", "东纵路", "金牛路", "龙兴北路", "新和路", "中山大道", "锦龙大道",
         "坑梓大道", "丹梓大道", "汤坑路", "龙勤路", "宝梓南路", "兰竹东路", "聚龙路")
PLACES = ("小区门口", "公交站旁", "菜市场附近", "学校东门", "路口", "工业园内", "商铺前",
          "人行道上", "河道边", "停车场内")
COMPLAINTS = ("已经持续好几天了，影响居民出行，请尽快处理。", "多次反映未解决，市民情绪较大。",
              "晚上尤其严重，附近居民无法休息。", "存在安全隐患，请相关部门尽快到场查看。",
              "希望有关部门核实并给予答复。", "周边商户也有意见，请安排人员处理。")





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
        cells: dict[str, list[Cell]] = defaultdict(list)
        for r in await conn.execute(select(s.GridCell.code, s.GridCell.community_code,
                                           s.GridCell.street_code, s.GridCell.centroid_lon,
                                           s.GridCell.centroid_lat, s.GridCell.geometry)):
            cells[r.community_code].append((r.code, r.street_code, r.centroid_lon,
                                            r.centroid_lat, r.geometry))
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
                 cells: dict[str, list[Cell]], names: dict[str, str],
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
                cats: dict[str, Any], cells: dict[str, list[Cell]],
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
    shapes: dict[str, shapely.Geometry] = {}
    drafts: list[demo_stories.Draft] = []
    rows: list[dict[str, Any]] = []
    counters: defaultdict[dt.date, int] = defaultdict(int)
    for created in stamps:
        cat = cats[_weighted(rng, mix["category_weights"])[0]]
        community = _weighted(rng, mix["community_weights"])[0]
        grid, street, lon, lat, geometry = rng.choice(cells[community])
        lon, lat = _in_cell(spot, shapes, grid, geometry, lon, lat)
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


def _in_cell(rng: random.Random, shapes: dict[str, shapely.Geometry], code: str,
             geometry: dict[str, Any] | None, lon: float, lat: float) -> tuple[float, float]:
    """A point near the cell's centre (lon, lat) inside the cell's outline (the
    database refuses a case's point outside its cell), else the centre itself."""
    if geometry is None:
        return lon, lat
    if code not in shapes:
        shapes[code] = shape(geometry)
        shapely.prepare(shapes[code])
    for _ in range(IN_CELL_TRIES):
        x, y = _near(rng, *_near(rng, lon, lat))
        if shapely.intersects_xy(shapes[code], x, y):
            return x, y
    return lon, lat


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
