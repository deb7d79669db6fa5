"""Which cases an export holds and what it reads of each: the queue's filter (what the
queue shows, without its cap), optionally a period of intake, read row by row through
a server-side cursor so an export of any size never sits in memory.

The person's own login reads, so the database's row-level security decides what they
may export: a unit's handler gets their unit's cases and no others (migration 0009).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select

from console.casework.queue import CaseFilter
from console.core.store import Store
from db import schema as s

C = s.Case
BATCH = 2000  # rows fetched per round trip of the cursor, and written per step


@dataclass(frozen=True)
class Selection:
    """The queue's filter (all statuses unless it says otherwise) and, for a scheduled
    export, a period of intake [since, before)."""

    cases: CaseFilter = field(default_factory=lambda: CaseFilter(statuses=None))
    since: dt.datetime | None = None
    before: dt.datetime | None = None

    def where(self) -> ColumnElement[bool]:
        terms = [self.cases.where()]
        if self.since is not None:
            terms.append(C.created_at >= self.since)
        if self.before is not None:
            terms.append(C.created_at < self.before)
        return and_(*terms)


@dataclass(frozen=True)
class ExportRow:
    """One case as an export writes it: codes and the names they stand for."""

    id: uuid.UUID
    public_no: str
    status: str
    channel: str
    nature: str
    urgency: str
    text: str
    address: str
    lon: float | None
    lat: float | None
    created_at: dt.datetime
    accepted_at: dt.datetime | None
    dispatched_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    due_at: dt.datetime | None
    updated_at: dt.datetime
    category_code: str
    category_path: str  # "一级 / 二级 / 三级", as the catalog names it
    street: str
    community: str
    grid_code: str
    unit: str  # the responsible unit's name
    on_time: bool | None  # finished within the unit's deadline; None: not judged


def on_time() -> ColumnElement[bool | None]:
    """The imported verdict for a history case, else the first resolution against the
    unit's deadline (the statistics' rule); NULL while not judged."""
    return case(
        (C.imported_from.is_not(None), C.imported_on_time),
        (and_(C.first_resolved_at.is_not(None), C.unit_due_at.is_not(None)),
         C.first_resolved_at <= C.unit_due_at),
        else_=None)


def statement(selection: Selection) -> Select:
    street, community = aliased(s.Street), aliased(s.Community)
    k, u = aliased(s.Category), aliased(s.Unit)
    columns = (
        C.id, C.public_no, C.status, C.channel, C.nature, C.urgency, C.text, C.address,
        C.lon, C.lat, s.readable(C.created_at), s.readable(C.accepted_at),
        s.readable(C.dispatched_at), s.readable(C.resolved_at), s.readable(C.closed_at),
        s.readable(C.due_at), s.readable(C.updated_at), k.code, k.path,
        func.coalesce(street.name, ""), func.coalesce(community.name, ""),
        func.coalesce(C.grid_code, ""), func.coalesce(u.name, ""), on_time())
    stmt = (select(*columns).select_from(C)
            .join(k, k.id == C.category_id)
            .outerjoin(street, street.code == C.street_code)
            .outerjoin(community, community.code == C.community_code)
            .outerjoin(u, u.id == C.assigned_unit_id)
            .where(selection.where()))
    return selection.cases.ordered(stmt)


async def count(store: Store, selection: Selection) -> int:
    async with store.read() as conn:
        found = await conn.execute(select(func.count()).select_from(C).where(selection.where()))
        return int(found.scalar_one())


async def batches(store: Store, selection: Selection,
                  size: int | None = None) -> AsyncGenerator[list[ExportRow], None]:
    """The selection's rows, ``size`` (``BATCH``) at a time, from a server-side cursor in
    one read transaction (every fetch is a statement of its own, each short).

    The cursor is psycopg's own, on the connection under SQLAlchemy's (as the history
    import's COPY is): SQLAlchemy's streamed rows cost twice the driver's time here."""
    size = size or BATCH
    async with store.read() as conn:
        compiled = statement(selection).compile(
            dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        raw: Any = (await conn.get_raw_connection()).driver_connection
        async with raw.cursor(name=f"case_export_{uuid.uuid4().hex}") as cursor:
            await cursor.execute(compiled.string, compiled.params)
            while rows := await cursor.fetchmany(size):
                yield [ExportRow(*row) for row in rows]
