"""Intake at many seats at once: 10 and 50 seats, each a process of its own with its
own connection, save cases through the real save path (``console.hotline.intake
.create_case`` as an operator's login) for a while. Printed: cases a second, the
save's time (p50, p99), client CPU per case and how often the centre's backends
stood waiting on a lock; beside the floor of the same number of raw psycopg
connections inserting a minimal case and its event in one transaction (the same
tables and triggers, as the owner), measured in the same run.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.synchronize import Event as MpEvent
from queue import Empty
from typing import Any

from bench._cli import run_alone
from bench._db import load_reference_data, scratch_database
from bench._intake_probes import WHERE, round_trips, where_row
from bench._stats import ms, percentile, table
from db.engine import libpq_target, normalise_url

SEATS = (10, 50)
WARM_UP = 3
LOGIN = f"hc_bench_intake_{os.getpid()}"


@dataclass
class Run:
    """What the seats of one run did in its window."""

    seats: int
    seconds: float
    saves: list[float] = field(default_factory=list)  # each save's time, s
    cpu: float = 0.0  # the seats' own CPU time in the window, s
    errors: int = 0
    lock_waits: float = 0.0  # share of active backends' samples waiting on a lock
    # Where the seats' backends were, sampled: "active: <wait event>" ("active: CPU"
    # when waiting on nothing), "idle in transaction" (the seat's turn inside a save),
    # "idle" (between saves). Counts of samples.
    states: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return len(self.saves) / self.seconds if self.seconds else 0.0

    def row(self, name: str) -> list[str]:
        if not self.saves:
            return [name, "0", "-", "-", "-", "-", str(self.errors)]
        return [name, f"{self.rate:.0f}", ms(percentile(self.saves, 50)),
                ms(percentile(self.saves, 99)),
                ms(self.cpu / len(self.saves)), f"{self.lock_waits * 100:.0f} %",
                str(self.errors)]


def _category_and_cell(url: str) -> tuple[int, str]:
    """The first active leaf category by code (as bench/seat_latency.py saves) and
    the first grid cell."""
    category_id, _urgency, cell = _category_class_and_cell(url)
    return category_id, cell


def _auto_category_and_cell(url: str) -> tuple[int, str]:
    """The first active leaf category by code that goes out by itself to its owner
    unit (the save makes its dispatch move too), and the first grid cell."""
    with libpq_target(url).connect() as conn:
        category = conn.execute(
            "SELECT c.id FROM category c JOIN unit u ON u.id = c.owner_unit_id AND u.active"
            " WHERE c.active AND c.auto_dispatch AND NOT c.territorial AND NOT EXISTS"
            " (SELECT 1 FROM category k WHERE k.parent_id = c.id) ORDER BY c.code LIMIT 1"
        ).fetchone()
        cell = conn.execute("SELECT min(code) FROM grid_cell").fetchone()
    assert category is not None and cell is not None
    return int(category[0]), str(cell[0])


def _category_class_and_cell(url: str) -> tuple[int, str, str]:
    with libpq_target(url).connect() as conn:
        category = conn.execute(
            "SELECT c.id, c.urgency FROM category c WHERE c.active AND NOT EXISTS"
            " (SELECT 1 FROM category k WHERE k.parent_id = c.id) ORDER BY c.code LIMIT 1"
        ).fetchone()
        cell = conn.execute("SELECT min(code) FROM grid_cell").fetchone()
    assert category is not None and cell is not None
    return int(category[0]), str(category[1]), str(cell[0])


def _console_seat(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any) -> None:
    """One seat: its own Store (one connection), saving drafts one after another."""
    _console_saves(url, seat, go, stop_at, out, _category_and_cell)


def _console_auto_seat(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any) -> None:
    """The same in a category that goes out by itself: each save makes the dispatch
    move too, in the save's transaction."""
    _console_saves(url, seat, go, stop_at, out, _auto_category_and_cell)


def _console_saves(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any,
                   category_and_cell: Any) -> None:
    from console.catalog.catalog import load_catalog
    from console.core.store import Store
    from console.hotline.intake import CaseDraft, create_case

    async def main() -> None:
        store = Store(url, LOGIN)
        store.roles = frozenset({"operator"})
        try:
            catalog = await load_catalog(store)
            category_id, cell = category_and_cell(url)
            n = 0

            def draft() -> CaseDraft:
                nonlocal n
                n += 1
                return CaseDraft(caller_phone=f"139{seat:04d}{n % 10_000:04d}",
                                 text=f"基准测试 {seat}-{n}：路灯不亮",
                                 address=f"坪山大道 {n} 号", grid_code=cell,
                                 category_id=category_id)

            for _ in range(WARM_UP):
                await create_case(store, catalog, draft())
            out.put(("ready", seat))
            await asyncio.to_thread(go.wait)
            saves, errors = [], 0
            cpu = time.process_time()
            while time.time() < stop_at.value:
                start = time.perf_counter()
                try:
                    await create_case(store, catalog, draft())
                except Exception:  # counted and printed; the run goes on
                    errors += 1
                    continue
                saves.append(time.perf_counter() - start)
            out.put(("done", seat, saves, time.process_time() - cpu, errors))
        finally:
            await store.close()

    asyncio.run(main())


def _raw_seat(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any) -> None:
    """The floor: a minimal case and its event in one transaction by raw psycopg, as
    the owner (whose rows the staff's checks let through)."""
    _raw_saves(url, seat, go, stop_at, out, staff=False)


def _raw_staff_seat(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any) -> None:
    """The same raw statements as the operator: every check staff rows pass, the
    database's numbering; what the rules cost the server beside the floor."""
    _raw_saves(url, seat, go, stop_at, out, staff=True)


def _raw_saves(url: str, seat: int, go: MpEvent, stop_at: Any, out: Any, *,
               staff: bool) -> None:
    category_id, urgency, _cell = _category_class_and_cell(url)
    actor = "session_user" if staff else "'floor'"
    with libpq_target(url).connect() as conn:
        n = 0

        def save() -> None:
            nonlocal n
            n += 1
            case_id = uuid.uuid4()
            with conn.transaction():
                conn.execute(
                    'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                    " status, created_by, due_at) VALUES (%s, %s, 'web', 'floor', %s, %s,"
                    f" 'accepted', {actor}, now() + interval '3 days')",  # type: ignore[arg-type]
                    (case_id, None if staff else f"FLOOR-{case_id.hex[:20]}", category_id,
                     urgency))
                conn.execute("INSERT INTO case_event (case_id, actor, kind) VALUES"  # type: ignore[arg-type]
                             f" (%s, {actor}, 'created')", (case_id,))

        for _ in range(WARM_UP):
            save()
        out.put(("ready", seat))
        go.wait()
        saves, errors = [], 0
        cpu = time.process_time()
        while time.time() < stop_at.value:
            start = time.perf_counter()
            try:
                save()
            except Exception:
                errors += 1
                continue
            saves.append(time.perf_counter() - start)
        out.put(("done", seat, saves, time.process_time() - cpu, errors))


def _sample_lock_waits(url: str, stop: threading.Event, found: list[float],
                       states: Counter[str]) -> None:
    """Every 10 ms: of the bench database's active backends, how many wait on a lock;
    and where every backend of the run stood (``Run.states``)."""
    name = normalise_url(url).database
    waiting = active = 0
    with libpq_target(url).connect(autocommit=True) as conn:
        while not stop.is_set():
            rows = conn.execute(
                "SELECT CASE WHEN state = 'active' THEN 'active: ' || coalesce("
                " wait_event_type || ':' || wait_event, 'CPU') ELSE state END, count(*)"
                " FROM pg_stat_activity WHERE datname = %s AND backend_type = 'client backend'"
                " AND pid <> pg_backend_pid() GROUP BY 1", (name,)).fetchall()
            for state, count in rows:
                states[state] += count
                if state.startswith("active"):
                    active += count
                    waiting += count if state.startswith("active: Lock:") else 0
            time.sleep(0.01)
    found.append(waiting / active if active else 0.0)


def _reporting(seat_fn: Any, url: str, seat: int, go: MpEvent, stop_at: Any,
               out: Any) -> None:
    """Run one seat; a seat that fails says so, and the run stops."""
    try:
        seat_fn(url, seat, go, stop_at, out)
    except BaseException as exc:
        out.put(("failed", seat, repr(exc)))
        raise


def _run(seat_fn: Any, seats: int, url: str, seconds: float) -> Run:
    ctx = mp.get_context("fork")
    go, out, stop_at = ctx.Event(), ctx.Queue(), ctx.Value("d", 0.0)
    workers = [ctx.Process(target=_reporting, args=(seat_fn, url, i, go, stop_at, out),
                           daemon=True)
               for i in range(seats)]
    for w in workers:
        w.start()
    run = Run(seats, seconds)
    try:
        ready = 0
        while ready < seats:
            message = out.get(timeout=120)
            if message[0] == "failed":
                raise RuntimeError(f"seat {message[1]} failed: {message[2]}")
            ready += message[0] == "ready"
        stop, found, states = threading.Event(), [], Counter[str]()  # type: ignore[var-annotated]
        sampler = threading.Thread(target=_sample_lock_waits,
                                   args=(url, stop, found, states))
        stop_at.value = time.time() + seconds
        sampler.start()
        go.set()
        done = 0
        while done < seats:
            try:
                message = out.get(timeout=seconds + 120)
            except Empty:
                break
            if message[0] == "failed":
                raise RuntimeError(f"seat {message[1]} failed: {message[2]}")
            if message[0] == "done":
                done += 1
                run.saves += message[2]
                run.cpu += message[3]
                run.errors += message[4]
        stop.set()
        sampler.join()
        run.lock_waits = found[0] if found else 0.0
        run.states = dict(states)
    finally:
        go.set()
        for w in workers:
            w.join(timeout=10)
            if w.is_alive():
                w.kill()
    return run


def _make_login(url: str) -> str:
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {LOGIN}")  # type: ignore[arg-type]
        conn.execute(f"CREATE ROLE {LOGIN} LOGIN IN ROLE hotline_operator")  # type: ignore[arg-type]
    return normalise_url(url).set(username=LOGIN).render_as_string(hide_password=False)


def _drop_login(url: str) -> None:
    with libpq_target(url).connect(autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {LOGIN}")  # type: ignore[arg-type]


def run(quick: bool) -> None:
    seconds = 3.0 if quick else 10.0
    with scratch_database("intake") as url:
        load_reference_data(url)
        seat_url = _make_login(url)
        rows, where = [], []
        try:
            trips = round_trips(seat_url, LOGIN, _category_and_cell(url))
            auto_trips = round_trips(seat_url, LOGIN, _auto_category_and_cell(url))
            for seats in SEATS:
                floor = _run(_raw_seat, seats, url, seconds)
                staff = _run(_raw_staff_seat, seats, seat_url, seconds)
                console = _run(_console_seat, seats, seat_url, seconds)
                rows.append(console.row(f"{seats} seats, create_case"))
                rows.append(floor.row(f"{seats} seats, floor: raw case + event"))
                rows.append(staff.row(f"{seats} seats, the same raw SQL as the operator"))
                rows.append([f"{seats} seats, share of the floor",
                             f"{console.rate / floor.rate * 100:.0f} %" if floor.rate else "-",
                             "", "", "", "", ""])
                where += [where_row(f"{seats} seats, create_case", console.states),
                          where_row(f"{seats} seats, floor", floor.states)]
                if seats == SEATS[0]:
                    auto = _run(_console_auto_seat, seats, seat_url, seconds)
                    rows.append(auto.row(f"{seats} seats, create_case, dispatched by itself"))
                    where.append(where_row(f"{seats} seats, dispatched by itself",
                                           auto.states))
        finally:
            _drop_login(url)
    print()
    print(table(f"Intake, seats saving at once for {seconds:.0f} s each",
                ["run", "cases/s", "p50 ms", "p99 ms", "CPU ms/case", "lock waits",
                 "errors"], rows))
    print(f"create_case: {trips} round trips to the server per save (the floor: 4);"
          f" {auto_trips} when the category goes out by itself")
    print()
    print(table("Where the seats' backends were (share of samples every 10 ms)",
                ["run", *WHERE], where))


if __name__ == "__main__":
    run_alone(run, __doc__)
