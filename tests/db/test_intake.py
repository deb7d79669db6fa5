"""Saving cases: one transaction with its event, idempotent on the client's UUID."""

import asyncio
import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from console.casework import queue
from console.catalog.catalog import Catalog
from console.core.errors import ValidationError
from console.core.store import Store
from console.hotline.intake import create_case
from db import schema as s
from tests.factories import draft


async def count(store: Store, table: type[s.Base]) -> int:
    async with store.read() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


async def test_a_saved_case_has_a_public_number_and_one_event(store: Store,
                                                               catalog: Catalog) -> None:
    created = await create_case(store, catalog, draft(catalog))
    assert created.created
    assert re.fullmatch(r"PS-\d{8}-000001", created.public_no)
    async with store.read() as conn:
        case = (await conn.execute(select(s.Case.status, s.Case.caller_phone, s.Case.street_code)
                                   .where(s.Case.id == created.id))).one()
        events = (await conn.execute(select(s.CaseEvent.kind, s.CaseEvent.actor)
                                     .where(s.CaseEvent.case_id == created.id))).all()
    assert (case.status, case.caller_phone, case.street_code) == (
        "accepted", "+8613812345678", "S01")
    assert events == [("created", "op_test")]
    second = await create_case(store, catalog, draft(catalog))
    assert second.public_no.endswith("-000002")


async def test_the_same_uuid_submitted_twice_makes_one_case(store: Store,
                                                           catalog: Catalog) -> None:
    d = draft(catalog)
    first = await create_case(store, catalog, d)
    again = await create_case(store, catalog, d)
    assert (again.id, again.public_no, again.created) == (first.id, first.public_no, False)
    assert await count(store, s.Case) == 1
    assert await count(store, s.CaseEvent) == 2  # catalog_loaded + one created


async def test_concurrent_resubmissions_make_one_case(database_url: str,
                                                      catalog: Catalog) -> None:
    d = draft(catalog)
    seats = [Store(database_url, f"seat{i}") for i in range(4)]
    try:
        results = await asyncio.gather(*(create_case(seat, catalog, d) for seat in seats))
        async with seats[0].read() as conn:
            made = (await conn.execute(select(s.CaseEvent.id).where(
                s.CaseEvent.case_id == d.id, s.CaseEvent.kind == "created"))).scalars().all()
    finally:
        for seat in seats:
            await seat.close()
    assert len({r.public_no for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert len(made) == 1  # the losers append no second created event
    assert {r.event_id for r in results} == set(made)  # every seat waits for that one


async def test_odd_text_round_trips_exactly(store: Store, catalog: Catalog) -> None:
    text = "井盖缺失 😀 \"引号\" '; DROP TABLE \"case\"; -- 100% _x_ \\ 换行\n第二行"
    created = await create_case(store, catalog, draft(catalog, text=text))
    rows = await queue.fetch_rows(store, [created.id])
    assert rows[created.id].text == text


async def test_bad_input_saves_nothing(store: Store, catalog: Catalog) -> None:
    for bad in (draft(catalog, text="x" * 100_000), draft(catalog, caller_phone=""),
                draft(catalog, category_id=-1), draft(catalog, text="a\x07b")):
        with pytest.raises(ValidationError):
            await create_case(store, catalog, bad)
    assert await count(store, s.Case) == 0
    assert await count(store, s.Caller) == 0


async def test_caller_history_marks_repeat_callers(store: Store, catalog: Catalog) -> None:
    new = await queue.caller_history(store, "+8613812345678")
    assert (new.total, new.is_repeat, new.cases) == (0, False, [])
    for text in ("第一次", "第二次"):
        await create_case(store, catalog, draft(catalog, text=text, caller_name="王先生"))
    await create_case(store, catalog, draft(catalog, caller_phone="13900001111"))
    history = await queue.caller_history(store, "+8613812345678")
    assert (history.total, history.recent_30d, history.is_repeat) == (2, 2, True)
    assert [c.text for c in history.cases] == ["第二次", "第一次"]
    assert history.name == "王先生"


async def test_the_deadline_follows_the_category_rule_and_the_calendar(
        store: Store, catalog: Catalog) -> None:
    from console.calendar import deadlines
    from console.catalog.catalog import load_catalog
    from console.core.clock import CENTRE_TZ

    await deadlines.seed_calendar(store, range(2026, 2027))
    catalog = await load_catalog(store)
    leaf_days = next(c for c in catalog.categories.values()
                     if c.is_leaf and c.limit_working_days and not c.auto_dispatch)
    created = await create_case(store, catalog, draft(catalog, category_id=leaf_days.id,
                                                      urgency=leaf_days.urgency))
    async with store.read() as conn:
        accepted, due, estimated = (await conn.execute(
            select(s.Case.accepted_at, s.Case.due_at, s.Case.due_estimated)
            .where(s.Case.id == created.id))).one()
    assert estimated is False  # 2026's holidays are published
    expected = catalog.calendar.due_at(accepted, limit_working_days=leaf_days.limit_working_days)
    assert due == expected.at
    local = due.astimezone(CENTRE_TZ)
    assert (local.hour, local.minute) == (0, 0)  # the end of the last working day
    assert catalog.calendar.is_working_day((local - dt.timedelta(days=1)).date())


async def test_a_question_answered_on_the_spot_is_saved_closed(store: Store,
                                                               catalog: Catalog) -> None:
    from console.casework import cases
    from console.casework.lifecycle import TransitionError
    from console.hotline.intake import answer_on_the_spot

    store.roles = frozenset({"operator"})
    d = draft(catalog, nature="consultation", text="社保卡丢了怎么补办？")
    with pytest.raises(TransitionError):
        await answer_on_the_spot(store, catalog, d, "   ")
    assert await count(store, s.Case) == 0  # nothing saved half-way
    made = await answer_on_the_spot(store, catalog, d, "可到就近社保服务网点补办。")
    events = await cases.timeline(store, made.id)
    assert [e.kind for e in events] == ["created", "answer"]
    assert events[1].payload["answer"] == "可到就近社保服务网点补办。"
    async with store.read() as conn:
        status, closed = (await conn.execute(select(s.Case.status, s.Case.closed_at)
                                             .where(s.Case.id == made.id))).one()
    assert status == "answered" and closed is not None


async def test_a_deadline_over_an_unpublished_year_is_marked_estimated(
        store: Store, catalog: Catalog) -> None:
    # No calendar seeded: the year's holidays are unknown, weekends only.
    leaf_days = next(c for c in catalog.categories.values()
                     if c.is_leaf and c.limit_working_days and not c.auto_dispatch)
    created = await create_case(store, catalog, draft(catalog, category_id=leaf_days.id,
                                                      urgency=leaf_days.urgency))
    rows = await queue.fetch_rows(store, [created.id])
    assert rows[created.id].due_estimated is True and rows[created.id].due_at is not None
