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
import hashlib
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

from bench._db import server_url
from console.calendar import deadlines
from console.core.store import Store
from console.demodata import demo, demo_history
from console.demodata.demo_teller import Story, World
from db.engine import libpq_target, normalise_url
from db.migrate import head_revision

CASE_COLUMNS = (
    "id", "public_no", "channel", "nature", "caller_id", "caller_phone", "text", "address",
    "lon", "lat", "street_code", "community_code", "grid_code", "category_id", "urgency",
    "status", "assigned_unit_id", "due_at", "created_at", "updated_at", "accepted_at",
    "dispatched_at", "resolved_at", "closed_at", "created_by", "unit_clock_at", "unit_due_at",
    "clock_round", "first_resolved_at", "signed_at", "due_estimated", "version", "sign_due_at",
)
SEED = 4242
# Filled databases kept for the day (BENCH_BULK_CACHE=0: fill every time): a million
# cases take minutes to tell, a copy of the files seconds.
CACHE_PREFIX = "hc_bench_bulk_"
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


def populate(url: str, count: int, seed: int = SEED, chunk: int = 20_000) -> Counter[str]:
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


def _cache_name(count: int, seed: int) -> str:
    """The filled database kept for ``count`` cases: one a day and schema (the stories
    are told up to the moment of filling, so a day's benches share one "now")."""
    head = hashlib.sha1(head_revision().encode()).hexdigest()[:8]
    return f"{CACHE_PREFIX}{count}_{seed}_{head}_{dt.date.today():%Y%m%d}"


def _on_bench_server(url: str) -> bool:
    ours, server = normalise_url(url), normalise_url(server_url())
    return (ours.host, ours.port) == (server.host, server.port)


def _from_cache(url: str, count: int, seed: int) -> Counter[str] | None:
    """``url``'s database made again as a copy of the day's filled one, when there is
    one (its statuses); None when there is none yet or the server is not the benches'."""
    if os.environ.get("BENCH_BULK_CACHE", "1") == "0" or not _on_bench_server(url):
        return None
    name, target = _cache_name(count, seed), normalise_url(url).database
    with libpq_target(server_url()).connect(autocommit=True) as admin:
        for (old,) in admin.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                (CACHE_PREFIX.replace("_", r"\_") + "%", name)).fetchall():
            if old.startswith(f"{CACHE_PREFIX}{count}_{seed}_"):  # another day or schema
                admin.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')  # type: ignore[arg-type]
        row = admin.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                            " WHERE datname = %s", (name,)).fetchone()
        if row is None or not row[0]:
            return None
        admin.execute(f'DROP DATABASE "{target}" WITH (FORCE)')  # type: ignore[arg-type]
        admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{name}"')  # type: ignore[arg-type]
    return Counter(json.loads(row[0]))


def _keep(url: str, count: int, seed: int, statuses: Counter[str]) -> None:
    """Keep a copy of ``url``'s freshly filled database for the day's other benches (made
    under a passing name, renamed once whole, so a killed run leaves no half copy)."""
    if os.environ.get("BENCH_BULK_CACHE", "1") == "0" or not _on_bench_server(url):
        return
    name, target = _cache_name(count, seed), normalise_url(url).database
    making = f"{name}_making"
    with libpq_target(server_url()).connect(autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{making}" WITH (FORCE)')  # type: ignore[arg-type]
        try:
            admin.execute(f'CREATE DATABASE "{making}" TEMPLATE "{target}"')  # type: ignore[arg-type]
        except psycopg.errors.ObjectInUse:  # the bench holds a connection: no copy today
            print(f"(not kept for other benches: {target} is in use)")
            return
        admin.execute(f"COMMENT ON DATABASE \"{making}\" IS '{json.dumps(statuses)}'")  # type: ignore[arg-type]
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
        admin.execute(f'ALTER DATABASE "{making}" RENAME TO "{name}"')  # type: ignore[arg-type]


def main() -> None:
    started = time.perf_counter()
    url, count, seed = os.environ["BENCH_BULK_URL"], int(sys.argv[1]), SEED
    statuses = _from_cache(url, count, seed)
    how = "copied from the day's filled database" if statuses is not None else "generated"
    if statuses is None:
        statuses = populate(url, count, seed)
        _keep(url, count, seed, statuses)
    mix = ", ".join(f"{k} {v}" for k, v in statuses.most_common())
    print(f"{how}: {sum(statuses.values())} cases in {time.perf_counter() - started:.1f} s"
          f" ({mix})")


if __name__ == "__main__":
    main()
