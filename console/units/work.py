"""A unit handler's cases and the work on them: the list with its clocks, signing
for a case (签收), progress notes (进展) and the reply with the result.

Signing and replying are case moves (``console/casework/cases.py`` ``perform``:
``sign`` and ``reply``); a progress note changes no column of the case and is
one ``progress_noted`` event. The database shows a handler only their unit's
cases (migration 0009); the list also asks for them by the person's unit, so an
administrator looking at it sees the same. A street sub-centre also sees the cases
it sent on to its communities (``forwarded_cases``), only to watch them: signing,
replying, progress and requests are the community's own (the database refuses
them to the sub-centre, migration 0013; here they are refused with ``unit.not_ours``).
The sign deadline and the return window are the database's, by the admin's clock
rule (``sign_due_at``, ``return_window_ends``). The deadline a unit is held to is the
running one (``UnitClocks.running_due``): its own while its clock runs, an approved
extension's included, else the case's own, as the ladder and the colours count
(console/supervision/ladder_clock.py); while its clock waits for the signing (the
rule ``sign``) the list says by when to sign (``UnitClocks.to_sign_by``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework import cases
from console.casework.cases import MadeMove
from console.casework.countdown import CLOCK_DUE
from console.casework.lifecycle import OPEN, UNIT, TransitionError
from console.core import events
from console.core.errors import FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from db import schema as s

C, R, E = s.Case, s.UnitRequest, s.CaseEvent
AT_THE_UNIT = ("dispatched", "in_progress", "disputed")
RUNNING_DUE = CLOCK_DUE  # the unit's deadline while its clock runs, else the case's
MAX_NOTE = 4000


class UnitClocks:
    """The clocks of a case at a unit's seat, read as the queue and the ladder read
    them (console/casework/queue.py ``CaseRow.to_sign_by``, ``ladder_due_at``)."""

    status: str
    due_at: dt.datetime | None
    sign_due_at: dt.datetime | None
    unit_clock_at: dt.datetime | None
    unit_due_at: dt.datetime | None

    @property
    def to_sign_by(self) -> dt.datetime | None:
        """The sign deadline while the unit's clock waits for the signing, else None."""
        waiting = self.status == "dispatched" and self.unit_clock_at is None
        return self.sign_due_at if waiting else None

    @property
    def running_due(self) -> dt.datetime | None:
        """The deadline that counts: the unit's while its clock runs, else the case's."""
        return self.unit_due_at if self.unit_due_at is not None else self.due_at


@dataclass(frozen=True)
class UnitCase(UnitClocks):
    """One case at the unit's seat, with what its clocks need."""

    id: uuid.UUID
    public_no: str
    status: str
    version: int
    category_id: int
    urgency: str
    text: str
    address: str
    dispatched_at: dt.datetime | None
    signed_at: dt.datetime | None
    due_at: dt.datetime | None
    paused_at: dt.datetime | None
    sign_due_at: dt.datetime | None = None  # by the clock rule when the unit got it
    unit_clock_at: dt.datetime | None = None  # the unit's clock (None: not running)
    unit_due_at: dt.datetime | None = None  # … and its deadline
    return_window_ends: dt.datetime | None = None  # by the clock rule in force now
    pending: tuple[str, ...] = ()  # kinds of the case's undecided requests

    def sign_due(self) -> dt.datetime | None:
        """When signing falls due; None once signed (or for a case dispatched before
        the database kept the sign deadline)."""
        return self.sign_due_at if self.status == "dispatched" else None

    def may_apply_return(self, now: dt.datetime) -> bool:
        return (self.return_window_ends is not None and "return" not in self.pending
                and now <= self.return_window_ends)


@dataclass(frozen=True)
class ForwardedCase(UnitClocks):
    """A case a street sub-centre sent on to one of its communities, to watch."""

    id: uuid.UUID
    public_no: str
    status: str
    unit_id: int
    category_id: int
    text: str
    forwarded_at: dt.datetime | None
    sign_due_at: dt.datetime | None
    signed_at: dt.datetime | None
    due_at: dt.datetime | None
    unit_clock_at: dt.datetime | None = None
    unit_due_at: dt.datetime | None = None


async def my_unit(store: Store) -> int | None:
    async with store.read() as conn:
        return await _unit_of(conn, store.actor)


async def _unit_of(conn: AsyncConnection, login: str) -> int | None:
    return (await conn.execute(select(s.Staff.unit_id).where(
        s.Staff.login == login, s.Staff.active))).scalar_one_or_none()


LISTED = 2000  # the desk's list: the most pressing cases of the unit


def listed_order(case: UnitCase) -> tuple[bool, bool, dt.datetime, str]:
    """The list's order, as ``my_cases`` sorts: to sign for first, then by the running
    deadline (none last), then by number."""
    due = case.running_due
    return (case.status != "dispatched", due is None,
            due or dt.datetime.min.replace(tzinfo=dt.UTC), case.public_no)


async def my_cases(store: Store, among: Sequence[uuid.UUID] | None = None
                   ) -> list[UnitCase]:
    """The open cases with the person's unit, those to sign for first, then by deadline;
    ``among``: only those of these cases (the ones some events named)."""
    pending = (select(func.coalesce(func.array_agg(R.kind), literal_column("'{}'")))
               .where(R.case_id == C.id, R.decision.is_(None)).scalar_subquery()
               .label("pending"))
    async with store.read() as conn:
        unit = await _unit_of(conn, store.actor)
        if unit is None:
            return []
        rows = await conn.execute(
            select(C.id, C.public_no, C.status, C.version, C.category_id, C.urgency, C.text,
                   C.address, C.dispatched_at, C.signed_at, C.due_at, C.paused_at,
                   C.sign_due_at, C.unit_clock_at, C.unit_due_at,
                   func.return_window_ends(C.dispatched_at).label("return_window_ends"),
                   pending)
            .where(and_(C.assigned_unit_id == unit, C.status.in_(AT_THE_UNIT)),
                   *([] if among is None else [s.among_ids(C.id, among)]))
            .order_by((C.status != "dispatched"), RUNNING_DUE.nulls_last(), C.public_no)
            .limit(LISTED))
        return [_unit_case(r) for r in rows]


def _unit_case(row: Any) -> UnitCase:
    values = dict(row._mapping)
    pending = values.popitem()[1]  # the last column: the undecided requests' kinds
    return UnitCase(**values, pending=tuple(pending or ()))


async def forwarded_cases(store: Store) -> list[ForwardedCase]:
    """The open cases this street sub-centre sent on to its communities and they still
    have: to sign for first, then by deadline. Empty for any other unit."""
    async with store.read() as conn:
        unit = await _unit_of(conn, store.actor)
        if unit is None:
            return []
        sent_on = (select(E.id).where(E.case_id == C.id, E.kind == "forward",
                                      E.payload["from_unit_id"].astext == str(unit))
                   .exists())
        rows = await conn.execute(
            select(C.id, C.public_no, C.status, C.assigned_unit_id.label("unit_id"),
                   C.category_id, C.text, C.dispatched_at.label("forwarded_at"),
                   C.sign_due_at, C.signed_at, C.due_at, C.unit_clock_at, C.unit_due_at)
            .where(C.assigned_unit_id != unit, C.status.in_(AT_THE_UNIT), sent_on)
            .order_by((C.status != "dispatched"), RUNNING_DUE.nulls_last(), C.public_no)
            .limit(2000))
        return [ForwardedCase(**r._mapping) for r in rows]


async def _ours(conn: AsyncConnection, store: Store, case_id: uuid.UUID) -> Any:
    """The case's status and unit; refused when it is another unit's (a community's
    case its street sub-centre watches)."""
    row = (await conn.execute(select(C.status, C.assigned_unit_id).where(C.id == case_id))
           ).one_or_none()
    if row is None:
        raise cases.CaseNotFound(str(case_id))
    unit = await _unit_of(conn, store.actor)
    if UNIT in store.roles and row.assigned_unit_id is not None and (
            row.assigned_unit_id != unit):
        raise TransitionError("unit.not_ours")
    return row


async def _move(store: Store, case_id: uuid.UUID, action: str, version: int | None,
                **facts: Any) -> MadeMove:
    async with store.read() as conn:
        await _ours(conn, store, case_id)
    return await cases.perform(store, case_id, action, version, **facts)


async def sign(store: Store, case_id: uuid.UUID, version: int | None) -> MadeMove:
    """Sign for a dispatched case (签收)."""
    return await _move(store, case_id, "sign", version)


async def reply(store: Store, case_id: uuid.UUID, version: int | None, result: str,
                attachments: str = "") -> MadeMove:
    """Reply with the result, and what is attached described in words (no files)."""
    return await _move(store, case_id, "reply", version, result=result,
                       attachments=attachments or None)


async def forward_targets(store: Store) -> list[tuple[int, str]]:
    """The community units a street sub-centre's handler dispatches on to (none for
    any other unit), by name."""
    centre, community = s.Unit.__table__.alias("centre"), s.Unit.__table__.alias("community")
    async with store.read() as conn:
        unit = await _unit_of(conn, store.actor)
        rows = await conn.execute(
            select(community.c.id, community.c.name)
            .join(centre, centre.c.street_code == community.c.street_code)
            .where(centre.c.id == unit, centre.c.kind == "centre",
                   community.c.kind == "community", community.c.active)
            .order_by(community.c.code))
        return [(int(i), str(n)) for i, n in rows]


async def forward(store: Store, case_id: uuid.UUID, version: int | None,
                  unit_id: int) -> MadeMove:
    """A street sub-centre sends a case on to a community unit of its street (二级分拨)."""
    return await _move(store, case_id, "forward", version, unit_id=unit_id)


async def note_progress(store: Store, case_id: uuid.UUID, text: str) -> int:
    """A note on how the work goes; the event's id."""
    require_role(store.roles, UNIT)
    errors: list[FieldError] = []
    text = check_text(text, "progress", MAX_NOTE, errors)
    if errors:
        raise ValidationError(errors)
    async with store.transaction() as conn:
        row = await _ours(conn, store, case_id)
        if row.status not in OPEN or row.assigned_unit_id is None:
            raise ValidationError([FieldError("progress", "request.case_not_with_unit")])
        return await events.append(conn, store.actor,
                                   events.ProgressNoted(text, row.assigned_unit_id),
                                   case_id=case_id)
