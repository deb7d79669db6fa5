"""Sweeps run on a thread of their own, off the seat's event loop (which is the GUI
thread's, under qasync): the thread has its own asyncio loop and its own small
connection pool, so building a page's statements, reading its rows and judging the
ladder never hold the seat's loop. The seat's loop only awaits the result.

Before each sweep the worker asks the database to end a staff session that holds a
lock others have waited on too long (``console/core/lock_watch.py``).

The thread starts with the first sweep and ends with ``close``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from console.calendar.workdays import WorkCalendar
from console.core.lock_watch import LockWatch
from console.core.store import Store
from console.supervision import sweeper
from console.supervision.sweeper import SweepReport
from db.engine import make_engine

T = TypeVar("T")


class SweepWorker:
    def __init__(self, url: str, actor: str) -> None:
        self._url, self._actor = url, actor
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._store: Store | None = None
        self._lock_watch = LockWatch()

    def _start(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            ready = threading.Event()
            loop = asyncio.new_event_loop()

            def main() -> None:
                asyncio.set_event_loop(loop)
                loop.call_soon(ready.set)
                loop.run_forever()
                loop.close()

            self._thread = threading.Thread(target=main, name="hotline-sweeper", daemon=True)
            self._thread.start()
            ready.wait()
            self._loop = loop
        return self._loop

    async def _there(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the worker's loop; cancelling the caller cancels it there."""
        future: concurrent.futures.Future[T] = asyncio.run_coroutine_threadsafe(
            coro, self._start())
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    async def _sweep(self, calendar: WorkCalendar, now: dt.datetime | None,
                     page_size: int) -> SweepReport:
        if self._store is None:  # made on the worker's loop, which its pool belongs to
            self._store = Store(self._url, self._actor, engine=make_engine(
                self._url, pool_size=1, application_name="hotline-sweeper"))
        await self._lock_watch.check(self._store)
        return await sweeper.sweep(self._store, calendar, now=now, page_size=page_size)

    async def sweep(self, calendar: WorkCalendar, *, now: dt.datetime | None = None,
                    page_size: int = sweeper.PAGE) -> SweepReport:
        """One sweep (see ``sweeper.sweep``), run on the worker's thread."""
        return await self._there(self._sweep(calendar, now, page_size))

    async def close(self) -> None:
        """Close the worker's pool and end its thread."""
        if self._loop is None or self._thread is None:
            return
        if self._store is not None:
            await self._there(self._store.close())
            self._store = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        await asyncio.to_thread(self._thread.join)
        self._loop = self._thread = None
