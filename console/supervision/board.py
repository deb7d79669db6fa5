"""The supervisor's board: overdue and at-risk cases with their escalation
level, and the state of every open order. Rows with dates out of the range the
database checks (stored before those checks) are left out or read clamped."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from console.calendar.workdays import WorkCalendar
from console.core.store import Store
from console.supervision.escalation import LEVELS, CaseClock, LadderRule, supervision_candidate
from console.supervision.ladder_clock import ladder_due_at, ladder_started
from console.supervision.ladder_rules import load_rule
from db import schema as s

C, ORDER = s.Case, s.EscalationOrder
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS, 1)}
DUE = ladder_due_at()


@dataclass(frozen=True)
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


async def at_risk(store: Store, calendar: WorkCalendar) -> list[BoardCase]:
    """Open cases that are overdue or have earned a reminder, most overdue first."""
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        rule: LadderRule = await load_rule(conn)
        started = ladder_started()  # the running clock (the unit's, if any)

        def seconds(interval: Any) -> Any:
            return func.extract("epoch", interval)

        # At least the reminder's share of the time limit used (in seconds).
        earned_reminder = seconds(now - started) >= seconds(DUE - started) * \
            rule.reminder_share
        cases = (await conn.execute(
            select(C.id, C.public_no, C.assigned_unit_id, C.status, C.urgency,
                   DUE.label("due"), started.label("started"), C.paused_at)
            .where(C.status.in_(s.OPEN_STATUSES), s.in_range(DUE), s.in_range(started),
                   earned_reminder, C.imported_from.is_(None))  # no ladder for history
            .order_by(DUE))).all()
        levels: dict[uuid.UUID, str] = {}
        for case_id, level in await conn.execute(  # this clock's round's orders
                select(ORDER.case_id, ORDER.level).join(C, C.id == ORDER.case_id)
                .where(ORDER.case_id.in_([c.id for c in cases]), ORDER.round == C.clock_round)):
            if LEVEL_RANK[level] > LEVEL_RANK.get(levels.get(case_id, ""), 0):
                levels[case_id] = level
    out = []
    for c in cases:
        issued = frozenset(k for k in LEVEL_RANK if LEVEL_RANK[k] <= LEVEL_RANK.get(
            levels.get(c.id, ""), 0))
        clock = CaseClock(c.id, c.started, c.due, c.paused_at is not None, 1, issued)
        out.append(BoardCase(c.id, c.public_no, c.assigned_unit_id, c.status, c.urgency,
                             c.due, now >= c.due, levels.get(c.id),
                             supervision_candidate(clock, rule, now, calendar)))
    return out


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
