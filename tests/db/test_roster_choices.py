"""What the roster's dialogs offer, read in one go: the duties a person could
swap with (one statement, where the pane used to read fifteen days one by one)
and who could stand in (against a real database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from console.core.store import Store
from console.duty import roster, roster_edits, stand_ins
from console.duty.duty_setup import load_setup

LEADERS = frozenset({"shift_leader"})
DAY = dt.date(2026, 11, 22)


@pytest.fixture
async def leader(store: Store) -> Store:
    store.roles = LEADERS
    for month in (11, 12):
        await roster.generate_month(store, 2026, month)
    return store


@contextmanager
def counted(store: Store) -> Iterator[dict[str, int]]:
    """Transactions begun and SQL statements sent on ``store``'s connections."""
    counts = {"transactions": 0, "statements": 0}
    engine = store.engine.sync_engine

    def began(_conn: Any) -> None:
        counts["transactions"] += 1

    def sent(*_args: Any) -> None:
        counts["statements"] += 1

    event.listen(engine, "begin", began)
    event.listen(engine, "before_cursor_execute", sent)
    try:
        yield counts
    finally:
        event.remove(engine, "begin", began)
        event.remove(engine, "before_cursor_execute", sent)


async def room_duty(store: Store, day: dt.date, code: str) -> roster.Duty:
    setup = await load_setup(store)
    entries, _version = await roster.day_entries(store, day)
    return next(e for e in entries if setup.post(e.post_id).kind == "community"
                and e.shift_id == setup.shift_by_code(code).id)


async def day_by_day(store: Store, duty: roster.Duty) -> tuple[list[roster.Duty],
                                                                dict[dt.date, int]]:
    """The options as the pane used to gather them: each day of the window read alone."""
    found, versions = [], {}
    for offset in range(-roster.SWAP_WINDOW, roster.SWAP_WINDOW + 1):
        day = duty.day + dt.timedelta(days=offset)
        entries, versions[day] = await roster.day_entries(store, day)
        found += [e for e in entries if e.post_id == duty.post_id and e.kind == "duty"
                  and e.staff_id != duty.staff_id
                  and (e.day, e.shift_id) != (duty.day, duty.shift_id)]
    return found, versions


async def test_the_swap_options_are_the_same_as_day_by_day_in_one_statement(
        leader: Store) -> None:
    evening = await room_duty(leader, DAY, "evening")
    # edits around it: a day with a newer version, and a duty on leave (not offered)
    later = await room_duty(leader, DAY + dt.timedelta(days=3), "day")
    _entries, version = await roster.day_entries(leader, later.day)
    stand_in = next(c for c in await stand_ins.candidates(leader, later) if c.short_rest is None)
    await roster_edits.leave(leader, later.id, later.day, version, "病假", stand_in.person.staff_id)

    with counted(leader) as before:
        found, versions = await day_by_day(leader, evening)
    with counted(leader) as now:
        options = await roster.swap_options(leader, evening)

    assert [o.duty for o in options] == found
    assert {o.duty.day: o.day_version for o in options} == {
        day: v for day, v in versions.items() if any(e.day == day for e in found)}
    assert later.id not in {o.duty.id for o in options}
    assert {o.day_version for o in options if o.duty.day == later.day} == {version + 1}
    assert {o.duty.day for o in options} == {DAY + dt.timedelta(days=k) for k in range(-7, 8)}
    assert now == {"transactions": 1, "statements": 1}
    assert before == {"transactions": 15, "statements": 30}


async def test_a_stand_in_is_judged_by_the_duties_beyond_the_month_too(leader: Store) -> None:
    """The room's night shift of 1 December (00–08): whoever worked the room's
    evening of 30 November, off at midnight, would have no rest at all."""
    first = await room_duty(leader, dt.date(2026, 12, 1), "night")
    evening = await room_duty(leader, dt.date(2026, 11, 30), "evening")
    assert evening.staff_id != first.staff_id
    with counted(leader) as reads:
        offered = await stand_ins.candidates(leader, first)
    assert reads["transactions"] == 1
    by_person = {c.person.staff_id: c for c in offered}
    assert first.staff_id not in by_person
    assert by_person[evening.staff_id].short_rest == dt.timedelta(0)
    colleagues = [c for c in offered if c.person.post_id == first.post_id]
    assert colleagues == offered[:len(colleagues)]  # the room's people first
    rested = [c.short_rest is None for c in colleagues if c.person.team_id != first.team_id]
    assert rested == sorted(rested, reverse=True)  # rested ones first
