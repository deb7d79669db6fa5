"""The difference between two id orders as model steps, worked out off the GUI thread.

A re-read of the case queue brings the ids of every held row (tens of thousands);
hashing and comparing them all is the costly part of a live update, so it runs in
a worker thread (``asyncio.to_thread``) on immutable snapshots and hands back a
plan. The GUI thread then only emits the row signals and moves list slices
(``CaseTableModel.apply_plan``); the final id -> row index comes ready-made.
Plain Python: no Qt here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class IdPlan:
    """Steps from ``old`` to ``new``: removals (applied last first), then either
    insertions (ascending, in ``new``'s rows) or one layout change."""

    new: list[uuid.UUID]
    removed: list[tuple[int, int]] = field(default_factory=list)  # rows of ``old``
    removed_ids: list[uuid.UUID] = field(default_factory=list)
    inserted: list[tuple[int, int]] = field(default_factory=list)  # rows of ``new``
    relayout: bool = False
    row_of: dict[uuid.UUID, int] | None = None  # None: the order is unchanged

    @property
    def unchanged(self) -> bool:
        return self.row_of is None


def plan_id_list(old: list[uuid.UUID], new: list[uuid.UUID]) -> IdPlan:
    """The plan that moves a model holding ``old`` to ``new`` (both without repeats)."""
    if old == new:
        return IdPlan(new)
    row_of = {case_id: row for row, case_id in enumerate(new)}
    removed_rows = [row for row, case_id in enumerate(old) if case_id not in row_of]
    kept = [case_id for case_id in old if case_id in row_of]
    old_set = set(kept)
    common = [case_id for case_id in new if case_id in old_set]
    removed_ids = [old[row] for row in removed_rows]
    if common != kept:
        return IdPlan(new, ranges(removed_rows), removed_ids, [], True, row_of)
    inserted = [row for row, case_id in enumerate(new) if case_id not in old_set]
    return IdPlan(new, ranges(removed_rows), removed_ids, ranges(inserted), False, row_of)


def ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) ranges."""
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and row == out[-1][1] + 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out
