"""The change feed: every console applies every case event it has not applied yet,
on each wake-up, reconnect and start (ARCHITECTURE.md decision 4).

Event ids are drawn without a lock (migration 0022), so a transaction that drew
id 10 may commit after one that drew id 11: "ids after the last one applied" would
miss 10. The feed reads by visibility instead. Each event records its writing
transaction (``case_event.xact``); each read takes the server's snapshot and
delivers the events whose transaction was not visible to the previous read's
snapshot (``seen``) and is visible to this one: every committed event once, however
late its transaction commits, and no read waits for a transaction still running.
Within a read, events come in id order (a case's events are in id order: a move
appends its event after locking the case).

Wake-ups are coalesced: while a read is under way, further wake-ups only ask
for one more read, and that read waits until ``GAP_S`` after the one before (a
sweep commits twenty orders at a time, each commit a wake-up: one read each would
be hundreds of reads a second, each with its round trips and Python on the GUI
thread) unless a writer waits for its event (``applied``). Each event reaches the
subscribers exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import BigInteger

from console.core.events import Event
from console.core.store import Store

log = logging.getLogger(__name__)
BATCH = 2000
GAP_S = 0.1  # between reads of a stream of wake-ups (none waits before the first)


__all__ = ["BATCH", "ChangeFeed", "Event", "Subscriber", "event_id_of"]
T = TypeVar("T")
Subscriber = Callable[[list[Event]], None]

# Events new to ``seen`` and visible to ``target`` (a read under way), else to this
# statement's snapshot, which comes back as ``snap``; ``visible``: which of the ids
# that writers wait for this snapshot sees. Rows stand in for no event (id NULL) when
# there is none, so the snapshot always comes back.
_START = text("SELECT pg_current_snapshot()::text AS snap,"
              " (SELECT max(id) FROM case_event) AS newest")
_READ = text("""
SELECT s.snap::text AS snap, e.id, e.case_id, e.at, e.actor, e.kind, e.payload,
       ARRAY(SELECT w.id FROM case_event w WHERE w.id = ANY (:waiting)) AS visible
FROM (SELECT pg_current_snapshot() AS snap) s
LEFT JOIN LATERAL (
    SELECT e.id, e.case_id, e.at, e.actor, e.kind, e.payload FROM case_event e
    WHERE (e.xact >= pg_snapshot_xmax(CAST(:seen AS pg_snapshot))
           OR e.xact = ANY (ARRAY(SELECT pg_snapshot_xip(CAST(:seen AS pg_snapshot)))))
      AND pg_visible_in_snapshot(e.xact, coalesce(CAST(:target AS pg_snapshot), s.snap))
      AND e.id > :after
    ORDER BY e.id LIMIT :batch) e ON true
ORDER BY e.id""").bindparams(bindparam("waiting", type_=ARRAY(BigInteger)))


class ChangeFeed:
    def __init__(self, store: Store) -> None:
        self._store = store
        # The highest event id applied: a figure for tests and logs. What the feed
        # goes by is ``_seen``: everything visible to that snapshot was applied.
        self.last_id: int | None = None
        self._seen: str | None = None
        self._target: str | None = None  # a read under way: up to this snapshot
        self._after = 0  # ... and through this id of it
        self._visible: set[int] = set()  # ids writers wait for that _target sees
        self._subscribers: list[Subscriber] = []
        self._running = False
        self._again = False
        self.idle = asyncio.Event()
        self.idle.set()
        self._hurry = asyncio.Event()  # a writer waits: read again without the gap
        self._waiters: list[tuple[int, asyncio.Future[None]]] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Stop delivering to ``subscriber`` (nothing happens if it was not subscribed)."""
        if subscriber in self._subscribers:
            self._subscribers.remove(subscriber)

    async def start(self) -> None:
        """Begin after the events committed now: the panes load the current state
        themselves."""
        if self._seen is None:
            async with self._store.read() as conn:
                row = (await conn.execute(_START)).one()
            self._seen, self.last_id = row.snap, int(row.newest or 0)

    async def applied(self, event_id: int) -> None:
        """Return once every subscriber has been given the event ``event_id`` (a write's
        own event: the writer waits for it, then shows what the feed brought). Reads at
        once rather than waiting for the server's notification. Id 0: nothing to wait
        for (a write that appended no event)."""
        if event_id <= 0:
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append((event_id, waiter))
        self._hurry.set()
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
            first = True
            while self._again:
                if not first:
                    await self._gap()
                first, self._again = False, False
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

    async def _gap(self) -> None:
        """Wait ``GAP_S`` before the next read of a stream of wake-ups (wake-ups
        meanwhile join it), or less when a writer waits for its event."""
        if self._waiters:
            return
        self._hurry.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._hurry.wait(), GAP_S)

    async def _drain(self) -> None:
        """Read until the events visible now are all applied: one snapshot's news, in
        batches of ``BATCH`` (a read cut off goes on to the same snapshot)."""
        if self._seen is None:
            await self.start()
        while True:
            fresh = self._target is None
            async with self._store.read() as conn:
                rows = (await conn.execute(_READ, {
                    "seen": self._seen, "target": self._target, "after": self._after,
                    "batch": BATCH,
                    "waiting": sorted({i for i, _w in self._waiters}) if fresh else []})).all()
            if fresh:
                self._target = rows[0].snap
                self._visible = set(rows[0].visible or ())
            events = [Event(r.id, r.case_id, r.at, r.actor, r.kind, r.payload)
                      for r in rows if r.id is not None]
            if events:
                self._after = events[-1].id
                self.last_id = max(self.last_id or 0, self._after)
                for subscriber in list(self._subscribers):
                    try:
                        subscriber(events)
                    except Exception:  # one broken pane must not stop the feed
                        log.exception("change feed subscriber failed")
            if len(events) < BATCH:  # this snapshot's news are all applied
                self._seen, self._target, self._after = self._target, None, 0
                self._release(self._visible | {e.id for e in events})
                self._visible = set()
                return
            self._release({e.id for e in events})

    def _release(self, delivered: set[int]) -> None:
        """Wake the writers whose event has been applied (in this read or before it:
        an id this read's snapshot sees was applied by now or by an earlier read)."""
        waiting = []
        for event_id, waiter in self._waiters:
            if event_id in delivered:
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
