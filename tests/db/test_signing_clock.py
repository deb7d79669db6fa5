"""The unit's clock by the admin's rule ``sign`` (migration 0013): a dispatch leaves it
waiting and gives the unit its sign deadline; the signing (by the service, by raw
SQL as the handler, or the desk's start) starts it by the category's rule; the
database counts the sign limit and the return window as the console's calendar does."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from psycopg import errors
from sqlalchemy import func, select, update

from console.calendar.deadlines import load_calendar, seed_calendar
from console.calendar.workdays import WorkCalendar
from console.casework import cases, clocks, countdown, queue
from console.catalog.catalog import load_catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.units import clocks as unit_clocks
from console.units import work
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw
from tests.db.units_fixture import a_handler, dispatched_to, two_units

C = s.Case
SIGN = ("UPDATE \"case\" SET status = 'in_progress', signed_at = now(),"
        " version = version + 1 WHERE id = %s")
EVENT = "INSERT INTO case_event (case_id, kind, payload) VALUES (%s, %s, '{}')"


async def the_rule(store: Store, starts: str, **values: int) -> None:
    """The clock rule as an admin would set it (the owner, here)."""
    async with store.transaction() as conn:
        await conn.execute(update(s.ClockRule).values(unit_clock_starts=starts, **values,
                                                      version=s.ClockRule.version + 1))


async def clock(store: Store, case_id: uuid.UUID) -> dict:
    async with store.read() as conn:
        row = (await conn.execute(select(
            C.status, C.dispatched_at, C.signed_at, C.sign_due_at, C.unit_clock_at,
            C.unit_due_at, C.clock_round,
            func.unit_deadline(C.category_id, C.urgency, C.signed_at).label("by_rule"))
            .where(C.id == case_id))).one()
    return dict(row._mapping)


async def test_by_the_sign_rule_the_signing_starts_the_units_clock(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    await the_rule(store, "sign")
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    case_id = await dispatched_to(operator, dispatcher, unit)
    waiting = await clock(store, case_id)
    calendar = await load_calendar(store)
    assert (waiting["unit_clock_at"], waiting["unit_due_at"], waiting["clock_round"]) == (
        None, None, 2)
    assert waiting["sign_due_at"] == unit_clocks.sign_due(calendar, waiting["dispatched_at"])

    # While it waits, the countdown and the queue run on the case's own clock and say
    # by when the unit is to sign.
    (entry,) = await countdown.open_countdowns(store)
    assert entry.to_sign_by == waiting["sign_due_at"] and entry.unit_clock_at is None
    rows = await queue.fetch_rows(store, [case_id])
    assert rows[case_id].to_sign_by == waiting["sign_due_at"]

    handler = await person(a_handler(login_as, database_url, unit))
    try:
        signed = await work.sign(handler, case_id, None)
    finally:
        await handler.close()
    started = await clock(store, case_id)
    assert started["unit_clock_at"] == started["signed_at"] is not None
    assert started["unit_due_at"] == started["by_rule"] is not None
    assert started["clock_round"] == 3  # a fresh clock, a round of its own
    assert signed.after.unit_due_at == started["unit_due_at"]  # the console agrees
    assert signed.payload["unit_due_at"] == started["unit_due_at"]
    assert started["sign_due_at"] == waiting["sign_due_at"]  # kept: signed on time or not
    (entry,) = await countdown.open_countdowns(store)
    assert entry.to_sign_by is None and entry.due_at == started["unit_due_at"]


async def test_the_database_starts_the_clock_whoever_signs_by_raw_sql(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    await the_rule(store, "sign")
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    by_handler = await dispatched_to(operator, dispatcher, unit)
    by_desk = await dispatched_to(operator, dispatcher, unit)
    with raw(a_handler(login_as, database_url, unit)) as conn, conn.transaction():
        conn.execute(SIGN.replace(" WHERE", ", unit_clock_at = NULL, unit_due_at = NULL,"
                                  " sign_due_at = now() + interval '9 days' WHERE"),
                     (by_handler,))  # whatever it writes there is replaced
        conn.execute(EVENT, (by_handler, "sign"))
    with raw(dispatcher) as conn, conn.transaction():  # the desk's start, for the unit
        conn.execute("UPDATE \"case\" SET status = 'in_progress', version = version + 1"
                     " WHERE id = %s", (by_desk,))
        conn.execute(EVENT, (by_desk, "start"))
    signed, started = await clock(store, by_handler), await clock(store, by_desk)
    assert signed["unit_clock_at"] == signed["signed_at"]
    assert signed["unit_due_at"] == signed["by_rule"] is not None
    assert signed["sign_due_at"] < signed["dispatched_at"] + dt.timedelta(days=9)
    assert started["unit_clock_at"] is not None and started["clock_round"] == 3


async def test_by_the_dispatch_rule_signing_keeps_the_clock_and_a_return_clears_it(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    unit, _ = two_units(database_url)
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    kept = await dispatched_to(operator, dispatcher, unit)
    back = await dispatched_to(operator, dispatcher, unit)
    before = await clock(store, kept)
    assert before["unit_clock_at"] == before["dispatched_at"] and before["sign_due_at"]
    handler = await person(a_handler(login_as, database_url, unit))
    desk = await person(dispatcher)
    try:
        await work.sign(handler, kept, None)
        await cases.perform(desk, back, "return", None, reason="错派")
    finally:
        await handler.close()
        await desk.close()
    after = await clock(store, kept)
    assert (after["unit_clock_at"], after["unit_due_at"], after["clock_round"]) == (
        before["unit_clock_at"], before["unit_due_at"], before["clock_round"])
    returned = await clock(store, back)
    assert (returned["sign_due_at"], returned["unit_clock_at"]) == (None, None)


async def test_the_sign_limit_is_the_rules_and_a_forward_gives_the_community_its_own(
        store: Store, login_as: MakeLogin, database_url: str) -> None:
    await seed_calendar(store, (2026,))
    await the_rule(store, "dispatch", sign_limit_working_hours=5)
    with raw(database_url) as conn:
        centre, street = conn.execute("SELECT id, street_code FROM unit WHERE kind = 'centre'"
                                      " AND street_code IS NOT NULL ORDER BY id LIMIT 1"
                                      ).fetchone()  # type: ignore[misc]
        community, = conn.execute("SELECT id FROM unit WHERE kind = 'community'"
                                  " AND street_code = %s ORDER BY id LIMIT 1",
                                  (street,)).fetchone()  # type: ignore[misc]
    case_id = await dispatched_to(login_as("operator"), login_as("dispatcher"), centre)
    calendar = await load_calendar(store)
    at_centre = await clock(store, case_id)
    assert at_centre["sign_due_at"] == unit_clocks.sign_due(
        calendar, at_centre["dispatched_at"], 5)
    sub_centre = await person(a_handler(login_as, database_url, centre))
    try:
        moved = await work.forward(sub_centre, case_id, None, community)
    finally:
        await sub_centre.close()
    forwarded = await clock(store, case_id)
    assert forwarded["sign_due_at"] == unit_clocks.sign_due(
        calendar, forwarded["dispatched_at"], 5) == moved.after.sign_due_at
    # The clock the sub-centre got runs on: forwarding is no way to a longer limit.
    assert (forwarded["unit_clock_at"], forwarded["unit_due_at"]) == (
        at_centre["unit_clock_at"], at_centre["unit_due_at"])


async def test_the_database_counts_office_hours_and_working_days_as_the_console(
        store: Store) -> None:
    await seed_calendar(store, (2026,))
    calendar: WorkCalendar = await load_calendar(store)
    starts = [dt.datetime(2026, month, day, hour, minute, tzinfo=CENTRE_TZ)
              for month, day in ((4, 30), (5, 1), (5, 6), (9, 25), (9, 30), (10, 8), (10, 9),
                                 (12, 31))
              for hour, minute in ((0, 0), (8, 59), (9, 0), (12, 30), (16, 0), (17, 30),
                                   (18, 0), (23, 59))]
    async with store.read() as conn:
        for start in starts:
            for hours in (1, 2, 9, 10, 27):
                got = (await conn.execute(select(func.after_office_hours(start, hours)))
                       ).scalar_one()
                assert got == unit_clocks.add_working_hours(calendar, start, hours), (
                    start, hours)
            for days in (1, 3):
                got = (await conn.execute(select(func.after_working_days(start, days)))
                       ).scalar_one()
                assert got == calendar.add_working_days(start, days), (start, days)


async def test_an_admin_chooses_the_sign_rule_through_the_service(
        login_as: MakeLogin) -> None:
    assert clocks.available() == ("dispatch", "sign")
    admin = await person(login_as("admin"))
    try:
        saved = await clocks.set_clock_rule(admin, "sign", expected_version=1)
        assert (saved.unit_clock_starts, saved.version) == ("sign", 2) and saved.event_id
        case_id = await a_case(login_as("operator"), category_id=next(
            c.id for c in sorted((await load_catalog(admin)).categories.values(),
                                 key=lambda c: c.code)
            if c.is_leaf and not c.auto_dispatch and c.limit_working_days))
        desk = await person(login_as("dispatcher"))
        try:
            unit = sorted(u.id for u in (await load_catalog(desk)).units.values() if u.active)[0]
            made = await cases.perform(desk, case_id, "dispatch", None, unit_id=unit)
        finally:
            await desk.close()
        assert made.after.unit_due_at is None and made.after.sign_due_at is not None
    finally:
        await admin.close()


def test_a_login_cannot_choose_when_the_clock_starts(login_as: MakeLogin) -> None:
    with raw(login_as("dispatcher")) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("UPDATE clock_rule SET unit_clock_starts = 'sign', version = version + 1")
