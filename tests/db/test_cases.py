"""Case moves on a real database: one transaction, one event, versions checked."""

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select, update

from console.casework import cases
from console.casework.lifecycle import TransitionError
from console.catalog.catalog import Catalog
from console.core.errors import ConflictError, ValidationError
from console.core.store import Store
from console.hotline.intake import create_case
from db import schema as s
from tests.db.people import raw
from tests.factories import draft

DISPATCHER = frozenset({"dispatcher"})


async def state(store: Store, case_id) -> tuple:  # noqa: ANN001
    async with store.read() as conn:
        return (await conn.execute(select(
            s.Case.status, s.Case.version, s.Case.assigned_unit_id, s.Case.due_at,
            s.Case.closed_at).where(s.Case.id == case_id))).one()


def manual_category(catalog: Catalog) -> int:
    return next(c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and not c.auto_dispatch)


def some_unit(catalog: Catalog, index: int = 0) -> int:
    return sorted(u.id for u in catalog.units.values() if u.active)[index]


async def new_case(store: Store, catalog: Catalog, **kw: object):  # noqa: ANN201
    made = await create_case(store, catalog, draft(catalog, category_id=manual_category(catalog),
                                                   **kw))
    return made.id


async def test_auto_dispatch_at_intake_says_why(store: Store, catalog: Catalog) -> None:
    owned = next(c for c in catalog.categories.values()
                 if c.is_leaf and c.auto_dispatch and c.owner_unit_id and not c.territorial)
    made = await create_case(store, catalog, draft(catalog, category_id=owned.id))
    status, version, unit, _due, _closed = await state(store, made.id)
    assert (status, version, unit) == ("dispatched", 2, owned.owner_unit_id)
    events = await cases.timeline(store, made.id)
    # The dispatch names whose save set it off (the database takes who from the login).
    assert [(e.kind, e.actor) for e in events] == [("created", "op_test"), ("dispatch", "op_test")]
    assert events[1].payload["auto"] is True and events[1].payload["rule"] == "owner"

    territorial = next(c for c in catalog.categories.values()
                       if c.is_leaf and c.auto_dispatch and c.territorial)
    made = await create_case(store, catalog, draft(catalog, category_id=territorial.id))
    _status, _v, unit, _due, _closed = await state(store, made.id)
    cell = sorted(catalog.grid_cells.values(), key=lambda g: g.code)[0]
    centre = catalog.units[unit]
    assert centre.kind == "centre" and "分中心" in centre.name
    assert cell.street_code == (await timeline_street(store, made.id))


async def test_auto_dispatch_follows_the_database_when_the_seats_catalog_is_stale(
        database_url: str, store: Store, catalog: Catalog) -> None:
    """Another seat made a category go out by itself, and another stop doing so; this
    seat's catalog has not followed yet. Its saves go as the database says."""
    manual = catalog.categories[manual_category(catalog)]
    owned = next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                 if c.is_leaf and c.auto_dispatch and c.owner_unit_id and not c.territorial)
    unit = some_unit(catalog)
    with raw(database_url) as conn:  # as an administrator's change at another seat
        conn.execute("UPDATE category SET auto_dispatch = true, territorial = false,"
                     " owner_unit_id = %s WHERE id = %s", (unit, manual.id))
        conn.execute("UPDATE category SET auto_dispatch = false WHERE id = %s", (owned.id,))
    assert not catalog.categories[manual.id].auto_dispatch  # the seat's word is stale
    now_auto = await create_case(store, catalog, draft(catalog, category_id=manual.id))
    assert (await state(store, now_auto.id))[:3] == ("dispatched", 2, unit)
    assert [e.kind for e in await cases.timeline(store, now_auto.id)] == ["created", "dispatch"]
    now_manual = await create_case(store, catalog, draft(catalog, category_id=owned.id))
    assert (await state(store, now_manual.id))[:3] == ("accepted", 1, None)


async def timeline_street(store: Store, case_id) -> str:  # noqa: ANN001
    async with store.read() as conn:
        return (await conn.execute(select(s.Case.street_code).where(s.Case.id == case_id))
                ).scalar_one()


async def test_two_dispatchers_race_one_wins_the_other_is_told_who(
        database_url: str, store: Store, catalog: Catalog) -> None:
    case_id = await new_case(store, catalog)
    seats = [Store(database_url, name) for name in ("dp_li", "dp_wang")]
    for seat in seats:
        seat.roles = DISPATCHER
    try:
        results = await asyncio.gather(
            *(cases.perform(seat, case_id, "dispatch", 1, unit_id=some_unit(catalog, i))
              for i, seat in enumerate(seats)), return_exceptions=True)
    finally:
        for seat in seats:
            await seat.close()
    wins = [r for r in results if not isinstance(r, Exception)]
    losses = [r for r in results if isinstance(r, ConflictError)]
    assert len(wins) == 1 and len(losses) == 1
    winner = "dp_li" if results[0] is wins[0] else "dp_wang"
    assert (losses[0].changed_by, losses[0].action) == (winner, "dispatch")
    assert (await state(store, case_id))[1] == 2


async def test_refused_moves_change_nothing(store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher", "operator"})
    case_id = await new_case(store, catalog)
    before = await state(store, case_id)
    with pytest.raises(TransitionError):  # a return needs a reason
        await cases.perform(store, case_id, "return", None, reason="")
    with pytest.raises(TransitionError):  # not dispatched yet
        await cases.perform(store, case_id, "return", None, reason="不归我们管")
    inactive = some_unit(catalog, 3)
    async with store.transaction() as conn:
        await conn.execute(update(s.Unit).where(s.Unit.id == inactive).values(active=False))
    with pytest.raises(ValidationError) as info:
        await cases.perform(store, case_id, "dispatch", None, unit_id=inactive)
    assert info.value.errors[0].code == "unit.inactive"
    store.roles = frozenset({"operator"})
    with pytest.raises(TransitionError) as refused:
        await cases.perform(store, case_id, "dispatch", None, unit_id=some_unit(catalog))
    assert refused.value.code == "transition.forbidden"
    assert await state(store, case_id) == before
    assert [e.kind for e in await cases.timeline(store, case_id)] == ["created"]


async def test_return_dispute_settle_resolve_callback(store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher", "operator", "shift_leader"})
    case_id = await new_case(store, catalog)
    first, second = some_unit(catalog, 0), some_unit(catalog, 1)
    await cases.perform(store, case_id, "dispatch", 1, unit_id=first)
    await cases.perform(store, case_id, "return", 2, reason="不属本单位职责")
    assert (await state(store, case_id))[:3] == ("returned", 3, None)
    await cases.perform(store, case_id, "dispatch", 3, unit_id=second)
    await cases.perform(store, case_id, "dispute", 4, reason="权属不清")
    assert (await state(store, case_id))[:3] == ("disputed", 5, second)
    await cases.perform(store, case_id, "settle", 5, unit_id=first)
    await cases.perform(store, case_id, "resolve", 6, result="已清理")
    await cases.perform(store, case_id, "callback_unreachable", 7)
    await cases.perform(store, case_id, "reopen", 8, reason="问题依旧")
    assert (await state(store, case_id))[:3] == ("dispatched", 9, first)
    await cases.perform(store, case_id, "resolve", 9, result="再次清理")
    await cases.perform(store, case_id, "callback_closed", 10, satisfaction=5)
    status, version, _unit, _due, closed = await state(store, case_id)
    assert (status, version) == ("closed", 11) and closed is not None
    kinds = [e.kind for e in await cases.timeline(store, case_id)]
    assert kinds == ["created", "dispatch", "return", "dispatch", "dispute", "settle",
                     "resolve", "callback_unreachable", "reopen", "resolve", "callback_closed"]
    with pytest.raises(TransitionError):  # a callback on a closed case
        await cases.perform(store, case_id, "callback_closed", None, satisfaction=3)
    async with store.read() as conn:
        callbacks = (await conn.execute(select(s.Callback.attempt, s.Callback.result)
                                        .where(s.Callback.case_id == case_id)
                                        .order_by(s.Callback.id))).all()
    assert callbacks == [(1, "unreachable"), (2, "not_fixed"), (1, "satisfied")]


async def test_bad_values_in_a_move_are_codes_and_change_nothing(
        store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher", "operator"})
    case_id = await new_case(store, catalog)
    before = await state(store, case_id)
    with pytest.raises(ValidationError) as nul:  # NUL cannot even be stored
        await cases.perform(store, case_id, "invalidate", 1, reason="重复来电\x00")
    assert (nul.value.errors[0].field, nul.value.errors[0].code) == ("reason", "text.control")
    with pytest.raises(ValidationError) as unit:
        await cases.perform(store, case_id, "dispatch", 1, unit_id="城管办")
    assert unit.value.errors[0].code == "unit.unknown"
    assert await state(store, case_id) == before
    await cases.perform(store, case_id, "dispatch", 1, unit_id=some_unit(catalog))
    await cases.perform(store, case_id, "resolve", 2, result="已修复")
    resolved = await state(store, case_id)
    for rating in ("很满意", "4.5", None):
        with pytest.raises(TransitionError) as info:
            await cases.perform(store, case_id, "callback_closed", 3, satisfaction=rating)
        assert info.value.code in ("callback.satisfaction", "transition.needs_satisfaction")
    assert await state(store, case_id) == resolved
    assert [e.kind for e in await cases.timeline(store, case_id)] == [
        "created", "dispatch", "resolve"]
    await cases.perform(store, case_id, "callback_closed", 3, satisfaction="4")
    async with store.read() as conn:
        assert (await conn.execute(select(s.Callback.satisfaction).where(
            s.Callback.case_id == case_id))).scalar_one() == 4


async def test_duplicates_close_with_their_master(store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher", "operator"})
    master, duplicate = await new_case(store, catalog), await new_case(store, catalog)
    with pytest.raises(ValidationError):
        await cases.perform(store, duplicate, "merge", None, master_id=duplicate)
    await cases.perform(store, duplicate, "merge", None, master_id=master)
    assert (await state(store, duplicate))[0] == "merged"
    await cases.perform(store, master, "invalidate", None, reason="重复且已解决")
    assert (await state(store, duplicate))[4] is not None
    kinds = [e.kind for e in await cases.timeline(store, duplicate)]
    assert kinds == ["created", "merge", "closed_with_master"]


async def test_a_merge_names_its_master_by_the_number_people_type(
        store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher"})
    master, duplicate = await new_case(store, catalog), await new_case(store, catalog)
    async with store.read() as conn:
        numbers = dict((await conn.execute(select(s.Case.id, s.Case.public_no).where(
            s.Case.id.in_([master, duplicate])))).all())
    for typed, code in (("PS-19990101-000000", "merge.unknown"),
                        (numbers[duplicate], "merge.self")):
        with pytest.raises(ValidationError) as refused:
            await cases.perform(store, duplicate, "merge", None, master_no=typed)
        assert refused.value.errors[0].code == code
    with pytest.raises(TransitionError) as missing:
        await cases.perform(store, duplicate, "merge", None, master_no=None)
    assert missing.value.code == "transition.needs_master_id"
    assert (await state(store, duplicate))[:2] == ("accepted", 1)  # nothing was moved

    move = await cases.perform(store, duplicate, "merge", 1,
                               master_no=f"  {numbers[master].lower()} ")
    assert move.after.merged_into == master and move.payload["master_id"] == str(master)
    assert (await state(store, duplicate))[0] == "merged"


async def test_pausing_the_clock_is_logged_and_moves_the_deadline(
        store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"dispatcher"})
    case_id = await new_case(store, catalog)
    due = dt.datetime(2026, 12, 1, 18, tzinfo=dt.UTC)
    async with store.transaction() as conn:
        await conn.execute(update(s.Case).where(s.Case.id == case_id).values(due_at=due))
    await cases.perform(store, case_id, "pause", None, reason="等待市民补充材料")
    await cases.perform(store, case_id, "resume", None)
    moved = (await state(store, case_id))[3]
    assert moved > due
    events = await cases.timeline(store, case_id)
    assert [e.kind for e in events][-2:] == ["pause", "resume"]
    assert events[-2].payload["reason"] == "等待市民补充材料"
