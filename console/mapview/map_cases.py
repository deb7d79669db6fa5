"""Open cases for the map: one read gives every open case with a deadline as
parallel arrays (a position, the countdown's clock, the class, the number, the
category and the unit), which the pane draws and clusters without a Python object
per case; a change re-reads only the cases it touched (``read_cases``) and
``merge`` puts them in.

A case's place is its own point (``lon``/``lat``) when it has one, else the centre
of its grid cell (``at_cell``, said on hover). Intake stores the cell's centre as
the point of a case saved with a cell and no point picked, so a point equal to its
cell's centre counts as ``at_cell`` too; a case with neither is not on the
map (``unplaced`` counts them). The clock is the countdown panel's running clock
(console/casework/countdown.py), so its colour band is the panel's.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Double, Integer, Text, and_, cast, false, func, literal, or_, select
from sqlalchemy.sql import ColumnElement

from console.casework import countdown
from console.core.store import Store
from db import schema as s

C, G = s.Case, s.GridCell
CLASSES = ("A", "B", "C")  # urgency classes, numbered in this order
NAN = float("nan")
# A burst that touches more cases than this is read whole (one statement either way).
MAX_PARTIAL = 2_000


def _epoch(column: Any) -> ColumnElement[float]:
    return func.coalesce(cast(func.extract("epoch", column), Double), literal(NAN, Double))


LON = func.coalesce(C.lon, G.centroid_lon)
LAT = func.coalesce(C.lat, G.centroid_lat)
AT_CELL = func.coalesce(or_(C.lon.is_(None), and_(C.lon == G.centroid_lon,
                                                  C.lat == G.centroid_lat)), false())
# Each column of one read, in CaseMarks' field order, comes as one text: the driver
# then hands the event loop a dozen values instead of 50,000 rows, and the text is
# taken apart in a worker thread (``_parse``). Numbers print in PostgreSQL's
# shortest exact form; a case number may hold a comma, so those are joined by the
# unit separator.
SEP, TEXT_SEP = ",", "\x1f"
_COLUMNS = (
    (C.id, SEP), (C.public_no, TEXT_SEP), (LON, SEP), (LAT, SEP),
    (cast(AT_CELL, Integer), SEP), (C.urgency, SEP), (C.category_id, SEP),
    (func.coalesce(C.assigned_unit_id, -1), SEP), (_epoch(countdown.CLOCK_DUE), SEP),
    (_epoch(func.coalesce(C.unit_clock_at, s.readable(C.accepted_at), countdown.CLOCK_DUE)),
     SEP),
    (_epoch(s.readable(C.paused_at)), SEP), (_epoch(C.unit_clock_at), SEP),
)
_AGGREGATES = tuple(func.string_agg(cast(column, Text), literal(sep, Text))
                    for column, sep in _COLUMNS)


@dataclass(frozen=True)
class CaseMarks:
    """Open cases as arrays of equal length (index i is one case)."""

    ids: npt.NDArray[Any]          # str: the case's id as text (case_id gives the UUID)
    public_no: npt.NDArray[Any]    # str
    lon: npt.NDArray[np.float64]
    lat: npt.NDArray[np.float64]
    at_cell: npt.NDArray[np.bool_]  # placed at its grid cell's centre (no point of its own)
    urgency: npt.NDArray[np.int8]  # index into CLASSES
    category_id: npt.NDArray[np.int32]
    unit_id: npt.NDArray[np.int32]  # -1: no unit
    due: npt.NDArray[np.float64]   # the running clock's deadline, epoch seconds
    started: npt.NDArray[np.float64]
    paused: npt.NDArray[np.float64]  # when its clock was paused (NaN: running)
    unit_clock: npt.NDArray[np.float64]  # when the unit's clock started (NaN: none)
    unplaced: int = 0  # open cases with neither a point nor a grid cell
    _rows: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def row_of(self, case_id: uuid.UUID | str) -> int | None:
        if not self._rows and len(self.ids):  # built in C: a list, then one zip
            self._rows.update(zip(self.ids.tolist(), range(len(self.ids)), strict=True))
        return self._rows.get(str(case_id))

    def case_id(self, row: int) -> uuid.UUID:
        return uuid.UUID(self.ids[row])

    def case_ids(self, rows: npt.ArrayLike) -> list[uuid.UUID]:
        """The ids of these rows as UUIDs (made when asked: 50,000 of them take a
        tenth of a second, the whole of a read's parsing)."""
        return [uuid.UUID(i) for i in self.ids[np.asarray(rows, dtype=np.intp)]]

    def left(self, now: dt.datetime) -> npt.NDArray[np.float64]:
        """Seconds left on each case's running clock (a paused one: what it had left)."""
        frozen = self.due - np.fmax(self.paused, self.unit_clock)
        return np.where(np.isnan(self.paused), self.due - now.timestamp(), frozen)

    def bands(self, now: dt.datetime) -> npt.NDArray[np.int8]:
        """Each case's countdown band (index into countdown.BANDS_BY_SEVERITY)."""
        return countdown.band_codes(self.left(now), self.due - self.started,
                                    ~np.isnan(self.paused))

    def take(self, keep: npt.NDArray[np.bool_] | npt.NDArray[np.intp]) -> CaseMarks:
        return replace(self, **{name: getattr(self, name)[keep] for name in _ARRAYS},
                       _rows={})


_ARRAYS = ("ids", "public_no", "lon", "lat", "at_cell", "urgency", "category_id", "unit_id",
           "due", "started", "paused", "unit_clock")
_DTYPES = (object, object, np.float64, np.float64, np.bool_, None, np.int32, np.int32,
           np.float64, np.float64, np.float64, np.float64)


def empty() -> CaseMarks:
    return _marks([[] for _ in _ARRAYS])


def _marks(columns: Sequence[Sequence[Any] | None], unplaced: int = 0) -> CaseMarks:
    values: dict[str, Any] = {}
    for name, dtype, column in zip(_ARRAYS, _DTYPES, columns, strict=True):
        items = list(column or [])
        if name == "urgency":
            values[name] = np.array([CLASSES.index(u) if u in CLASSES else 2 for u in items],
                                    dtype=np.int8)
        elif name == "ids":
            values[name] = _objects([str(i) for i in items])
        elif dtype is object:
            values[name] = _objects(items)
        elif dtype is np.bool_:
            values[name] = np.array(items, dtype=np.int8).astype(bool)
        else:
            values[name] = np.array(items, dtype=dtype)
    return CaseMarks(**values, unplaced=unplaced)


def _objects(items: list[Any]) -> npt.NDArray[Any]:
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _parse(texts: Sequence[str | None], unplaced: int) -> CaseMarks:
    """The columns of one read, each one text, as arrays (CPU work for a thread)."""
    return _marks([[] if text is None else text.split(sep)
                   for text, (_column, sep) in zip(texts, _COLUMNS, strict=True)], unplaced)


async def _read(store: Store, *where: ColumnElement[bool]) -> CaseMarks:
    placed = LON.is_not(None) & LAT.is_not(None)
    async with store.read() as conn:
        row = (await conn.execute(
            select(*_AGGREGATES).select_from(C).outerjoin(G, G.code == C.grid_code)
            .where(countdown.where_open(), placed, *where))).one()
        unplaced = (await conn.execute(
            select(func.count()).select_from(C).outerjoin(G, G.code == C.grid_code)
            .where(countdown.where_open(), ~placed, *where))).scalar_one()
    return await asyncio.to_thread(_parse, list(row), int(unplaced))


async def read_open_cases(store: Store) -> CaseMarks:
    """Every open case with a deadline and a place."""
    return await _read(store)


async def read_cases(store: Store, ids: Sequence[uuid.UUID]) -> CaseMarks:
    """The given cases that are open with a deadline and a place (others are absent)."""
    if not ids:
        return empty()
    return await _read(store, s.among_ids(C.id, ids))


def merged(marks: CaseMarks, asked: Sequence[uuid.UUID], fresh: CaseMarks) -> CaseMarks:
    """``merge``, with the result's id lookup made (the pane asks it at once: work for
    a worker thread, as the merge is)."""
    result = merge(marks, asked, fresh)
    result.row_of("")
    return result


def merge(marks: CaseMarks, asked: Sequence[uuid.UUID], fresh: CaseMarks) -> CaseMarks:
    """``marks`` with the cases ``asked`` about replaced by what ``fresh`` says of them:
    changed where they are still open, gone where they are not."""
    keep = np.ones(len(marks), dtype=bool)
    rows = [marks.row_of(case_id) for case_id in asked]
    keep[[r for r in rows if r is not None]] = False
    kept = marks.take(keep)
    joined: dict[str, Any] = {name: np.concatenate([getattr(kept, name), getattr(fresh, name)])
              for name in _ARRAYS}
    return CaseMarks(**joined, unplaced=marks.unplaced)
