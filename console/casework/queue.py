"""The case queue: filtered, database-sorted lists of case ids, rows by id,
and a caller's history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Select

from console.core.store import Store
from db import schema as s

# Ids held by a queue view: enough to scroll, small enough to read without a stall;
# the count line says when a filter matches more.
DEFAULT_CAP = 20_000
C = s.Case

# Sortable columns by key; every sort ends on id, so the order is total.
SORT_COLUMNS: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {
    "public_no": C.public_no,
    "created_at": C.created_at,
    "channel": C.channel,
    "status": C.status,
    "urgency": C.urgency,
    "street": C.street_code,
    "category": C.category_id,
    "unit": C.assigned_unit_id,
    "due_at": C.due_at,
    "unit_due_at": C.unit_due_at,
    "caller": C.caller_phone,
}


def search_document() -> ColumnElement:
    """The expression the trigram index is built on (migration 0001)."""
    return (C.public_no + " " + func.coalesce(C.caller_phone, "") + " " + C.text + " "
            + C.address)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class CaseFilter:
    statuses: tuple[str, ...] | None = s.OPEN_STATUSES
    channel: str | None = None
    street_code: str | None = None
    community_code: str | None = None  # an area chosen on the map's heat layer
    grid_code: str | None = None
    category_ids: tuple[int, ...] | None = None  # a category's whole subtree
    text: str = ""
    sort_key: str = "created_at"
    descending: bool = True
    # True: only grid workers' reports (field verification); False: only cases with a
    # caller (callbacks); None: both.
    grid_reports: bool | None = None
    # Only these cases (a selection on the map); None: no such limit.
    case_ids: frozenset[uuid.UUID] | None = None

    def where(self) -> ColumnElement[bool]:
        terms: list[ColumnElement[bool]] = []
        if self.case_ids is not None:  # one array parameter, however many
            terms.append(C.id == any_(bindparam(
                "case_ids", sorted(self.case_ids), type_=ARRAY(UUID(as_uuid=True)))))
        if self.statuses is not None:
            terms.append(C.status.in_(self.statuses))
        if self.channel:
            terms.append(C.channel == self.channel)
        if self.grid_reports is not None:
            terms.append((C.channel == s.GRID_REPORT_CHANNEL) if self.grid_reports
                         else (C.channel != s.GRID_REPORT_CHANNEL))
        if self.street_code:
            terms.append(C.street_code == self.street_code)
        if self.community_code:
            terms.append(C.community_code == self.community_code)
        if self.grid_code:
            terms.append(C.grid_code == self.grid_code)
        if self.category_ids is not None:
            terms.append(C.category_id.in_(self.category_ids))
        for word in self.text.split():
            terms.append(search_document().ilike(f"%{_escape_like(word)}%", escape="\\"))
        return and_(True, *terms)

    def ordered(self, stmt: Select) -> Select:
        column = SORT_COLUMNS.get(self.sort_key, C.created_at)
        key = column.desc() if self.descending else column.asc()
        if column.nullable:  # a NULLS clause on a NOT NULL column would miss the index
            key = key.nulls_last()
        return stmt.order_by(key, C.id.desc() if self.descending else C.id.asc())


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    public_no: str
    created_at: dt.datetime
    channel: str
    nature: str
    caller_phone: str | None
    caller_name: str | None
    text: str
    address: str
    street_code: str | None
    community_code: str | None
    grid_code: str | None
    category_id: int
    urgency: str
    status: str
    assigned_unit_id: int | None
    due_at: dt.datetime | None
    version: int
    paused_at: dt.datetime | None = None
    merged_into: uuid.UUID | None = None
    due_estimated: bool = False
    unit_clock_at: dt.datetime | None = None  # the unit's clock (migration 0008)
    unit_due_at: dt.datetime | None = None
    sign_due_at: dt.datetime | None = None  # the unit signs by then (migration 0013)
    lon: float | None = None  # where the case is (GCJ-02): picked, or its cell's centre
    lat: float | None = None

    @property
    def to_sign_by(self) -> dt.datetime | None:
        """The sign deadline while the unit's clock waits for the signing, else None."""
        waiting = self.status == "dispatched" and self.unit_clock_at is None
        return self.sign_due_at if waiting else None


# Dates are read clamped into the range the database checks, so a row stored
# before those checks (an 'infinity' deadline) shows at the range's end instead
# of stopping the whole list.
ROW_COLUMNS = (
    C.id, C.public_no, s.readable(C.created_at), C.channel, C.nature, C.caller_phone,
    C.caller_name, func.left(C.text, 300).label("text"), C.address, C.street_code,
    C.community_code, C.grid_code, C.category_id, C.urgency, C.status, C.assigned_unit_id,
    s.readable(C.due_at), C.version, s.readable(C.paused_at), C.merged_into, C.due_estimated,
    s.readable(C.unit_clock_at), s.readable(C.unit_due_at), s.readable(C.sign_due_at),
    C.lon, C.lat,
)


@dataclass(frozen=True)
class IdList:
    ids: list[uuid.UUID]
    total: int  # matching cases, which may exceed len(ids) when capped


async def fetch_ids(store: Store, flt: CaseFilter, cap: int = DEFAULT_CAP) -> IdList:
    async with store.read() as conn:
        ids = (await conn.execute(flt.ordered(select(C.id).where(flt.where())).limit(cap)))
        id_list = list(ids.scalars())
        total = len(id_list)
        if total >= cap:
            total = (await conn.execute(
                select(func.count()).select_from(C).where(flt.where()))).scalar_one()
    return IdList(id_list, total)


async def fetch_rows(store: Store, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, CaseRow]:
    if not ids:
        return {}
    async with store.read() as conn:
        result = await conn.execute(select(*ROW_COLUMNS).where(C.id.in_(list(ids))))
        return {r.id: CaseRow(*r) for r in result}


@dataclass(frozen=True)
class CallerHistory:
    phone: str
    name: str | None
    total: int
    recent_30d: int
    cases: list[CaseRow]

    @property
    def is_repeat(self) -> bool:
        return self.total > 0


async def caller_history(store: Store, phone_e164: str, limit: int = 50) -> CallerHistory:
    async with store.read() as conn:
        caller = (await conn.execute(select(s.Caller.id, s.Caller.name)
                                     .where(s.Caller.phone == phone_e164))).one_or_none()
        if caller is None:
            return CallerHistory(phone_e164, None, 0, 0, [])
        counts = (await conn.execute(select(
            func.count(),
            func.count().filter(C.created_at > func.now() - dt.timedelta(days=30)),
        ).where(C.caller_id == caller.id))).one()
        rows = await conn.execute(select(*ROW_COLUMNS).where(C.caller_id == caller.id)
                                  .order_by(C.created_at.desc()).limit(limit))
        return CallerHistory(phone_e164, caller.name, counts[0], counts[1],
                             [CaseRow(*r) for r in rows])


async def frequent_callers(store: Store, limit: int = 10) -> list[str]:
    """Phone numbers with the most cases, most first."""
    async with store.read() as conn:
        result = await conn.execute(
            select(s.Caller.phone).join(C, C.caller_id == s.Caller.id)
            .group_by(s.Caller.phone).order_by(func.count().desc(), s.Caller.phone).limit(limit))
        return list(result.scalars())


async def fetch_case(store: Store, case_id: uuid.UUID) -> CaseRow | None:
    """One case with its whole text (the queue's rows carry the first 300 characters)."""
    async with store.read() as conn:
        columns = [C.text if getattr(c, "name", None) == "text" else c for c in ROW_COLUMNS]
        row = (await conn.execute(select(*columns).where(C.id == case_id))).one_or_none()
        return None if row is None else CaseRow(*row)
