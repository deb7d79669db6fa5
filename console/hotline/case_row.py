"""The new case's row in two statements (issue 16: the save's round trips and its
client CPU): what the save needs to know first (the server's time, and whether this
draft's UUID was saved before), then the caller, the point and the case in one
statement. Both are plain SQL compiled once, so a save costs the seat little CPU.

The database numbers the case (trigger ``case_numbered``, migration 0022); a point
the draft does not give is its grid cell's centre as the database has it now.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

_BEFORE = text("""
SELECT now() AS now, c.public_no,
       (SELECT max(e.id) FROM case_event e WHERE e.case_id = CAST(:id AS uuid)) AS newest
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


@dataclass(frozen=True)
class Before:
    now: dt.datetime
    public_no: str | None  # the case's number when this UUID was saved before
    newest_event: int  # ... and its newest event


async def before(conn: AsyncConnection, case_id: uuid.UUID) -> Before:
    row = (await conn.execute(_BEFORE, {"id": case_id})).one()
    return Before(row.now, row.public_no, int(row.newest or 0))


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> tuple[str, bool] | None:
    """Insert the case (and file its caller): its public number and whether it has a
    point; None when a case with its UUID exists already (a resubmission that raced
    this one). ``values``: the statement's parameters (``phone`` and ``name`` None
    when not given)."""
    row = (await conn.execute(_INSERT, values)).one_or_none()
    return None if row is None else (str(row.public_no), row.lon is not None)
