"""What the heat layer reads and how it keeps up. A new choice (level, measure,
period, category) is a new query in a ``TaskSlot``: an older choice's figures never
land after a newer one's. While the layer is on, its ``FeedFollower`` reads the
figures again when the feed brings changes to cases, one read per burst; and every
``REREAD_MS``, since open cases fall overdue and days end with no event at all.
While it is off nothing is read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.events import Kind
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.mapview.heat import HeatQuery, HeatRead, read_heat
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

READ_DELAY_MS = 1000  # a burst of changes: one read, a second after its first event
REREAD_MS = 5 * 60_000


class HeatFeed(QObject):
    read_landed = Signal()  # ``read`` is new

    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.query: HeatQuery | None = None  # None: the layer is off
        self.read: HeatRead | None = None
        self.reads = 0  # figures read from the database so far (tests, benchmarks)
        self._slot = TaskSlot(runner)
        self.follower = FeedFollower(runner, feed, self.apply_events, self._reread,
                                     READ_DELAY_MS, self)
        self.timer = QTimer(self, interval=REREAD_MS, objectName="map.heatTimer")
        self.timer.timeout.connect(self.follower.request)

    def set_query(self, query: HeatQuery | None) -> None:
        """Read for ``query`` now (None: the layer is off, read nothing)."""
        self.query = query
        if query is None:
            self._slot.supersede()
            self.timer.stop()
            return
        self._slot.run(self._fetch(query), self._landed)
        self.timer.start()

    def apply_events(self, events: Sequence[Event]) -> bool:
        """What the follower asks: True when the figures shown may have changed."""
        return self.query is not None and any(
            e.case_id is not None or e.kind == Kind.CATALOG_LOADED for e in events)

    async def _fetch(self, query: HeatQuery) -> HeatRead:
        self.reads += 1
        return await read_heat(self._store, query, self._store.clock.now())

    async def _reread(self) -> None:
        """The follower's read: the figures of the choice shown now."""
        query = self.query
        if query is None:
            return
        read = await self._fetch(query)
        if query is not self.query or self._slot.busy:
            # Another choice began meanwhile; it may have read before the change that
            # asked for this read: read once more after it.
            self.follower.request()
            return
        self._landed(read)

    def _landed(self, read: HeatRead) -> None:
        if read.query is self.query:
            self.read = read
            self.read_landed.emit()

    def stop(self) -> None:
        self.timer.stop()
        self.follower.stop()
        self._slot.supersede()
