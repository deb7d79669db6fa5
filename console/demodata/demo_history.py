"""Writing the demo's generated history: the world the stories read (units, their
handlers, who sits at which desk, the notice templates) and the rows they tell,
each with its own time (the events too: migration 0015 lets the owner's loader
keep them, asked for with ``hotline.history``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb
from sqlalchemy import insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar
from console.demodata.demo_teller import Story, Unit, World
from console.demodata.files import read
from console.supervision import ladder_rules
from db import schema as s

DESK_ROLES = ("operator", "dispatcher", "shift_leader", "supervisor")


async def load_world(conn: AsyncConnection, calendar: WorkCalendar,
                     now: dt.datetime) -> World:
    share = {u["code"]: u.get("on_time") for u in read("units.json")}
    units: dict[int, Unit] = {}
    for r in await conn.execute(select(s.Unit.id, s.Unit.code, s.Unit.kind, s.Unit.street_code,
                                       s.Unit.community_code)):
        units[r.id] = Unit(r.id, r.kind, r.street_code, r.community_code, share.get(r.code))
    centres = {u.street: u.id for u in units.values() if u.kind == "centre" and u.street}
    communities = {u.community: u.id for u in units.values()
                   if u.kind == "community" and u.community}
    offices = {u.street: u.id for u in units.values()
               if u.kind == "street" and u.street and u.community is None}
    handlers: dict[int, str] = {}
    desk: dict[str, list[str]] = {role: [] for role in DESK_ROLES}
    for person in await conn.execute(
            select(s.Staff.login, s.Staff.roles, s.Staff.unit_id)
            .where(s.Staff.login.is_not(None)).order_by(s.Staff.id)):
        if person.unit_id is not None and person.login:
            handlers.setdefault(person.unit_id, person.login)
        for role in person.roles:
            if role in desk and person.login:
                desk[role].append(person.login)
    rule = (await conn.execute(select(s.NoticeRule.acceptance_template,
                                      s.NoticeRule.result_template))).one()
    return World(calendar, now, units, centres, communities, offices, handlers, desk,
                 float(read("case_mix.json")["on_time"]),
                 {"acceptance": rule.acceptance_template, "result": rule.result_template},
                 await ladder_rules.load_rule(conn))


async def write(conn: AsyncConnection, stories: list[Story]) -> None:
    """All the stories' rows, cases first; events keep their own times. Cases and
    events go by COPY (tens of thousands of rows: a statement each would take
    seconds of the first start)."""
    driver = (await conn.get_raw_connection()).driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    columns = list(stories[0].row) if stories else []
    async with driver.cursor() as cur, cur.copy(sql.SQL('COPY "case" ({}) FROM STDIN').format(
            sql.SQL(", ").join(map(sql.Identifier, columns)))) as copy:
        for story in stories:
            await copy.write_row([story.row[c] for c in columns])
    await _orders(conn, stories)
    await conn.execute(text("SET LOCAL hotline.history = 'on'"))
    flat = [e for story in stories for e in story.events]
    async with driver.cursor() as cur:
        async with cur.copy("COPY case_event (case_id, at, actor, kind, payload)"
                            " FROM STDIN") as copy:
            for e in flat:
                await copy.write_row((e["case_id"], e["at"], e["actor"], e["kind"],
                                      Jsonb(e["payload"])))
        # The ids in the order written: this transaction holds the event-id lock from
        # its first event on, so its events are the rows it made, numbered as copied.
        await cur.execute("SELECT id FROM case_event WHERE xmin = pg_current_xact_id()::xid"
                          " ORDER BY id")
        ids = [row[0] for row in await cur.fetchall()]
    assert len(ids) == len(flat), (len(ids), len(flat))
    await _records(conn, stories, ids)


async def _orders(conn: AsyncConnection, stories: list[Story]) -> None:
    """The escalation orders, and their ids into the events that issued them."""
    rows = [order for story in stories for order in story.orders]
    ids: list[int] = []
    for i in range(0, len(rows), 2000):
        ids += (await conn.execute(insert(s.EscalationOrder).returning(
            s.EscalationOrder.id, sort_by_parameter_order=True), rows[i:i + 2000])
        ).scalars().all()
    first = 0  # the index of a story's first order among all the orders
    for story in stories:
        for event in story.events:
            if "_order" in event["payload"]:
                event["payload"]["order_id"] = ids[first + event["payload"].pop("_order")]
        first += len(story.orders)


async def _records(conn: AsyncConnection, stories: list[Story], ids: list[int]) -> None:
    first = 0  # the index of a story's first event among all the events
    messages: list[dict[str, Any]] = []
    for story in stories:
        for m in story.messages:
            event = m.pop("event")
            messages.append({**m, "source_event_id": None if event is None
                             else ids[first + event]})
        first += len(story.events)
    for table, rows in ((s.Callback, [r for st in stories for r in st.callbacks]),
                        (s.Verification, [r for st in stories for r in st.verifications]),
                        (s.UnitRequest, [r for st in stories for r in st.requests]),
                        (s.CitizenMessage, messages)):
        for i in range(0, len(rows), 2000):
            if rows[i:i + 2000]:
                await conn.execute(insert(table), rows[i:i + 2000])
    for story in stories:
        for referral in story.referrals:
            decision = referral.pop("decision", None)
            referral_id = (await conn.execute(insert(s.DisputeReferral).values(**referral)
                                              .returning(s.DisputeReferral.id))).scalar_one()
            if decision is not None:
                await conn.execute(insert(s.DisputeDecision).values(
                    referral_id=referral_id, **decision))
