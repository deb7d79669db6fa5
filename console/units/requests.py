"""Return and extension requests (退回申请、延期申请): a unit handler applies with
a reason; someone else decides once, with a reason when refusing.

- A return is applied for within the window after dispatch (the admin's clock
  rule, counted by the database: ``public.return_window_ends``) and decided by a
  dispatcher: approved,
  the case goes back to "returned" for another dispatch (the return move, its
  own event); refused, it stays with the unit.
- An extension asks for N more working days and is decided by a shift leader
  or a supervisor: approved, the deadline moves by exactly that (and only then):
  the case's own (the citizen's, ``due_at``) and, while the unit's clock runs, the
  unit's (``unit_due_at``, which the ladder, the colours and the reply's on-time
  count against), each from where it fell (``clocks.extended``). The request row
  keeps both, where each stood and what was granted (``previous_due_at`` /
  ``granted_due_at``, ``previous_unit_due_at`` / ``granted_unit_due_at``; the unit's
  NULL when no unit clock ran: by the rule ``sign`` before the signing, whose clock
  then counts its limit from the signing).

Each change appends one ``unit_request`` event (``events.UnitRequestChanged``)
and returns its id. The database holds the same rules (migration 0009): a
request of another unit, a decision on one's own request or by the wrong group,
and any change to a decided request are refused there as well; so is a return
applied for after the window (migration 0013). The deadlines move only to what an
extension approved in the same transaction by the same person grants (0009 for the
case's, 0016 for the unit's).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar, to_local
from console.casework import cases
from console.casework.lifecycle import DISPATCHER, LEADER, SUPERVISOR, UNIT, TransitionError
from console.core import events
from console.core.errors import FieldError, PermissionDenied, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.units import clocks
from db import schema as s

R, C = s.UnitRequest, s.Case
MAX_REASON = 2000
DECIDERS = {"return": (DISPATCHER,), "extension": (LEADER, SUPERVISOR)}


@dataclass(frozen=True)
class Request:
    id: int
    case_id: uuid.UUID
    public_no: str
    unit_id: int
    kind: str  # return | extension
    reason: str
    days: int | None
    requested_by: str
    requested_at: dt.datetime
    decision: str | None = None
    decided_by: str | None = None
    decision_reason: str = ""
    granted_due_at: dt.datetime | None = None
    granted_unit_due_at: dt.datetime | None = None  # None: no unit clock ran
    # The case's deadlines as they stand now (what an extension would move on).
    case_due_at: dt.datetime | None = None
    case_unit_due_at: dt.datetime | None = None


def _refused(field: str, code: str, **params: object) -> ValidationError:
    return ValidationError([FieldError(field, code, dict(params))])


def _text(value: str, name: str, *, required: bool = True) -> str:
    errors: list[FieldError] = []
    text = check_text(value, name, MAX_REASON, errors, required=required)
    if errors:
        raise ValidationError(errors)
    return text


@asynccontextmanager
async def _transaction(store: Store) -> AsyncIterator[AsyncConnection]:
    """The store's transaction; the database's refusal is the person's lack of a right."""
    try:
        async with store.transaction() as conn:
            yield conn
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise PermissionDenied(str(exc.orig)) from exc
        raise


async def _case(conn: AsyncConnection, store: Store, case_id: uuid.UUID) -> Any:
    """The case's status, unit and return window, when the person's unit has it."""
    row = (await conn.execute(select(
        C.status, C.assigned_unit_id, func.now().label("now"),
        func.return_window_ends(C.dispatched_at).label("window_ends"),
        select(s.Staff.unit_id).where(s.Staff.login == store.actor, s.Staff.active)
        .scalar_subquery().label("my_unit")).where(C.id == case_id))).one_or_none()
    if row is None:  # not there, or not this unit's to see
        raise cases.CaseNotFound(str(case_id))
    if row.status not in ("dispatched", "in_progress") or row.assigned_unit_id is None:
        raise _refused("request", "request.case_not_with_unit")
    if UNIT in store.roles and row.assigned_unit_id != row.my_unit:
        raise TransitionError("unit.not_ours")  # a community's case its sub-centre watches
    return row


async def _apply(store: Store, case_id: uuid.UUID, kind: str, reason: str,
                 days: int | None) -> int:
    require_role(store.roles, UNIT)
    reason = _text(reason, "request_reason")
    async with _transaction(store) as conn:
        row = await _case(conn, store, case_id)
        unit_id = row.assigned_unit_id
        if kind == "return" and row.window_ends is not None and row.now > row.window_ends:
            raise _refused("request", "request.return_window_passed",
                           ends=to_local(row.window_ends).strftime("%Y-%m-%d %H:%M"))
        try:
            async with conn.begin_nested():
                request_id = (await conn.execute(
                    insert(R).values(case_id=case_id, unit_id=unit_id, kind=kind,
                                     reason=reason, days=days).returning(R.id))).scalar_one()
        except IntegrityError as exc:
            raise _refused("request", "request.pending_already") from exc
        return await events.append(conn, store.actor, events.UnitRequestChanged(
            request_id, kind, "applied", unit_id, days, reason), case_id=case_id)


async def apply_return(store: Store, case_id: uuid.UUID, reason: str) -> int:
    """Apply to give the case back (not this unit's duty…) within the window; the
    event's id."""
    return await _apply(store, case_id, "return", reason, None)


async def apply_extension(store: Store, case_id: uuid.UUID, days: object, reason: str) -> int:
    """Ask for ``days`` more working days; the event's id."""
    if (isinstance(days, bool) or not isinstance(days, int)
            or not 1 <= days <= clocks.MAX_EXTENSION_WORKING_DAYS):
        raise _refused("days", "request.days", max=clocks.MAX_EXTENSION_WORKING_DAYS)
    return await _apply(store, case_id, "extension", reason, days)


async def decide(store: Store, calendar: WorkCalendar, request_id: int, approve: bool,
                 reason: str = "") -> int:
    """Approve or refuse (with a reason) a request someone else made; the id of the
    last event appended."""
    reason = _text(reason, "decision_reason", required=not approve)
    async with _transaction(store) as conn:
        row = (await conn.execute(select(R).where(R.id == request_id).with_for_update())
               ).one_or_none()
        if row is None:
            raise _refused("request", "request.unknown")
        require_role(store.roles, *DECIDERS[row.kind])
        if row.decision is not None:
            raise _refused("request", "request.decided_already")
        if row.requested_by == store.actor:
            raise _refused("request", "request.own")
        now = (await conn.execute(select(func.now()))).scalar_one()
        values: dict[str, object] = {
            "decision": "approved" if approve else "refused", "decided_by": store.actor,
            "decided_at": now, "decision_reason": reason, "version": row.version + 1}
        granted = granted_unit = None
        if approve and row.kind == "extension":
            due, unit_due = (await conn.execute(select(C.due_at, C.unit_due_at).where(
                C.id == row.case_id).with_for_update())).one()
            if due is None:
                raise _refused("request", "request.case_not_with_unit")
            granted, granted_unit = clocks.extended(calendar, due, unit_due, int(row.days))
            values |= {"previous_due_at": due, "granted_due_at": granted,
                       "previous_unit_due_at": unit_due, "granted_unit_due_at": granted_unit}
        await conn.execute(update(R).where(R.id == request_id).values(**values))
        if granted is not None:
            moved: dict[str, object] = {"due_at": granted}
            if granted_unit is not None:
                moved["unit_due_at"] = granted_unit
            await conn.execute(update(C).where(C.id == row.case_id).values(
                **moved, updated_at=now, version=C.version + 1))
        event_id = await events.append(conn, store.actor, events.UnitRequestChanged(
            request_id, row.kind, str(values["decision"]), row.unit_id, row.days, reason,
            granted, granted_unit), case_id=row.case_id)
        if approve and row.kind == "return":
            move = await cases.perform_in(conn, store, row.case_id, "return", None,
                                          {"reason": row.reason, "note": reason or None})
            event_id = move.event_id
        return event_id


def _request(row: object) -> Request:
    return Request(**{name: getattr(row, name) for name in Request.__dataclass_fields__})


_COLUMNS = (R.id, R.case_id, C.public_no, R.unit_id, R.kind, R.reason, R.days,
            R.requested_by, R.requested_at, R.decision, R.decided_by, R.decision_reason,
            R.granted_due_at, R.granted_unit_due_at, C.due_at.label("case_due_at"),
            C.unit_due_at.label("case_unit_due_at"))


async def pending(store: Store) -> list[Request]:
    """Undecided requests, oldest first (a unit's seat sees its own unit's only)."""
    async with store.read() as conn:
        rows = await conn.execute(select(*_COLUMNS).join(C, C.id == R.case_id)
                                  .where(R.decision.is_(None)).order_by(R.requested_at))
        return [_request(r) for r in rows]


async def of_case(store: Store, case_id: uuid.UUID) -> list[Request]:
    """Every request on a case, decided or not, oldest first."""
    async with store.read() as conn:
        rows = await conn.execute(select(*_COLUMNS).join(C, C.id == R.case_id)
                                  .where(R.case_id == case_id).order_by(R.id))
        return [_request(r) for r in rows]
