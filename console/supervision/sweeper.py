"""One sweeper for the whole centre (ARCHITECTURE.md decision 9).

Every seat calls ``sweep`` now and then (from a process of its own: ``sweep_worker``).
A sweep works in pages of at most ``PAGE`` cases (``sweep_pages``): the database
selects the open cases in the order of their running clock's deadline and returns in
full those that may want an order. Each page is read and judged in a short
transaction that first takes the sweep's turn (``take_turn('sweep')``, a row lock in
a schema staff cannot reach); its orders go out in batches of ``ISSUE_BATCH``, each a
transaction of two statements (the orders, then their events) and a commit, so the
event-id lock every save needs is held from the events' insert to the commit: a few
milliseconds. No seat holds the turn between pages; a seat whose page finds the turn
taken stops (another seat is sweeping), and if a seat quits or dies the next seat's
sweep simply wins it. Orders are unique per case, level and round, so a sweep that
runs twice, or two seats' pages that cross, issue nothing twice. The sweep issues the
automatic steps (reminder, urge, second urge to the unit's leader; see
``escalation``) and sends to efficiency inspection a case still overdue when its
supervision order's reply deadline has passed, replied or not. Supervision orders
are issued by supervisors; the sweep only lists the candidates among the cases it
judged (those still climbing the automatic ladder; the board lists them all). Orders and events
name the seat's person (the database takes who did it from the login); their
payload says they were automatic.

A case the sweep cannot handle (dates out of range from before the database's
checks, an order the database refuses) is logged and skipped: the sweep goes on
with the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, not_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar
from console.core import events
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.supervision import sweep_pages
from console.supervision.escalation import (
    INSPECTION,
    SUPERVISION,
    CaseClock,
    LadderRule,
    automatic_orders,
    supervision_candidate,
)
from console.supervision.ladder_rules import load_rule
from console.supervision.sweep_pages import (
    DUE,
    MADE_HERE,
    PAGE,
    READABLE,
    Cursor,
    PageCase,
)
from db import schema as s

log = logging.getLogger(__name__)
C, ORDER = s.Case, s.EscalationOrder
REFUSED = (IntegrityError, DataError)  # the database refused one case's order
ORDER_TEXT_LIMIT = 2000
INSPECTION_PAGE = 50  # each inspection appends its event on its own


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


async def _take_turn(conn: AsyncConnection) -> bool:
    return bool((await conn.execute(text("SELECT take_turn('sweep')"))).scalar_one())


def _decide(page: list[PageCase], rule: LadderRule, now: dt.datetime,
            calendar: WorkCalendar, report: SweepReport) -> list[tuple[PageCase, str]]:
    """The page's orders by the ladder's rules (plain Python); candidates go to the report."""
    wanted = []
    for c in page:
        clock = CaseClock(c.id, c.started, c.due, False, c.round, c.issued)
        try:
            levels = automatic_orders(clock, rule, now, calendar)
            candidate = supervision_candidate(clock, rule, now, calendar)
        except (ArithmeticError, ValueError) as exc:
            log.warning("the sweep skips case %s: %s", c.public_no, exc)
            continue
        wanted += [(c, level) for level in levels]
        if candidate:
            report.candidates.append(c.id)
    return wanted


async def _issue_each(conn: AsyncConnection, store: Store,
                      wanted: list[tuple[PageCase, str]]) -> list[tuple[uuid.UUID, str]]:
    """A batch's orders case by case, when the database refused the batch's statements:
    the case it refuses is logged and skipped, the others are issued."""
    issued = []
    by_case: dict[uuid.UUID, tuple[PageCase, list[str]]] = {}
    for c, level in wanted:
        by_case.setdefault(c.id, (c, []))[1].append(level)
    for c, levels in by_case.values():
        try:
            issued += await _issue(conn, store, c.id, c.unit_id, levels, c.round)
        except REFUSED as exc:
            log.warning("the sweep skips case %s: %s", c.public_no, exc)
    return issued


async def _sweep_page(store: Store, calendar: WorkCalendar, rule: LadderRule,
                      now: dt.datetime, after: Cursor | None, page_size: int,
                      report: SweepReport) -> tuple[bool, Cursor | None]:
    """One page: read and judged in a transaction that takes the sweep's turn, its
    orders issued in batches, each its own short transaction. Whether it had the
    turn (another seat may hold it), and the next page's cursor (None at the end)."""
    async with store.transaction() as conn:
        if not await _take_turn(conn):
            return False, None
        page = await sweep_pages.read_page(conn, now, rule.reminder_share, after, page_size)
    wanted = _decide(page.cases, rule, now, calendar, report)
    for first in range(0, len(wanted), sweep_pages.ISSUE_BATCH):
        batch = wanted[first:first + sweep_pages.ISSUE_BATCH]
        async with store.transaction() as conn:
            try:
                async with conn.begin_nested():
                    report.issued.extend(await sweep_pages.issue_batch(conn, store.actor,
                                                                       batch))
            except REFUSED:
                report.issued.extend(await _issue_each(conn, store, batch))
    return True, page.next


async def sweep(store: Store, calendar: WorkCalendar, *, now: dt.datetime | None = None,
                page_size: int = PAGE) -> SweepReport:
    """One sweep, a page at a time (each page its own transaction that takes the sweep's
    turn first). ``now``: the moment the ladder is judged at (the database's by default;
    tests give a fake clock's)."""
    async with store.transaction() as conn:
        if not await _take_turn(conn):
            return SweepReport(swept=False)
        now = now or (await conn.execute(select(func.now()))).scalar_one()
        rule = await load_rule(conn)
        if unreadable := await _unreadable(conn):
            log.warning("the sweep skips open cases with dates out of range: %s",
                        ", ".join(unreadable))
    report = SweepReport(swept=True)
    after: Cursor | None = None
    while True:
        turn, after = await _sweep_page(store, calendar, rule, now, after, page_size, report)
        if not turn:  # another seat sweeps now: it goes on from its own start
            return report
        if after is None:
            break
    after_order: int | None = 0
    while after_order is not None:
        async with store.transaction() as conn:
            if not await _take_turn(conn):
                return report
            after_order = await _inspect(conn, store, now, after_order, INSPECTION_PAGE,
                                          report)
    return report


async def _inspect(conn: AsyncConnection, store: Store, now: dt.datetime, after: int,
                   limit: int, report: SweepReport) -> int | None:
    """Supervision orders past their reply deadline whose case is still open and
    has no inspection this round, a page of them after order ``after``: the database
    function decides whether the case is still overdue (仍旧超期), replied or not,
    and makes the inspection; then one statement appends their events. The next
    page's start, or None at the end."""
    inspected = ORDER.__table__.alias("inspected")
    due = select(ORDER.id, ORDER.case_id, ORDER.round).join(C, C.id == ORDER.case_id).where(
        ORDER.level == SUPERVISION, ORDER.reply_due_at <= now, ORDER.id > after,
        C.status.in_(s.OPEN_STATUSES), MADE_HERE,
        ~exists().where(inspected.c.case_id == ORDER.case_id,
                        inspected.c.round == ORDER.round,
                        inspected.c.level == INSPECTION)).order_by(ORDER.id).limit(limit)
    rows = (await conn.execute(due)).all()
    made: list[tuple[uuid.UUID, int, int]] = []  # case, round, the inspection's order
    try:
        async with conn.begin_nested():
            for order_id, case_id, round_ in rows:
                inspection = (await conn.execute(text("SELECT escalate_to_inspection(:o)"),
                                                 {"o": order_id})).scalar_one()
                if inspection is not None:
                    made.append((case_id, round_, int(inspection)))
    except REFUSED:  # one order refused: each in a savepoint of its own
        made = []
        for order_id, case_id, round_ in rows:
            try:
                async with conn.begin_nested():
                    inspection = (await conn.execute(text(
                        "SELECT escalate_to_inspection(:o)"), {"o": order_id})).scalar_one()
            except REFUSED as exc:
                log.warning("the sweep skips order %s: %s", order_id, exc)
                continue
            if inspection is not None:
                made.append((case_id, round_, int(inspection)))
    for case_id, round_, order_id in made:  # the events last: their lock until the commit
        await _record(conn, case_id, store.actor, events.Escalation(
            level=INSPECTION, round=round_, order_id=order_id, auto=True))
        report.issued.append((case_id, INSPECTION))
    return int(rows[-1][0]) if len(rows) == limit else None


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
