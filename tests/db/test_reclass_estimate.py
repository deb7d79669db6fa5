"""A reclass gives the case the deadline of its new class and says whether that
deadline is estimated (a year whose holidays are unpublished), as the computation
says, not as the old deadline was; nothing else changes the estimate (0013)."""

from __future__ import annotations

import datetime as dt

import pytest
from psycopg import errors
from sqlalchemy import select, update

from console.calendar.deadlines import seed_calendar
from console.casework import cases
from console.casework.reclass import reclass
from console.catalog.catalog import load_catalog
from console.core.store import Store
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw
from tests.factories import leaf

C = s.Case


async def test_a_reclass_sets_the_estimate_of_its_new_deadline(
        store: Store, login_as: MakeLogin) -> None:
    await seed_calendar(store, (dt.date.today().year,))
    case_id = await a_case(login_as("operator"))
    leader = await person(login_as("shift_leader"))
    try:
        catalog = await load_catalog(leader)
        async with store.read() as conn:
            accepted, urgency = (await conn.execute(
                select(C.accepted_at, C.urgency).where(C.id == case_id))).one()
        to = next(u for u in ("A", "C", "B") if u != urgency)
        expected = catalog.deadline(leaf(catalog).id, to, accepted)
        assert expected is not None
        async with store.transaction() as conn:  # the old deadline said the opposite
            await conn.execute(update(C).where(C.id == case_id).values(
                due_estimated=not expected.estimated))
        moved = await reclass(leader, catalog, case_id, None, to, "涉及人身安全")
        (entry,) = [e for e in await cases.timeline(leader, case_id) if e.kind == "reclass"]
    finally:
        await leader.close()
    async with store.read() as conn:
        due, estimated = (await conn.execute(
            select(C.due_at, C.due_estimated).where(C.id == case_id))).one()
    assert (due, estimated) == (expected.at, expected.estimated)
    assert moved.after.due_estimated is expected.estimated
    assert entry.payload["due_estimated"] is expected.estimated


async def test_nothing_but_a_reclass_changes_the_estimate(login_as: MakeLogin) -> None:
    case_id = await a_case(login_as("operator"))
    with raw(login_as("shift_leader")) as conn, pytest.raises(
            errors.InsufficientPrivilege, match="reclass"), conn.transaction():
        conn.execute('UPDATE "case" SET due_estimated = NOT due_estimated,'
                     " version = version + 1 WHERE id = %s", (case_id,))
    with raw(login_as("dispatcher")) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute('UPDATE "case" SET due_estimated = NOT due_estimated,'
                     " version = version + 1 WHERE id = %s", (case_id,))
