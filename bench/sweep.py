"""The escalation sweep over 50,000 open cases: the cost of one sweep (the first,
which issues the ladder's orders, and one with nothing left to issue), its pages and
their longest transaction, the longest the event-id lock was held by a page's
statement, how long the seat's own event loop stood still while the sweep ran on its
worker thread (and, for comparison, on the loop itself), and saves made at the same
time by raw SQL beside the same saves with no sweep running (the floor). Floor of the
sweep itself: raw psycopg reading the same open cases in one statement.

    python -m bench.sweep [--quick]
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import threading
import time
import uuid
from typing import Any

from bench._cli import run_alone
from bench._db import scratch_database
from bench._stats import ms, spread_row, table
from bench.map_read import Stalls, _fill
from db.engine import libpq_target

RAW_OPEN = """
SELECT id, coalesce(unit_due_at, due_at), coalesce(unit_clock_at, accepted_at, created_at)
FROM "case" WHERE status = ANY(%s) AND imported_from IS NULL ORDER BY 2, 1
"""


class Saver:
    """Saves a minimal case and its event by raw SQL, one after another, on a thread
    of its own, until stopped: the time of each save."""

    def __init__(self, url: str) -> None:
        self._url = url
        self.times: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-saver")

    def _run(self) -> None:
        with libpq_target(self._url).connect() as conn:
            category = conn.execute("SELECT id FROM category WHERE level = 3 LIMIT 1"
                                    ).fetchone()[0]  # type: ignore[index]
            conn.commit()
            while not self._stop.is_set():
                case_id = uuid.uuid4()
                started = time.perf_counter()
                conn.execute(
                    'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                    " status, created_by, due_at) VALUES (%s, %s, 'web', 'saver', %s, 'C',"
                    " 'accepted', 'saver', now() + interval '3 days')",
                    (case_id, f"SAVE-{case_id.hex[:12]}", category))
                conn.execute("INSERT INTO case_event (case_id, actor, kind) VALUES"
                             " (%s, 'saver', 'created')", (case_id,))
                conn.commit()
                self.times.append(time.perf_counter() - started)
                time.sleep(0.01)

    def __enter__(self) -> Saver:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


class Timings(logging.Handler):
    """The pages' and batches' times the timed sweeper process logs after each sweep."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[float] = []
        self.batches: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        got = json.loads(record.getMessage())
        self.pages, self.batches = got["pages"], got["batches"]

    def __enter__(self) -> Timings:
        logging.getLogger("bench.sweep_timings").addHandler(self)
        logging.getLogger("bench.sweep_timings").setLevel(logging.INFO)
        return self

    def __exit__(self, *_exc: object) -> None:
        logging.getLogger("bench.sweep_timings").removeHandler(self)


def _memory_mb(pid: int) -> tuple[float, float]:
    """A process's resident size and its proportional share (PSS), in MB."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                fields[name] = int(rest.split()[0])
    return fields["Rss"] / 1024, fields["Pss"] / 1024


def _on_a_thread(url: str, calendar: Any) -> Any:
    """The sweep as the seat ran it before its process: on a thread with its own loop."""
    from console.core.store import Store
    from console.supervision import sweeper

    async def sweep() -> Any:
        store = Store(url, "bench-sweep")
        try:
            return await sweeper.sweep(store, calendar)
        finally:
            await store.close()

    return asyncio.run(sweep())


async def _measure(url: str) -> dict[str, Any]:
    from console.calendar.deadlines import load_calendar
    from console.core.store import Store
    from console.supervision import sweeper
    from console.supervision.sweep_worker import SweepWorker
    from db import schema as s

    out: dict[str, Any] = {}
    store = Store(url, "bench-sweep")
    worker = SweepWorker(url, "bench-sweep", child="bench._sweep_child_timed")
    try:
        calendar = await load_calendar(store)
        async with await libpq_target(url).connect_async() as conn:
            started = time.perf_counter()
            rows = await (await conn.execute(RAW_OPEN, (list(s.OPEN_STATUSES),))).fetchall()
            out["raw"] = time.perf_counter() - started
            out["open"] = len(rows)
        with Timings() as timings, Saver(url) as saves:
            async with Stalls() as stalls:
                started = time.perf_counter()
                first = await worker.sweep(calendar)
                out["first"] = time.perf_counter() - started
        assert worker.pid is not None
        out["child_mb"] = _memory_mb(worker.pid)
        out["first_stall"], out["first_saves"] = stalls.longest, saves.times
        out["issued"], out["pages"] = len(first.issued), len(timings.pages)
        out["page_max"] = max(timings.pages)
        out["statement_max"] = max(timings.batches, default=0.0)
        with Timings() as timings, Saver(url) as saves:
            async with Stalls() as stalls:
                started = time.perf_counter()
                again = await worker.sweep(calendar)
                out["again"] = time.perf_counter() - started
        out["again_stall"], out["again_saves"] = stalls.longest, saves.times
        out["again_issued"], out["again_page_max"] = len(again.issued), max(timings.pages)
        async with Stalls() as stalls:  # on a thread of this process, as before
            started = time.perf_counter()
            await asyncio.to_thread(_on_a_thread, url, calendar)
            out["on_thread"] = time.perf_counter() - started
        out["on_thread_stall"] = stalls.longest
        async with Stalls() as stalls:  # the same sweep on this loop: what it used to hold
            started = time.perf_counter()
            await sweeper.sweep(store, calendar)
            out["on_loop"] = time.perf_counter() - started
        out["on_loop_stall"] = stalls.longest
        with Saver(url) as saves:
            async with Stalls() as stalls:  # the floor: nothing runs
                await asyncio.sleep(max(out["again"], 2.0))
        out["idle_saves"], out["idle_stall"] = saves.times, stalls.longest
    finally:
        await worker.close()
        await store.close()
    return out


def run(quick: bool = False) -> None:
    count = 5_000 if quick else 50_000
    with scratch_database("sweep") as url:
        _fill(url, count)
        # As the seat's collector leaves the heap after its first full collection
        # (widgets/shell/gui_gc.py): what lives now is frozen, later ones walk the rest.
        gc.collect()
        gc.freeze()
        try:
            got = asyncio.run(_measure(url))
        finally:
            gc.unfreeze()
    print(f"\n== Sweep: {got['open']:,} open cases (pages of 2,000, orders 20 a transaction) ==")
    print(table("Cost (ms)", ["", "ms"], [
        ["floor: raw psycopg reads the open cases' clocks in one statement", ms(got["raw"])],
        [f"first sweep: {got['issued']:,} orders in {got['pages']} pages", ms(got["first"])],
        ["  its longest page (one transaction)", ms(got["page_max"])],
        ["  its longest batch of orders (the event-id lock is held less, until the commit)",
         ms(got["statement_max"])],
        [f"next sweep ({got['again_issued']} orders)", ms(got["again"])],
        ["  its longest page", ms(got["again_page_max"])],
    ]))
    rss, pss = got["child_mb"]
    print(f"The sweeper process after the first sweep: {rss:.0f} MB resident,"
          f" {pss:.0f} MB its proportional share (PSS)")
    print(table("The seat's event loop stood still (ms, longest)", ["", "ms"], [
        ["floor: no sweep (a saver thread only)", ms(got["idle_stall"])],
        ["first sweep, in the sweeper process", ms(got["first_stall"])],
        ["next sweep, in the sweeper process", ms(got["again_stall"])],
        ["next sweep on a thread of the seat (before: issue 16's first step)",
         ms(got["on_thread_stall"])],
        ["next sweep run on the loop itself", ms(got["on_loop_stall"])],
    ]))
    print(table("Saves by raw SQL meanwhile (ms)", ["", "p50", "p90", "p99", "max"], [
        spread_row(f"floor: no sweep ({len(got['idle_saves'])} saves)", got["idle_saves"]),
        spread_row(f"during the first sweep ({len(got['first_saves'])})", got["first_saves"]),
        spread_row(f"during the next sweep ({len(got['again_saves'])})", got["again_saves"]),
    ]))


if __name__ == "__main__":
    run_alone(run, __doc__)
