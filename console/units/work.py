"""A unit handler's cases and the work on them: the list with its clocks, signing
for a case (签收), progress notes (进展) and the reply with the result.

Signing and replying are case moves (``console/casework/cases.py`` ``perform``:
``sign`` and ``reply``); a progress note changes no column of the case and is
one ``progress_noted`` event. The database shows a handler only their unit's
cases (migration 0009); the list also asks for them by the person's unit, so an
administrator looking at it sees the same.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar
from console.casework import cases
from console.casework.cases import MadeMove
from console.casework.lifecycle import OPEN, UNIT
from console.core import events
from console.core.errors import FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.units import clocks
from db import schema as s

C, R = s.Case, s.UnitRequest
AT_THE_UNIT = ("dispatched", "in_progress", "disputed")
MAX_NOTE = 4000


@dataclass(frozen=True)
class UnitCase:
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
    pending: tuple[str, ...] = ()  # kinds of the case's undecided requests

    def sign_due(self, calendar: WorkCalendar) -> dt.datetime | None:
        """When signing falls due; None once signed (or never dispatched)."""
        if self.status != "dispatched" or self.dispatched_at is None:
            return None
        return clocks.sign_due(calendar, self.dispatched_at)

    def may_apply_return(self, calendar: WorkCalendar, now: dt.datetime) -> bool:
        return (self.dispatched_at is not None and "return" not in self.pending
                and now <= clocks.return_window_ends(calendar, self.dispatched_at))


async def my_unit(store: Store) -> int | None:
    async with store.read() as conn:
        return await _unit_of(conn, store.actor)


async def _unit_of(conn: AsyncConnection, login: str) -> int | None:
    return (await conn.execute(select(s.Staff.unit_id).where(
        s.Staff.login == login, s.Staff.active))).scalar_one_or_none()


async def my_cases(store: Store) -> list[UnitCase]:
    """The open cases with the person's unit, those to sign for first, then by deadline."""
    pending = (select(func.coalesce(func.array_agg(R.kind), literal_column("'{}'")))
               .where(R.case_id == C.id, R.decision.is_(None)).scalar_subquery()
               .label("pending"))
    async with store.read() as conn:
        unit = await _unit_of(conn, store.actor)
        if unit is None:
            return []
        rows = await conn.execute(
            select(C.id, C.public_no, C.status, C.version, C.category_id, C.urgency, C.text,
                   C.address, C.dispatched_at, C.signed_at, C.due_at, C.paused_at, pending)
            .where(and_(C.assigned_unit_id == unit, C.status.in_(AT_THE_UNIT)))
            .order_by((C.status != "dispatched"), C.due_at.nulls_last(), C.public_no)
            .limit(2000))
        return [_unit_case(r) for r in rows]


def _unit_case(row: Any) -> UnitCase:
    values = dict(row._mapping)
    pending = values.popitem()[1]  # the last column: the undecided requests' kinds
    return UnitCase(**values, pending=tuple(pending or ()))


async def sign(store: Store, case_id: uuid.UUID, version: int | None) -> MadeMove:
    """Sign for a dispatched case (签收)."""
    return await cases.perform(store, case_id, "sign", version)


async def reply(store: Store, case_id: uuid.UUID, version: int | None, result: str,
                attachments: str = "") -> MadeMove:
    """Reply with the result, and what is attached described in words (no files)."""
    return await cases.perform(store, case_id, "reply", version, result=result,
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
    return await cases.perform(store, case_id, "forward", version, unit_id=unit_id)


async def note_progress(store: Store, case_id: uuid.UUID, text: str) -> int:
    """A note on how the work goes; the event's id."""
    require_role(store.roles, UNIT)
    errors: list[FieldError] = []
    text = check_text(text, "progress", MAX_NOTE, errors)
    if errors:
        raise ValidationError(errors)
    async with store.transaction() as conn:
        row = (await conn.execute(select(C.status, C.assigned_unit_id).where(C.id == case_id))
               ).one_or_none()
        if row is None:
            raise cases.CaseNotFound(str(case_id))
        if row.status not in OPEN or row.assigned_unit_id is None:
            raise ValidationError([FieldError("progress", "request.case_not_with_unit")])
        return await events.append(conn, store.actor,
                                   events.ProgressNoted(text, row.assigned_unit_id),
                                   case_id=case_id)
