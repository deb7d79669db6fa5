"""One console's services wired together: store, catalog, change feed, listener.

``open`` does what the first screen needs (the clock, the roles, the journal read
in a worker thread, the feed, the catalog); ``start_deferred`` starts what can wait
until the window shows (an administrator's calendar seeding) and ``load_places`` reads
the grid cells into the locator (numpy and shapely, imported then in a worker thread).
The demo and the calendar package are imported only by the starts that use them."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import random
from collections.abc import Callable
from pathlib import Path

import platformdirs
from sqlalchemy import text

from console.accounts import credentials
from console.calendar.deadlines import calendar_years, load_calendar, load_rules, seed_calendar
from console.casework.lifecycle import ADMIN, UNIT
from console.catalog.catalog import Catalog, load_catalog
from console.core.errors import DatabaseBusy, DatabaseUnavailable
from console.core.events import Kind
from console.core.feed import ChangeFeed, Event
from console.core.read_source import reporting_store
from console.core.store import Store
from console.geo.locate import LiveLocator
from console.hotline.journal import Journal
from console.hotline.outbox import Outbox
from console.notices import delivery
from console.notices.sender import Sender, SenderNotFound, load_sender
from console.supervision.sweep_worker import SweepWorker
from db.embedded import APP_NAME
from db.listen import Listener

log = logging.getLogger(__name__)
CATALOG_EVENTS = frozenset({"catalog_loaded", "catalog_changed"})
SWEEP_EVERY_S = 30  # a seat that dies is replaced by the next seat's sweep within a minute
# While cases wait in the journal, they are offered to the database this often even
# if the listener never saw the link go down (its connection may outlive the cut).
RESEND_EVERY_S = 20.0
SWEEP_JITTER_S = 10
# Messages to citizens are offered to the sender this often, by every seat whose
# login is a member of hotline_sender; the database gives each message to one seat.
SEND_EVERY_S = 15
SEND_JITTER_S = 5
DEADLINE_EVENTS = frozenset({"calendar_seeded", "calendar_changed", "rule_changed"})


def default_journal_path(url: str, actor: str) -> Path:
    """One journal per database and user, under the user's data directory."""
    key = hashlib.sha256(f"{credentials.describe(url)}|{actor}".encode()).hexdigest()[:16]
    return Path(platformdirs.user_data_dir(APP_NAME)) / "journal" / f"{key}.json"


GROUPS = ("operator", "dispatcher", "shift_leader", "supervisor", "admin", "unit_handler")


async def roles_of(store: Store) -> frozenset[str]:
    """The connected person's roles, as PostgreSQL grants them (group membership);
    a superuser (the embedded server's owner) is an admin."""
    groups = ", ".join(f"'hotline_{g}'" for g in GROUPS)
    async with store.read() as conn:
        row = (await conn.execute(text(
            f"SELECT rolsuper, ARRAY(SELECT substr(g, 9) FROM unnest(ARRAY[{groups}]) AS g"
            "  WHERE to_regrole(g) IS NOT NULL AND pg_has_role(current_user, g, 'member'))"
            " FROM pg_roles WHERE rolname = current_user"))).one()
    if row[0]:  # a superuser is an admin, and is no unit's handler (though a member)
        return (frozenset(row[1]) - {UNIT}) | frozenset({ADMIN})
    return frozenset(row[1])


class ConsoleApp:
    def __init__(self, url: str, actor: str, *, journal_path: Path | None = None,
                 sender: Sender | None = None, reporting_url: str | None = None) -> None:
        self.store = Store(url, actor)
        # Where statistics and reports read (console/core/read_source.py): the replica
        # named, else the primary; made once the person's roles are known (open()).
        self._reporting_url = reporting_url
        self.reporting = self.store
        self.feed = ChangeFeed(self.store)
        self.catalog = Catalog()
        # Read in open(), in a worker thread: never on the GUI thread.
        self.outbox = Outbox(self.store, lambda: self.catalog,
                             Journal(journal_path or default_journal_path(url, actor),
                                     load=False))
        self.listener = Listener(self.store.libpq, self.feed.wake, self._link_changed,
                                 link_errors=(DatabaseUnavailable,))
        # A save that found the database out of reach has the link checked: the
        # status then says so, and the journal is resent once the link is back.
        self.outbox.on_unavailable = self.listener.recheck
        self.on_link_change: Callable[[bool], None] = lambda _connected: None
        self._flush_task: asyncio.Task[None] | None = None
        self._resend_wanted = False
        self._reload_deadlines: asyncio.Task[None] | None = None
        self._sweeps: asyncio.Task[None] | None = None
        # Sweeps run in a process of their own, started with the first: none of their
        # work holds this loop (the GUI thread's) or the GIL it needs.
        self.sweep_worker = SweepWorker(url, actor)
        self._resends: asyncio.Task[None] | None = None
        self._sends: asyncio.Task[None] | None = None
        self._seeding: asyncio.Task[None] | None = None
        self.sender = sender  # None: the one HOTLINE_SMS_SENDER names (the log by default)
        # Point -> grid cell, community, street; built again when boundaries are imported.
        self.locator = LiveLocator(self.store)
        self._reload_places: asyncio.Task[None] | None = None
        self.outbox.on_delivered = self._send_journal

    async def open(self, *, demo_data: bool = False, demo_cases: int = 4000) -> None:
        """Connect, load demo data if asked, read the catalog, start listening."""
        offset = await self.store.calibrate_clock()
        self.store.roles = await roles_of(self.store)
        log.info("acting as %s with roles %s", self.store.actor, sorted(self.store.roles))
        self.reporting = reporting_store(self.store, self._reporting_url)
        log.info("seat clock offset to the server: %.3f s", offset.total_seconds())
        await asyncio.to_thread(self.outbox.journal.load)  # a file: not on the GUI thread
        if demo_data:
            from console.demodata import demo  # numpy, shapely, pypinyin: only for the demo

            await demo.load_demo(self.store, cases=demo_cases)
        await self.feed.start()
        self.catalog = await load_catalog(self.store)
        self.feed.subscribe(self._on_events)
        self.listener.start()
        if self.store.roles - {UNIT}:
            # A unit's seat sees only its unit's cases: a sweep from there would
            # pass over the others (and a unit issues no orders: migration 0009).
            self._sweeps = asyncio.get_running_loop().create_task(self._sweep_now_and_then())
        self._resends = asyncio.get_running_loop().create_task(self._resend_now_and_then())
        self._sends = asyncio.get_running_loop().create_task(self._send_now_and_then())

    async def load_places(self) -> None:
        """Build the locator (point -> grid cell) from the database's cells, and follow
        boundary imports; at once when it is built already. The start calls it once
        the window shows: until then a point picked on the map is refused as not yet
        loaded (widgets/hotline/call_place.py)."""
        if not self.locator.loaded:
            await self.locator.start(self.feed)

    def start_deferred(self) -> asyncio.Task[None] | None:
        """Start the work that can wait until the window shows; the task, if any.

        An admin's start adds the holiday years the calendar package has learnt since
        (idempotent; an admin's own entries are kept); the ``calendar_seeded`` event
        then reloads the calendar at every seat, this one included. Others may not
        write the calendar; for a year nobody seeded, deadlines are marked estimated.
        """
        if ADMIN in self.store.roles and self._seeding is None:
            self._seeding = asyncio.get_running_loop().create_task(self._seed_calendar())
        return self._seeding

    async def _seed_calendar(self) -> None:
        try:
            await seed_calendar(self.store, calendar_years(self.store.clock.now().date()))
        except (DatabaseUnavailable, DatabaseBusy) as exc:  # the next start seeds
            log.warning("the working-day calendar was not seeded this time: %s", exc)

    async def _sweep_now_and_then(self) -> None:
        """Every seat offers to sweep; the database lets one at a time do it."""
        while True:
            await asyncio.sleep(SWEEP_EVERY_S + random.uniform(0, SWEEP_JITTER_S))
            try:
                report = await self.sweep_worker.sweep(self.catalog.calendar)
            except (DatabaseUnavailable, DatabaseBusy):
                continue  # an outage (the listener reports it) or a long wait: next time
            except Exception:  # a bug in one sweep must not end the sweeping for good
                log.exception("the sweep failed; the next one runs as usual")
                continue
            if report.issued:
                log.info("sweep issued %d escalation orders", len(report.issued))

    async def _send_now_and_then(self) -> None:
        """Send the citizens' messages that are due, if this login is a sender."""
        while True:
            await asyncio.sleep(SEND_EVERY_S + random.uniform(0, SEND_JITTER_S))
            try:
                if not await delivery.may_send(self.store):
                    log.info("this login is not in hotline_sender: other seats send")
                    return
                break
            except (DatabaseUnavailable, DatabaseBusy):
                continue
        try:
            sender = self.sender or load_sender()
        except SenderNotFound as exc:
            log.error("no sender named %s: messages to citizens wait in the outbox", exc)
            return
        log.info("messages to citizens go out through the sender %s", sender.name)
        while True:
            try:
                report = await delivery.deliver_due(self.store, sender)
            except (DatabaseUnavailable, DatabaseBusy):
                pass  # an outage (the listener reports it) or a long wait: next time
            except Exception:  # a bug in one round must not end the sending for good
                log.exception("sending to citizens failed; the next round runs as usual")
            else:
                if report.sent or report.failed:
                    log.info("messages to citizens: %d sent, %d failed for good",
                             report.sent, report.failed)
            await asyncio.sleep(SEND_EVERY_S + random.uniform(0, SEND_JITTER_S))

    async def _resend_now_and_then(self) -> None:
        while True:
            await asyncio.sleep(RESEND_EVERY_S)
            self._send_journal()

    def _send_journal(self) -> None:
        """Send what waits in the journal (once more if asked again while a send runs)."""
        if not len(self.outbox.journal):
            return
        self._resend_wanted = True
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.get_running_loop().create_task(self._resend())

    def _on_events(self, events: list[Event]) -> None:
        kinds = {e.kind for e in events if e.case_id is None}
        if kinds & CATALOG_EVENTS:
            log.info("reference data changed; it is re-read at the next start")
        if Kind.BOUNDARIES in kinds:
            self._reload_places = asyncio.get_running_loop().create_task(
                self._refresh_places())
        if kinds & DEADLINE_EVENTS:
            self._reload_deadlines = asyncio.get_running_loop().create_task(
                self._refresh_deadlines())

    async def _refresh_deadlines(self) -> None:
        """Calendar or rules changed at some seat: deadlines from now on use them."""
        self.catalog.calendar = await load_calendar(self.store)
        self.catalog.rules = (await load_rules(self.store)).rules

    async def _refresh_places(self) -> None:
        """Boundaries imported at some seat: the streets, communities and cells the
        forms offer are read again (in place: the panes hold this catalog)."""
        fresh = await load_catalog(self.store)
        self.catalog.streets = fresh.streets
        self.catalog.communities = fresh.communities
        self.catalog.grid_cells = fresh.grid_cells

    def _link_changed(self, connected: bool) -> None:
        self.on_link_change(connected)
        if connected:  # the link is back: send what waited in the journal
            self._send_journal()

    async def _resend(self) -> None:
        while self._resend_wanted:
            self._resend_wanted = False
            try:
                await self.outbox.flush()
            except Exception:  # our bug: logged; the drafts stay in the journal
                log.exception("resending the journal failed")

    async def close(self) -> None:
        await self.locator.stop()
        for task in (self._sweeps, self._resends, self._sends, self._reload_places,
                     self._seeding):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await self.sweep_worker.close()
        if self._flush_task is not None and not self._flush_task.done():
            await self._flush_task
        await self.listener.stop()
        if self.reporting is not self.store:
            await self.reporting.close()
        await self.store.close()
