"""One sweeper for the whole centre (ARCHITECTURE.md decision 9).

Every seat calls ``sweep`` now and then; a sweep runs only in the transaction
that wins the sweep's turn (``take_turn('sweep')``, a row lock in a schema staff
cannot reach), so two seats never sweep at once, and no seat holds the turn
between sweeps: if a seat quits or dies, the next seat's sweep simply wins it.
Orders are unique per case, level and round, so a sweep that runs twice issues
nothing twice. The sweep issues the automatic steps (reminder, urge, second urge
to the unit's leader; see ``escalation``) and sends to efficiency inspection a
case still overdue when its supervision order's reply deadline has passed,
replied or not. Supervision orders are issued by supervisors; the sweep only
lists the candidates. Orders and events name the seat's person (the database
takes who did it from the login); their payload says they were automatic.

A case the sweep cannot handle (dates out of range from before the database's
checks, an order the database refuses) is logged and skipped: the sweep goes on
with the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, not_, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar
from console.core import events
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.supervision.escalation import (
    INSPECTION,
    SUPERVISION,
    CaseClock,
    automatic_orders,
    supervision_candidate,
)
from console.supervision.ladder_clock import ladder_due_at, ladder_started
from console.supervision.ladder_rules import load_rule
from db import schema as s

log = logging.getLogger(__name__)
C, ORDER = s.Case, s.EscalationOrder
REFUSED = (IntegrityError, DataError)  # the database refused one case's order
ORDER_TEXT_LIMIT = 2000
# The running clock (console/casework/countdown.py): the unit's while a unit has the
# case, else the case's own; one escalation round per clock (ladder_clock.py).
STARTED = ladder_started()
DUE = ladder_due_at()
READABLE = (s.in_range(DUE), s.in_range(STARTED),
            or_(C.paused_at.is_(None), s.in_range(C.paused_at)))
# History imported from another system (migration 0017) never climbs the ladder: its
# deadlines were the source's, and its units answered to the source.
MADE_HERE = C.imported_from.is_(None)


@dataclass(frozen=True)
class SweepReport:
    swept: bool  # False: another seat was sweeping
    issued: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    candidates: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True)
class OrderMade:
    """A supervision order issued: its id and the id of the event that tells of it."""

    order_id: int
    event_id: int


async def _rounds(conn: AsyncConnection, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The round of each case's running clock: 1 at intake, one more for every
    fresh unit clock (a dispatch, a new unit, a reopening; migration 0008)."""
    rows = await conn.execute(select(C.id, C.clock_round).where(C.id.in_(ids)))
    return {case_id: int(n) for case_id, n in rows}


async def _record(conn: AsyncConnection, case_id: uuid.UUID, actor: str,
                  escalation: events.Escalation) -> int:
    return await events.append(conn, actor, escalation, case_id=case_id)


async def _unreadable(conn: AsyncConnection) -> list[str]:
    """Open cases whose dates cannot be read (stored before the checks of 0007)."""
    return list((await conn.execute(select(C.public_no).where(
        C.status.in_(s.OPEN_STATUSES), MADE_HERE, DUE.is_not(None), not_(and_(*READABLE)))
        .limit(20))).scalars())


async def _issue(conn: AsyncConnection, store: Store, case_id: uuid.UUID, unit: int | None,
                 levels: list[str], round_: int) -> list[tuple[uuid.UUID, str]]:
    """One case's automatic orders, all or none (a savepoint: a refusal skips the case)."""
    issued = []
    async with conn.begin_nested():
        for level in levels:
            made = (await conn.execute(insert(ORDER).values(
                case_id=case_id, level=level, round=round_, issuer=store.actor,
                target_unit_id=unit)
                .on_conflict_do_nothing(index_elements=["case_id", "level", "round"])
                .returning(ORDER.id))).scalar_one_or_none()
            if made is not None:
                await _record(conn, case_id, store.actor, events.Escalation(
                    level=level, round=round_, order_id=made, auto=True))
                issued.append((case_id, level))
    return issued


async def sweep(store: Store, calendar: WorkCalendar) -> SweepReport:
    async with store.transaction() as conn:
        if not (await conn.execute(text("SELECT take_turn('sweep')"))).scalar_one():
            return SweepReport(swept=False)
        now = (await conn.execute(select(func.now()))).scalar_one()
        rule = await load_rule(conn)
        if unreadable := await _unreadable(conn):
            log.warning("the sweep skips open cases with dates out of range: %s",
                        ", ".join(unreadable))
        cases = (await conn.execute(select(
            C.id, C.public_no, STARTED.label("started"), DUE.label("due"), C.paused_at,
            C.assigned_unit_id)
            .where(C.status.in_(s.OPEN_STATUSES), MADE_HERE, DUE.is_not(None),
                   *READABLE))).all()
        ids = [c.id for c in cases]
        rounds = await _rounds(conn, ids)
        issued: dict[tuple[uuid.UUID, int], set[str]] = {}
        for case_id, level, round_ in await conn.execute(
                select(ORDER.case_id, ORDER.level, ORDER.round).where(ORDER.case_id.in_(ids))):
            issued.setdefault((case_id, round_), set()).add(level)
        report = SweepReport(swept=True)
        for c in cases:
            round_ = rounds.get(c.id, 1)
            clock = CaseClock(c.id, c.started, c.due, c.paused_at is not None, round_,
                              frozenset(issued.get((c.id, round_), set())))
            try:
                levels = automatic_orders(clock, rule, now, calendar)
                candidate = supervision_candidate(clock, rule, now, calendar)
                if levels:
                    report.issued.extend(await _issue(conn, store, c.id, c.assigned_unit_id,
                                                      levels, round_))
            except (ArithmeticError, ValueError, *REFUSED) as exc:
                log.warning("the sweep skips case %s: %s", c.public_no, exc)
                continue
            if candidate:
                report.candidates.append(c.id)
        report.issued.extend(await _inspect(conn, store, now))
    return report


async def _inspect(conn: AsyncConnection, store: Store, now: dt.datetime
                   ) -> list[tuple[uuid.UUID, str]]:
    """Supervision orders past their reply deadline whose case is still open and
    has no inspection this round: the database function decides whether the case
    is still overdue (仍旧超期), replied or not, and makes the inspection."""
    inspected = ORDER.__table__.alias("inspected")
    due = select(ORDER.id, ORDER.case_id, ORDER.round).join(C, C.id == ORDER.case_id).where(
        ORDER.level == SUPERVISION, ORDER.reply_due_at <= now,
        C.status.in_(s.OPEN_STATUSES), MADE_HERE,
        ~exists().where(inspected.c.case_id == ORDER.case_id,
                        inspected.c.round == ORDER.round,
                        inspected.c.level == INSPECTION))
    issued = []
    for order_id, case_id, round_ in (await conn.execute(due)).all():
        try:
            async with conn.begin_nested():
                made = (await conn.execute(text("SELECT escalate_to_inspection(:o)"),
                                           {"o": order_id})).scalar_one()
                if made is not None:
                    await _record(conn, case_id, store.actor, events.Escalation(
                        level=INSPECTION, round=round_, order_id=made, auto=True))
                    issued.append((case_id, INSPECTION))
        except REFUSED as exc:
            log.warning("the sweep skips order %s: %s", order_id, exc)
    return issued


def check_order(order_text: str, reply_due_at: dt.datetime, now: dt.datetime,
                errors: list[FieldError]) -> str:
    """A supervision order's text, stripped; its problems (the text, a reply deadline
    not after ``now``) are appended to ``errors`` as codes."""
    body = check_text(order_text, "order_text", ORDER_TEXT_LIMIT, errors)
    if reply_due_at <= now:
        errors.append(FieldError("reply_due_at", "reply_due.past"))
    return body


async def issue_supervision(store: Store, case_id: uuid.UUID, order_text: str,
                            reply_due_at: dt.datetime) -> OrderMade:
    """A supervisor's supervision order (督办) with a text and a reply deadline."""
    require_role(store.roles, "supervisor")
    errors: list[FieldError] = []
    async with store.transaction() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        body = check_order(order_text, reply_due_at, now, errors)
        case = (await conn.execute(select(C.status, C.assigned_unit_id)
                                   .where(C.id == case_id))).one_or_none()
        if case is None or case.status not in s.OPEN_STATUSES:
            errors.append(FieldError("case", "escalation.case_not_open"))
        if errors or case is None:
            raise ValidationError(errors)
        round_ = (await _rounds(conn, [case_id])).get(case_id, 1)
        made = (await conn.execute(insert(ORDER).values(
            case_id=case_id, level=SUPERVISION, round=round_, issuer=store.actor,
            target_unit_id=case.assigned_unit_id, text=body, reply_due_at=reply_due_at)
            .on_conflict_do_nothing(index_elements=["case_id", "level", "round"])
            .returning(ORDER.id))).scalar_one_or_none()
        if made is None:
            raise ConflictError("already under supervision this round", action="supervision")
        event_id = await _record(conn, case_id, store.actor, events.Escalation(
            level=SUPERVISION, round=round_, order_id=made, text=body,
            reply_due_at=reply_due_at))
    return OrderMade(int(made), event_id)


async def acknowledge(store: Store, order_id: int) -> int:
    """The unit has received the order (recorded by the desk); the event's id."""
    async with store.transaction() as conn:
        row = (await conn.execute(select(ORDER.case_id, ORDER.acknowledged_at, ORDER.level)
                                  .where(ORDER.id == order_id).with_for_update())).one_or_none()
        if row is None:
            raise ValidationError([FieldError("order", "order.unknown")])
        if row.acknowledged_at is not None:
            raise ValidationError([FieldError("order", "order.acknowledged_already")])
        await conn.execute(update(ORDER).where(ORDER.id == order_id)
                           .values(acknowledged_at=func.now(), version=ORDER.version + 1))
        return await _record(conn, row.case_id, store.actor, events.Escalation(
            acknowledged=order_id, level=row.level))


async def reply(store: Store, order_id: int, reply_text: str) -> int:
    """The unit's reply to an order (ends its countdown); the event's id."""
    errors: list[FieldError] = []
    body = check_text(reply_text, "reply_text", 2000, errors)
    async with store.transaction() as conn:
        row = (await conn.execute(select(ORDER.case_id, ORDER.replied_at, ORDER.level)
                                  .where(ORDER.id == order_id).with_for_update())).one_or_none()
        if row is None:
            errors.append(FieldError("order", "order.unknown"))
        elif row.replied_at is not None:
            errors.append(FieldError("order", "order.replied_already"))
        if errors or row is None:
            raise ValidationError(errors)
        await conn.execute(update(ORDER).where(ORDER.id == order_id).values(
            replied_at=func.now(), reply_text=body, acknowledged_at=func.coalesce(
                ORDER.acknowledged_at, func.now()), version=ORDER.version + 1))
        return await _record(conn, row.case_id, store.actor, events.Escalation(
            replied=order_id, text=body, level=row.level))
