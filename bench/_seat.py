"""Seat B of the latency benchmark: the live case queue wired as MainWindow wires it
(Listener -> ChangeFeed -> CaseTableModel shown in a QTableView), plus timestamps
of when watched case ids reach the feed and the model."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterable

from PySide6.QtWidgets import QTableView

from bench._qt import Emissions
from console.casework.queue import CaseFilter
from console.catalog.catalog import load_catalog
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from db.listen import Listener
from widgets.casework.case_model import CaseTableModel
from widgets.common.tasks import TaskRunner


class ReceivingSeat:
    def __init__(self, url: str) -> None:
        self.store = Store(url, "bench-seat-b")
        self.feed = ChangeFeed(self.store)
        self.listener = Listener(self.store.libpq, self.feed.wake)
        self.runner = TaskRunner()
        self.delivered: dict[uuid.UUID, float] = {}  # case id -> its event reached the feed
        self.seen: dict[uuid.UUID, float] = {}       # case id -> first in the model
        self._pending: set[uuid.UUID] = set()
        self._all_seen: asyncio.Future[None] | None = None

    async def start(self) -> None:
        await self.feed.start()
        self.model = CaseTableModel(self.store, await load_catalog(self.store), self.runner,
                                    feed=self.feed)  # it follows the feed, as in MainWindow
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(1200, 700)
        self.view.show()
        loaded = Emissions(self.model.loaded)
        self.model.set_filter(CaseFilter())
        await loaded.after(0.0)
        for signal in (self.model.rowsInserted, self.model.layoutChanged,
                       self.model.modelReset):
            signal.connect(self._check)
        self.feed.subscribe(self._on_events)  # a timestamp, after the model
        self.listener.start()
        await self.listener.connected.wait()
        await asyncio.sleep(0.2)
        await self.feed.idle.wait()

    async def settle(self, pause: float) -> None:
        """Wait until the seat has no database work under way, then ``pause`` more
        seconds (for the repaint that follows fetched rows)."""
        while self.runner.busy or not self.feed.idle.is_set():
            await asyncio.sleep(0.002)
        await asyncio.sleep(pause)

    def watch(self, case_ids: Iterable[uuid.UUID]) -> asyncio.Future[None]:
        """Forget earlier watches; resolve when every one of ``case_ids`` is in the model."""
        self._pending = set(case_ids)
        self.delivered, self.seen = {}, {}
        self._all_seen = asyncio.get_running_loop().create_future()
        return self._all_seen

    def _on_events(self, events: list[Event]) -> None:
        now = time.perf_counter()
        for e in events:
            if e.case_id in self._pending:
                self.delivered.setdefault(e.case_id, now)

    def _check(self, *_args: object) -> None:
        now = time.perf_counter()
        for case_id in [c for c in self._pending if self.model.row_of(c) is not None]:
            self.seen[case_id] = now
            self._pending.discard(case_id)
        if not self._pending and self._all_seen is not None and not self._all_seen.done():
            self._all_seen.set_result(None)

    async def stop(self) -> None:
        await self.listener.stop()
        self.model.shutdown()
        await self.runner.cancel_all()
        self.view.close()
        await self.store.close()
