"""A seat's memory with many open cases: resident set size (RSS) of a seat with the
main window and every pane loaded, at rest and each minute while new cases arrive
(200 a minute, saved by another seat through the same service as the call screen),
beside the floor measured in the same run: the same seat on a database with no case.
Each seat is a process of its own (bench/_memory_seat.py).

    python -m bench.seat_memory [--quick] [--minutes N] [--trace]

The open cases are the demo generator's (bench._bulk), all made open again with
deadlines from two days overdue to eight days ahead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from bench._db import load_reference_data, scratch_database
from db.engine import libpq_target

ROOT = Path(__file__).resolve().parent.parent
PER_MINUTE = 200

REOPEN = """
SET session_replication_role = replica;  -- the owner's rewrite: no moves, no events
UPDATE "case" SET status = 'in_progress', resolved_at = NULL, closed_at = NULL,
  first_resolved_at = NULL, due_at = now() + (random() * 10 - 2) * interval '1 day',
  unit_due_at = now() + (random() * 10 - 2) * interval '1 day',
  unit_clock_at = now() - interval '1 day'
WHERE imported_from IS NULL;
"""


def _open_cases(url: str, count: int) -> None:
    subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True, cwd=ROOT,
                   env={**os.environ, "BENCH_BULK_URL": url}, stdout=subprocess.DEVNULL)
    with libpq_target(url).connect(autocommit=True) as conn:
        for statement in REOPEN.split(";"):
            if statement.strip():
                conn.execute(statement)  # type: ignore[call-overload]
        conn.execute('VACUUM ANALYZE "case"')


async def _arrivals(url: str, stop: threading.Event) -> int:
    """New cases at PER_MINUTE, through intake.create_case as a call screen saves."""
    from console.catalog.catalog import load_catalog
    from console.core.errors import DatabaseBusy
    from console.core.store import Store
    from console.hotline.intake import CaseDraft, create_case

    store = Store(url, "bench_arrivals")
    made = 0
    try:
        catalog = await load_catalog(store)
        leaves = [c for c in catalog.categories.values() if c.is_leaf and c.active]
        cells = list(catalog.grid_cells.values())
        rng = random.Random(16)
        while not stop.is_set():
            cell = rng.choice(cells)
            try:
                await create_case(store, catalog, CaseDraft(
                    id=uuid.uuid4(), channel="phone_12345", caller_phone=f"139{made:08d}",
                    text=f"基准来件 {made}", address="坪山区",
                    category_id=rng.choice(leaves).id, street_code=cell.street_code,
                    community_code=cell.community_code, grid_code=cell.code))
                made += 1
            except DatabaseBusy:  # a sweep held the event lock past the timeout: next one
                pass
            await asyncio.sleep(60 / PER_MINUTE)
    finally:
        await store.close()
    return made


def _seat(url: str, minutes: float, trace: bool, arrivals: bool) -> list[dict]:
    """Run a seat; cases arrive from its 'ready' until it ends. Its JSON lines."""
    args = [sys.executable, "-m", "bench._memory_seat", url, str(minutes)]
    child = subprocess.Popen([*args, *(["--trace"] if trace else [])], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    lines: list[dict] = []
    stop = threading.Event()
    made: list[int] = []
    writer: threading.Thread | None = None
    for line in child.stdout:
        if line.startswith("trace"):
            print(line.rstrip())
            continue
        if not line.startswith("{"):
            continue
        fields = json.loads(line)
        if fields.get("ready") and arrivals:
            writer = threading.Thread(
                target=lambda: made.append(asyncio.run(_arrivals(url, stop))))
            writer.start()
        elif "rss" in fields:
            lines.append(fields)
    stop.set()
    if writer is not None:
        writer.join()
    if child.wait():
        raise RuntimeError(f"the seat failed ({child.returncode})")
    if made:
        lines.append({"arrived": made[0]})
    return lines


def run(quick: bool = False, minutes: float | None = None, trace: bool = False) -> None:
    count = 5_000 if quick else 50_000
    minutes = minutes if minutes is not None else (1 if quick else 5)
    print(f"\n== Seat memory, {count} open cases, {minutes:g} minutes of"
          f" {PER_MINUTE} new cases a minute ==")
    with scratch_database("memfloor") as floor_url:
        load_reference_data(floor_url)
        floor = _seat(floor_url, 0, False, arrivals=False)
    with scratch_database("memory") as url:
        _open_cases(url, count)
        lines = _seat(url, minutes, trace, arrivals=True)
    rest = next(x["rss"] for x in lines if x.get("at") == 0.0)
    print(f"floor: a seat with no case, at rest     {floor[0]['rss']:8.1f} MB")
    print(f"seat with {count} open cases, at rest  {rest:8.1f} MB")
    for x in lines:
        if x.get("at"):
            print(f"  after {x['at']:4.0f} min of arriving cases   {x['rss']:8.1f} MB"
                  f"  ({x['rss'] - rest:+.1f})")
    arrived = next((x["arrived"] for x in lines if "arrived" in x), 0)
    print(f"cases that arrived: {arrived}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 open cases, one minute")
    parser.add_argument("--minutes", type=float, default=None,
                        help="how long cases arrive (default 5; an hour: 60)")
    parser.add_argument("--trace", action="store_true",
                        help="tracemalloc's biggest holders and growths (slow; to find what"
                        " holds memory)")
    ns = parser.parse_args()
    run(ns.quick, ns.minutes, ns.trace)
