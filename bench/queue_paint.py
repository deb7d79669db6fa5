"""What a new case on top of the queue costs the GUI thread (issue 16): the queue
pane (``CaseQueue``) holding 50,000 rows (20,000 quick) of a real database, all
statuses, newest first; a case is made by the services and its event handed to the
model, which reads it (``_requery``) and applies the row signals. Timed on the GUI
thread from the row signals to the view laid out and repainted (the insert, the
view's layout, one full paint of the viewport): the wall time and the GUI thread's
own CPU time (which the machine's load touches less), with the operator's view at
the top of the list and scrolled half-way down (where the rows must not move).

The floor, from the same run: a bare QTableView set up as the queue's (size,
columns, row height) over a trivial model of as many rows answering the same texts,
inserting one row on top and removing the last, laid out and repainted the same way.

Then the same while a worker thread runs Python code (as the map's merge of the
arrived cases does, or a sweep): every entry of the GUI thread into Python, a
paint's calls of the model among them, waits for the GIL, up to
``sys.getswitchinterval()`` each; at the default 5 ms and at 1 ms.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from bench._cli import run_alone
from bench._db import scratch_database
from bench._qt import run_on_qt, until
from bench._stats import ms, table
from console.casework.queue import CaseFilter
from console.catalog.catalog import load_catalog
from console.core.events import Event
from console.core.store import Store
from console.hotline.intake import CaseDraft, create_case
from widgets.casework.case_queue import CaseQueue
from widgets.common.tasks import TaskRunner

RUNS = 9
ALL = CaseFilter(statuses=None)
SIZE = (1400, 900)
WORK = 20  # the worker's rounds (about 50 ms of Python at 20,000 ids on a quiet core)
Cost = tuple[float, float]  # wall, GUI thread CPU


class _Bare(QAbstractTableModel):
    """Rows of the same texts and nothing else."""

    def __init__(self, held: int, texts: list[list[str]]) -> None:
        super().__init__()
        self.rows = [texts[i % len(texts)] for i in range(held)]
        self.columns = len(texts[0])

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

    def one_on_top(self) -> None:
        self.beginRemoveRows(QModelIndex(), len(self.rows) - 1, len(self.rows) - 1)
        last = self.rows.pop()
        self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, last)
        self.endInsertRows()


class _Worker:
    """A thread running Python code (building a dict of every held id's text, as the
    map's merge does) from ``start`` until its work is done."""

    def __init__(self, held: int) -> None:
        self._ids = [str(uuid.uuid4()) for _ in range(held)]
        self._thread: threading.Thread | None = None

    def _work(self) -> None:
        for _ in range(WORK):
            dict(zip(self._ids, range(len(self._ids)), strict=True))
            {case_id: i for i, case_id in enumerate(self._ids)}  # noqa: B018

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="bench-python-worker")
        self._thread.start()

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def alone(self) -> float:
        start = time.perf_counter()
        self._work()
        return time.perf_counter() - start


def _painted(view: QTableView, start: Cost) -> Cost:
    """Lay the view out and repaint it now; the cost since ``start``."""
    QApplication.processEvents()
    view.viewport().repaint()
    return time.perf_counter() - start[0], time.thread_time() - start[1]


def _mark() -> Cost:
    return time.perf_counter(), time.thread_time()


def _set_up(view: QTableView, like: QTableView) -> None:
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(like.verticalHeader().defaultSectionSize())
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    for column in range(view.model().columnCount()):
        view.setColumnWidth(column, like.columnWidth(column))
    view.resize(*SIZE)
    view.show()


def _select_on_screen(view: QTableView) -> None:
    row = view.rowAt(view.viewport().height() // 2)
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


async def _floor(held: int, texts: list[list[str]], like: QTableView, middle: bool,
                 worker: _Worker | None) -> list[Cost]:
    model = _Bare(held, texts)
    view = QTableView()
    view.setModel(model)
    _set_up(view, like)
    if middle:
        view.verticalScrollBar().setValue(held // 2)
    _select_on_screen(view)
    await asyncio.sleep(0.05)
    costs = []
    for _ in range(RUNS):
        if worker is not None:
            worker.start()
        start = _mark()
        model.one_on_top()
        costs.append(_painted(view, start))
        if worker is not None:
            worker.join()
        await asyncio.sleep(0.02)
    view.close()
    return costs


async def _queue(store: Store, pane: CaseQueue, make: Callable[[int], Any], middle: bool,
                 worker: _Worker | None) -> list[Cost]:
    model, view = pane.model, pane.table
    view.verticalScrollBar().setValue(model.rowCount() // 2 if middle else 0)
    _select_on_screen(view)
    chosen, top = view.currentIndex().row(), view.rowAt(0)
    chosen_id, top_id = model.case_id(chosen), model.case_id(top)
    await asyncio.sleep(0.05)
    marks: list[Cost] = []
    apply_plan = model.apply_plan

    def timed(plan: Any) -> None:  # the update's row signals start here
        marks.append(_mark())
        apply_plan(plan)

    model.apply_plan = timed  # type: ignore[method-assign]
    costs = []
    try:
        for run in range(RUNS + 1):
            made = await make(run)
            model.apply_events([Event(0, made.id, made.at, "bench", "created", {})])
            if worker is not None:
                worker.start()
            marks.clear()
            await model._requery()  # noqa: SLF001
            cost = _painted(view, marks[0])
            if worker is not None:
                worker.join()
            assert model.case_id(0) == made.id
            assert model.case_id(view.currentIndex().row()) == chosen_id
            assert model.case_id(view.rowAt(0)) == (made.id if not middle else top_id)
            if run:  # the first is a warm-up
                costs.append(cost)
            if not middle:  # the new row shows: its texts are read before the next
                await until(lambda made=made: model.cached(made.id) is not None)
            await asyncio.sleep(0.02)
    finally:
        del model.apply_plan
    return costs


async def _measure(url: str, held: int) -> list[list[str]]:
    store = Store(url, "bench")
    catalog = await load_catalog(store)
    category = min(c.id for c in catalog.categories.values() if c.is_leaf)
    cell = min(catalog.grid_cells)
    pane = CaseQueue(store, catalog, TaskRunner())  # no feed: the bench names the cases
    model = pane.model
    model.page_size = held
    model.set_filter(ALL)
    await until(lambda: model.rowCount() == held and not model._query.busy)  # noqa: SLF001
    pane.resize(*SIZE)
    pane.show()
    await until(lambda: all(model.cached(model.case_id(r)) for r in range(40)))

    async def make(run: int) -> Any:
        made = await create_case(store, catalog, CaseDraft(
            caller_phone=f"1390000{run:04d}", text=f"基准测试 {run}：路灯不亮",
            address="坪山大道 1 号", grid_code=cell, category_id=category))
        return _Made(made.id)

    texts = [[str(model.data(model.index(r, c))) for c in range(model.columnCount())]
             for r in range(40)]
    worker = _Worker(held)
    alone = worker.alone()
    out = []
    try:
        for name, busy, interval in (("", None, None), (" + worker", worker, 0.005),
                                     (" + worker", worker, 0.001)):
            default = sys.getswitchinterval()
            if interval is not None:
                sys.setswitchinterval(interval)
            try:
                for middle in (False, True):
                    where = "scrolled half-way" if middle else "at the top"
                    if interval is not None:
                        where += f", switch {interval * 1000:.0f} ms"
                    got = await _queue(store, pane, make, middle, busy)
                    floor = await _floor(held, texts, pane.table, middle, busy)
                    out.append(_row(f"{held:,}", where + name, got, floor))
            finally:
                sys.setswitchinterval(default)
    finally:
        pane.close()
        model.shutdown()
        await store.engine.dispose()
    out.append([f"{held:,}", f"(the worker's Python alone: {ms(alone)} ms)", "", "", "", "",
                ""])
    return out


class _Made:
    """A case made, and when (its event as the feed would hand it over)."""

    def __init__(self, case_id: uuid.UUID) -> None:
        self.id, self.at = case_id, dt.datetime.now(dt.UTC)


def _row(held: str, where: str, got: list[Cost], floor: list[Cost]) -> list[str]:
    def median(costs: list[Cost], i: int) -> str:
        return ms(statistics.median(c[i] for c in costs))

    return [held, where, median(got, 0), median(got, 1), ms(max(c[0] for c in got)),
            median(floor, 0), median(floor, 1)]


def run(quick: bool = False) -> None:
    held = 20_000 if quick else 50_000
    with scratch_database("queue_paint") as url:
        subprocess.run([sys.executable, "-m", "bench._bulk", str(held + 1000)],
                       check=True, cwd=Path(__file__).resolve().parent.parent,
                       env={**os.environ, "BENCH_BULK_URL": url})
        rows = run_on_qt(partial(_measure, url, held))
    load = os.getloadavg()
    print()
    print(table(f"Case queue: a new case on top, the GUI thread from the row signals to the "
                f"view repainted (ms, median of {RUNS}); load {load[0]:.1f}",
                ["held rows", "operator's view", "wall", "GUI CPU", "worst wall",
                 "floor: bare view, wall", "floor: CPU"], rows))
    print("(floor: a bare QTableView set up as the queue's, over a model of as many rows "
          "answering the same texts, one row in on top and the last out. Worker: a thread "
          "running Python meanwhile, as the map's merge does; the GIL is handed over "
          "every switch interval.)")


if __name__ == "__main__":
    run_alone(run, __doc__)
