"""The case queue's live update: what changed in a loaded window of the queue, read
by the ids the change feed named, at a cost that does not grow with the rows held.

A window is the query's first rows up to its last held row (``Cursor``: that row's
sort value and id; ``None`` when the query has no rows past the held ones, so the
window is all of them). Every change to a case appends an event naming it, so a
held row the feed did not name is as it was: still matching, still in its place.
The window after a burst of changes is therefore the held rows the feed did not
name, plus those named cases that match now and sort into the window, each put
before the first unnamed case that follows it in the query's order (found by the
sort's index, one probe each). Rows then come from past the window's end when
fewer than the window's size are left (keyset, as a next page), and the window is
cut back to its size when more came in: the same rows as a re-read of as many ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, all_, any_, bindparam, literal, not_, select
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from console.casework import queue
from console.casework.queue import C, CaseFilter, Cursor, IdList
from console.core.store import Store

# More cases named in one burst than this: re-read the held ids instead (an import).
LIVE_MAX = 200


@dataclass(frozen=True)
class Placed:
    """A named case that sorts into the window: its sort value, and the first case the
    feed did not name that follows it in the window (None: it follows them all)."""
    id: uuid.UUID
    key: Any
    before: uuid.UUID | None


@dataclass(frozen=True)
class LiveChanges:
    placed: list[Placed]  # in the query's order
    keys: dict[uuid.UUID, Any]  # sort values of the ``tail`` ids asked for
    refill: IdList | None  # rows from past the window's end (None: the window was all)
    total: int | None  # None: the count did not change
    counted_all: bool


def _ids_param(name: str, ids: Collection[uuid.UUID]) -> Any:
    return bindparam(name, sorted(ids), type_=ARRAY(UUID(as_uuid=True)))


def _within(flt: CaseFilter, end: Cursor | None) -> ColumnElement[bool]:
    """In the window that ends at ``end`` (all rows when None)."""
    return literal(True) if end is None else not_(flt.after(end))


def named_rows(flt: CaseFilter, named: Collection[uuid.UUID], end: Cursor | None) -> Any:
    """The named cases that match ``flt`` now: id, sort value, in the window, in order."""
    return flt.ordered(select(C.id, flt.sort_column.label("key"),
                              _within(flt, end).label("inside"))
                       .where(C.id == any_(_ids_param("named", named)), flt.where()))


def successors(flt: CaseFilter, rows: Sequence[Any], named: Collection[uuid.UUID],
               end: Cursor | None) -> Any:
    """For each of ``rows`` (id, key), the first case the feed did not name after it
    in the window, by a probe of the sort's index that stops at the first."""
    unnamed = C.id != all_(_ids_param("named", named))
    parts = []
    for i, row in enumerate(rows):
        probe = flt.ordered(select(literal(i).label("at"), C.id).where(
            flt.where(), flt.after(Cursor(row.key, row.id)), unnamed,
            _within(flt, end))).limit(1).subquery(f"s{i}")
        parts.append(select(probe.c.at, probe.c.id))
    return parts[0].union_all(*parts[1:]) if len(parts) > 1 else parts[0]


async def read_changes(store: Store, flt: CaseFilter, named: Collection[uuid.UUID],
                       held_named: Collection[uuid.UUID], tail: Sequence[uuid.UUID],
                       held: int, size: int, end: Cursor | None,
                       counted_all: bool) -> LiveChanges:
    """What the feed's ``named`` cases change in a window of ``held`` rows of ``flt``
    ending at ``end``; ``held_named``: those of them held; ``tail``: the last held ids
    (their sort values come back); ``size``: the rows the window keeps (as many as a
    re-read reads); ``counted_all``: the count shown is exact."""
    placed: list[Placed] = []
    async with store.read() as conn:
        rows = (await conn.execute(named_rows(flt, named, end))).all()
        inside = [r for r in rows if r.inside]
        if inside:
            after = dict((await conn.execute(successors(flt, inside, named, end))).all())
            placed = [Placed(r.id, r.key, after.get(i)) for i, r in enumerate(inside)]
        keys: dict[uuid.UUID, Any] = {}
        if tail:
            keys = dict((await conn.execute(select(C.id, flt.sort_column).where(
                C.id == any_(_ids_param("tail", tail))))).all())
        total, all_counted = None, counted_all
        if end is not None and not end.dense and _may_change_count(
                {r.id for r in rows}, named, held_named, counted_all):
            counted = (await conn.execute(queue.bounded_count(flt))).scalar_one()
            total, all_counted = min(counted, queue.COUNT_BOUND), counted <= queue.COUNT_BOUND
    kept = held - len(held_named) + len(placed)
    refill = None
    if end is not None and kept <= size:  # rows from past the end, or whether there are
        refill = await queue.fetch_ids(store, flt, size - kept, end)
    if end is None:  # the window held every match
        total, all_counted = min(kept, queue.COUNT_BOUND), kept <= queue.COUNT_BOUND
    elif end.dense:  # as a re-read of a frequent word counts
        total, all_counted = size, False
    return LiveChanges(placed, keys, refill, total, all_counted)


def _may_change_count(matching: Collection[uuid.UUID], named: Collection[uuid.UUID],
                      held_named: Collection[uuid.UUID], counted_all: bool) -> bool:
    """Whether the matches' count may have changed (the window does not hold them all):
    not when every named case was held and still matches, nor when more than the bound
    matched and no named case can have left."""
    held = set(held_named)
    if all(i in held and i in matching for i in named):
        return False
    return counted_all or any(i not in matching for i in named)
