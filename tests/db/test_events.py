"""Events: typed payloads survive the round trip; a writer can wait for its own
event to reach the feed's subscribers."""

import asyncio
import datetime as dt
import uuid

from console.catalog.catalog import Catalog
from console.core import events
from console.core.feed import ChangeFeed, Event, event_id_of
from console.core.store import Store
from console.hotline.intake import create_case
from tests.factories import draft


def test_typed_payloads_round_trip_through_json() -> None:
    roster = events.RosterChanged("swap", (dt.date(2026, 11, 30), dt.date(2026, 12, 1)))
    raw = roster.to_json()
    assert raw == {"action": "swap", "days": ["2026-11-30", "2026-12-01"], "entries": None}
    event = Event(1, None, dt.datetime.now(dt.UTC), "op", roster.kind, raw)
    assert event.data == roster
    assert event.of(events.RosterChanged) == roster
    assert event.of(events.RollCallChanged) is None
    case = uuid.uuid4()
    moved = Event(2, case, dt.datetime.now(dt.UTC), "op", "dispatch", {"unit_id": "7"})
    assert moved.data == events.CaseMoved("dispatch", {"unit_id": "7"})
    assert events.read("a_kind_from_a_newer_version", {"x": 1}, on_a_case=False) is None
    assert events.HandoverChanged.from_json(
        {"handover_id": 3, "action": "signed", "day": "2026-11-30", "shift_id": 2,
         "added_later": True}).day == dt.date(2026, 11, 30)


def test_event_id_of_a_result() -> None:
    class Saved:
        event_id = 41
    assert event_id_of(42) == 42 and event_id_of(Saved()) == 41
    try:
        event_id_of(None)
    except TypeError as exc:
        assert "NoneType" in str(exc)
    else:
        raise AssertionError("a result without an event id was accepted")


async def test_append_returns_the_id_the_feed_delivers(store: Store) -> None:
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)
    async with store.transaction() as conn:
        event_id = await events.append(conn, store.actor, events.RollCallChanged(9, "started", 3))
    await feed.applied(event_id)  # reads without waiting for a notification
    assert [e.id for e in seen] == [event_id]
    assert seen[0].of(events.RollCallChanged) == events.RollCallChanged(9, "started", 3)
    await feed.applied(event_id)  # already applied: returns at once
    assert len(seen) == 1


async def test_through_waits_for_the_write_and_its_event(store: Store,
                                                         catalog: Catalog) -> None:
    feed = ChangeFeed(store)
    await feed.start()
    seen: list[Event] = []
    feed.subscribe(seen.extend)

    async def write() -> int:
        async with store.transaction() as conn:
            return await events.append(conn, store.actor, events.AccountChanged("x", "team"))

    other_writes = [create_case(store, catalog, draft(catalog)) for _ in range(3)]
    ids = await asyncio.gather(feed.through(write()), feed.wake(), *other_writes)
    assert ids[0] in [e.id for e in seen]
    assert [e.id for e in seen] == sorted({e.id for e in seen})  # once each, in order


def test_a_case_moves_facts_read_typed() -> None:
    master = uuid.uuid4()
    moved = events.CaseMoved("callback_unreachable", {
        "attempt": 3, "gave_up": True, "unit_id": "12", "master_id": str(master),
        "reason": "无人接听", "satisfaction": None})
    assert (moved.attempt, moved.gave_up, moved.unit_id, moved.master_id) == (3, True, 12, master)
    assert moved.satisfaction is None and not moved.auto and moved.rule == ""
    assert moved.text("reason") == "无人接听" and moved.text("note") == ""
    try:
        moved.text("payload")
    except KeyError:
        pass
    else:
        raise AssertionError("a key that is no text of a move was read")
