"""The change feed: every console applies every case event after the last one
it applied, on each wake-up, reconnect and start (ARCHITECTURE.md decision 4).

Wake-ups are coalesced: while a read is under way, further wake-ups only ask
for one more read. Each event reaches the subscribers exactly once, in id order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from console.core.store import Store
from db import schema as s

log = logging.getLogger(__name__)
BATCH = 2000


@dataclass(frozen=True)
class Event:
    id: int
    case_id: uuid.UUID | None
    at: dt.datetime
    actor: str
    kind: str
    payload: dict[str, Any]


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
        finally:
            self._running = False
            self.idle.set()

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
            if len(rows) < BATCH:
                return
