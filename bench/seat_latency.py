"""Seat-to-seat latency: seat A saves cases with console.intake.create_case; seat B
is the live queue as the main window wires it (Listener -> ChangeFeed ->
CaseTableModel shown in a QTableView) on the qasync loop. For each case we time
A's commit returning -> the case id in B's model, one case at a time; then a
burst of cases written back to back.

Both seats live in this process, each with its own engine and Store; B has its
own LISTEN connection. Raw psycopg floors are measured in the same run.
"""

from __future__ import annotations

import asyncio
import time

from bench import _floors
from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import run_on_qt
from bench._seat import ReceivingSeat
from bench._stats import ms, percentile, spread_row, table
from console.catalog.catalog import Catalog, load_catalog
from console.core.store import Store
from console.demodata import demo
from console.hotline.intake import CaseDraft, create_case
from db.engine import libpq_target

WARM_UP = 5
PAUSE_S = 0.03  # after B settles, so B's row fetch and repaint do not delay A's next write
SEEN_TIMEOUT_S = 5.0


class Samples:
    """Per-case timings in seconds, plus the burst's summary."""

    def __init__(self) -> None:
        self.write: list[float] = []         # A: create_case call -> commit returned
        self.to_event: list[float] = []      # A commit returned -> event at B's feed
        self.event_to_row: list[float] = []  # event at B's feed -> id in B's model
        self.total: list[float] = []         # A commit returned -> id in B's model
        self.missed = 0
        self.queue_rows = (0, 0)
        self.burst: dict[str, float] = {}


class Writer:
    """Seat A: valid drafts for a level-3 category and a grid cell of the demo catalog."""

    def __init__(self, store: Store, catalog: Catalog) -> None:
        self.store, self.catalog, self.n = store, catalog, 0
        self.category_id = min((c for c in catalog.categories.values()
                                if c.is_leaf and c.active), key=lambda c: c.code).id
        self.cell = min(catalog.grid_cells)

    def draft(self) -> CaseDraft:
        self.n += 1
        return CaseDraft(caller_phone=f"1380013{self.n % 200:04d}",
                         text=f"基准测试 {self.n}：路灯不亮", address=f"坪山大道 {self.n} 号",
                         grid_code=self.cell, category_id=self.category_id)

    async def create(self, draft: CaseDraft) -> float:
        """Save the draft; the moment the commit returned."""
        await create_case(self.store, self.catalog, draft)
        return time.perf_counter()


async def _one_at_a_time(a: Writer, b: ReceivingSeat, count: int, out: Samples) -> None:
    for i in range(WARM_UP + count):
        await b.settle(PAUSE_S)
        draft = a.draft()
        seen = b.watch([draft.id])
        start = time.perf_counter()
        committed = await a.create(draft)
        try:
            await asyncio.wait_for(seen, SEEN_TIMEOUT_S)
        except TimeoutError:
            out.missed += 1
            continue
        if i >= WARM_UP:
            delivered, shown = b.delivered[draft.id], b.seen[draft.id]
            out.write.append(committed - start)
            out.to_event.append(delivered - committed)
            out.event_to_row.append(shown - delivered)
            out.total.append(shown - committed)


async def _burst(a: Writer, b: ReceivingSeat, count: int, out: Samples) -> None:
    """``count`` cases back to back, as several busy seats would write them."""
    await asyncio.sleep(0.5)
    drafts = [a.draft() for _ in range(count)]
    seen = b.watch(d.id for d in drafts)
    commits = [await a.create(d) for d in drafts]
    await asyncio.wait_for(seen, 30)
    shown = [b.seen[d.id] for d in drafts]
    out.burst = {"writing": commits[-1] - commits[0], "first": shown[0] - commits[0],
                 "last": shown[-1] - commits[-1], "updates": len(set(shown))}


async def _measure(url: str, count: int, preload: int, burst: int) -> tuple[Samples, dict]:
    store_a = Store(url, "bench-seat-a")
    await demo.load_reference_data(store_a)
    await demo.generate_cases(store_a, count=preload)
    writer = Writer(store_a, await load_catalog(store_a))
    seat_b = ReceivingSeat(url)
    await seat_b.start()
    out = Samples()
    before = seat_b.model.rowCount()
    await _one_at_a_time(writer, seat_b, count, out)
    await _burst(writer, seat_b, burst, out)
    out.queue_rows = (before, seat_b.model.rowCount())
    await seat_b.stop()
    await store_a.close()
    floors = {
        "notify": await _floors.notify_round_trip(store_a.libpq, count),
        "write": await _floors.insert_commit_read(store_a.libpq, count, writer.category_id),
    }
    return out, floors


def run(quick: bool = False) -> None:
    count, preload, burst = (50, 1000, 20) if quick else (500, 4000, 100)
    print(f"\n== Seat-to-seat latency: {count} cases one at a time (+{WARM_UP} warm-up,"
          f" each {PAUSE_S * 1000:.0f} ms after B settled), then {burst} back to back;"
          f" over {preload} demo cases ==")
    with scratch_database("latency") as url:
        samples, floors = run_on_qt(lambda: _measure(url, count, preload, burst))
        plain = _floors.notify_round_trip_plain_asyncio(libpq_target(url), count)
    _report(samples, floors, plain)


def _report(s: Samples, floors: dict, plain: _floors.NotifyFloor) -> None:
    header = ["ms", "p50", "p90", "p99", "max"]
    print(f"seat B queue (open cases): {s.queue_rows[0]} rows before, {s.queue_rows[1]} after;"
          f" missed (not seen within {SEEN_TIMEOUT_S:.0f} s): {s.missed}")
    print(table("Product path (qasync loop)", header, [
        spread_row("A create_case: call -> commit returned", s.write),
        spread_row("A commit -> event delivered by B's feed", s.to_event),
        spread_row("B feed event -> id in B's model", s.event_to_row),
        spread_row("A commit -> id in B's model (seat-to-seat)", s.total),
    ]))
    w = floors["write"]
    print(table("Raw psycopg 3 floor", header, [
        spread_row("NOTIFY send -> LISTEN receipt (qasync)", floors["notify"].send_to_receipt),
        spread_row("NOTIFY send -> LISTEN receipt (plain asyncio)", plain.send_to_receipt),
        spread_row("raw INSERT case+event: BEGIN -> COMMIT", w.commit),
        spread_row("raw COMMIT returned -> NOTIFY receipt", w.commit_to_notify),
        spread_row("raw COMMIT returned -> event read back", w.commit_to_read),
    ]))
    b = s.burst
    print(f"burst: {b['updates']:.0f} model update(s) for the cases written in"
          f" {ms(b['writing'])} ms; first case seen {ms(b['first'])} ms after its commit,"
          f" last case {ms(b['last'])} ms after its commit")
    if s.total and w.commit_to_read:
        ratios = [percentile(s.total, p) / max(percentile(w.commit_to_read, p), 1e-9)
                  for p in (50, 99)]
        print(f"ratio seat-to-seat / raw commit->event read: p50 x{ratios[0]:.1f},"
              f" p99 x{ratios[1]:.1f}")


if __name__ == "__main__":
    run_alone(run, __doc__)
