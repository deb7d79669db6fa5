"""The queue's live-update plan: replaying its steps on the held ids gives the new
order, with row moves only when the kept rows changed order."""

from __future__ import annotations

import random
import uuid

from widgets.casework.id_diff import plan_id_list


def _plan(old: list[uuid.UUID], new: list[uuid.UUID]):  # type: ignore[no-untyped-def]
    keys = [c.int for c in old]
    return plan_id_list(old, keys, {k: r for r, k in enumerate(keys)}, new)


def _replay(old: list[uuid.UUID], new: list[uuid.UUID]) -> list[uuid.UUID]:
    plan = _plan(old, new)
    ids = list(old)
    for first, last in reversed(plan.removed):
        del ids[first:last + 1]
    if plan.relayout:
        return list(plan.new)
    for first, last in plan.inserted:
        ids[first:first] = plan.new[first:last + 1]
    return ids


def test_a_new_case_on_top_is_one_insert_at_row_zero_and_the_last_falls_off() -> None:
    old = [uuid.uuid4() for _ in range(1000)]
    new = [uuid.uuid4(), *old[:500], *old[501:999]]  # and old[500] left the filter
    fresh = [uuid.UUID(int=c.int) for c in new]  # a re-read brings new objects
    plan = _plan(old, fresh)
    assert plan.inserted == [(0, 0)] and not plan.relayout
    assert plan.removed == [(500, 500), (999, 999)]
    assert plan.removed_ids == [old[500], old[999]]
    assert plan.row_of == {c.int: r for r, c in enumerate(new)}
    assert _replay(old, fresh) == new


def test_the_same_order_is_no_change_and_a_move_is_a_layout_change() -> None:
    old = [uuid.uuid4() for _ in range(50)]
    assert _plan(old, [uuid.UUID(int=c.int) for c in old]).unchanged
    moved = [old[10], *old[:10], *old[11:]]
    plan = _plan(old, moved)
    assert plan.relayout and not plan.removed and plan.new == moved


def test_random_changes_replay_to_the_new_order() -> None:
    rng = random.Random(16)
    for _ in range(200):
        old = [uuid.uuid4() for _ in range(rng.randrange(0, 120))]
        kept = [c for c in old if rng.random() > 0.2]
        if rng.random() < 0.3:
            rng.shuffle(kept)
        new = list(kept)
        for _ in range(rng.randrange(0, 100)):  # many: the filtering path too
            new.insert(rng.randrange(0, len(new) + 1), uuid.uuid4())
        assert _replay(old, new) == new
