"""One live update of the case queue while it holds many rows (issue 16): the time
the GUI thread is held, with 20,000 and 50,000 held rows (5,000 and 20,000 quick).

The update is the common one: a new case arrives on top of the created_at-desc
list (the oldest held row falls past the held count) and one case in the middle
leaves the filter. The re-read's ids come from a stand-in ``fetch_ids`` (no
database: the re-read's own cost is queue_open's), so the figures are the model's:
the longest stall of the GUI loop (a 1 ms probe timer's largest gap), the signals
part (``apply_plan``) and the plan (``plan_id_list``, both on the GUI thread) timed
directly. The
floor: a bare list diff in the same run (a set of the held ids, the new ids
checked against it), the least any full diff of the id list costs; and the stall of
the same view when a bare list model (ids only) inserts one row on top.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QTableView

from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import run_on_qt
from bench._stats import ms, table
from console.casework import queue
from console.casework.queue import CaseFilter, IdList
from console.catalog.catalog import Catalog
from console.core.store import Store
from db.engine import libpq_target
from widgets.casework import case_model, id_diff
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


def _floor(old: list[uuid.UUID], new: list[uuid.UUID]) -> float:
    start = time.perf_counter()
    held = set(old)
    [c for c in new if c not in held]  # noqa: B018
    return time.perf_counter() - start


async def _one_size(held: int) -> list[str]:
    store = Store("postgresql+psycopg://bench@127.0.0.1/none", "bench")  # never connected
    model = CaseTableModel(store, Catalog(), TaskRunner())
    ids = [uuid.uuid4() for _ in range(held)]
    model._on_new_query(IdList(ids, held, True, None, True))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    view.selectionModel().setCurrentIndex(
        model.index(100, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    chosen = model.case_id(100)
    await asyncio.sleep(0.05)
    reply: dict[str, IdList] = {}

    async def fake_fetch_ids(*_args: Any, **_kw: Any) -> IdList:
        return reply["ids"]

    async def no_rows(*_args: Any, **_kw: Any) -> dict[uuid.UUID, Any]:
        return {}  # the rows stay "…": no database here

    real, real_rows = queue.fetch_ids, queue.fetch_rows
    queue.fetch_ids = fake_fetch_ids  # type: ignore[assignment]
    queue.fetch_rows = no_rows  # type: ignore[assignment]
    stalls, walls, floors, gui, plans = [], [], [], [], []
    planned = hasattr(case_model.CaseTableModel, "apply_plan")
    try:
        for run in range(RUNS + 1):
            old = [model.case_id(r) for r in range(model.rowCount())]
            middle = old[held // 2]
            new = [uuid.uuid4(), *(c for c in old if c != middle)][:held]
            reply["ids"] = IdList([uuid.UUID(int=c.int) for c in new], held, True, None, True)
            floor = _floor(old, reply["ids"].ids)
            if planned:
                start = time.perf_counter()
                plan = id_diff.plan_id_list(old, model._keys, model._row_of, reply["ids"].ids)
                plan_s = time.perf_counter() - start
            probe = Probe()
            probe.start()
            start = time.perf_counter()
            await model._requery()
            wall = time.perf_counter() - start
            await asyncio.sleep(0.03)  # the view lays out and paints
            stall = probe.stop()
            assert model.case_id(0) == new[0] and model.rowCount() == held
            assert model.case_id(view.currentIndex().row()) == chosen
            # The signals part alone, on the same kind of update (timed directly).
            old = [model.case_id(r) for r in range(model.rowCount())]
            newer = [uuid.uuid4(), *old[:-1]]
            if planned:
                plan = id_diff.plan_id_list(old, model._keys, model._row_of, newer)  # made first
                start = time.perf_counter()
                model.apply_plan(plan)
            else:
                start = time.perf_counter()
                model.apply_id_list(newer)
            gui_s = time.perf_counter() - start
            if run:  # the first is a warm-up
                stalls.append(stall)
                walls.append(wall)
                floors.append(floor)
                gui.append(gui_s)
                if planned:
                    plans.append(plan_s)
    finally:
        queue.fetch_ids, queue.fetch_rows = real, real_rows  # type: ignore[assignment]
        view.close()
        model.shutdown()
    return [f"{held:,}", ms(statistics.median(stalls)), ms(max(stalls)),
            ms(statistics.median(gui)), ms(statistics.median(plans)) if plans else "-",
            ms(statistics.median(walls)), ms(statistics.median(floors)),
            ms(await _view_floor(held))]


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


async def _reread(url: str, sizes: tuple[int, ...]) -> list[list[str]]:
    """The re-read itself (``fetch_ids`` of as many ids as are held, all statuses): the
    GUI loop's stall while it runs, beside raw psycopg fetching the same ids."""
    store = Store(url, "bench")
    out = []
    try:
        for held in sizes:
            stalls, walls, raws = [], [], []
            for run in range(RUNS + 1):
                probe = Probe()
                probe.start()
                start = time.perf_counter()
                ids = await queue.fetch_ids(store, ALL, held)
                walls.append(time.perf_counter() - start)
                stalls.append(probe.stop())
                start = time.perf_counter()
                await asyncio.to_thread(_raw_ids, url, held)
                raws.append(time.perf_counter() - start)
                if not run:
                    stalls, walls, raws = [], [], []
            out.append([f"{len(ids.ids):,}", ms(statistics.median(stalls)), ms(max(stalls)),
                        ms(statistics.median(walls)), ms(statistics.median(raws))])
    finally:
        await store.engine.dispose()
    return out


def _raw_ids(url: str, held: int) -> None:
    with libpq_target(url).connect() as conn:
        conn.execute("SELECT id FROM \"case\" ORDER BY created_at DESC, id DESC LIMIT %s",
                     (held + 1,)).fetchall()


def run(quick: bool = False) -> None:
    sizes = (5_000, 20_000) if quick else (20_000, 50_000)
    rows = [run_on_qt(lambda held=held: _one_size(held)) for held in sizes]
    with scratch_database("queue_live") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(max(sizes) + 1000)],
                       check=True, cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        reread = run_on_qt(lambda: _reread(url, sizes))
    print()
    print(table("Case queue: the re-read of the held ids (fetch_ids), median of "
                f"{RUNS}", ["ids read", "GUI stall", "worst", "wall",
                            "floor: raw psycopg (connect + same ids)"], reread))
    print()
    print(table(f"Case queue: one live update (new case on top, one leaves), median of {RUNS}",
                ["held rows", "GUI stall", "worst", "signals part", "plan part",
                 "update wall", "floor: bare list diff", "floor: bare model, same view"], rows))


if __name__ == "__main__":
    run_alone(run, __doc__)
