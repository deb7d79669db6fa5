"""The database's check that a case's point lies in its grid cell (migration 0018):
what it adds to a save at intake, and the test of one point against an outline.

- A save (``intake.create_case`` as an operator, a point picked in the first cell):
  with the check, and the same saves with the check's triggers disabled (the floor,
  in the same run on the same database).
- ``hotline_point_in_shape`` alone, per point, over the demo's cells (about 7
  vertices each) and a cell of 2,000 vertices (a finely drawn real outline), beside
  the same rows read without the test (the floor).

    python -m bench.point_in_cell [--quick]
"""

from __future__ import annotations

import asyncio
import json
import math
import time

from sqlalchemy import text

from bench._cli import run_alone
from bench._db import load_reference_data, scratch_database
from bench._stats import median_ms, ms, percentile, table
from console.app import roles_of
from console.catalog.catalog import load_catalog
from console.core.store import Store
from console.hotline.intake import CaseDraft, create_case
from db.engine import libpq_target, normalise_url

TRIGGERS = ("case_point_in_cell", "case_point_in_cell_moved")
OPERATOR = "bench_point_operator"


def _saves(url: str, count: int) -> list[float]:
    async def go() -> list[float]:
        login = normalise_url(url).set(username=OPERATOR).render_as_string(hide_password=False)
        store = Store(login, OPERATOR)
        try:
            store.roles = await roles_of(store)
            catalog = await load_catalog(store)
            leaf = next(c for c in catalog.categories.values() if c.is_leaf
                        and not c.auto_dispatch)
            async with store.read() as conn:
                lon, lat = (await conn.execute(text(
                    "SELECT centroid_lon, centroid_lat FROM grid_cell WHERE code = 'S01C01G006'"
                ))).one()
            times = []
            for i in range(count + 5):
                draft = CaseDraft(channel="phone_12345", caller_phone="13812345678",
                                  text="路灯不亮", address="坑梓大道 1 号",
                                  grid_code="S01C01G006", category_id=leaf.id,
                                  lon=lon + 1e-5, lat=lat + 1e-5)
                started = time.perf_counter()
                await create_case(store, catalog, draft)
                if i >= 5:  # the first few warm up
                    times.append(time.perf_counter() - started)
            return times
        finally:
            await store.close()

    return asyncio.run(go())


def _ring(vertices: int) -> str:
    """A circle of ``vertices`` points about 300 m across, in the district."""
    x0, y0, r = 114.35, 22.70, 0.0015
    ring = [[x0 + r * math.cos(2 * math.pi * k / vertices),
             y0 + r * math.sin(2 * math.pi * k / vertices)] for k in range(vertices)]
    return json.dumps({"type": "Polygon", "coordinates": [[*ring, ring[0]]]})


def _per_point(conn, sql: str, params: tuple, points: int, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    conn.execute(sql, params).fetchall()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        conn.execute(sql, params).fetchall()
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2] / points


def run(quick: bool = False) -> None:
    saves = 50 if quick else 300
    points = 2_000 if quick else 20_000
    print("\n== A case's point in its cell (migration 0018) ==")
    with scratch_database("point") as url:
        load_reference_data(url)
        with libpq_target(url).connect(autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {OPERATOR} LOGIN IN ROLE hotline_operator")
            try:
                checked = _saves(url, saves)
                for name in TRIGGERS:
                    conn.execute(f'ALTER TABLE "case" DISABLE TRIGGER {name}')  # type: ignore[arg-type]
                floor = _saves(url, saves)
                for name in TRIGGERS:
                    conn.execute(f'ALTER TABLE "case" ENABLE TRIGGER {name}')  # type: ignore[arg-type]
                every_cell = (
                    "SELECT hotline_point_in_shape(g.geometry, g.centroid_lon + d * 1e-4,"
                    " g.centroid_lat) FROM grid_cell g, generate_series(1, %s) d")
                read_only = ("SELECT g.geometry IS NOT NULL FROM grid_cell g,"
                             " generate_series(1, %s) d")
                cells = conn.execute("SELECT count(*) FROM grid_cell").fetchone()[0]  # type: ignore[index]
                per_cell = max(1, points // cells)
                demo = _per_point(conn, every_cell, (per_cell,), per_cell * cells)
                demo_floor = _per_point(conn, read_only, (per_cell,), per_cell * cells)
                big = _ring(2_000)
                fine = ("SELECT hotline_point_in_shape(%s::jsonb, 114.35 + d * 1e-7, 22.70)"
                        " FROM generate_series(1, %s) d")
                fine_floor = "SELECT %s::jsonb IS NOT NULL FROM generate_series(1, %s) d"
                n_fine = max(200, points // 50)
                fine_each = _per_point(conn, fine, (big, n_fine), n_fine)
                fine_floor_each = _per_point(conn, fine_floor, (big, n_fine), n_fine)
            finally:
                conn.execute(f"DROP OWNED BY {OPERATOR}")  # type: ignore[arg-type]
                conn.execute(f"DROP ROLE {OPERATOR}")  # type: ignore[arg-type]
    print(table(f"A save at intake, a point picked ({saves} saves, ms)",
                ["", "p50", "p90", "max"],
                [["with the check", median_ms(checked), ms(percentile(checked, 90)),
                  ms(max(checked))],
                 ["the check's triggers disabled (floor)", median_ms(floor),
                  ms(percentile(floor, 90)), ms(max(floor))]]))
    print(table("hotline_point_in_shape, per point (µs)", ["", "test", "rows read alone"],
                [[f"demo cells ({cells}, ~7 vertices)", f"{demo * 1e6:.1f}",
                  f"{demo_floor * 1e6:.1f}"],
                 ["one outline of 2,000 vertices", f"{fine_each * 1e6:.1f}",
                  f"{fine_floor_each * 1e6:.1f}"]]))


if __name__ == "__main__":
    run_alone(run, __doc__)
