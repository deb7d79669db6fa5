"""Export: 100,000 cases (the demo generator's, bench._bulk) exported by a dispatcher's
login through the service (count; CSV: the database makes the rows by COPY and the
seat streams them into the file; Open311 JSON and XML: a server-side cursor 2,000 rows
at a time, each batch formatted and written in a worker thread; the file renamed into
place), beside the floor: PostgreSQL's COPY of the same rows
(the same columns, joins and order) to a CSV file by raw psycopg. The peak memory of
this process shows that the rows are streamed, never held.

    python -m bench.export [--quick]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._cli import run_alone
from bench._db import scratch_database, server_url
from bench._stats import peak_rss_mb, rss_mb, table
from db.engine import libpq_target, normalise_url

COUNT, QUICK_COUNT = 100_000, 20_000
# The export's query (console/case_export/query.py) as plain SQL: the same columns,
# joins and order, without SQLAlchemy.
FLOOR_SQL = """
COPY (
  SELECT c.id, c.public_no, c.status, c.channel, c.nature, c.urgency, c.text, c.address,
         c.lon, c.lat, c.created_at, c.accepted_at, c.dispatched_at, c.resolved_at,
         c.closed_at, c.due_at, c.updated_at, k.code, k.path, coalesce(st.name, ''),
         coalesce(cm.name, ''), coalesce(c.grid_code, ''), coalesce(u.name, ''),
         CASE WHEN c.imported_from IS NOT NULL THEN c.imported_on_time
              WHEN c.first_resolved_at IS NOT NULL AND c.unit_due_at IS NOT NULL
              THEN c.first_resolved_at <= c.unit_due_at END
  FROM "case" c JOIN category k ON k.id = c.category_id
  LEFT JOIN street st ON st.code = c.street_code
  LEFT JOIN community cm ON cm.code = c.community_code
  LEFT JOIN unit u ON u.id = c.assigned_unit_id
  ORDER BY c.created_at DESC, c.id DESC
) TO STDOUT WITH (FORMAT csv, HEADER)"""


def _dispatcher(url: str) -> str:
    name = f"hc_bench_export_{os.getpid()}"
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")  # type: ignore[arg-type]
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_dispatcher")  # type: ignore[arg-type]
    return normalise_url(url).set(username=name).render_as_string(hide_password=False)


async def _service(url: str, fmt: str, path: Path) -> tuple[float, int]:
    from console.app import roles_of
    from console.case_export import service
    from console.case_export.query import Selection
    from console.core.store import Store

    store = Store(url, normalise_url(url).username or "")
    try:
        store.roles = await roles_of(store)
        started = time.perf_counter()
        done = await service.export(store, Selection(), fmt, path)
        return time.perf_counter() - started, done.cases
    finally:
        await store.close()


def _floor(url: str, path: Path) -> float:
    started = time.perf_counter()
    with libpq_target(url).connect() as conn, path.open("wb") as out:
        with conn.cursor().copy(FLOOR_SQL) as copy:  # type: ignore[arg-type]
            for block in copy:
                out.write(block)
        conn.rollback()
    return time.perf_counter() - started


def run(quick: bool = False) -> None:
    count = QUICK_COUNT if quick else COUNT
    repeats = 1 if quick else 3  # service and floor taken turn about: a busy machine
    print(f"\n== Export: {count:,} cases ==")
    with scratch_database("export") as url, tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True,
                       cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        person = _dispatcher(url)
        folder = Path(tmp)
        import console.app  # noqa: F401  (what the exports load, loaded before measuring)
        import console.case_export.service  # noqa: F401
        before = rss_mb()
        times: dict[str, list[float]] = {"csv": [], "open311-json": [], "open311-xml": []}
        floors: list[float] = []
        sizes: dict[str, int] = {}
        exported = 0
        try:
            for _ in range(repeats):
                for fmt, samples in times.items():
                    seconds, exported = asyncio.run(_service(person, fmt, folder / fmt))
                    samples.append(seconds)
                    sizes[fmt] = (folder / fmt).stat().st_size
                floors.append(_floor(url, folder / "floor.csv"))
                sizes["floor"] = (folder / "floor.csv").stat().st_size
        finally:
            with libpq_target(server_url()).connect(autocommit=True) as conn:
                conn.execute(  # type: ignore[arg-type]
                    f"DROP ROLE IF EXISTS {normalise_url(person).username}")
        peak = peak_rss_mb()
    floor = statistics.median(floors)
    rows = [[name, f"{statistics.median(samples):.2f}", f"{floor:.2f}",
             f"{statistics.median(samples) / floor:.1f}", f"{sizes[name] / 2**20:.1f}"]
            for name, samples in times.items()]
    rows.append(["COPY (same rows) TO STDOUT csv", f"{floor:.2f}", f"{floor:.2f}", "1.0",
                 f"{sizes['floor'] / 2**20:.1f}"])
    print(f"{exported:,} cases exported by a dispatcher's login; median of {repeats} turn(s)")
    print(table("seconds", ["format", "export", "COPY floor", "x floor", "MB"], rows))
    print(f"this process: {before:.0f} MB with the export's modules loaded, peak {peak:.0f} MB"
          f" over the exports (the rows are streamed, never all held: the files are"
          f" {sizes['csv'] / 2**20:.0f} to {sizes['open311-xml'] / 2**20:.0f} MB)")


if __name__ == "__main__":
    run_alone(run, __doc__)
