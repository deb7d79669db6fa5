"""Supervising many cases at once: what would refuse every case issues nothing;
otherwise each case gets its order or is named with the reason it got none."""

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from console.calendar.workdays import WorkCalendar
from console.casework import cases
from console.catalog.catalog import Catalog
from console.core.errors import (
    DatabaseUnavailable,
    PermissionDenied,
    ValidationError,
)
from console.core.store import Store
from console.supervision import board, supervising, sweeper
from console.supervision.board import BoardCase
from db import schema as s
from db.engine import make_engine
from tests.db.test_sweeper import case_with_clock

SOON = dt.timedelta(days=1)


async def overdue_cases(store: Store, catalog: Catalog, n: int) -> list[BoardCase]:
    made = [await case_with_clock(store, catalog, 2.0) for _ in range(n)]
    on_board = {c.id: c for c in await board.at_risk(store, WorkCalendar())}
    return [on_board[case_id] for case_id in made]


async def order_count(store: Store) -> int:
    async with store.read() as conn:
        return (await conn.execute(select(func.count()).select_from(s.EscalationOrder)
                                   .where(s.EscalationOrder.level == "supervision"))
                ).scalar_one()


async def test_each_case_gets_its_order_or_the_reason_it_got_none(
        store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"supervisor", "dispatcher"})
    fresh, supervised, closed = await overdue_cases(store, catalog, 3)
    due = dt.datetime.now(dt.UTC) + SOON
    await sweeper.issue_supervision(store, supervised.id, "先行督办", due)
    await cases.perform(store, closed.id, "invalidate", None, reason="重复来电")

    report = await supervising.supervise(store, [fresh, supervised, closed], "限期办结", due)

    assert [c.id for c in report.issued] == [fresh.id]
    assert [s.public_no for s in report.already_supervised] == [supervised.public_no]
    (refused,) = report.refused
    assert refused.public_no == closed.public_no
    assert isinstance(refused.reason, ValidationError)
    assert refused.reason.errors[0].code == "escalation.case_not_open"
    assert await order_count(store) == 2  # the earlier one and the fresh case's


async def test_what_would_refuse_every_case_issues_nothing(store: Store,
                                                           catalog: Catalog) -> None:
    chosen = await overdue_cases(store, catalog, 2)
    due = dt.datetime.now(dt.UTC) + SOON
    store.roles = frozenset({"dispatcher"})
    with pytest.raises(PermissionDenied):
        await supervising.supervise(store, chosen, "限期办结", due)
    store.roles = frozenset({"supervisor"})
    with pytest.raises(ValidationError) as bad:
        await supervising.supervise(store, chosen, "  ", dt.datetime.now(dt.UTC))
    assert [e.code for e in bad.value.errors] == ["order_text.empty", "reply_due.past"]
    assert await order_count(store) == 0


async def test_a_lost_link_skips_the_cases_not_yet_done(store: Store, catalog: Catalog,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.roles = frozenset({"supervisor"})
    chosen = await overdue_cases(store, catalog, 3)
    tried: list[object] = []
    issue, engine = sweeper.issue_supervision, store.engine

    async def the_link_drops_after_the_first(*args: Any) -> sweeper.OrderMade:
        tried.append(args[1])
        try:
            return await issue(*args)
        finally:  # from now on the seat reaches no server (nothing listens on port 9)
            store.engine = make_engine("postgresql://nobody@127.0.0.1:9/hotline")

    monkeypatch.setattr(sweeper, "issue_supervision", the_link_drops_after_the_first)
    try:
        report = await supervising.supervise(store, chosen, "限期办结",
                                             dt.datetime.now(dt.UTC) + SOON)
    finally:
        await store.engine.dispose()
        store.engine = engine
    assert [c.id for c in report.issued] == [chosen[0].id]
    assert [s.case_id for s in report.refused] == [chosen[1].id, chosen[2].id]
    assert all(isinstance(s.reason, DatabaseUnavailable) for s in report.refused)
    assert tried == [chosen[0].id, chosen[1].id]  # the third did not wait for the link
    assert await order_count(store) == 1
