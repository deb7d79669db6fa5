"""The map's read of every open case, 50,000 of them: ``map_cases.read_open_cases``
(one statement returning a text per column, split into arrays in a worker thread)
beside the same rows fetched by raw psycopg, one tuple per case (the floor); with
the longest time the event loop stood still during each (the GUI's frames wait
that long).

    python -m bench.map_read [--quick]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time
import uuid
from typing import Any

import shapely
from shapely.geometry import shape

from bench._cli import run_alone
from bench._db import scratch_database
from bench._stats import median_ms, table
from db.engine import libpq_target

RUNS = 5
RAW_SQL = """
SELECT c.id, c.public_no, coalesce(c.lon, g.centroid_lon), coalesce(c.lat, g.centroid_lat),
       coalesce(c.lon IS NULL OR (c.lon = g.centroid_lon AND c.lat = g.centroid_lat), false),
       c.urgency, c.category_id, coalesce(c.assigned_unit_id, -1),
       extract(epoch FROM coalesce(c.unit_due_at, c.due_at))::float8,
       extract(epoch FROM coalesce(c.unit_clock_at, c.accepted_at, c.due_at))::float8,
       extract(epoch FROM c.paused_at)::float8, extract(epoch FROM c.unit_clock_at)::float8
FROM "case" c LEFT JOIN grid_cell g ON g.code = c.grid_code
WHERE c.status = ANY(%s)
"""


def _fill(url: str, count: int) -> None:
    """Reference data, then ``count`` open cases at points about the grid's cells."""
    from console.core.store import Store
    from console.demodata import demo

    async def reference() -> None:
        store = Store(url, "bench")
        try:
            await demo.load_reference_data(store)
        finally:
            await store.close()

    asyncio.run(reference())
    rng = random.Random(14)
    now = dt.datetime.now(dt.UTC)
    with libpq_target(url).connect() as conn:
        cells = conn.execute("SELECT code, street_code, community_code, centroid_lon,"
                             " centroid_lat, geometry FROM grid_cell").fetchall()
        outlines = {code: shape(geometry) for code, *_, geometry in cells if geometry}
        shapely.prepare(list(outlines.values()))
        category = conn.execute("SELECT id FROM category WHERE level = 3 LIMIT 1").fetchone()
        assert category is not None
        columns = ("id, public_no, channel, text, lon, lat, street_code, community_code,"
                   " grid_code, category_id, urgency, status, due_at, created_at, accepted_at,"
                   " created_by")
        with conn.cursor().copy(f'COPY "case" ({columns}) FROM STDIN') as copy:
            for i in range(count):
                code, street, community, lon, lat, _ = rng.choice(cells)
                point = _inside(rng, outlines.get(code), lon, lat)
                created = now - dt.timedelta(hours=rng.uniform(0, 240))
                copy.write_row((uuid.UUID(int=rng.getrandbits(128), version=4),
                                f"PS-BENCH-{i:06d}", "phone_12345", "bench",
                                *point, street,
                                community, code, category[0], rng.choice("ABC"),
                                rng.choice(("accepted", "dispatched", "in_progress")),
                                created + dt.timedelta(hours=rng.choice((24, 72, 240))),
                                created, created, "bench"))
        conn.commit()
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute('VACUUM ANALYZE "case"')


def _inside(rng: random.Random, outline: Any, lon: float, lat: float
            ) -> tuple[float | None, float | None]:
    """A point about the cell's centre inside its outline (the database refuses a case's
    point outside its cell); after ten misses none (the case sits at the cell's centre)."""
    for _ in range(10):
        x, y = lon + rng.gauss(0, 0.001), lat + rng.gauss(0, 0.001)
        if outline is None or shapely.intersects_xy(outline, x, y):
            return x, y
    return None, None


class Stalls:
    """The longest time the event loop went without running a task: a ticker that
    wakes every millisecond, as a frame would want to."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    async def __aenter__(self) -> Stalls:
        self._task = asyncio.create_task(self._tick())
        await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def _measure(url: str) -> dict[str, list[float]]:
    from console.core.store import Store
    from console.mapview import map_cases
    from db import schema as s

    store = Store(url, "bench-map")
    out: dict[str, list[float]] = {k: [] for k in ("ours", "ours_stall", "raw", "raw_stall")}
    try:
        marks = await map_cases.read_open_cases(store)  # warm
        for _ in range(RUNS):
            async with Stalls() as stalls:
                started = time.perf_counter()
                marks = await map_cases.read_open_cases(store)
                out["ours"].append(time.perf_counter() - started)
            out["ours_stall"].append(stalls.longest)
    finally:
        await store.close()
    async with await libpq_target(url).connect_async() as conn:
        await (await conn.execute(RAW_SQL, (list(s.OPEN_STATUSES),))).fetchall()
        for _ in range(RUNS):
            async with Stalls() as stalls:
                started = time.perf_counter()
                await (await conn.execute(RAW_SQL, (list(s.OPEN_STATUSES),))).fetchall()
                out["raw"].append(time.perf_counter() - started)
            out["raw_stall"].append(stalls.longest)
    out["count"] = [float(len(marks))]
    return out


def run(quick: bool = False) -> None:
    count = 5_000 if quick else 50_000
    with scratch_database("map") as url:
        started = time.perf_counter()
        _fill(url, count)
        filled = time.perf_counter() - started
        got = asyncio.run(_measure(url))
    print(f"\n== Map: reading {int(got['count'][0]):,} open cases (filled in {filled:.0f} s) ==")
    print(table("Median of 5 (ms): the read, and the longest the event loop stood still in it",
                ["", "read", "loop stood"], [
        ["floor: raw psycopg, the same columns, one tuple per case", median_ms(got["raw"]),
         median_ms(got["raw_stall"])],
        ["map_cases.read_open_cases (one text per column, split in a thread)",
         median_ms(got["ours"]), median_ms(got["ours_stall"])],
    ]))


if __name__ == "__main__":
    run_alone(run, __doc__)
