"""One live update of the case queue while it holds many rows (issue 16), on a real
database: 20,000 and 50,000 held rows (5,000 and 20,000 quick), all statuses, newest
first (51,000 cases).

Two updates, each as the feed would bring it (the event naming the case is handed to
the model; the change is made first by the services or by SQL): a new case on top
(the oldest held row falls past the held count) and a held case in the middle that
changed in place. Printed: the update's wall time (``_requery``: the reads of the
named case, the probe for its place, the row signals) and the GUI loop's longest
stall (a 1 ms probe timer's largest gap), beside the floors: raw psycopg on an open
connection reading the same single case by id (its id and sort value), the least any
update that reads the changed case costs; and the same model re-reading every held
id (the update as it was before: ``_reread``), with raw psycopg reading the same ids;
and the stall of the same view when a bare model of ids inserts one row on top.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
import uuid
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QTableView

from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import run_on_qt, until
from bench._stats import ms, table
from console.casework.queue import CaseFilter
from console.catalog.catalog import load_catalog
from console.core.events import Event
from console.core.store import Store
from console.hotline.intake import CaseDraft, create_case
from db.engine import libpq_target
from widgets.casework.case_model import CaseTableModel
from widgets.common.tasks import TaskRunner

RUNS = 7
ALL = CaseFilter(statuses=None)


class Probe:
    """A 1 ms timer on the GUI loop; the largest gap between its ticks is the stall."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst, self.last = max(self.worst, now - self.last), now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst


class _Bare(QAbstractTableModel):
    """A list of ids and nothing else: what the view costs for one row on top."""

    def __init__(self, ids: list[uuid.UUID]) -> None:
        super().__init__()
        self.ids = ids

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return "…" if role == Qt.ItemDataRole.DisplayRole else None


async def _view_floor(held: int) -> float:
    """The GUI loop's stall for one row inserted on top of a bare model in the same view."""
    model = _Bare([uuid.uuid4() for _ in range(held)])
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    view.selectRow(100)
    await asyncio.sleep(0.05)
    stalls = []
    for _ in range(RUNS):
        probe = Probe()
        probe.start()
        model.beginInsertRows(QModelIndex(), 0, 0)
        model.ids.insert(0, uuid.uuid4())
        model.endInsertRows()
        await asyncio.sleep(0.03)  # the view lays out and paints
        stalls.append(probe.stop())
    view.close()
    return statistics.median(stalls)


def _named(case_id: uuid.UUID) -> list[Event]:
    """The feed's word that ``case_id`` changed (what the model reads of an event)."""
    return [Event(0, case_id, dt.datetime.now(dt.UTC), "bench", "edited", {})]


class _Raw:
    """The floor: one open psycopg connection reading one case's id and sort value."""

    def __init__(self, url: str) -> None:
        self.conn = libpq_target(url).connect()

    def one_case(self, case_id: uuid.UUID) -> float:
        start = time.perf_counter()
        self.conn.execute('SELECT id, created_at FROM "case" WHERE id = %s',
                          (case_id,)).fetchall()
        return time.perf_counter() - start

    def ids(self, held: int) -> float:
        start = time.perf_counter()
        self.conn.execute('SELECT id FROM "case" ORDER BY created_at DESC, id DESC LIMIT %s',
                          (held + 1,)).fetchall()
        return time.perf_counter() - start

    def touch(self, case_id: uuid.UUID) -> None:
        """A change in place, as a move that keeps the row where it is."""
        self.conn.execute('UPDATE "case" SET text = text || \'。\' WHERE id = %s', (case_id,))
        self.conn.commit()


async def _timed(model: CaseTableModel, update: Any) -> tuple[float, float]:
    """(wall, GUI stall) of one update, the view laid out and painted after it."""
    probe = Probe()
    probe.start()
    start = time.perf_counter()
    await update
    wall = time.perf_counter() - start
    await asyncio.sleep(0.03)
    return wall, probe.stop()


async def _one_size(url: str, held: int) -> list[list[str]]:
    store = Store(url, "bench")
    catalog = await load_catalog(store)
    category = min(c.id for c in catalog.categories.values() if c.is_leaf)
    cell = min(catalog.grid_cells)
    model = CaseTableModel(store, catalog, TaskRunner())  # no feed: the bench names cases
    model.page_size = held
    model.set_filter(ALL)
    await until(lambda: model.rowCount() == held and not model._query.busy)
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    view.selectionModel().setCurrentIndex(
        model.index(100, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    chosen = model.case_id(100)
    await asyncio.sleep(0.05)
    raw = _Raw(url)
    new_top: dict[str, list[float]] = {"wall": [], "stall": [], "floor": []}
    in_place: dict[str, list[float]] = {"wall": [], "stall": [], "floor": []}
    try:
        for run in range(RUNS + 1):
            made = await create_case(store, catalog, CaseDraft(
                caller_phone=f"1390000{run:04d}", text=f"基准测试 {run}：路灯不亮",
                address="坪山大道 1 号", grid_code=cell,
                category_id=category))
            model.apply_events(_named(made.id))
            wall, stall = await _timed(model, model._requery())
            assert model.case_id(0) == made.id and model.rowCount() == held
            assert model.case_id(view.currentIndex().row()) == chosen
            floor = raw.one_case(made.id)
            middle = model.case_id(held // 2)
            assert middle is not None
            raw.touch(middle)
            model.apply_events(_named(middle))
            wall2, stall2 = await _timed(model, model._requery())
            assert model.case_id(held // 2) == middle
            floor2 = raw.one_case(middle)
            if run:  # the first is a warm-up
                for out, values in ((new_top, (wall, stall, floor)),
                                    (in_place, (wall2, stall2, floor2))):
                    for key, value in zip(("wall", "stall", "floor"), values, strict=True):
                        out[key].append(value)
        # Every held id again, as the update was before.
        full: dict[str, list[float]] = {"wall": [], "stall": [], "floor": []}
        for _ in range(3):
            wall, stall = await _timed(model, model._reread(ALL, model._ids, held))
            full["wall"].append(wall)
            full["stall"].append(stall)
            full["floor"].append(raw.ids(held))
    finally:
        raw.conn.close()
        view.close()
        model.shutdown()
        await store.engine.dispose()

    view_floor = ms(await _view_floor(held))

    def row(name: str, got: dict[str, list[float]]) -> list[str]:
        return [f"{held:,}", name, ms(statistics.median(got["wall"])),
                ms(statistics.median(got["floor"])), ms(statistics.median(got["stall"])),
                ms(max(got["stall"])), view_floor]

    return [row("new case on top (live)", new_top), row("one changed in place (live)", in_place),
            row("every held id again (before)", full)]


def run(quick: bool = False) -> None:
    sizes = (5_000, 20_000) if quick else (20_000, 50_000)
    with scratch_database("queue_live") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(max(sizes) + 1000)],
                       check=True, cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        rows = [r for held in sizes for r in run_on_qt(partial(_one_size, url, held))]
    print()
    print(table(f"Case queue: one live update on a real database (all statuses, newest first), "
                f"median of {RUNS}",
                ["held rows", "update", "wall", "floor: raw psycopg, same read", "GUI stall",
                 "worst stall", "floor: bare model, one row on top"], rows))
    print("(raw psycopg: the one case's id and sort value by id on an open connection; for "
          "the re-read, the same held ids. Bare model: the GUI stall of the same view when a "
          "model of ids alone inserts one row on top, so the view's own layout and paint.)")


if __name__ == "__main__":
    run_alone(run, __doc__)
