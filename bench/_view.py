"""A QTableView that records how long each paint took and when it ended."""

from __future__ import annotations

import asyncio
import time

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView


class TimedTableView(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self.paints: list[tuple[float, float]] = []  # (ended at, seconds)
        self._waiters: list[tuple[float, asyncio.Future[tuple[float, float]]]] = []

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        start = time.perf_counter()
        super().paintEvent(event)
        end = time.perf_counter()
        self.paints.append((end, end - start))
        for after, future in list(self._waiters):
            if end > after and not future.done():
                future.set_result((end, end - start))
                self._waiters.remove((after, future))

    def paint_after(self, moment: float) -> asyncio.Future[tuple[float, float]]:
        """The first paint ending after ``moment``: (ended at, seconds)."""
        future: asyncio.Future[tuple[float, float]] = (
            asyncio.get_running_loop().create_future())
        done = next((p for p in self.paints if p[0] > moment), None)
        if done is not None:
            future.set_result(done)
        else:
            self._waiters.append((moment, future))
        return future
