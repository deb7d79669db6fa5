"""What the map reads and how it keeps up: one feed follower for the outlines, the
duty posts and the open cases. The first load reads them all; an event about a
case re-reads that case only; a roster, handover, roll-call or shift change re-reads the
posts; a new catalog, or boundaries an admin imported at any seat, re-reads
everything (cases placed at a cell's centre and posts move with the outlines).
Who is on duty also changes with the clock, when a shift ends and the next begins,
with no event: a timer set to the next shift boundary (a clock event, not polling)
reads the posts again then, and is set again from that read."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.events import Kind
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.mapview import map_cases
from console.mapview.base_map import build_base_map, read_areas, read_cells
from console.mapview.duty_places import next_change, place_posts, read_posts
from console.mapview.outlines import BaseMap
from widgets.common.feed_follower import FeedFollower
from widgets.common.tasks import TaskRunner

EVERYTHING_KINDS = frozenset({Kind.CATALOG_LOADED, Kind.BOUNDARIES})
POST_KINDS = frozenset({Kind.ROSTER, Kind.HANDOVER, Kind.ROLL_CALL, Kind.SHIFT_TEMPLATE,
                        Kind.ACCOUNT})
READ_DELAY_MS = 100  # the first event of a burst to the read: cases appear within a second
AFTER_BOUNDARY_MS = 1_000  # read just after the boundary, by the server's clock
LONGEST_WAIT_MS = 6 * 3_600_000  # a timer this long is set again (the server's clock may drift)


class MapFeed(QObject):
    base_read = Signal()
    posts_read = Signal(list)  # PostPlace
    cases_read = Signal()

    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.base: BaseMap | None = None
        self.marks = map_cases.empty()
        self._base_wanted = self._posts_wanted = self._all_wanted = False
        self._pending: set[uuid.UUID] = set()
        self.follower = FeedFollower(runner, feed, self.apply_events, self._read,
                                     READ_DELAY_MS, self)
        self.posts_timer = QTimer(self, singleShot=True, objectName="map.shiftTimer")
        self.posts_timer.timeout.connect(self.reread_posts)
        self.shift_change: dt.datetime | None = None  # the next boundary, as last read

    def load(self) -> None:
        """Read everything (now, or right after the read under way)."""
        self._base_wanted = self._posts_wanted = self._all_wanted = True
        self.follower.reload_now()

    def reread_posts(self) -> None:
        self._posts_wanted = True
        self.follower.request()

    def stop(self) -> None:
        self.posts_timer.stop()
        self.follower.stop()

    def apply_events(self, events: Sequence[Event]) -> bool:
        """What the follower asks of the feed's events: True when the map must read."""
        wanted = False
        for event in events:
            if event.case_id is not None:
                self._pending.add(event.case_id)
                wanted = True
            elif event.kind in EVERYTHING_KINDS:
                self._base_wanted = self._posts_wanted = self._all_wanted = wanted = True
            elif event.kind in POST_KINDS:
                self._posts_wanted = wanted = True
        return wanted

    async def _read(self) -> None:
        base_wanted, self._base_wanted = self._base_wanted, False
        posts_wanted, self._posts_wanted = self._posts_wanted, False
        all_wanted, self._all_wanted = self._all_wanted, False
        ids, self._pending = list(self._pending), set()
        if len(ids) > map_cases.MAX_PARTIAL:
            all_wanted, ids = True, []
        try:
            if base_wanted or self.base is None:
                cells = await read_cells(self._store)
                streets, communities = await read_areas(self._store)
                self.base = await asyncio.to_thread(build_base_map, cells, streets, communities)
                self.base_read.emit()
            if posts_wanted:
                posts = await read_posts(self._store)
                self._set_shift_timer(await next_change(self._store))
                self.posts_read.emit(place_posts(posts, self.base))
            if all_wanted:
                self.marks = await map_cases.read_open_cases(self._store)
                self.cases_read.emit()
            elif ids:
                fresh = await map_cases.read_cases(self._store, ids)
                # In a worker: the merge and its new id lookup walk every case.
                self.marks = await asyncio.to_thread(map_cases.merged, self.marks, ids, fresh)
                self.cases_read.emit()
        except BaseException:  # not read: the next read tries again
            self._base_wanted |= base_wanted
            self._posts_wanted |= posts_wanted
            self._all_wanted |= all_wanted
            self._pending.update(ids)
            raise

    def _set_shift_timer(self, change: dt.datetime | None) -> None:
        """Read the posts again just after ``change`` (the next shift boundary)."""
        self.shift_change = change
        self.posts_timer.stop()
        if change is None:
            return
        wait = (change - self._store.clock.now()).total_seconds() * 1000 + AFTER_BOUNDARY_MS
        self.posts_timer.start(int(min(max(wait, 0), LONGEST_WAIT_MS)))
