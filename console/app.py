"""One console's services wired together: store, catalog, change feed, listener."""

from __future__ import annotations

import logging
from collections.abc import Callable

from console import demo
from console.catalog import Catalog, load_catalog
from console.feed import ChangeFeed, Event
from console.store import Store
from db.listen import Listener

log = logging.getLogger(__name__)
CATALOG_EVENTS = frozenset({"catalog_loaded", "catalog_changed"})


class ConsoleApp:
    def __init__(self, url: str, actor: str) -> None:
        self.store = Store(url, actor)
        self.feed = ChangeFeed(self.store)
        self.catalog = Catalog()
        self.listener = Listener(self.store.conninfo, self.feed.wake, self._link_changed)
        self.on_link_change: Callable[[bool], None] = lambda _connected: None

    async def open(self, *, demo_data: bool = False, demo_cases: int = 4000) -> None:
        """Connect, load demo data if asked, read the catalog, start listening."""
        offset = await self.store.calibrate_clock()
        log.info("seat clock offset to the server: %.3f s", offset.total_seconds())
        if demo_data:
            await demo.load_reference_data(self.store)
            await demo.generate_cases(self.store, count=demo_cases)
        await self.feed.start()
        self.catalog = await load_catalog(self.store)
        self.feed.subscribe(self._on_events)
        self.listener.start()

    def _on_events(self, events: list[Event]) -> None:
        if any(e.kind in CATALOG_EVENTS for e in events):
            log.info("reference data changed; it is re-read at the next start")

    def _link_changed(self, connected: bool) -> None:
        self.on_link_change(connected)

    async def close(self) -> None:
        await self.listener.stop()
        await self.store.close()
