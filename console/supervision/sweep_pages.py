"""The sweep's pages: which open cases may want an automatic order, a bounded page at a
time, and the orders of one page issued by one set-based statement.

The database selects the cases itself (no list of ids goes to it): open, made here,
running (a paused clock earns nothing), past the reminder's share of their time or
overdue, and not finished with the ladder this round. Pages follow the running
clock's deadline and then the id (``ix_case_open_clock_due``, migration 0021), so a
page resumes where the last one ended (keyset). Each page is its own short
transaction, and its orders are issued in batches of ``ISSUE_BATCH``, each its own
transaction: the event-id lock every save needs is taken by a batch's event insert
and held only until the commit right after it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    DateTime,
    Float,
    Integer,
    Interval,
    String,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.supervision.escalation import AUTOMATIC
from console.supervision.ladder_clock import ladder_due_at, ladder_started
from db import schema as s

C, ORDER = s.Case, s.EscalationOrder
PAGE = 2_000  # cases per page read (the read holds only the sweep's turn, no lock saves need)
ISSUE_BATCH = 20  # orders per transaction: the event-id lock for a few milliseconds
STARTED = ladder_started()
DUE = ladder_due_at()
READABLE = (s.in_range(DUE), s.in_range(STARTED),
            or_(C.paused_at.is_(None), s.in_range(C.paused_at)))
# History imported from another system (migration 0017) never climbs the ladder.
MADE_HERE = C.imported_from.is_(None)
Cursor = tuple[dt.datetime, uuid.UUID]


@dataclass(frozen=True)
class PageCase:
    id: uuid.UUID
    public_no: str
    started: dt.datetime
    due: dt.datetime
    unit_id: int | None
    round: int
    issued: frozenset[str]  # this round's levels


@dataclass(frozen=True)
class Page:
    cases: list[PageCase]  # those of the page that may want an order
    next: Cursor | None    # where the next page starts; None: this was the last


def _open_page(after: Cursor | None, limit: int):  # noqa: ANN202
    """The next ``limit`` open running-clock cases made here, by (deadline, id): an
    ordered scan of ``ix_case_open_clock_due`` that stops after ``limit`` rows."""
    query = (select(C.id, C.public_no, STARTED.label("started"), DUE.label("due"),
                    C.assigned_unit_id.label("unit_id"), C.clock_round, C.paused_at)
             .where(C.status.in_(s.OPEN_STATUSES), MADE_HERE, DUE.is_not(None), *READABLE)
             .order_by(DUE, C.id).limit(limit))
    if after is not None:
        query = query.where(tuple_(DUE, C.id) > tuple_(
            bindparam("after_due", after[0], type_=DateTime(timezone=True)),
            bindparam("after_id", after[1], type_=UUID(as_uuid=True))))
    return query.subquery("page")


async def read_page(conn: AsyncConnection, now: dt.datetime, reminder_share: float,
                    after: Cursor | None, limit: int = PAGE) -> Page:
    """The next page of open cases after ``after``; of them, the database returns in
    full only those that have earned at least a reminder by ``now`` (or are overdue:
    a clock that allowed no time earns no reminder), are running (a paused clock
    earns nothing) and still lack an automatic level this round, with this round's
    levels. A case that had every automatic order this round is not judged again,
    so the steady sweep's Python work is the few cases on their way up the ladder."""
    page = _open_page(after, limit)
    share_used = page.c.started + (page.c.due - page.c.started).self_group().op(
        "*", return_type=Interval())(literal(reminder_share, Float()))
    automatic = (select(func.count(func.distinct(ORDER.level)))
                 .where(ORDER.case_id == page.c.id, ORDER.round == page.c.clock_round,
                        ORDER.level.in_(AUTOMATIC)).scalar_subquery())
    wants = and_(page.c.paused_at.is_(None),
                 or_(page.c.due <= now, and_(page.c.due > page.c.started, share_used <= now)),
                 automatic < len(AUTOMATIC))
    issued = (select(func.coalesce(func.array_agg(ORDER.level), text("'{}'::text[]")))
              .where(ORDER.case_id == page.c.id, ORDER.round == page.c.clock_round)
              .scalar_subquery())
    rows = (await conn.execute(select(
        page.c.id, page.c.due, wants.label("wants"), page.c.public_no, page.c.started,
        page.c.unit_id, page.c.clock_round, case((wants, issued)).label("issued"))
        .order_by(page.c.due, page.c.id))).all()
    cases = [PageCase(r.id, r.public_no, r.started, r.due, r.unit_id, int(r.clock_round),
                      frozenset(r.issued)) for r in rows if r.wants]
    return Page(cases, (rows[-1].due, rows[-1].id) if len(rows) == limit else None)


# The orders of a batch (those already there are skipped), then an event for each one
# made, with the payload ``events.Escalation`` writes for an automatic order: two
# statements, so the event-id lock is taken only by the second, and held until the
# commit right after it.
ORDERS = text("""
INSERT INTO escalation_order (case_id, level, round, issuer, target_unit_id)
SELECT * FROM unnest(:case_ids, :levels, :rounds, :actors, :units)
ON CONFLICT (case_id, level, round) DO NOTHING
RETURNING id, case_id, level, round
""").bindparams(
    bindparam("case_ids", type_=ARRAY(UUID(as_uuid=True))),
    bindparam("levels", type_=ARRAY(String())),
    bindparam("rounds", type_=ARRAY(Integer())),
    bindparam("actors", type_=ARRAY(String())),
    bindparam("units", type_=ARRAY(Integer())))
EVENTS = text("""
INSERT INTO case_event (case_id, actor, kind, payload)
SELECT case_id, :actor, :kind, :template || jsonb_build_object(
    'level', level, 'round', round, 'order_id', id)
FROM unnest(:ids, :case_ids, :levels, :rounds) AS made(id, case_id, level, round)
ORDER BY id
RETURNING id
""").bindparams(
    bindparam("ids", type_=ARRAY(BigInteger())),
    bindparam("case_ids", type_=ARRAY(UUID(as_uuid=True))),
    bindparam("levels", type_=ARRAY(String())),
    bindparam("rounds", type_=ARRAY(Integer())),
    bindparam("template", type_=JSONB()))
TEMPLATE = events.Escalation(auto=True).to_json()


async def issue_batch(conn: AsyncConnection, actor: str,
                      wanted: list[tuple[PageCase, str]]) -> list[tuple[uuid.UUID, str]]:
    """Issue ``wanted`` (a case and a level each): the orders in one statement, their
    events in another; what was made. The caller commits at once."""
    if not wanted:
        return []
    made = (await conn.execute(ORDERS, {
        "case_ids": [c.id for c, _ in wanted], "levels": [level for _, level in wanted],
        "rounds": [c.round for c, _ in wanted], "actors": [actor] * len(wanted),
        "units": [c.unit_id for c, _ in wanted]})).all()
    if made:  # the store wakes the seats after the commit (the database tells it)
        await conn.execute(EVENTS, {
            "ids": [m.id for m in made], "case_ids": [m.case_id for m in made],
            "levels": [m.level for m in made], "rounds": [m.round for m in made],
            "actor": actor, "kind": str(events.Kind.ESCALATION), "template": TEMPLATE,
        })
    return [(m.case_id, m.level) for m in made]
