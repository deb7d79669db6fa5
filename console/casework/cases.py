"""Case services: every move on a case goes through ``perform``.

One transaction: lock the case row, check the version the person saw (someone
else may have moved the case since: they are told who), check the move with
the lifecycle, write the changed columns and append the event. The same path
serves automatic moves (auto-dispatch at intake) and moves made at any seat;
a new case's auto-dispatch is the same move sent with the case's save
(``console/casework/first_move.py``).
A move returns itself with the id of the last event it appended (``MadeMove``):
the seat that made it waits until the change feed has applied that id.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework import disputes, lifecycle
from console.casework.lifecycle import CaseState, Move
from console.core import events
from console.core.errors import ConflictError, ConsoleError, FieldError, ValidationError
from console.core.store import Store
from console.notices import messages
from db import schema as s

C = s.Case
CALLBACK_RESULTS = {"callback_closed": "satisfied", "callback_unreachable": "unreachable",
                    "reopen": "not_fixed"}
VERIFICATION_RESULTS = {"verify_passed": "passed", "verify_failed": "failed"}
CLOSING = frozenset({"closed", "answered", "invalid"})
FEEDBACK = frozenset({"resolve", "reply"})  # moves that record the unit's result: 办理反馈 follows


class CaseNotFound(ConsoleError):
    code = "case.not_found"


@dataclass(frozen=True)
class MadeMove(Move):
    """A move made in the database: the lifecycle's ``Move`` and the id of the last
    event its transaction appended (its own, or a duplicate's closing after it)."""

    event_id: int = 0

    @classmethod
    def of(cls, move: Move, event_id: int) -> MadeMove:
        return cls(**{f.name: getattr(move, f.name) for f in fields(Move)}, event_id=event_id)


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: dt.datetime
    actor: str
    kind: str
    payload: dict[str, Any]

    @property
    def data(self) -> Any:
        """The typed payload (console/core/events.py): a case move's ``CaseMoved`` or
        the payload dataclass of its kind."""
        return events.read(self.kind, self.payload, on_a_case=True)


async def _lock(conn: AsyncConnection, case_id: uuid.UUID) -> Any:
    row = (await conn.execute(
        select(C.status, C.version, C.assigned_unit_id, C.merged_into, C.due_at, C.paused_at,
               C.resolved_at, C.street_code, C.category_id, C.urgency, C.channel,
               C.unit_clock_at, C.unit_due_at, C.clock_round, C.first_resolved_at,
               C.sign_due_at, C.due_estimated)
        .where(C.id == case_id).with_for_update())).one_or_none()
    if row is None:
        raise CaseNotFound(str(case_id))
    return row


async def _last_change(conn: AsyncConnection, case_id: uuid.UUID) -> TimelineEntry | None:
    row = (await conn.execute(
        select(s.CaseEvent.id, s.CaseEvent.at, s.CaseEvent.actor, s.CaseEvent.kind,
               s.CaseEvent.payload).where(s.CaseEvent.case_id == case_id)
        .order_by(s.CaseEvent.id.desc()).limit(1))).one_or_none()
    return None if row is None else TimelineEntry(*row)


async def _callback_attempts(conn: AsyncConnection, case_id: uuid.UUID,
                             since: dt.datetime | None) -> int:
    stmt = select(func.count()).select_from(s.Callback).where(
        s.Callback.case_id == case_id, s.Callback.result == "unreachable")
    if since is not None:
        stmt = stmt.where(s.Callback.at >= since)
    return int((await conn.execute(stmt)).scalar_one())


async def _check_facts(conn: AsyncConnection, case_id: uuid.UUID, action: str,
                       facts: dict[str, Any], current_unit: int | None = None) -> None:
    """Facts that only the database can check: the unit, the master case."""
    if action in ("dispatch", "settle", "forward", "decide") and facts.get("unit_id") is not None:
        active = (await conn.execute(select(s.Unit.active).where(
            s.Unit.id == facts["unit_id"]))).scalar_one_or_none()
        if active is None:
            raise ValidationError([FieldError("unit", "unit.unknown")])
        if not active:
            raise ValidationError([FieldError("unit", "unit.inactive")])
    if action == "forward" and facts.get("unit_id") is not None:
        centre, community = s.Unit.__table__.alias("centre"), s.Unit.__table__.alias("community")
        street_of_it = (await conn.execute(
            select(community.c.id).join(centre, centre.c.street_code == community.c.street_code)
            .where(centre.c.id == current_unit, centre.c.kind == "centre",
                   community.c.id == facts["unit_id"], community.c.kind == "community"))
        ).scalar_one_or_none()
        if street_of_it is None:  # a street sub-centre sends on only to its communities
            raise ValidationError([FieldError("unit", "unit.not_our_community")])
    if action == "merge" and facts.get("master_id") is not None:
        master = facts["master_id"]
        status = (await conn.execute(select(C.status).where(C.id == master))
                  ).scalar_one_or_none()
        if master == case_id:
            raise ValidationError([FieldError("master", "merge.self")])
        if status is None:
            raise ValidationError([FieldError("master", "merge.unknown")])
        if status not in lifecycle.OPEN and status != "resolved":
            raise ValidationError([FieldError("master", "merge.master_closed")])


async def _master_by_number(conn: AsyncConnection, facts: dict[str, Any]) -> dict[str, Any]:
    """A merge may name its master case by the number people read and type
    ("ps-20261122-000123" will do): the move goes on with the master's id."""
    facts = dict(facts)
    number = facts.pop("master_no")
    if number is None:
        return facts  # the move says the master is missing
    master = None
    if isinstance(number, str):
        master = (await conn.execute(select(C.id).where(
            C.public_no == number.strip().upper()))).scalar_one_or_none()
    if master is None:
        raise ValidationError([FieldError("master", "merge.unknown")])
    facts["master_id"] = master
    return facts


async def perform_in(conn: AsyncConnection, store: Store, case_id: uuid.UUID, action: str,
                     expected_version: int | None, facts: dict[str, Any],
                     *, roles: frozenset[str] | None = None) -> MadeMove:
    """``perform`` inside a transaction the caller holds (intake uses it)."""
    if "master_no" in facts:
        facts = await _master_by_number(conn, facts)
    facts = lifecycle.clean_facts(action, facts)  # bad values are codes, before any SQL
    row = await _lock(conn, case_id)
    if expected_version is not None and row.version != expected_version:
        last = await _last_change(conn, case_id)
        raise ConflictError(
            f"case {case_id} is at version {row.version}, not {expected_version}",
            changed_by=last.actor if last else None,
            action=last.kind if last else None, at=last.at if last else None)
    await _check_facts(conn, case_id, action, facts, row.assigned_unit_id)
    attempts = await _callback_attempts(conn, case_id, row.resolved_at)
    state = CaseState(row.status, row.version, row.assigned_unit_id, row.merged_into,
                      row.due_at, row.paused_at, attempts,
                      row.channel == s.GRID_REPORT_CHANNEL, row.unit_clock_at, row.unit_due_at,
                      row.clock_round, row.first_resolved_at, row.urgency, row.sign_due_at,
                      row.due_estimated)
    # The limits the database's clock trigger will count: the console's move agrees.
    now, unit_due, starts, sign_due = (await conn.execute(select(
        func.now(), func.unit_deadline(row.category_id, row.urgency, func.now()),
        select(s.ClockRule.unit_clock_starts).where(s.ClockRule.id == 1).scalar_subquery(),
        func.sign_due(func.now()),
    ))).one()
    move = lifecycle.apply(state, action, store.roles if roles is None else roles, facts, now,
                           unit_due=unit_due, clock_starts=starts or "dispatch",
                           sign_due=sign_due)
    if action in disputes.RECORDED:  # the record first: the database looks for it
        await disputes.record(conn, case_id, move, facts)
    who = store.actor  # the database refuses any other name from a person's login
    # What decides a resolved case is recorded first: the database lets it leave
    # 'resolved' only with this transaction's callback or verification.
    note = str(facts.get("note") or facts.get("reason") or "")
    if action in CALLBACK_RESULTS:
        await conn.execute(insert(s.Callback).values(
            case_id=case_id, attempt=attempts + 1, operator=who,
            result=CALLBACK_RESULTS[action], satisfaction=facts.get("satisfaction"), note=note))
    elif action in VERIFICATION_RESULTS:
        await conn.execute(insert(s.Verification).values(
            case_id=case_id, verifier=who, result=VERIFICATION_RESULTS[action], note=note))
    await conn.execute(update(C).where(C.id == case_id).values(**move.changes, updated_at=now))
    event_id = await events.append(conn, who, events.CaseMoved(action, move.payload),
                                   case_id=case_id)
    if action in FEEDBACK:  # the citizen is told the result (when there is one to tell)
        await messages.queue(conn, case_id, messages.RESULT)
    if move.after.status in CLOSING:
        event_id = await _close_duplicates(conn, case_id, who, now) or event_id
    return MadeMove.of(move, event_id)


async def perform(store: Store, case_id: uuid.UUID, action: str,
                  expected_version: int | None, **facts: Any) -> MadeMove:
    """Make one move on a case, or raise (TransitionError, ValidationError, ConflictError).
    A merge names its master by id (``master_id``) or by number (``master_no``)."""
    async with store.transaction() as conn:
        return await perform_in(conn, store, case_id, action, expected_version, facts)


async def _close_duplicates(conn: AsyncConnection, master: uuid.UUID, actor: str,
                            now: dt.datetime) -> int | None:
    """Duplicates merged into a master close with it; the id of the last event
    appended (None when there was none)."""
    closed = (await conn.execute(
        update(C).where(C.merged_into == master, C.closed_at.is_(None))
        .values(closed_at=now, updated_at=now, version=C.version + 1).returning(C.id))).scalars()
    last = None
    for duplicate in list(closed):
        last = await events.append(conn, actor, events.ClosedWithMaster(master),
                                   case_id=duplicate)
    return last


async def timeline(store: Store, case_id: uuid.UUID) -> list[TimelineEntry]:
    if case_id is None:  # "= NULL" would read the events that belong to no case
        raise CaseNotFound("no case id")
    async with store.read() as conn:
        rows = await conn.execute(
            select(s.CaseEvent.id, s.CaseEvent.at, s.CaseEvent.actor, s.CaseEvent.kind,
                   s.CaseEvent.payload).where(s.CaseEvent.case_id == case_id)
            .order_by(s.CaseEvent.id))
        return [TimelineEntry(*r) for r in rows]


async def find_by_public_no(store: Store, public_no: str) -> uuid.UUID | None:
    async with store.read() as conn:
        return (await conn.execute(select(C.id).where(
            C.public_no == public_no.strip().upper()))).scalar_one_or_none()
