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
    row_of: dict[int, int] | None = None  # None: the order is unchanged

    @property
    def unchanged(self) -> bool:
        return self.row_of is None


def plan_id_list(old: list[uuid.UUID], old_keys: list[int], old_row_of: dict[int, int],
                 new: list[uuid.UUID]) -> IdPlan:
    """The plan that moves a model holding ``old`` (its keys and key -> row index)
    to ``new``; neither repeats an id."""
    keys = [case_id.int for case_id in new]
    if keys == old_keys:
        return IdPlan(new, keys)
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
