"""The new case in three statements (issue 16: the save's round trips and its
client CPU): what the save needs to know first (the server's time, whether this
draft's UUID was saved before, whether its category goes out by itself, its time
limit for the class); the caller, the point and the case; its ``created`` event with
the citizen's acceptance notice queued. All are plain SQL sent to the driver itself
(``db/driver_sql.py``), so a save costs the seat little CPU. The first runs by itself;
the other two go either as one query with their ``BEGIN``, ``COMMIT`` and the wake-up
of every seat (``commit_created``: no transaction open while the seat works), or in
one round trip inside a transaction the caller holds (``insert_created``). The event
is appended as ``events.append`` appends one (the same columns, the trigger does the
rest).

The database numbers the case (trigger ``case_numbered``, migration 0022); a point
the draft does not give is its grid cell's centre as the database has it now.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.deadlines import Limit
from console.calendar.workdays import to_local
from console.casework import first_move
from console.core import events
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from db.driver_sql import driver_row, driver_rows

# Whether the category goes out by itself and its time limit for the class are the
# database's word, not the seat's catalog's, which may not have followed another seat's
# change yet. The limit: the category's own rule for the class, else its nearest
# ancestor's, else the category's own limit (``console/calendar/deadlines.rule_for``).
_BEFORE = """
SELECT now() AS now, c.public_no,
       -- Only for a case saved before; by its own index (a bare max(id) would walk the
       -- whole event table backwards looking for a case that is not there).
       CASE WHEN c.id IS NOT NULL THEN (SELECT max(e.id) FROM case_event e
                                        WHERE e.case_id = c.id GROUP BY e.case_id) END
           AS newest,
       k.auto_dispatch,
       CASE WHEN r.category_id IS NOT NULL THEN r.limit_hours ELSE k.limit_hours END
           AS limit_hours,
       CASE WHEN r.category_id IS NOT NULL THEN r.limit_working_days
            ELSE k.limit_working_days END AS limit_working_days,
       coalesce(r.category_id, k.id) AS limit_category, r.id AS rule_id,
       go.unit_id AS route_unit, go.rule AS route_rule, go.clock_starts, go.unit_due,
       go.sign_due
FROM (SELECT 1) AS one
LEFT JOIN "case" c ON c.id = CAST(%(id)s AS uuid)
LEFT JOIN category k ON k.id = CAST(%(category_id)s AS integer)
-- Where a category that goes out by itself sends the case, and the clocks a unit taking
-- it now gets (first_move: the dispatch is worked out from these, in the save).
LEFT JOIN LATERAL (
    SELECT route.unit_id, route.rule, {clock}
    FROM ({route}) route WHERE route.unit_id IS NOT NULL) AS go ON c.id IS NULL
LEFT JOIN LATERAL (
    WITH RECURSIVE up (id, depth) AS (  -- the category and its ancestors, by primary key
        SELECT k.id, 0
        UNION ALL
        SELECT (SELECT p.parent_id FROM category p WHERE p.id = up.id), up.depth + 1
        FROM up WHERE up.id IS NOT NULL AND up.depth < 32)
    SELECT d.id, d.category_id, d.limit_hours, d.limit_working_days
    FROM up JOIN deadline_rule d ON d.category_id = up.id
                                AND d.urgency = CAST(%(urgency)s AS varchar)
    ORDER BY up.depth LIMIT 1) AS r ON true""".format(
    route=first_move.ROUTE.format(category="k.id", street="CAST(%(street)s AS varchar)"),
    clock=first_move.CLOCK_AT.format(category="k.id", urgency="CAST(%(urgency)s AS varchar)",
                                     now="now()"))

_INSERT = """
WITH caller AS (
    INSERT INTO caller (phone, name)
    SELECT CAST(%(phone)s AS varchar), CAST(%(name)s AS varchar)
    WHERE CAST(%(phone)s AS varchar) IS NOT NULL
    ON CONFLICT (phone) DO UPDATE SET name = coalesce(excluded.name, caller.name)
    RETURNING id),
centre AS (
    SELECT g.centroid_lon, g.centroid_lat FROM grid_cell g
    WHERE g.code = CAST(%(grid_code)s AS varchar) AND CAST(%(lon)s AS double precision) IS NULL)
INSERT INTO "case" (id, channel, nature, caller_id, caller_phone, caller_name, text,
                    address, lon, lat, street_code, community_code, grid_code, category_id,
                    urgency, status, accepted_at, created_by, due_at, due_estimated)
VALUES (CAST(%(id)s AS uuid), %(channel)s, %(nature)s, (SELECT id FROM caller), %(phone)s,
        %(name)s, %(text)s, %(address)s,
        coalesce(CAST(%(lon)s AS double precision), (SELECT centroid_lon FROM centre)),
        coalesce(CAST(%(lat)s AS double precision), (SELECT centroid_lat FROM centre)),
        %(street_code)s, %(community_code)s, %(grid_code)s, %(category_id)s, %(urgency)s,
        'accepted', now(), %(created_by)s,
        -- The deadline as counted from the read before (``start``), kept exact when the
        -- save's transaction began later: a limit in hours moves with the start; one in
        -- working days holds on the same day, and a day turned meanwhile leaves it NULL,
        -- which the database refuses (ck_case_deadline_when_open: the seat counts again).
        CASE WHEN CAST(%(in_hours)s AS boolean)
             THEN CAST(%(due_at)s AS timestamptz) + (now() - CAST(%(start)s AS timestamptz))
             WHEN (now() AT TIME ZONE %(zone)s)::date = CAST(%(start_day)s AS date)
             THEN CAST(%(due_at)s AS timestamptz) END,
        %(due_estimated)s)
ON CONFLICT (id) DO NOTHING
RETURNING public_no, lon"""

# Its ``created`` event, sent with the insert in one round trip (``driver_rows``): the
# event takes the number and where the point came from from the case as inserted,
# and is appended only when the insert made the case (a case with no event yet: a
# resubmission that raced this one finds the other's case with its event, committed).
# A case made now, so ``citizen_message_queue`` takes it for an acceptance (0011).
_CREATED = """
INSERT INTO case_event (case_id, actor, kind, payload)
SELECT c.id, %(actor)s, 'created', CAST(%(payload)s AS jsonb) || jsonb_build_object(
           'public_no', c.public_no, 'due_at', c.due_at,
           'placed', CASE WHEN c.lon IS NULL THEN NULL
                          WHEN CAST(%(at_point)s AS boolean) THEN 'point'  -- intake's
                          ELSE 'cell_centre' END)  -- PLACED_AT_POINT, PLACED_AT_CELL_CENTRE
FROM "case" c
WHERE c.id = CAST(%(case_id)s AS uuid)
  AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id)
RETURNING id, CASE WHEN CAST(%(tell)s AS boolean)
                   THEN public.citizen_message_queue(case_id, 'acceptance') END AS message"""

@dataclass(frozen=True)
class Before:
    now: dt.datetime
    public_no: str | None  # the case's number when this UUID was saved before
    newest_event: int  # ... and its newest event
    auto_dispatch: bool  # whether the category goes out by itself, as the database has it
    limit: Limit | None  # its time limit for the class, as the database has it (None: none)
    # Where it goes by itself, as the database has it (None: a dispatcher decides, or
    # the rule names no active unit now; or a case saved before).
    route: first_move.Route | None = None


async def before(conn: AsyncConnection, case_id: uuid.UUID, category_id: int | None = None,
                 urgency: str | None = None, street_code: str | None = None) -> Before:
    row = await driver_row(conn, _BEFORE, {"id": case_id, "category_id": category_id,
                                           "urgency": urgency, "street": street_code})
    assert row is not None  # one row always
    (now, public_no, newest, auto_dispatch, hours, days, limit_category, rule_id,
     unit_id, rule, starts, unit_due, sign_due) = row
    limit = (None if (hours is None and days is None) or limit_category is None
             else Limit(hours, days, limit_category, rule_id))
    route = (None if unit_id is None
             else first_move.Route(int(unit_id), rule, starts, unit_due, sign_due, now))
    return Before(now, public_no, int(newest or 0), bool(auto_dispatch), limit, route)


def _statements(values: dict[str, Any], data: events.CaseCreated, start: dt.datetime,
                tell: bool) -> list[tuple[str, dict[str, Any]]]:
    """The insert and the ``created`` event; ``values["due_at"]`` counted from
    ``start``, the database's time at the read before (``Before.now``)."""
    assert data.kind == events.Kind.CREATED
    case = {**values, "start": start, "start_day": to_local(start).date(),
            "zone": CENTRE_TZ.key}
    return [(_INSERT, case), (_CREATED, {
        "case_id": values["id"], "actor": values["created_by"], "tell": tell,
        "at_point": values["lon"] is not None,
        "payload": json.dumps(data.to_json(), ensure_ascii=False)})]


def _made(case: tuple[Any, ...] | None, event: tuple[Any, ...] | None) -> tuple[str, int] | None:
    if case is None:
        return None
    assert event is not None  # the case this insert made has no event yet
    return str(case[0]), int(event[0])


async def insert_created(conn: AsyncConnection, values: dict[str, Any],
                         data: events.CaseCreated, start: dt.datetime, *,
                         tell: bool) -> tuple[str, int] | None:
    """Insert the case (and file its caller) and append its ``created`` event, in one
    round trip, in the transaction ``conn`` holds: the case's public number and the
    event's id; None when a case with its UUID exists already (a resubmission that
    raced this one). ``values``: the insert's parameters (``phone`` and ``name`` None
    when not given; ``in_hours``: whether the limit is in hours); ``data``: the event's
    payload but for the number, the deadline and ``placed``, which the database fills
    in. With ``tell`` the citizen's acceptance notice is queued."""
    return _made(*await driver_rows(conn, *_statements(values, data, start, tell)))


@dataclass(frozen=True)
class Committed:
    public_no: str
    event_id: int  # the last event the save appended (the case's newest)
    moved: bool | None  # whether the further statement appended its event (None: unknown)


async def commit_created(conn: AsyncConnection, store: Store, values: dict[str, Any],
                         data: events.CaseCreated, start: dt.datetime, *, tell: bool,
                         then: tuple[str, dict[str, Any]] | None = None) -> Committed | None:
    """``insert_created`` in a transaction of its own on an ``unbegun`` connection:
    begun, committed and every seat woken in the same round trip; ``then``, a
    statement sent after the event in the same transaction that appends an event of
    the case or none (``first_move``: the case's dispatch). When the wake-up alone
    failed the case is read again (its number and newest event; whether ``then``
    appended its event is not known then)."""
    statements = _statements(values, data, start, tell) + ([then] if then else [])
    rows = await store.commit_at_once(conn, statements, values["id"])
    if rows is None:
        again = await before(conn, values["id"])
        assert again.public_no is not None  # committed
        return Committed(again.public_no, again.newest_event, None if then else False)
    made = _made(*rows[:2])
    if made is None:
        return None
    event = rows[2] if then is not None else None
    return Committed(made[0], made[1] if event is None else int(event[0]), event is not None)
