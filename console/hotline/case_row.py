"""The new case in three statements (issue 16: the save's round trips and its
client CPU): what the save needs to know first (the server's time, whether this
draft's UUID was saved before, whether its category goes out by itself); the caller,
the point and the case; its ``created`` event with the citizen's acceptance notice
queued. All are plain SQL compiled once,
so a save costs the seat little CPU. The event is appended as ``events.append``
appends one (the same columns, the trigger does the rest) and noted with
``events.appended``, so the store wakes every seat after the commit.

The database numbers the case (trigger ``case_numbered``, migration 0022); a point
the draft does not give is its grid cell's centre as the database has it now.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events

# Whether the category goes out by itself is the database's word, not the seat's
# catalog's, which may not have followed another seat's change yet.
_BEFORE = text("""
SELECT now() AS now, c.public_no,
       (SELECT max(e.id) FROM case_event e WHERE e.case_id = CAST(:id AS uuid)) AS newest,
       (SELECT k.auto_dispatch FROM category k
        WHERE k.id = CAST(:category_id AS integer)) AS auto_dispatch
FROM (SELECT 1) AS one LEFT JOIN "case" c ON c.id = CAST(:id AS uuid)""")

_INSERT = text("""
WITH caller AS (
    INSERT INTO caller (phone, name)
    SELECT CAST(:phone AS varchar), CAST(:name AS varchar)
    WHERE CAST(:phone AS varchar) IS NOT NULL
    ON CONFLICT (phone) DO UPDATE SET name = coalesce(excluded.name, caller.name)
    RETURNING id),
centre AS (
    SELECT g.centroid_lon, g.centroid_lat FROM grid_cell g
    WHERE g.code = CAST(:grid_code AS varchar) AND CAST(:lon AS double precision) IS NULL)
INSERT INTO "case" (id, channel, nature, caller_id, caller_phone, caller_name, text,
                    address, lon, lat, street_code, community_code, grid_code, category_id,
                    urgency, status, accepted_at, created_by, due_at, due_estimated)
VALUES (CAST(:id AS uuid), :channel, :nature, (SELECT id FROM caller), :phone, :name,
        :text, :address,
        coalesce(CAST(:lon AS double precision), (SELECT centroid_lon FROM centre)),
        coalesce(CAST(:lat AS double precision), (SELECT centroid_lat FROM centre)),
        :street_code, :community_code, :grid_code, :category_id, :urgency, 'accepted',
        now(), :created_by, :due_at, :due_estimated)
ON CONFLICT (id) DO NOTHING
RETURNING public_no, lon""")

# A case made now, so ``citizen_message_queue`` takes it for an acceptance (0011).
_CREATED = text("""
INSERT INTO case_event (case_id, actor, kind, payload)
VALUES (CAST(:case_id AS uuid), :actor, 'created', CAST(:payload AS jsonb))
RETURNING id, CASE WHEN CAST(:tell AS boolean)
                   THEN public.citizen_message_queue(case_id, 'acceptance') END AS message""")


@dataclass(frozen=True)
class Before:
    now: dt.datetime
    public_no: str | None  # the case's number when this UUID was saved before
    newest_event: int  # ... and its newest event
    auto_dispatch: bool  # whether the category goes out by itself, as the database has it


async def before(conn: AsyncConnection, case_id: uuid.UUID,
                 category_id: int | None = None) -> Before:
    row = (await conn.execute(_BEFORE, {"id": case_id, "category_id": category_id})).one()
    return Before(row.now, row.public_no, int(row.newest or 0), bool(row.auto_dispatch))


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> tuple[str, bool] | None:
    """Insert the case (and file its caller): its public number and whether it has a
    point; None when a case with its UUID exists already (a resubmission that raced
    this one). ``values``: the statement's parameters (``phone`` and ``name`` None
    when not given)."""
    row = (await conn.execute(_INSERT, values)).one_or_none()
    return None if row is None else (str(row.public_no), row.lon is not None)


async def created(conn: AsyncConnection, actor: str, case_id: uuid.UUID,
                  data: events.CaseCreated, *, tell: bool) -> int:
    """Append the case's ``created`` event and, with ``tell``, queue the citizen's
    acceptance notice; the event's id."""
    assert data.kind == events.Kind.CREATED
    row = (await conn.execute(_CREATED, {
        "case_id": case_id, "actor": actor, "tell": tell,
        "payload": json.dumps(data.to_json(), ensure_ascii=False)})).one()
    events.appended(conn, int(row.id))
    return int(row.id)
