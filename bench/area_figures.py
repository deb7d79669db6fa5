"""The map's choropleth over a large database: console.geo.area_figures (one grouped
query per level) for the last 7 and 30 days and for the whole 120, all categories and
one top-level category's subtree, beside the same SQL run by plain psycopg; and
the hotspots. Cases are the demo generator's (bench._bulk). Then, on the same
database, the map pane with its heat layer (bench.map_heat).

    python -m bench.area_figures [--quick]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench._cli import run_alone
from bench._db import scratch_database
from bench._stats import median_ms, table
from console.core.store import Store
from console.geo.area_stats import area_figures, figures_sql, hotspots
from console.geo.boundaries import Level
from db.engine import libpq_target

RUNS = 5


def _psycopg(sql: str) -> str:
    """SQLAlchemy's :name parameters as psycopg's %(name)s."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)


async def _service(url: str, cases: list[tuple[str, dict[str, Any]]]
                   ) -> dict[str, tuple[list[float], int]]:
    store = Store(url, "bench")
    out = {}
    try:
        for name, p in cases:
            work = (hotspots(store, p["level"], p["start"], p["end"], p["category"])
                    if p.get("hot") else
                    area_figures(store, p["level"], p["start"], p["end"], p["category"]))
            result = await work  # warm-up
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                result = await (hotspots(store, p["level"], p["start"], p["end"],
                                         p["category"]) if p.get("hot") else
                                area_figures(store, p["level"], p["start"], p["end"],
                                             p["category"]))
                times.append(time.perf_counter() - started)
            out[name] = (times, len(result))
    finally:
        await store.close()
    return out


def _floor(url: str, cases: list[tuple[str, dict[str, Any]]]) -> dict[str, list[float]]:
    out = {}
    with libpq_target(url).connect(autocommit=True) as conn:
        for name, p in cases:
            order = "ORDER BY cases DESC, code LIMIT 10" if p.get("hot") else ""
            sql = _psycopg(figures_sql(p["level"], category=p["category"] is not None,
                                       order=order))
            params = {"start": p["start"], "end": p["end"], "category": p["category"],
                      "at": None}
            conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                conn.execute(sql, params).fetchall()  # type: ignore[call-overload]
                times.append(time.perf_counter() - started)
            out[name] = times
    return out


def _cases(url: str) -> list[tuple[str, dict[str, Any]]]:
    with libpq_target(url).connect() as conn:
        now = conn.execute("SELECT now()").fetchone()[0]  # type: ignore[index]
        top = conn.execute("SELECT c.parent_id FROM category c JOIN \"case\" k ON"
                           " k.category_id = c.id GROUP BY 1 ORDER BY count(*) DESC"
                           " LIMIT 1").fetchone()[0]  # type: ignore[index]
        top = conn.execute("SELECT parent_id FROM category WHERE id = %s",
                           (top,)).fetchone()[0]  # type: ignore[index]
    week = {"start": now - dt.timedelta(days=7), "end": now}
    month = {"start": now - dt.timedelta(days=30), "end": now}
    whole = {"start": now - dt.timedelta(days=121), "end": now}
    return [
        ("cells, 7 days", {"level": Level.CELL, "category": None, **week}),
        ("cells, 30 days", {"level": Level.CELL, "category": None, **month}),
        ("communities, 30 days", {"level": Level.COMMUNITY, "category": None, **month}),
        ("streets, 30 days", {"level": Level.STREET, "category": None, **month}),
        ("cells, 120 days", {"level": Level.CELL, "category": None, **whole}),
        ("cells, 30 days, one category tree", {"level": Level.CELL, "category": top, **month}),
        ("hotspots: top 10 cells, 30 days, one tree",
         {"level": Level.CELL, "category": top, "hot": True, **month}),
    ]


def run(quick: bool = False) -> None:
    count = 100_000 if quick else 1_000_000
    print(f"\n== Choropleth over {count:,} cases ==")
    with scratch_database("areas") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True,
                       cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        cases = _cases(url)
        service = asyncio.run(_service(url, cases))
        floor = _floor(url, cases)
        print(table(f"Figures by area (median of {RUNS} after 1 warm-up, ms)",
                    ["", "areas", "area_figures", "raw psycopg"],
                    [[name, str(service[name][1]), median_ms(service[name][0]),
                      median_ms(floor[name])] for name, _p in cases]))
        from bench import map_heat  # Qt: loaded only now

        map_heat.measure(url, count)


if __name__ == "__main__":
    run_alone(run, __doc__)
    from bench._qt import close_qt_loop  # the map pane's loop, made by bench.map_heat

    close_qt_loop()
