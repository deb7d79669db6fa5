"""Imported cases count as history and never start anything (issue 15, item 4): the
sweep's ladder, the supervisor's board, the countdowns (and so the overdue alerts),
the new-A-class alert and the citizen notices all leave them alone. Each check sets
an imported case beside a case made here in the same state, which does start it."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from console.calendar.workdays import WorkCalendar
from console.casework.countdown import open_countdowns
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.history_import import builtin
from console.hotline.intake import create_case
from console.supervision import alerts, board, sweeper
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.import_fixture import import_all, leaf_path, open311_json
from tests.db.people import person
from tests.factories import draft

LIMIT = dt.timedelta(hours=10)


@pytest.fixture
async def twins(store: Store, catalog: Catalog, login_as: MakeLogin,
                tmp_path: Path) -> tuple[uuid.UUID, uuid.UUID]:
    """An imported open A-class case and one made here, both accepted an hour ago and
    both past their deadline by half their time; (imported, made here)."""
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
    start = now - LIMIT * 1.5
    category_id, _path = await leaf_path(store, "A")
    code = catalog.categories[category_id].code
    admin = await person(login_as("admin"))
    try:
        _preview, result = await import_all(admin, open311_json(tmp_path, [{
            "service_request_id": "1", "status": "open", "service_code": "A1",
            "requested_datetime": start.isoformat(),
            "expected_datetime": (start + LIMIT).isoformat()}]),
            builtin.OPEN311_REQUESTS, {"category": {"A1": code}})
    finally:
        await admin.close()
    assert result.imported == 1
    made = await create_case(store, catalog, draft(catalog, category_id=category_id))
    async with store.transaction() as conn:
        await conn.execute(update(s.Case).where(s.Case.id == made.id).values(
            accepted_at=start, due_at=start + LIMIT, created_at=start))
        imported = (await conn.execute(select(s.Case.id).where(
            s.Case.imported_from == "open311"))).scalar_one()
        await conn.execute(update(s.Case).where(s.Case.id == imported).values(
            accepted_at=start, caller_phone="13800138001"))
    return imported, made.id


async def test_the_sweep_and_the_board_leave_history_alone(
        store: Store, twins: tuple[uuid.UUID, uuid.UUID]) -> None:
    imported, here = twins
    report = await sweeper.sweep(store, WorkCalendar())
    assert report.swept
    assert {case for case, _level in report.issued} == {here}
    async with store.read() as conn:
        orders = (await conn.execute(select(s.EscalationOrder.case_id).distinct())).scalars()
        assert set(orders) == {here}
    at_risk = await board.at_risk(store, WorkCalendar())
    assert [c.id for c in at_risk] == [here]


async def test_no_countdown_and_no_alert_for_history(
        store: Store, twins: tuple[uuid.UUID, uuid.UUID]) -> None:
    imported, here = twins
    assert [c.id for c in await open_countdowns(store)] == [here]  # no overdue alert either
    an_hour_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    told = await alerts.new_a_class(store, [imported, here], an_hour_ago)
    assert [a.case_id for a in told] == [here]


async def test_no_citizen_notice_for_history(
        store: Store, twins: tuple[uuid.UUID, uuid.UUID]) -> None:
    imported, here = twins
    queued = {}
    async with store.transaction() as conn:  # as the owner, who may queue for any case
        # the intake queued one for the case made here: gone, to be queued again below
        await conn.execute(text("DELETE FROM citizen_message WHERE case_id = :c"), {"c": here})
        for case_id in twins:
            queued[case_id] = (await conn.execute(text(
                "SELECT citizen_message_queue(:c, 'acceptance')"), {"c": case_id})).scalar()
        made = (await conn.execute(text("SELECT count(*) FROM citizen_message"
                                        " WHERE case_id = :c"), {"c": imported})).scalar()
    assert queued[here] is not None and queued[imported] is None and made == 0
