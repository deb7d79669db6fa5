"""Issue 16, intake: seats save side by side (migration 0022). Public numbers come
from a sequence, event ids without a lock held to commit, and the change feed still
gives every committed event once, however the writers' commits interleave."""

from __future__ import annotations

import asyncio
import random
import re
import uuid

import psycopg
import pytest
from psycopg import errors

from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.hotline.intake import create_case
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.db.people import person, raw
from tests.factories import draft

NUMBER = re.compile(r"^PS-(\d{8})-(\d{6,})$")


def number_of(public_no: str) -> int:
    found = NUMBER.match(public_no)
    assert found is not None, public_no
    return int(found.group(2))


def a_case_insert(conn: psycopg.Connection, category: tuple[int, str],
                  public_no: str | None = None) -> tuple[uuid.UUID, str]:
    """A minimal case and its event as a login inserts them by hand; its id and stored
    number."""
    case_id = uuid.uuid4()
    with conn.transaction():
        row = conn.execute(
            'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency, status,'
            " created_by, due_at) VALUES (%s, %s, 'web', '手写', %s, %s, 'accepted',"
            " session_user, now() + interval '3 days') RETURNING public_no",
            (case_id, public_no, *category)).fetchone()
        conn.execute("INSERT INTO case_event (case_id, kind) VALUES (%s, 'created')",
                     (case_id,))
    assert row is not None
    return case_id, str(row[0])


async def test_seats_saving_at_once_get_one_number_each_in_a_row(
        login_as: MakeLogin, catalog: Catalog) -> None:
    seats = [await person(login_as("operator")) for _ in range(6)]
    try:
        made = await asyncio.gather(*(create_case(seat, catalog, draft(catalog))
                                      for seat in seats for _ in range(5)))
    finally:
        for seat in seats:
            await seat.close()
    numbers = sorted(number_of(m.public_no) for m in made)
    assert len(set(numbers)) == 30
    # No save failed, so the day's numbers have no gap.
    assert numbers == list(range(numbers[0], numbers[0] + 30))
    assert len({NUMBER.match(m.public_no).group(1) for m in made}) == 1  # type: ignore[union-attr]


async def test_a_save_that_fails_leaves_a_gap_and_staff_choose_no_number(
        login_as: MakeLogin, catalog: Catalog) -> None:
    operator = login_as("operator")
    leaf = catalog.categories[draft(catalog).category_id or 0]
    category = (leaf.id, str(leaf.urgency))
    with raw(operator) as conn:
        _, first = a_case_insert(conn, category)
        with conn.transaction(force_rollback=True):  # drew a number, then gave up
            a_case_insert(conn, category)
        _, chosen = a_case_insert(conn, category, public_no="PS-20991231-000001")
    assert number_of(chosen) == number_of(first) + 2  # the number given up is a gap
    assert chosen[:11] == first[:11]  # today's, not the day the login chose
    with raw(operator) as conn:
        for statement in ("SELECT nextval('hotline_private.case_no')",
                          "SELECT setval('hotline_private.case_no', 1)",
                          "UPDATE hotline_private.case_number_day SET base = 0",
                          "SELECT public.case_numbered()"):
            with pytest.raises((errors.InsufficientPrivilege, errors.FeatureNotSupported)), \
                    conn.transaction():
                conn.execute(statement)  # type: ignore[arg-type]


async def test_a_day_goes_on_after_the_numbers_its_counter_gave(
        database_url: str, login_as: MakeLogin, catalog: Catalog) -> None:
    """Upgraded mid-day, or a demo history of today: numbers go on after the counter."""
    with raw(database_url) as conn:  # the server's superuser
        conn.execute("DELETE FROM hotline_private.case_number_day")
        conn.execute("INSERT INTO case_number_counter (day, last) VALUES"
                     " ((now() AT TIME ZONE 'Asia/Shanghai')::date, 41)")
    seat = await person(login_as("operator"))
    try:
        made = await create_case(seat, catalog, draft(catalog))
    finally:
        await seat.close()
    assert number_of(made.public_no) == 42


def test_staff_cannot_forge_an_events_transaction(login_as: MakeLogin) -> None:
    with raw(login_as("operator")) as conn:
        with conn.transaction():
            row = conn.execute(
                "INSERT INTO case_event (kind, xact) VALUES ('note', '1')"
                " RETURNING xact::text, pg_current_xact_id()::text").fetchone()
        assert row is not None and row[0] == row[1] != "1"


async def test_an_open_transaction_with_an_event_stops_no_save(
        login_as: MakeLogin, catalog: Catalog) -> None:
    """Up to 0021 a transaction that had appended an event held every seat's save."""
    holder, operator = login_as("operator"), login_as("operator")
    seat = await person(operator)
    try:
        with psycopg.connect(libpq_conninfo(holder)) as hold:
            hold.execute("INSERT INTO case_event (kind) VALUES ('note')")  # left open
            async with asyncio.timeout(5):
                made = await create_case(seat, catalog, draft(catalog))
            assert made.created
            hold.rollback()
    finally:
        await seat.close()


class Writer:
    """A raw connection as a staff login, appending events in transactions it opens
    and commits when told."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(libpq_conninfo(url))

    def append(self, kind: str) -> int:
        row = self.conn.execute("INSERT INTO case_event (kind) VALUES (%s) RETURNING id",
                                (kind,)).fetchone()
        assert row is not None
        return int(row[0])


async def test_the_feed_gives_an_event_whose_transaction_commits_late(
        store: Store, login_as: MakeLogin) -> None:
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)
    early, late = Writer(login_as("operator")), Writer(login_as("dispatcher"))
    try:
        first = early.append("early_id")  # the smaller id ...
        second = late.append("late_id")
        assert first < second
        late.conn.commit()  # ... commits last
        await feed.wake()
        assert [e.id for e in seen] == [second]
        early.conn.commit()
        await feed.wake()
        await feed.applied(first)  # the writer's wait ends, too
        assert [e.id for e in seen] == [second, first]
        await feed.wake()
        assert len(seen) == 2  # nothing twice
    finally:
        early.conn.close()
        late.conn.close()


async def test_the_feed_misses_nothing_among_writers_committing_in_any_order(
        store: Store, login_as: MakeLogin) -> None:
    """Eight writers open transactions, append one to three events each, and commit
    or roll back in a shuffled order while the feed reads between every step (in
    batches of two, so a read is cut off and goes on)."""
    from console.core import feed as feed_module

    rng = random.Random(16)
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)
    urls = [login_as("operator") for _ in range(8)]
    committed: set[int] = set()
    rolled_back: set[int] = set()
    batch = feed_module.BATCH
    feed_module.BATCH = 2
    try:
        for _round in range(4):
            writers = [Writer(url) for url in urls]
            try:
                ids: dict[Writer, list[int]] = {w: [] for w in writers}
                steps = [w for w in writers for _ in range(rng.randint(1, 3))]
                rng.shuffle(steps)
                for w in steps:  # appends interleave across the open transactions
                    ids[w].append(w.append("stress"))
                    if rng.random() < 0.3:
                        await feed.wake()
                order = list(writers)
                rng.shuffle(order)
                for w in order:
                    if rng.random() < 0.2:
                        w.conn.rollback()
                        rolled_back.update(ids[w])
                    else:
                        w.conn.commit()
                        committed.update(ids[w])
                    await feed.wake()
            finally:
                for w in writers:
                    w.conn.close()
        await feed.wake()
    finally:
        feed_module.BATCH = batch
    delivered = [e.id for e in seen]
    assert len(delivered) == len(set(delivered))  # once each
    assert set(delivered) == committed  # every committed one, no rolled-back one
    assert not rolled_back & set(delivered)


async def test_a_writer_waiting_for_an_event_applied_before_the_feed_started(
        store: Store, catalog: Catalog) -> None:
    made = await create_case(store, catalog, draft(catalog))
    feed = ChangeFeed(store)
    await feed.start()
    async with asyncio.timeout(5):
        await feed.applied(made.event_id)  # seen at start: returns at once
        await feed.applied(0)  # a write that appended nothing


async def test_a_seat_wakes_the_others_after_its_commit_and_psql_still_wakes_them(
        database_url: str, store: Store, catalog: Catalog, login_as: MakeLogin) -> None:
    async with await psycopg.AsyncConnection.connect(libpq_conninfo(database_url),
                                                     autocommit=True) as listen:
        await listen.execute("LISTEN case_event")
        made = await create_case(store, catalog, draft(catalog))
        heard = [int(n.payload) async for n in listen.notifies(timeout=5, stop_after=1)]
        assert heard == [made.event_id]  # after the commit
        assert [n async for n in listen.notifies(timeout=0.5)] == []  # and once
        with raw(login_as("operator")) as conn:  # a writer without a seat's connection
            written = conn.execute("INSERT INTO case_event (kind) VALUES ('note')"
                                   " RETURNING id").fetchone()
        assert written is not None
        heard = [int(n.payload) async for n in listen.notifies(timeout=5, stop_after=1)]
        assert heard == [written[0]]
