"""Fill a migrated database with demo reference data and ``count`` realistic cases,
each with its history (console.demodata's stories: the same moves, mixes and rates
as the demo), written with COPY: the cases, their events at their own times, the
callbacks, field verifications and escalation orders (the orders' events name no
order id). (Requests, disputes and citizen messages, which
no benchmark reads yet, are left out.) Run as ``python -m bench._bulk COUNT`` with
the URL in BENCH_BULK_URL, so the generator's memory never counts against the
benchmark.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable

import psycopg
from psycopg.rows import namedtuple_row
from sqlalchemy import func, select

from console.calendar import deadlines
from console.core.store import Store
from console.demodata import demo, demo_history
from console.demodata.demo_teller import Story, World
from db.engine import libpq_target

CASE_COLUMNS = (
    "id", "public_no", "channel", "nature", "caller_id", "caller_phone", "text", "address",
    "lon", "lat", "street_code", "community_code", "grid_code", "category_id", "urgency",
    "status", "assigned_unit_id", "due_at", "created_at", "updated_at", "accepted_at",
    "dispatched_at", "resolved_at", "closed_at", "created_by", "unit_clock_at", "unit_due_at",
    "clock_round", "first_resolved_at", "signed_at", "due_estimated", "version", "sign_due_at",
)
RECORDS = {
    "callback": ("case_id", "attempt", "at", "operator", "result", "satisfaction", "note"),
    "verification": ("case_id", "at", "verifier", "result", "note"),
    "escalation_order": ("case_id", "level", "round", "issuer", "target_unit_id", "text",
                         "issued_at", "reply_due_at", "acknowledged_at", "replied_at",
                         "reply_text", "version"),
}


async def _load_reference(url: str) -> World:
    """Reference data and the seeded working-day calendar, as a console's start makes
    them, and the world the stories read."""
    store = Store(url, "bench")
    try:
        await demo.load_reference_data(store)
        year = dt.date.today().year
        await deadlines.seed_calendar(store, range(year - 1, year + 2))
        calendar = await deadlines.load_calendar(store)
        async with store.read() as conn:
            now = (await conn.execute(select(func.now()))).scalar_one()
            return await demo_history.load_world(conn, calendar, now)
    finally:
        await store.close()


def _inputs(conn: psycopg.Connection) -> tuple:
    """What demo.make_history needs besides the world, read with plain SQL."""
    cur = conn.cursor(row_factory=namedtuple_row)
    cats = {r.code: r for r in cur.execute(
        "SELECT id, code, name, urgency, limit_hours, limit_working_days, owner_unit_id,"
        " territorial, auto_dispatch FROM category WHERE level = 3")}
    cells: dict[str, list[tuple]] = defaultdict(list)
    for code, community, street, lon, lat, geometry in conn.execute(
            "SELECT code, community_code, street_code, centroid_lon, centroid_lat, geometry"
            " FROM grid_cell"):
        cells[community].append((code, street, lon, lat, geometry))
    names = dict(conn.execute("SELECT code, name FROM community"))
    return cats, cells, names


def _copy(conn: psycopg.Connection, table: str, columns: tuple[str, ...],
          rows: Iterable[dict]) -> None:
    with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for r in rows:
            copy.write_row(tuple(r[c] for c in columns))


def populate(url: str, count: int, seed: int = 4242, chunk: int = 20_000) -> Counter[str]:
    """Reference data plus ``count`` cases (a few fall in the future and are dropped),
    told and written ``chunk`` at a time (a million stories would not fit in memory)."""
    world = asyncio.run(_load_reference(url))
    statuses: Counter[str] = Counter()
    with libpq_target(url).connect() as conn:
        history = demo.make_history(count, 120, random.Random(seed), *_inputs(conn), world)
        with conn.cursor().copy("COPY caller (phone) FROM STDIN") as copy:
            for phone in sorted(history.phones):
                copy.write_row((phone,))
        caller_ids = dict(conn.execute("SELECT phone, id FROM caller"))
        conn.execute("SET LOCAL hotline.history = 'on'")  # the events keep their times
        while stories := list(itertools.islice(history.stories, chunk)):
            for story in stories:
                story.row["caller_id"] = caller_ids.get(story.row["caller_phone"])
                statuses[story.row["status"]] += 1
            _write(conn, stories)
        conn.cursor().executemany("INSERT INTO case_number_counter (day, last) VALUES (%s, %s)",
                                  list(history.counters.items()))
    with libpq_target(url).connect(autocommit=True) as conn:
        for table in ('"case"', "case_event", "callback", "verification", "escalation_order"):
            conn.execute(f"VACUUM ANALYZE {table}")
    return statuses


def _write(conn: psycopg.Connection, stories: list[Story]) -> None:
    _copy(conn, '"case"', CASE_COLUMNS, (st.row for st in stories))
    with conn.cursor().copy("COPY case_event (case_id, at, actor, kind, payload) FROM STDIN"
                            ) as copy:
        for e in (e for st in stories for e in st.events):
            e["payload"].pop("_order", None)  # an order's event names no order id here
            copy.write_row((e["case_id"], e["at"], e["actor"], e["kind"],
                            json.dumps(e["payload"])))
    _copy(conn, "escalation_order", RECORDS["escalation_order"],
          (r for st in stories for r in st.orders))
    _copy(conn, "callback", RECORDS["callback"], (r for st in stories for r in st.callbacks))
    _copy(conn, "verification", RECORDS["verification"],
          (r for st in stories for r in st.verifications))


def main() -> None:
    started = time.perf_counter()
    statuses = populate(os.environ["BENCH_BULK_URL"], int(sys.argv[1]))
    mix = ", ".join(f"{k} {v}" for k, v in statuses.most_common())
    print(f"generated {sum(statuses.values())} cases in {time.perf_counter() - started:.1f} s"
          f" ({mix})")


if __name__ == "__main__":
    main()
