"""The change feed: every console applies every case event after the last one
it applied, on each wake-up, reconnect and start (ARCHITECTURE.md decision 4).

Wake-ups are coalesced: while a read is under way, further wake-ups only ask
for one more read. Each event reaches the subscribers exactly once, in id order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy import func, select

from console.core.events import Event
from console.core.store import Store
from db import schema as s

log = logging.getLogger(__name__)
BATCH = 2000


__all__ = ["BATCH", "ChangeFeed", "Event", "Subscriber", "event_id_of"]
T = TypeVar("T")
Subscriber = Callable[[list[Event]], None]


class ChangeFeed:
    def __init__(self, store: Store, last_id: int | None = None) -> None:
        self._store = store
        self.last_id = last_id
        self._subscribers: list[Subscriber] = []
        self._running = False
        self._again = False
        self.idle = asyncio.Event()
        self.idle.set()
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Stop delivering to ``subscriber`` (nothing happens if it was not subscribed)."""
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    async def start(self) -> None:
        """Begin after the newest event: the panes load the current state themselves."""
        if self.last_id is None:
            async with self._store.read() as conn:
                newest = (await conn.execute(select(func.max(s.CaseEvent.id)))).scalar()
            self.last_id = int(newest or 0)

    async def applied(self, event_id: int) -> None:
        """Return once every subscriber has been given the event ``event_id`` (a write's
        own event: the writer waits for it, then shows what the feed brought). Reads at
        once rather than waiting for the server's notification."""
        if self.last_id is not None and self.last_id >= event_id:
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append((event_id, waiter))
        try:
            await self.wake()
            await waiter
        finally:
            if not waiter.done():
                waiter.cancel()
                self._waiters = [w for w in self._waiters if w[1] is not waiter]

    async def through(self, write: Awaitable[T]) -> T:
        """Await a service write, then the feed's delivery of the event it appended;
        the write's result names that event (an int, or an ``event_id`` attribute)."""
        result = await write
        await self.applied(event_id_of(result))
        return result

    async def wake(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self.idle.clear()
        try:
            self._again = True
            while self._again:
                self._again = False
                await self._drain()
        except BaseException as exc:  # a writer waiting for its event must hear of it
            for _event_id, waiter in self._waiters:
                if not waiter.done():
                    waiter.set_exception(exc if isinstance(exc, Exception)
                                         else asyncio.CancelledError())
            self._waiters = []
            raise
        finally:
            self._running = False
            self.idle.set()
        if self.last_id is not None:
            self._release(self.last_id)

    async def _drain(self) -> None:
        if self.last_id is None:
            await self.start()
        while True:
            async with self._store.read() as conn:
                rows = (await conn.execute(
                    select(s.CaseEvent.id, s.CaseEvent.case_id, s.CaseEvent.at,
                           s.CaseEvent.actor, s.CaseEvent.kind, s.CaseEvent.payload)
                    .where(s.CaseEvent.id > self.last_id)
                    .order_by(s.CaseEvent.id).limit(BATCH))).all()
            if not rows:
                return
            events = [Event(*r) for r in rows]
            self.last_id = events[-1].id
            for subscriber in list(self._subscribers):
                try:
                    subscriber(events)
                except Exception:  # one broken pane must not stop the feed
                    log.exception("change feed subscriber failed")
            self._release(self.last_id)
            if len(rows) < BATCH:
                return

    def _release(self, through_id: int) -> None:
        waiting = []
        for event_id, waiter in self._waiters:
            if event_id <= through_id:
                if not waiter.done():
                    waiter.set_result(None)
            else:
                waiting.append((event_id, waiter))
        self._waiters = waiting


def event_id_of(result: object) -> int:
    """The id of the event a service write appended: the write returned it, or a
    result that carries it as ``event_id``."""
    if isinstance(result, int) and not isinstance(result, bool):
        return result
    event_id = getattr(result, "event_id", None)
    if not isinstance(event_id, int):
        raise TypeError(f"{type(result).__name__} names no event id")
    return event_id
