"""A seat's memory with many open cases: resident set size (RSS) of a seat with the
main window and every pane loaded, at rest and then every few seconds while new
cases arrive (200 a minute, saved by another seat through the same service as the
call screen), beside the floor measured in the same run: the same seat on a database
with no case. Each seat is a process of its own (bench/_memory_seat.py). The growth is
also given per 1,000 cases that arrived (a least-squares slope over the readings after
the first minute): flat is about zero, whatever the rate.

    python -m bench.seat_memory [--quick] [--minutes N] [--per-minute R] [--trace]

An hour of arriving cases, accelerated: ``--per-minute 1000 --minutes 12`` brings the
12,000 cases of an hour at 200 a minute in twelve minutes.

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
import time
import uuid
from pathlib import Path

import psycopg

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


def open_cases(url: str, count: int) -> None:
    """``count`` of the demo generator's cases (bench._bulk), all made open again."""
    subprocess.run([sys.executable, "-m", "bench._bulk", str(count)], check=True, cwd=ROOT,
                   env={**os.environ, "BENCH_BULK_URL": url}, stdout=subprocess.DEVNULL)
    with libpq_target(url).connect(autocommit=True) as conn:
        for statement in REOPEN.split(";"):
            if statement.strip():
                conn.execute(statement)  # type: ignore[call-overload,unused-ignore]
        conn.execute('VACUUM ANALYZE "case"')


# The centre at a steady state closes as many cases as arrive: with each new case the
# oldest of the bulk's open cases is closed (rewritten by the owner, as REOPEN made them
# open), with an event that wakes the seats as a move's would.
CLOSE_ONE = """
UPDATE "case" SET status = 'closed', resolved_at = now(), closed_at = now()
WHERE id = (SELECT id FROM "case" WHERE status = 'in_progress' AND imported_from IS NULL
            AND text NOT LIKE '基准来件%' ORDER BY created_at, id LIMIT 1)
RETURNING id
"""
CLOSED_EVENT = "INSERT INTO case_event (case_id, actor, kind) VALUES (%s, 'bench', 'close')"


def _close_one(conn: psycopg.Connection) -> None:
    with conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")  # no move checks
        row = conn.execute(CLOSE_ONE).fetchone()
        conn.execute("SET LOCAL session_replication_role = origin")  # the event's trigger
        if row is not None:
            conn.execute(CLOSED_EVENT, (row[0],))


async def _arrivals(url: str, stop: threading.Event, per_minute: int, made: list[int],
                    closing: bool) -> None:
    """New cases at ``per_minute``, through intake.create_case as a call screen saves;
    ``made[0]`` counts them as they come. ``closing``: as many old ones closed."""
    from console.catalog.catalog import load_catalog
    from console.core.errors import DatabaseBusy
    from console.core.store import Store
    from console.hotline.intake import CaseDraft, create_case

    store = Store(url, "bench_arrivals")
    gap = 60 / per_minute
    closer = libpq_target(url).connect(autocommit=True) if closing else None
    try:
        catalog = await load_catalog(store)
        leaves = [c for c in catalog.categories.values() if c.is_leaf and c.active]
        cells = list(catalog.grid_cells.values())
        rng = random.Random(16)
        due = time.monotonic()
        while not stop.is_set():
            cell = rng.choice(cells)
            try:
                await create_case(store, catalog, CaseDraft(
                    id=uuid.uuid4(), channel="phone_12345", caller_phone=f"139{made[0]:08d}",
                    text=f"基准来件 {made[0]}", address="坪山区",
                    category_id=rng.choice(leaves).id, street_code=cell.street_code,
                    community_code=cell.community_code, grid_code=cell.code))
                made[0] += 1
                if closer is not None:
                    await asyncio.to_thread(_close_one, closer)
            except DatabaseBusy:  # a sweep held the event lock past the timeout: next one
                pass
            due += gap  # at the rate asked for, however long a save took
            await asyncio.sleep(max(0.0, due - time.monotonic()))
    finally:
        await store.close()
        if closer is not None:
            closer.close()


def _seat(url: str, minutes: float, every_s: float, trace: bool, per_minute: int,
          closing: bool = True) -> list[dict]:
    """Run a seat; cases arrive from its 'ready' until it ends (none when
    ``per_minute`` is 0). Its JSON lines, each reading with the cases arrived by then."""
    args = [sys.executable, "-m", "bench._memory_seat", url, str(minutes), str(every_s)]
    child = subprocess.Popen([*args, *(["--trace"] if trace else [])], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    lines: list[dict] = []
    stop = threading.Event()
    made = [0]
    writer: threading.Thread | None = None
    for line in child.stdout:
        if line.startswith("trace"):
            print(line.rstrip())
            continue
        if not line.startswith("{"):
            continue
        fields = json.loads(line)
        if fields.get("ready") and per_minute:
            writer = threading.Thread(
                target=lambda: asyncio.run(_arrivals(url, stop, per_minute, made, closing)))
            writer.start()
        elif "rss" in fields:  # a reading, or the end's (unfrozen) one
            lines.append({**fields, "arrived": made[0]})
    stop.set()
    if writer is not None:
        writer.join()
    if child.wait():
        raise RuntimeError(f"the seat failed ({child.returncode})")
    return lines


def _heap(reading: dict) -> str:
    """glibc's heap at a reading (in use, held free, mapped apart) and where the
    resident set lies (files, the main heap, anonymous maps)."""
    heap, parts = reading.get("heap") or {}, reading.get("parts") or {}
    return ((f"malloc used {heap['used']:.0f} free {heap['free']:.0f} mmap {heap['mmap']:.0f}"
             if heap else "")
            + (f"; rss files {parts['files']:.0f} heap {parts['heap']:.0f} anon {parts['anon']:.0f}"
               if parts else ""))


def slope_per_1000(readings: list[dict]) -> float | None:
    """MB per 1,000 arrived cases, least squares over the readings after the first
    minute (the first minute's reads warm caches of a fixed size)."""
    later = [x for x in readings if x["at"] >= 1.0]
    if len(later) < 2 or later[-1]["arrived"] == later[0]["arrived"]:
        return None
    xs, ys = [x["arrived"] / 1000 for x in later], [x["rss"] for x in later]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
            / sum((x - mx) ** 2 for x in xs))


def run(quick: bool = False, minutes: float | None = None, trace: bool = False,
        per_minute: int = PER_MINUTE, closing: bool = True) -> None:
    count = 5_000 if quick else 50_000
    minutes = minutes if minutes is not None else (2 if quick else 10)
    every_s = 15.0 if minutes <= 3 else 30.0 if minutes <= 15 else 60.0
    print(f"\n== Seat memory, {count} open cases, {minutes:g} minutes of"
          f" {per_minute} new cases a minute"
          + (" (as many old ones closed) ==" if closing else " (none closed) =="))
    with scratch_database("memfloor") as floor_url:
        load_reference_data(floor_url)
        floor = _seat(floor_url, 0, every_s, False, 0)
    with scratch_database("memory") as url:
        open_cases(url, count)
        lines = _seat(url, minutes, every_s, trace, per_minute, closing)
    rest = next(x["rss"] for x in lines if x.get("at") == 0.0 and "unfrozen" not in x)
    print(f"floor: a seat with no case, at rest     {floor[0]['rss']:8.1f} MB")
    print(f"seat with {count} open cases, at rest  {rest:8.1f} MB  {_heap(lines[0])}")
    for x in lines:
        if "unfrozen" in x:
            print(f"  at the end, everything unfrozen ({x['unfrozen']:,} objects) and a full"
                  f" collection ({x['freed']:,} freed): {x['rss']:8.1f} MB")
        elif x.get("at"):
            print(f"  after {x['at']:5.1f} min, {x['arrived']:6,} cases arrived"
                  f"  {x['rss']:8.1f} MB  ({x['rss'] - rest:+.1f})  {_heap(x)}")
    slope = slope_per_1000([x for x in lines if x.get("at") and "unfrozen" not in x])
    print("growth per 1,000 arrived cases after the first minute: "
          + ("-" if slope is None else f"{slope:+.2f} MB"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 open cases, two minutes")
    parser.add_argument("--minutes", type=float, default=None,
                        help="how long cases arrive (default 10; an hour: 60)")
    parser.add_argument("--per-minute", type=int, default=PER_MINUTE,
                        help=f"cases arriving a minute (default {PER_MINUTE}; an hour's in"
                        " twelve minutes: 1000 with --minutes 12)")
    parser.add_argument("--trace", action="store_true",
                        help="tracemalloc's biggest holders and growths (slow; to find what"
                        " holds memory)")
    parser.add_argument("--none-closed", action="store_true",
                        help="the open cases grow by every arrival (none closed meanwhile)")
    ns = parser.parse_args()
    run(ns.quick, ns.minutes, ns.trace, ns.per_minute, not ns.none_closed)
