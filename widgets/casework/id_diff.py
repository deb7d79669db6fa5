"""The difference between two id orders as model steps (the case queue's live update).

A re-read of the case queue brings the ids of every held row (tens of thousands).
A uuid's hash and equality are Python code, so the model keys its rows by the
ids' 128-bit integers, whose hashing and comparison run in C, and Python loops run
only over the rows that come or go. ``CaseTableModel.apply_plan`` then emits the
row signals and moves list slices; the final key -> row index comes ready-made.

The plan is a pure function of immutable snapshots, so it could be made in a worker
thread; measured (bench/queue_live.py), that held the GUI loop longer than making it
there: the worker holds the GIL, and every Qt callback into Python waits for it.
Plain Python: no Qt here.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

FEW = 64  # up to this many rows come or go: cut them out of a copy (memmove), else filter


@dataclass(frozen=True)
class IdPlan:
    """Steps from the held ids to ``new``: removals (applied last first), then either
    insertions (ascending, in ``new``'s rows) or one layout change."""

    new: list[uuid.UUID]
    keys: list[int]  # ``new``'s ids as integers
    removed: list[tuple[int, int]] = field(default_factory=list)  # held rows
    removed_ids: list[uuid.UUID] = field(default_factory=list)
    inserted: list[tuple[int, int]] = field(default_factory=list)  # rows of ``new``
    relayout: bool = False
    row_of: dict[int, int] | None = None  # key -> row in ``new``; None: made when asked
    same: bool = False  # the order is unchanged
    added: list[int] = field(default_factory=list)  # keys new to the model (``row_of`` None)

    @property
    def unchanged(self) -> bool:
        return self.same


def plan_id_list(old: list[uuid.UUID], old_keys: list[int], old_row_of: dict[int, int],
                 new: list[uuid.UUID]) -> IdPlan:
    """The plan that moves a model holding ``old`` (its keys and key -> row index)
    to ``new``; neither repeats an id."""
    keys = [case_id.int for case_id in new]
    if keys == old_keys:
        return IdPlan(new, keys, same=True)
    row_of = dict(zip(keys, range(len(keys)), strict=True))
    removed_rows = sorted(old_row_of[k] for k in old_row_of.keys() - row_of.keys())
    inserted_rows = sorted(row_of[k] for k in row_of.keys() - old_row_of.keys())
    kept = _without(old_keys, removed_rows)
    common = _without(keys, inserted_rows)
    removed_ids = [old[row] for row in removed_rows]
    if common != kept:
        return IdPlan(new, keys, ranges(removed_rows), removed_ids, [], True, row_of)
    return IdPlan(new, keys, ranges(removed_rows), removed_ids, ranges(inserted_rows),
                  False, row_of)


def plan_live(old: list[uuid.UUID], old_keys: list[int], row_of: Callable[[int], int | None],
              named: set[int], placed: list[tuple[uuid.UUID, uuid.UUID | None]],
              refill: list[uuid.UUID], size: int) -> IdPlan | None:
    """The plan of a live update (``console.casework.queue_live``): the held rows less
    the ``named`` keys, with ``placed`` (in order, each before an unnamed held id, or
    after them all: None) put back in, then ``refill`` appended, cut to ``size`` rows.
    Python work is per named case; the held rows move only as list copies (C).
    None: the ids do not fit the rows held (a change the feed has not told yet)."""
    gone = sorted(r for r in map(row_of, named) if r is not None)
    ids, keys = list(old), list(old_keys)
    for row in reversed(gone):
        del ids[row], keys[row]
    at: list[int] = []  # the rows of ``placed`` in the new list
    for i, (case_id, before) in enumerate(placed):
        if before is None:
            row = len(keys)
        else:
            held_row = row_of(before.int)
            if held_row is None or before.int in named:
                return None
            row = held_row - bisect_left(gone, held_row) + i
        ids.insert(row, case_id)
        keys.insert(row, case_id.int)
        at.append(row)
    placed_keys = {case_id.int for case_id, _ in placed}
    fresh = [case_id for case_id in refill if case_id.int not in placed_keys]
    if any(row_of(case_id.int) is not None and case_id.int not in named for case_id in fresh):
        return None
    first_fresh = len(ids)
    ids += fresh
    keys += [case_id.int for case_id in fresh]
    cut = keys[size:]
    del ids[size:], keys[size:]
    cut_keys = set(cut)
    removed_rows = sorted({*gone, *(r for r in map(row_of, cut_keys) if r is not None)}
                          - {r for r in map(row_of, placed_keys - cut_keys) if r is not None})
    new_rows = [row for row in at if row < size and row_of(ids[row].int) is None]
    new_rows += range(first_fresh, len(ids))
    if keys == old_keys:
        return IdPlan(ids, keys, same=True)
    added = [keys[row] for row in new_rows]
    removed_ids = [old[row] for row in removed_rows]
    stayed = placed_keys - cut_keys - set(added)
    relayout = bool(stayed) and _without(old_keys, removed_rows) != _without(keys, new_rows)
    return IdPlan(ids, keys, ranges(removed_rows), removed_ids,
                  [] if relayout else ranges(new_rows), relayout, None, False, added)


def _without(keys: list[int], rows: list[int]) -> list[int]:
    """``keys`` less the ones at ``rows`` (sorted)."""
    if len(rows) > FEW:
        gone = set(rows)
        return [k for row, k in enumerate(keys) if row not in gone]
    out = list(keys)
    for row in reversed(rows):
        del out[row]
    return out


def ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) ranges."""
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and row == out[-1][1] + 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out
