"""Countdowns: the time each open case has left, and its colour band.

The clock that counts is the running one: the responsible unit's
(``unit_clock_at`` to ``unit_due_at``) while a unit has the case, else the
case's own (``due_at``, the citizen's, from intake); the sweeper, the board and
the colours all use it (``running_clock.CLOCK_DUE``, ``CLOCK_STARTED``). Beside it the panel
shows the case's total age since intake. A case whose unit's clock waits for the
signing (the admin's rule ``sign``) runs on the case's own clock meanwhile and
says so: ``to_sign_by`` is the unit's sign deadline.

Time left is ``due - clock.now()`` against the server's clock (never a count of
timer ticks). A paused case shows the time it had left when its clock was paused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from functools import cache, partial
from itertools import repeat
from operator import is_, itemgetter
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import DateTime, Float, bindparam, case, cast, func, literal, select, tuple_
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql.psycopg import dialect as psycopg_dialect

from console.casework.running_clock import CLOCK_DUE
from console.core.store import Store
from db import schema as s
from db.driver_sql import driver_all

C = s.Case
QUARTER = 0.25
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

PLENTY, SHORT, OVERDUE, PAUSED = "plenty", "short", "overdue", "paused"
# The bands from the calmest to the most pressing (``band_codes`` numbers them so).
BANDS_BY_SEVERITY = (PLENTY, PAUSED, SHORT, OVERDUE)


class Countdown(NamedTuple):
    """One open case's clock: a plain tuple of ``COLUMNS`` (made from a row in one
    C call, no per-row conversion: the panel prepares 100,000 of them)."""

    id: uuid.UUID
    public_no: str
    urgency: str
    status: str
    category_id: int
    assigned_unit_id: int | None
    started_at: dt.datetime
    due_at: dt.datetime
    paused_at: dt.datetime | None
    estimated: bool = False  # the deadline counts a year whose holidays are unpublished
    created_at: dt.datetime | None = None  # intake: the case's total age counts from it
    unit_clock_at: dt.datetime | None = None  # the unit's clock runs (due_at is the unit's)
    case_due_at: dt.datetime | None = None  # the case's own deadline (the citizen's)
    sign_due_at: dt.datetime | None = None  # the unit that has it signs by then
    # The band counter's moments as POSIX times, worked out by the database (no Python
    # per case): the deadline, and when it falls under a quarter of its time (-inf: no
    # time at all; NaN: paused). None: made here (``countdown_list._moments``), the
    # same figures.
    due_s: float | None = None
    threshold_s: float | None = None

    @property
    def to_sign_by(self) -> dt.datetime | None:
        """The sign deadline while the unit's clock waits for the signing, else None."""
        waiting = self.status == "dispatched" and self.unit_clock_at is None
        return self.sign_due_at if waiting else None

    def left(self, now: dt.datetime) -> dt.timedelta:
        if self.paused_at is None:
            return self.due_at - now
        # A unit's clock started during a pause has stood still since its start.
        return self.due_at - max(self.paused_at, self.unit_clock_at or self.paused_at)

    def age(self, now: dt.datetime) -> dt.timedelta:
        """How long the case has been with the centre and its units, pauses included."""
        return now - (self.created_at or self.started_at)

    def band(self, now: dt.datetime) -> str:
        left = self.left(now)
        if left <= dt.timedelta(0):
            return OVERDUE
        if self.paused_at is not None:
            return PAUSED
        total = self.due_at - self.started_at
        return SHORT if total <= dt.timedelta(0) or left < total * QUARTER else PLENTY


def band_codes(left_s: npt.ArrayLike, total_s: npt.ArrayLike,
               paused: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """``Countdown.band`` for many cases at once, as indexes into ``BANDS_BY_SEVERITY``:
    the seconds left now, the seconds the clock allowed, and whether it is paused."""
    left = np.asarray(left_s, dtype=np.float64)
    total = np.asarray(total_s, dtype=np.float64)
    codes = np.where(np.asarray(paused, dtype=bool), 1,
                     np.where((total <= 0) | (left < total * QUARTER), 2, 0))
    return np.where(left <= 0, 3, codes).astype(np.int8)


def format_left(left: dt.timedelta) -> tuple[bool, str]:
    """(overdue, "2天 03:15:20" style text of the magnitude)."""
    overdue = left < dt.timedelta(0)
    seconds = int(abs(left).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return overdue, (f"{days}天 {clock}" if days else clock)


# A case not accepted yet starts counting at its deadline (no time at all).
_STARTED = func.coalesce(C.unit_clock_at, s.readable(C.accepted_at), CLOCK_DUE)
# POSIX times in double precision, as Python's ``datetime.timestamp`` gives them (the
# exact epoch rounded once), and the quarter worked out in the same float arithmetic.
_DUE_S = cast(func.extract("epoch", CLOCK_DUE), Float)
_STARTED_S = cast(func.extract("epoch", _STARTED), Float)
# The quarter moment: NaN while the clock is paused (a paused case's band follows its
# pause, not the clock: the list tells paused cases by it, with no pass over paused_at),
# -inf for a case given no time at all (short from the start).
_THRESHOLD_S = case((C.paused_at.is_not(None), cast(literal("NaN"), Float)),
                    (CLOCK_DUE > _STARTED, _DUE_S - (_DUE_S - _STARTED_S) * literal(
                        QUARTER, Float)), else_=cast(literal("-Infinity"), Float))
COLUMNS = (C.id, C.public_no, C.urgency, C.status, C.category_id, C.assigned_unit_id,
           _STARTED.label("started"),
           CLOCK_DUE.label("due"), s.readable(C.paused_at), C.due_estimated,
           s.readable(C.created_at), C.unit_clock_at, s.readable(C.due_at),
           s.readable(C.sign_due_at), _DUE_S.label("due_s"), _THRESHOLD_S.label("threshold_s"))


def where_open():  # noqa: ANN202
    """Open with a deadline that can be read (one bad old row stops no list), and made
    here: an imported case's deadline was its source's, and counts down nowhere (no
    colours, no overdue alert)."""
    return (C.status.in_(s.OPEN_STATUSES) & C.imported_from.is_(None) & s.in_range(CLOCK_DUE)
            & (C.unit_clock_at.is_(None) | s.in_range(C.unit_clock_at)))


def _entry(row: Sequence[object]) -> Countdown:
    if row[6] is None:  # no start (the query gives the deadline): counts from its deadline
        row = (*row[:6], row[7], *row[7:])
    return Countdown(*row)  # type: ignore[arg-type]


# (running deadline, id): the panel's order, as one C call on a countdown.
sort_key = itemgetter(7, 0)


FIRST_PAGE = 300  # the panel's first rows, on screen at once
PAGE = 2_000  # then the rest, a page at a time
Key = tuple[dt.datetime, uuid.UUID]  # (running deadline, id): the panel's order


# A row of ``COLUMNS``: a countdown's fields as the plain tuple the database gave. The
# panel keeps 100,000 of them as they are and makes a ``Countdown`` of one only when
# asked (``as_countdown``: the visible rows); a tuple subclass made per row would cost
# a second tuple each.
Row = tuple[Any, ...]
as_countdown = partial(tuple.__new__, Countdown)


def entries(rows: Sequence[Row]) -> list[Row]:
    """Rows of ``COLUMNS`` as the panel keeps them: the same tuples (a case with no
    start gets its deadline as its start). Nothing runs per row, nothing is formatted
    or converted: the model formats the visible rows only. Rows that carry the
    database's moments (all of ``COLUMNS``) have a start: the query gives one; only
    shorter rows (made in Python) are looked through."""
    if rows and len(rows[0]) == len(COLUMNS):
        return list(rows)
    if any(map(is_, map(itemgetter(6), rows), repeat(None))):
        return [tuple(_entry(r)) for r in rows]
    return list(rows)


@cache
def _page_statement(keyset: bool) -> tuple[str, dict[str, Any]]:
    """The page query as psycopg takes it (``%(name)s`` parameters, as SQLAlchemy would
    send it) and its fixed parameters: compiled once. ``limit``, and with ``keyset``
    ``after_due`` and ``after_id``, are each call's."""
    placeholders = {"limit": 1, "after_due": EPOCH, "after_id": uuid.UUID(int=0)}
    query = select(*COLUMNS).where(where_open()).order_by(CLOCK_DUE, C.id).limit(
        bindparam("limit", placeholders["limit"]))
    if keyset:
        query = query.where(tuple_(CLOCK_DUE, C.id) > tuple_(
            bindparam("after_due", placeholders["after_due"], type_=DateTime(timezone=True)),
            bindparam("after_id", placeholders["after_id"], type_=UUID(as_uuid=True))))
    compiled = query.compile(dialect=psycopg_dialect(),
                             compile_kwargs={"render_postcompile": True})
    return str(compiled), {k: v for k, v in compiled.params.items() if k not in placeholders}


async def page_rows(store: Store, after: Key | None, limit: int) -> list[Row]:
    """The next ``limit`` open cases after ``after`` in the panel's order (deadline,
    id), as the panel keeps them (``entries``): an ordered scan of
    ``ix_case_open_clock_due`` that stops after ``limit`` rows (keyset, migration
    0021), read on the driver itself, whose rows are the plain tuples the panel keeps
    (through SQLAlchemy, a row per case copied into a tuple, a page cost the seat a
    quarter more CPU: ``python -m bench.countdown_read``)."""
    query, fixed = _page_statement(after is not None)
    params: dict[str, Any] = {**fixed, "limit": limit}
    if after is not None:
        params.update(after_due=after[0], after_id=after[1])
    async with store.read() as conn:
        return entries(await driver_all(conn, query, params))


async def open_countdowns(store: Store) -> list[Countdown]:
    """Every open case with a deadline, most urgent first (page by page)."""
    out: list[Row] = []
    after: Key | None = None
    while True:
        page = await page_rows(store, after, PAGE)
        out += page
        if len(page) < PAGE:
            return list(map(as_countdown, out))
        after = page[-1][7], page[-1][0]


async def countdowns_for(store: Store, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Countdown]:
    """The given cases if they are open with a deadline (others are absent)."""
    if not ids:
        return {}
    async with store.read() as conn:
        rows = await conn.execute(select(*COLUMNS).where(where_open(), s.among_ids(C.id, ids)))
        return {r.id: _entry(r) for r in rows}
