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
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar import deadlines
from console.calendar.workdays import WorkCalendar
from console.catalog.catalog import pinyin_initials
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata.files import read
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



def _centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    ring = geometry["coordinates"][0][:-1]
    return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))


async def load_reference_data(store: Store) -> bool:
    """Load streets, grid, units, categories, teams and staff into an empty database."""
    async with store.transaction() as conn:
        if (await conn.execute(select(func.count()).select_from(s.Street))).scalar_one():
            return False
        await _load_places(conn)
        unit_ids = await _load_units(conn)
        await _load_categories(conn, unit_ids)
        await _load_staff(conn, unit_ids)
        await conn.execute(insert(s.CaseEvent).values(
            case_id=None, actor=store.actor, kind="catalog_loaded", payload={"source": "demo"}))
    return True


async def _load_places(conn: AsyncConnection) -> None:
    district = read("district.json")
    streets, communities = [], []
    for order, street in enumerate(district["streets"]):
        streets.append({"code": street["code"], "name": street["name"], "sort_order": order})
        communities += [{"code": c["code"], "name": c["name"], "street_code": street["code"]}
                        for c in street["communities"]]
    await conn.execute(insert(s.Street), streets)
    await conn.execute(insert(s.Community), communities)
    cells = []
    for feature in read("grid_cells.geojson")["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        lon, lat = _centroid(geometry)
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
    await conn.execute(insert(s.Staff), [
        {"login": p["login"], "name": p["name"], "team_id": team_ids.get(p["team"] or ""),
         "roles": p["roles"], "post_id": seat.get(p["roles"][0]) if p["team"] else None}
        for p in read("staff.json")])
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
    """Generate ``count`` cases over the last ``days`` days; returns how many were made."""
    async with store.transaction() as conn:
        if (await conn.execute(select(func.count()).select_from(s.Case))).scalar_one():
            return 0
        now = (await conn.execute(select(func.now()))).scalar_one()
        cats = {r.code: r for r in await conn.execute(select(
            s.Category.id, s.Category.code, s.Category.name, s.Category.urgency,
            s.Category.limit_hours, s.Category.limit_working_days, s.Category.owner_unit_id,
            s.Category.territorial).where(s.Category.level == 3))}
        centres = dict((await conn.execute(select(s.Unit.street_code, s.Unit.id)
                                           .where(s.Unit.kind == "centre",
                                                  s.Unit.street_code.is_not(None))))
                       .all())
        cells: dict[str, list[tuple[str, str, float, float]]] = defaultdict(list)
        for r in await conn.execute(select(s.GridCell.code, s.GridCell.community_code,
                                           s.GridCell.street_code, s.GridCell.centroid_lon,
                                           s.GridCell.centroid_lat)):
            cells[r.community_code].append((r.code, r.street_code, r.centroid_lon,
                                            r.centroid_lat))
        names = dict((await conn.execute(select(s.Community.code, s.Community.name)))
                     .all())
        calendar = await deadlines.load_calendar(store)
        rows, events, counters, verifications = _make_cases(
            count, days, seed, now, cats, centres, cells, names, calendar)
        for phone in sorted({r["caller_phone"] for r in rows if r["caller_phone"]}):
            await conn.execute(insert(s.Caller).values(phone=phone))
        caller_ids = dict((await conn.execute(select(s.Caller.phone, s.Caller.id))).all())
        for r in rows:
            r["caller_id"] = caller_ids.get(r["caller_phone"])
        for i in range(0, len(rows), 1000):
            await conn.execute(insert(s.Case), rows[i:i + 1000])
        await conn.execute(insert(s.CaseEvent), events)
        if verifications:
            await conn.execute(insert(s.Verification), verifications)
        await conn.execute(insert(s.CaseNumberCounter),
                           [{"day": d, "last": n} for d, n in counters.items()])
    return len(rows)


def _make_cases(count: int, days: int, seed: int, now: dt.datetime, cats: dict[str, Any],
                centres: dict[str, int], cells: dict[str, list[tuple[str, str, float, float]]],
                names: dict[str, str], calendar: WorkCalendar
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[dt.date, int],
           list[dict[str, Any]]]:
    rng = random.Random(seed)
    spot = random.Random(seed + 1)  # where in its cell (its own draws: the rest stays as it was)
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
    rows, events, counters = [], [], defaultdict(int)
    verifications: list[dict[str, Any]] = []
    for created in stamps:
        cat = cats[_weighted(rng, mix["category_weights"])[0]]
        community = _weighted(rng, mix["community_weights"])[0]
        grid, street, lon, lat = rng.choice(cells[community])
        lon, lat = _near(spot, lon, lat)
        channel = _weighted(rng, channels)[0]
        citizen = channel != s.GRID_REPORT_CHANNEL
        # About a third of citizen cases come from 150 frequent callers.
        pool = 150 if rng.random() < 0.35 else len(callers)
        phone = callers[rng.randrange(pool)] if citizen else None
        counters[created.date()] += 1
        public_no = f"{PUBLIC_NO_PREFIX}-{created:%Y%m%d}-{counters[created.date()]:06d}"
        due = calendar.due_at(created, limit_hours=cat.limit_hours,
                              limit_working_days=cat.limit_working_days).at
        limit = due - created
        age = now - created
        status = _status_for(rng, age / limit)
        unit = centres.get(street) if cat.territorial else cat.owner_unit_id
        case_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        road, number = rng.choice(ROADS), rng.randrange(1, 300)
        address = f"{names[community]}{road}{number}号{rng.choice(PLACES)}"
        rows.append({
            "id": case_id, "public_no": public_no, "channel": channel,
            "nature": NATURE_CODES[_weighted(rng, mix["nature"])[0]] if citizen else "complaint",
            "caller_phone": phone, "text": f"{address}{cat.name}问题，{rng.choice(COMPLAINTS)}",
            "address": address, "lon": lon, "lat": lat, "street_code": street,
            "community_code": community, "grid_code": grid, "category_id": cat.id,
            "urgency": cat.urgency, "status": status,
            "assigned_unit_id": unit if status not in ("accepted", "new") else None,
            "due_at": due, "created_at": created, "updated_at": created,
            "accepted_at": created, "created_by": "demo",
            "dispatched_at": created + dt.timedelta(minutes=rng.randrange(5, 90))
            if status not in ("accepted",) else None,
            "resolved_at": created + limit * rng.uniform(0.2, 0.95)
            if status in ("resolved", "closed") else None,
            "closed_at": created + limit if status == "closed" else None,
        })
        _unit_clock(rows[-1], rng, calendar, cat, verifications)
        # The event table stamps events with the time they are written; the
        # original acceptance time travels in the payload.
        events.append({"case_id": case_id, "actor": "demo", "kind": "imported",
                       "payload": {"public_no": public_no, "status": status,
                                   "occurred_at": created.isoformat(), "source": "demo"}})
    return rows, events, dict(counters), verifications


FAILED_ON_THE_SPOT = ("现场复核仍有垃圾堆放", "路面坑洼仍未填平", "占道经营仍未清理",
                      "井盖仍有松动", "积水未排干")


def _unit_clock(row: dict[str, Any], rng: random.Random, calendar: WorkCalendar, cat: Any,
                verifications: list[dict[str, Any]]) -> None:
    """The unit's clock from the dispatch (the centre's time is not the unit's), the
    first resolution, and a grid report's field verification: passed when closed,
    failed once before for about one in twelve (the unit did it again)."""
    dispatched, resolved = row["dispatched_at"], row["resolved_at"]
    row.update(first_resolved_at=resolved, clock_round=1, unit_clock_at=None, unit_due_at=None)
    if dispatched is None or row["assigned_unit_id"] is None:
        return
    row["clock_round"] = 2
    row["unit_clock_at"] = dispatched
    row["unit_due_at"] = calendar.due_at(dispatched, limit_hours=cat.limit_hours,
                                         limit_working_days=cat.limit_working_days).at
    if row["channel"] != s.GRID_REPORT_CHANNEL or row["status"] != "closed":
        return
    if rng.random() < 1 / 12:  # failed once: reopened to the unit, resolved again later
        first = dispatched + (resolved - dispatched) * 0.4
        failed_at = dispatched + (resolved - dispatched) * 0.5
        row["first_resolved_at"], row["clock_round"] = first, 3
        row["unit_clock_at"] = failed_at
        row["unit_due_at"] = calendar.due_at(failed_at, limit_hours=cat.limit_hours,
                                             limit_working_days=cat.limit_working_days).at
        verifications.append({"case_id": row["id"], "at": failed_at, "verifier": "demo",
                              "result": "failed", "note": rng.choice(FAILED_ON_THE_SPOT)})
    verifications.append({"case_id": row["id"], "at": row["closed_at"], "verifier": "demo",
                          "result": "passed", "note": ""})


def _near(rng: random.Random, lon: float, lat: float, km: float = SPREAD_KM
          ) -> tuple[float, float]:
    """A point within ``km`` of (lon, lat), evenly over the disc: a case somewhere in
    its cell (the demo's cells are about 0.5 km across), not all on the centre."""
    distance, angle = km * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
    return (round(lon + distance * math.cos(angle) / (111.32 * math.cos(math.radians(lat))), 6),
            round(lat + distance * math.sin(angle) / 110.574, 6))


def _status_for(rng: random.Random, used: float) -> str:
    """A plausible status for a case that has used ``used`` of its time limit.

    The district closes about 99 % of its cases on time, so few open cases are
    overdue and hardly any by long.
    """
    if used > 3:
        return rng.choices(["closed", "resolved", "in_progress"], [985, 14, 1])[0]
    if used > 1:
        return rng.choices(["closed", "resolved", "in_progress"], [80, 18, 2])[0]
    if used > 0.3:
        return rng.choices(["resolved", "closed", "in_progress", "dispatched", "returned"],
                           [30, 25, 30, 12, 3])[0]
    return rng.choices(["accepted", "dispatched", "in_progress"], [35, 45, 20])[0]


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
