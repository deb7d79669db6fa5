"""Fill a migrated database with demo reference data and ``count`` realistic cases
(console.demo's generator: category, place, channel and status mixes over 120
days), written with COPY. Run as ``python -m bench._bulk COUNT`` with the URL in
BENCH_BULK_URL, so the generator's memory never counts against the benchmark.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
import time
from collections import Counter, defaultdict

import psycopg
from psycopg.rows import namedtuple_row

from console.calendar import deadlines
from console.calendar.workdays import WorkCalendar
from console.core.store import Store
from console.demodata import demo
from db.engine import libpq_target

CASE_COLUMNS = (
    "id", "public_no", "channel", "nature", "caller_id", "caller_phone", "text", "address",
    "lon", "lat", "street_code", "community_code", "grid_code", "category_id", "urgency",
    "status", "assigned_unit_id", "due_at", "created_at", "updated_at", "accepted_at",
    "dispatched_at", "resolved_at", "closed_at", "created_by", "unit_clock_at", "unit_due_at",
    "clock_round", "first_resolved_at",
)


async def _load_reference(url: str) -> WorkCalendar:
    """Reference data and the seeded working-day calendar, as a console's start makes them."""
    store = Store(url, "bench")
    try:
        await demo.load_reference_data(store)
        year = dt.date.today().year
        await deadlines.seed_calendar(store, range(year - 1, year + 2))
        return await deadlines.load_calendar(store)
    finally:
        await store.close()


def _inputs(conn: psycopg.Connection) -> tuple:
    """What demo._make_cases needs, read with plain SQL."""
    cur = conn.cursor(row_factory=namedtuple_row)
    now = cur.execute("SELECT now()").fetchone()[0]
    cats = {r.code: r for r in cur.execute(
        "SELECT id, code, name, urgency, limit_hours, limit_working_days, owner_unit_id,"
        " territorial FROM category WHERE level = 3")}
    centres = dict(conn.execute(
        "SELECT street_code, id FROM unit WHERE kind = 'centre' AND street_code IS NOT NULL"))
    cells: dict[str, list[tuple]] = defaultdict(list)
    for code, community, street, lon, lat in conn.execute(
            "SELECT code, community_code, street_code, centroid_lon, centroid_lat FROM grid_cell"):
        cells[community].append((code, street, lon, lat))
    names = dict(conn.execute("SELECT code, name FROM community"))
    return now, cats, centres, cells, names


def populate(url: str, count: int, seed: int = 4242) -> Counter[str]:
    """Reference data plus ``count`` cases (a few fall in the future and are dropped)."""
    calendar = asyncio.run(_load_reference(url))
    with libpq_target(url).connect() as conn:
        rows, events, counters, verifications = demo._make_cases(count, 120, seed,
                                                                 *_inputs(conn), calendar)
        phones = sorted({r["caller_phone"] for r in rows if r["caller_phone"]})
        with conn.cursor().copy("COPY caller (phone) FROM STDIN") as copy:
            for phone in phones:
                copy.write_row((phone,))
        caller_ids = dict(conn.execute("SELECT phone, id FROM caller"))
        with conn.cursor().copy(f'COPY "case" ({", ".join(CASE_COLUMNS)}) FROM STDIN') as copy:
            for r in rows:
                r["caller_id"] = caller_ids.get(r["caller_phone"])
                copy.write_row(tuple(r[c] for c in CASE_COLUMNS))
        with conn.cursor().copy("COPY case_event (case_id, actor, kind, payload) FROM STDIN"
                                ) as copy:
            for e in events:
                copy.write_row((e["case_id"], e["actor"], e["kind"], json.dumps(e["payload"])))
        conn.cursor().executemany("INSERT INTO case_number_counter (day, last) VALUES (%s, %s)",
                                  list(counters.items()))
        conn.cursor().executemany(
            "INSERT INTO verification (case_id, at, verifier, result, note)"
            " VALUES (%(case_id)s, %(at)s, %(verifier)s, %(result)s, %(note)s)", verifications)
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute('VACUUM ANALYZE "case"')
        conn.execute("VACUUM ANALYZE case_event")
    return Counter(r["status"] for r in rows)


def main() -> None:
    started = time.perf_counter()
    statuses = populate(os.environ["BENCH_BULK_URL"], int(sys.argv[1]))
    mix = ", ".join(f"{k} {v}" for k, v in statuses.most_common())
    print(f"generated {sum(statuses.values())} cases in {time.perf_counter() - started:.1f} s"
          f" ({mix})")


if __name__ == "__main__":
    main()
