"""Seat-to-seat latency: seat A saves cases with console.intake.create_case; seat B
is the live queue as the main window wires it (Listener -> ChangeFeed ->
CaseTableModel shown in a QTableView) on the qasync loop. For each case we time
A's commit returning -> the case id in B's model, one case at a time.

Both seats live in this process, each with its own engine and Store; B has its
own LISTEN connection. Raw psycopg floors are measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid

from bench import _floors
from bench._db import scratch_database
from bench._qt import expect, run_on_qt
from bench._stats import percentile, spread_row, table
from console import demo
from console.catalog import Catalog, load_catalog
from console.feed import ChangeFeed, Event
from console.intake import CaseDraft, create_case
from console.queue import CaseFilter
from console.store import Store
from db.listen import Listener

WARM_UP = 5
SEEN_TIMEOUT_S = 5.0


class ReceivingSeat:
    """Seat B. ``expect_case`` arms a watch; the model's signals resolve it."""

    def __init__(self, url: str) -> None:
        self.store = Store(url, "bench-seat-b")
        self.feed = ChangeFeed(self.store)
        self.listener = Listener(self.store.conninfo, self.feed.wake)
        self._target: uuid.UUID | None = None
        self._found: asyncio.Future[None] | None = None
        self.event_at = self.seen_at = 0.0

    async def start(self) -> None:
        from PySide6.QtWidgets import QTableView

        from widgets.case_model import CaseTableModel
        from widgets.tasks import TaskRunner

        await self.feed.start()
        self.runner = TaskRunner()
        self.model = CaseTableModel(self.store, await load_catalog(self.store), self.runner)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(1200, 700)
        self.view.show()
        loaded = expect(self.model.loaded)
        self.model.set_filter(CaseFilter())
        await loaded
        for signal in (self.model.rowsInserted, self.model.layoutChanged,
                       self.model.modelReset):
            signal.connect(self._check)
        self.feed.subscribe(self.model.apply_events)  # as MainWindow does
        self.feed.subscribe(self._on_events)          # a timestamp, after the model
        self.listener.start()
        await self.listener.connected.wait()
        await asyncio.sleep(0.2)
        await self.feed.idle.wait()

    def expect_case(self, case_id: uuid.UUID) -> asyncio.Future[None]:
        self._target, self.event_at, self.seen_at = case_id, 0.0, 0.0
        self._found = asyncio.get_running_loop().create_future()
        return self._found

    def _on_events(self, events: list[Event]) -> None:
        if not self.event_at and any(e.case_id == self._target for e in events):
            self.event_at = time.perf_counter()

    def _check(self, *_args: object) -> None:
        if (self._found is not None and not self._found.done() and self._target is not None
                and self.model.row_of(self._target) is not None):
            self.seen_at = time.perf_counter()
            self._found.set_result(None)

    async def stop(self) -> None:
        await self.listener.stop()
        await self.runner.cancel_all()
        self.view.close()
        await self.store.close()


def _drafts(catalog: Catalog) -> tuple[int, str]:
    """A level-3 category and a grid cell from the demo catalog."""
    leaf = min((c for c in catalog.categories.values() if c.is_leaf and c.active),
               key=lambda c: c.code)
    cell = min(catalog.grid_cells)
    return leaf.id, cell


class Samples:
    def __init__(self) -> None:
        self.write: list[float] = []         # A: create_case call -> commit returned
        self.to_event: list[float] = []      # A commit returned -> event at B's feed
        self.event_to_row: list[float] = []  # event at B's feed -> id in B's model
        self.total: list[float] = []         # A commit returned -> id in B's model
        self.missed = 0
        self.queue_rows = (0, 0)


async def _measure(url: str, count: int, preload: int) -> tuple[Samples, dict]:
    seat_a = Store(url, "bench-seat-a")
    await demo.load_reference_data(seat_a)
    await demo.generate_cases(seat_a, count=preload)
    catalog = await load_catalog(seat_a)
    category_id, cell = _drafts(catalog)
    seat_b = ReceivingSeat(url)
    await seat_b.start()
    out = Samples()
    before = seat_b.model.rowCount()
    for i in range(WARM_UP + count):
        draft = CaseDraft(caller_phone=f"1380013{i % 200:04d}", text=f"基准测试 {i}：路灯不亮",
                          address=f"坪山大道 {i} 号", grid_code=cell, category_id=category_id)
        found = seat_b.expect_case(draft.id)
        start = time.perf_counter()
        await create_case(seat_a, catalog, draft)
        committed = time.perf_counter()
        try:
            await asyncio.wait_for(found, SEEN_TIMEOUT_S)
        except TimeoutError:
            out.missed += 1
            continue
        if i >= WARM_UP:
            out.write.append(committed - start)
            out.to_event.append(seat_b.event_at - committed)
            out.event_to_row.append(seat_b.seen_at - seat_b.event_at)
            out.total.append(seat_b.seen_at - committed)
    out.queue_rows = (before, seat_b.model.rowCount())
    await seat_b.stop()
    await seat_a.close()
    floors = {
        "notify": await _floors.notify_round_trip(seat_a.conninfo, count),
        "write": await _floors.insert_commit_read(seat_a.conninfo, count, category_id),
    }
    return out, floors


def run(quick: bool = False) -> None:
    count, preload = (50, 1000) if quick else (500, 4000)
    print(f"\n== Seat-to-seat latency: {count} cases, one at a time "
          f"(+{WARM_UP} warm-up), over {preload} demo cases ==")
    with scratch_database("latency") as url:
        samples, floors = run_on_qt(lambda: _measure(url, count, preload))
        conninfo = Store(url, "bench").conninfo
        plain = _floors.notify_round_trip_plain_asyncio(conninfo, count)
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
    if s.total and w.commit_to_read:
        ratios = [percentile(s.total, p) / max(percentile(w.commit_to_read, p), 1e-9)
                  for p in (50, 99)]
        print(f"ratio seat-to-seat / raw commit->event read: p50 x{ratios[0]:.1f},"
              f" p99 x{ratios[1]:.1f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    run(parser.parse_args(argv).quick)


if __name__ == "__main__":
    main()
