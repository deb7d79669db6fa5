"""A new case's dispatch made in its own save (issue 16): a category that goes out by
itself is dispatched in the one query that inserts the case, with no transaction open
while the seat works.

The move is the lifecycle's (``lifecycle.apply``, as ``cases.perform_in`` makes it),
worked out on the seat before the save from the read before it
(``console/hotline/case_row.py`` ``before``: the unit the database routes the case
to, the clock rule, the unit's deadline and the sign deadline at the read's time).
The times the move writes are the save transaction's own: the lifecycle is given
marked times (``Marked``), and each marked time it writes, to the row or the event,
is sent as the value the database computes in the save (its ``now()``, the unit's
deadline and the sign deadline from that ``now()``), exactly as ``perform_in`` takes
them from its transaction. A time the lifecycle works out otherwise cannot be sent
so: ``statement`` refuses it (an AssertionError, not a wrong time).

The statement checks what the move was worked out from: the case is the one this
transaction inserted, each column the move writes is as the lifecycle saw it, and
the route, the clock rule and whether each deadline exists are what the read said.
When anything changed in between (another seat's change of the category, a unit
made inactive) it changes nothing, and the seat makes the move afterwards the way a
transaction does (``dispatch_in``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework import cases, disputes, lifecycle
from console.casework.lifecycle import SYSTEM, CaseState, Move
from console.core.errors import ConflictError, DatabaseBusy, DatabaseUnavailable
from console.core.payload_json import encode
from console.core.store import Store

# Where a category goes by itself: its owner unit when active; for a category the
# street handles (属地), the active sub-centre of the case's street. No row when a
# dispatcher decides; a NULL unit when the rule names none now. ``{category}`` and
# ``{street}``: the expressions of the category's id and the case's street.
# (Its own names: the expressions may name the caller's tables.)
ROUTE = """
SELECT CASE WHEN route_k.territorial
            THEN (SELECT route_u.id FROM public.unit route_u WHERE route_u.kind = 'centre'
                  AND route_u.street_code = {street} AND route_u.active)
            ELSE (SELECT route_u.id FROM public.unit route_u
                  WHERE route_u.id = route_k.owner_unit_id AND route_u.active)
       END AS unit_id,
       CASE WHEN route_k.territorial THEN 'territorial' ELSE 'owner' END AS rule
FROM public.category route_k WHERE route_k.id = {category} AND route_k.auto_dispatch"""

# What the dispatch needs to know at a moment ``{now}``, beside the route: the clock
# rule and the deadlines a unit taking the case then gets (``perform_in``'s).
CLOCK_AT = """coalesce((SELECT r.unit_clock_starts FROM public.clock_rule r WHERE r.id = 1),
                'dispatch') AS clock_starts,
       public.unit_deadline({category}, {urgency}, {now}) AS unit_due,
       public.sign_due({now}) AS sign_due"""

# The move on the case this transaction inserted, and its event, in one statement:
# ``at`` holds the transaction's time and what the move was worked out from as it is
# now (one computation each); the update writes nothing unless all is as it was read.
_MOVE = """
WITH at AS (
    SELECT pg_catalog.now() AS now, route.unit_id, route.rule, {clock}
    FROM public."case" c LEFT JOIN LATERAL ({route}) route ON true
    WHERE c.id = CAST(%(m_case)s AS uuid) AND EXISTS (
        SELECT 1 FROM public.case_event e WHERE e.case_id = c.id AND e.kind = 'created'
           AND e.xact = pg_catalog.pg_current_xact_id())),
moved AS (
    UPDATE public."case" c SET {sets} FROM at
    WHERE c.id = CAST(%(m_case)s AS uuid) AND {was}
      AND at.unit_id IS NOT DISTINCT FROM CAST(%(m_unit)s AS integer)
      AND at.rule IS NOT DISTINCT FROM CAST(%(m_rule)s AS text)
      AND at.clock_starts = CAST(%(m_starts)s AS text)
      AND (at.unit_due IS NULL) = CAST(%(m_no_unit_due)s AS boolean)
      AND (at.sign_due IS NULL) = CAST(%(m_no_sign_due)s AS boolean)
    RETURNING c.id)
INSERT INTO public.case_event (case_id, actor, kind, payload)
SELECT moved.id, %(m_actor)s, %(m_kind)s, CAST(%(m_payload)s AS jsonb) || {timed}
FROM moved, at
RETURNING id"""

_COLUMN = re.compile(r"[a-z_]+\Z")
log = logging.getLogger(__name__)


class Marked(dt.datetime):
    """A time the save's transaction gives: ``column`` of the statement's ``at``
    (``now``, ``unit_due``, ``sign_due``); its value is the read's, for the lifecycle."""

    column: str

    @classmethod
    def of(cls, value: dt.datetime | None, column: str) -> Marked | None:
        if value is None:
            return None
        made = cls(value.year, value.month, value.day, value.hour, value.minute,
                   value.second, value.microsecond, value.tzinfo, fold=value.fold)
        made.column = column
        return made


@dataclass(frozen=True)
class Route:
    """What the read before the save said the dispatch needs (as the database had it)."""

    unit_id: int
    rule: str  # "owner" or "territorial": the event says why
    clock_starts: str
    unit_due: dt.datetime | None  # a unit taking the case at the read's time: its deadline
    sign_due: dt.datetime | None  # ... and its sign deadline
    now: dt.datetime  # the read's time


def dispatch(state: CaseState, route: Route, case_id: uuid.UUID, actor: str
             ) -> tuple[Move, tuple[str, dict[str, Any]]]:
    """The automatic dispatch of a case about to be inserted as ``state``: the move
    and its statement (sent in the insert's transaction, after the insert and its
    ``created`` event). Raises as ``perform_in``'s move would."""
    facts = lifecycle.clean_facts("dispatch", {"unit_id": route.unit_id, "auto": True,
                                               "rule": route.rule})
    now = Marked.of(route.now, "now")
    assert now is not None
    move = lifecycle.apply(state, "dispatch", frozenset({SYSTEM}), facts, now,
                           unit_due=Marked.of(route.unit_due, "unit_due"),
                           clock_starts=route.clock_starts,
                           sign_due=Marked.of(route.sign_due, "sign_due"))
    checked = {"m_unit": route.unit_id, "m_rule": route.rule, "m_starts": route.clock_starts,
               "m_no_unit_due": route.unit_due is None,
               "m_no_sign_due": route.sign_due is None}
    return move, statement(move, case_id, actor, now, checked)


def statement(move: Move, case_id: uuid.UUID, actor: str, now: Marked,
              checked: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """``move`` on the case this transaction inserted, with its event, as
    ``perform_in`` writes them (``updated_at`` too), each marked time the database's."""
    assert move.action not in disputes.RECORDED | cases.FEEDBACK  # no record of its own
    assert move.action not in {*cases.CALLBACK_RESULTS, *cases.VERIFICATION_RESULTS}
    assert move.after.status not in cases.CLOSING  # no duplicates to close
    params: dict[str, Any] = {"m_case": case_id, "m_actor": actor, "m_kind": move.action,
                              **checked}
    sets, was = [], []
    for column, value in {**move.changes, "updated_at": now}.items():
        assert _COLUMN.match(column), column
        if isinstance(value, Marked):
            sets.append(f'"{column}" = at.{value.column}')
        else:
            assert not isinstance(value, dt.datetime), f"{column}: a time of its own"
            params[f"m_set_{column}"] = value
            sets.append(f'"{column}" = %(m_set_{column})s')
        if column in (*lifecycle.CHANGING, "version"):  # as the lifecycle saw it
            params[f"m_was_{column}"] = getattr(move.before, column)
            was.append(f'c."{column}" IS NOT DISTINCT FROM %(m_was_{column})s')
    timed = {key: value for key, value in move.payload.items() if isinstance(value, Marked)}
    plain = {key: value for key, value in move.payload.items() if key not in timed}
    _unmarked(plain)
    params["m_payload"] = json.dumps(encode(plain), ensure_ascii=False)
    assert all(_COLUMN.match(key) for key in timed), timed
    pairs = ", ".join(f"'{key}', at.{value.column}" for key, value in timed.items())
    clock = CLOCK_AT.format(category="c.category_id", urgency="CAST(c.urgency AS text)",
                            now="pg_catalog.now()")
    route = ROUTE.format(category="c.category_id", street="c.street_code")
    query = _MOVE.format(clock=clock, route=route, sets=", ".join(sets),
                         was=" AND ".join(was) or "true",
                         timed=f"jsonb_build_object({pairs})" if pairs else "'{}'::jsonb")
    return query, params


def _unmarked(value: Any) -> None:
    """No marked time below the payload's top level (it would go as the read's time)."""
    if isinstance(value, dict):
        for item in value.values():
            _unmarked(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _unmarked(item)
    else:
        assert not isinstance(value, dt.datetime), "a time the save cannot give"


async def auto_dispatch_unit(conn: AsyncConnection, category_id: int,
                             street_code: str | None) -> tuple[int, str] | None:
    """The unit a category goes to by itself, and why; None when a dispatcher decides
    (``ROUTE``, in the caller's transaction)."""
    row = (await conn.execute(text(ROUTE.format(
        category="CAST(:category AS integer)", street="CAST(:street AS varchar)")),
        {"category": category_id, "street": street_code})).one_or_none()
    return None if row is None or row.unit_id is None else (int(row.unit_id), str(row.rule))


async def dispatch_in(conn: AsyncConnection, store: Store, case_id: uuid.UUID,
                      category_id: int, street_code: str | None, *,
                      expected_version: int | None = None) -> int | None:
    """The automatic dispatch of a new case in the caller's transaction, by
    ``perform_in``: the id of its event, None when the case goes nowhere by itself."""
    target = await auto_dispatch_unit(conn, category_id, street_code)
    if target is None:
        return None
    unit_id, rule = target
    # The event names the person whose save set it off; its payload says "auto".
    moved = await cases.perform_in(conn, store, case_id, "dispatch", expected_version,
                                   {"unit_id": unit_id, "auto": True, "rule": rule},
                                   roles=frozenset({SYSTEM}))
    return moved.event_id


async def dispatch_after(store: Store, case_id: uuid.UUID, category_id: int,
                         street_code: str | None) -> int | None:
    """``dispatch_in`` in a transaction of its own, for a saved case still as saved
    (version 1): when the save's own move did not happen (what it was worked out from
    changed, or whether it happened is not known). None when nothing was moved. The
    case is saved whatever happens here: when the database cannot be reached now, the
    case waits in the queue for a dispatcher, as a case whose category does not go out
    by itself does (logged; a resubmission finds the case saved)."""
    try:
        async with store.transaction() as conn:
            return await dispatch_in(conn, store, case_id, category_id, street_code,
                                     expected_version=1)
    except ConflictError:  # moved already: by the save itself, or at another seat
        return None
    except (DatabaseUnavailable, DatabaseBusy) as exc:
        log.warning("case %s saved, not dispatched by itself: %s", case_id, exc)
        return None
