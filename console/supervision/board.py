"""The supervisor's board: overdue and at-risk cases with their escalation
level, and the state of every open order. The at-risk list is read a page at a time
in the order of the ladder's deadline (``at_risk_page``); after case events the
board reads only the cases they name (``at_risk_among``), and now and then the
cases time alone put at risk (``newly_at_risk``). Rows with dates out of the range the
database checks (stored before those checks) are left out or read clamped."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from sys import intern
from typing import Any

from sqlalchemy import (
    DateTime,
    Float,
    Interval,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar
from console.core.store import Store
from console.supervision.escalation import LEVELS, CaseClock, LadderRule, supervision_candidate
from console.supervision.ladder_clock import ladder_due_at, ladder_started
from console.supervision.ladder_rules import load_rule
from db import schema as s

C, ORDER = s.Case, s.EscalationOrder
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS, 1)}
DUE = ladder_due_at()


@dataclass(frozen=True, slots=True)  # no __dict__: the board holds tens of thousands
class BoardCase:
    id: uuid.UUID
    public_no: str
    unit_id: int | None
    status: str
    urgency: str
    due_at: dt.datetime
    overdue: bool
    level: str | None  # the highest order issued so far
    candidate: bool     # overdue long enough for a supervision order


@dataclass(frozen=True)
class OpenOrder:
    id: int
    case_id: uuid.UUID
    public_no: str
    level: str
    unit_id: int | None
    issued_at: dt.datetime
    reply_due_at: dt.datetime | None
    acknowledged: bool


Key = tuple[dt.datetime, uuid.UUID]  # (the ladder's deadline, id): the list's order
FIRST_PAGE = 200  # the first rows of a load, on screen at once
PAGE = 1_000      # then the rest, and re-reads by id, a page at a time


def sort_key(case: BoardCase) -> Key:
    return case.due_at, case.id


def _open_cases():  # noqa: ANN202
    started = ladder_started()  # the running clock (the unit's, if any)
    return (select(C.id, C.public_no, C.assigned_unit_id.label("unit_id"), C.status,
                   C.urgency, DUE.label("due"), started.label("started"), C.paused_at,
                   C.clock_round)
            .where(C.status.in_(s.OPEN_STATUSES), s.in_range(DUE), s.in_range(started),
                   C.imported_from.is_(None)))  # no ladder for history


async def _at_risk_of(conn: AsyncConnection, cases: Any, calendar: WorkCalendar
                      ) -> tuple[list[BoardCase], Key | None, int]:
    """Of the open cases ``cases`` (a subquery), those that are overdue or have
    earned a reminder, in its order, with their level this round; also the last
    case's key and how many ``cases`` held (the next page starts after it)."""
    now = (await conn.execute(select(func.now()))).scalar_one()
    rule: LadderRule = await load_rule(conn)

    def seconds(interval: Any) -> Any:
        return func.extract("epoch", interval)

    # At least the reminder's share of the time limit used (in seconds).
    risk = seconds(now - cases.c.started) >= seconds(cases.c.due - cases.c.started) * \
        literal(rule.reminder_share, Float())
    levels = (select(func.coalesce(func.array_agg(ORDER.level), text("'{}'::text[]")))
              .where(ORDER.case_id == cases.c.id, ORDER.round == cases.c.clock_round)
              .scalar_subquery())
    rows = (await conn.execute(select(cases, risk.label("risk"),
                                      case((risk, levels)).label("levels"))
                               .order_by(cases.c.due, cases.c.id))).all()
    out = []
    for c in (r for r in rows if r.risk):
        rank = max((LEVEL_RANK[level] for level in c.levels), default=0)
        level = LEVELS[rank - 1] if rank else None
        issued = frozenset(LEVELS[:rank])
        clock = CaseClock(c.id, c.started, c.due, c.paused_at is not None, 1, issued)
        out.append(BoardCase(c.id, c.public_no, c.unit_id, intern(c.status), c.urgency, c.due,
                             now >= c.due, level,
                             supervision_candidate(clock, rule, now, calendar)))
    return out, ((rows[-1].due, rows[-1].id) if rows else None), len(rows)


async def at_risk_page(store: Store, calendar: WorkCalendar, after: Key | None,
                       limit: int = PAGE) -> tuple[list[BoardCase], Key | None]:
    """The at-risk cases among the next ``limit`` open cases after ``after``, most
    overdue first (an ordered scan of ``ix_case_open_clock_due``); and where the next
    page starts (None: this was the last)."""
    query = _open_cases().order_by(DUE, C.id).limit(limit)
    if after is not None:
        query = query.where(tuple_(DUE, C.id) > tuple_(
            bindparam("after_due", after[0], type_=DateTime(timezone=True)),
            bindparam("after_id", after[1], type_=UUID(as_uuid=True))))
    async with store.read() as conn:
        cases, last, read = await _at_risk_of(conn, query.subquery("page"), calendar)
    return cases, (last if read == limit else None)


async def at_risk(store: Store, calendar: WorkCalendar) -> list[BoardCase]:
    """Open cases that are overdue or have earned a reminder, most overdue first."""
    out: list[BoardCase] = []
    after: Key | None = None
    while True:
        page, after = await at_risk_page(store, calendar, after)
        out += page
        if after is None:
            return out


async def at_risk_among(store: Store, calendar: WorkCalendar, ids: Sequence[uuid.UUID]
                        ) -> list[BoardCase]:
    """Which of ``ids`` (cases an event named) are at risk now, read as above; one
    array parameter a page, however many."""
    out: list[BoardCase] = []
    async for _asked, page in at_risk_among_pages(store, calendar, ids):
        out += page
    return out


async def at_risk_among_pages(store: Store, calendar: WorkCalendar, ids: Sequence[uuid.UUID]
                              ) -> AsyncIterator[tuple[list[uuid.UUID], list[BoardCase]]]:
    """``at_risk_among`` a page of ``PAGE`` ids at a time: the ids asked and which of
    them are at risk now (a board merges each page as it comes: no step of the GUI
    thread handles more than a page, however many cases a burst named)."""
    ordered = sorted(set(ids))
    for first in range(0, len(ordered), PAGE):
        chunk = ordered[first:first + PAGE]
        query = _open_cases().where(C.id == any_(bindparam(
            "ids", chunk, type_=ARRAY(UUID(as_uuid=True)))))
        async with store.read() as conn:
            found = (await _at_risk_of(conn, query.subquery("named"), calendar))[0]
        yield chunk, found


async def newly_at_risk(store: Store, calendar: WorkCalendar, since: dt.datetime
                        ) -> tuple[list[BoardCase], dt.datetime]:
    """Cases that fell overdue or earned their reminder since ``since`` with no event
    (time passed), and the moment read: the board asks now and then."""
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        rule: LadderRule = await load_rule(conn)
        started = ladder_started()
        share = literal(rule.reminder_share, Float())
        crossed = or_(DUE.between(since, now), and_(
            started < DUE, (started + (DUE - started).self_group().op(
                "*", return_type=Interval())(share)).between(since, now)))
        query = _open_cases().where(crossed)
        return (await _at_risk_of(conn, query.subquery("crossed"), calendar))[0], now


async def open_orders(store: Store) -> list[OpenOrder]:
    """Orders still waiting for their reply, the soonest due first."""
    async with store.read() as conn:
        rows = await conn.execute(
            select(ORDER.id, ORDER.case_id, C.public_no, ORDER.level, ORDER.target_unit_id,
                   s.readable(ORDER.issued_at), s.readable(ORDER.reply_due_at),
                   ORDER.acknowledged_at.is_not(None))
            .join(C, C.id == ORDER.case_id)
            .where(ORDER.replied_at.is_(None), ORDER.level.in_(("supervision", "inspection")))
            .order_by(ORDER.reply_due_at.nulls_last(), ORDER.id))
        return [OpenOrder(*r) for r in rows]
