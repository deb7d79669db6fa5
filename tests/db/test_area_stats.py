"""Figures by area: the definitions on hand-made cases, and the one query against
the same figures computed independently in Python over the demo's cases."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from typing import Any

from sqlalchemy import insert, select

from console.catalog.catalog import Catalog
from console.core.store import Store
from console.demodata import demo
from console.geo.area_stats import AreaFigures, area_figures, hotspots
from console.geo.boundaries import Level
from db import schema as s
from tests.factories import leaf

T0 = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


def top(catalog: Catalog, category_id: int) -> int:
    while (parent := catalog.categories[category_id].parent_id) is not None:
        category_id = parent
    return category_id


def other_leaf(catalog: Catalog) -> Any:
    """A leaf of another top-level category than the default one's."""
    road = top(catalog, leaf(catalog).id)
    return next(c for c in sorted(catalog.categories.values(), key=lambda c: c.code)
                if c.is_leaf and top(catalog, c.id) != road)


def row(catalog: Catalog, n: int, **kw: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": uuid.uuid4(), "public_no": f"T-{n:04d}", "channel": "phone_12345", "text": "t",
        "category_id": leaf(catalog).id, "urgency": "B", "status": "in_progress",
        "created_at": T0, "accepted_at": T0, "due_at": T0 + 96 * H, "created_by": "t",
        "street_code": "S01", "community_code": "S01C01", "grid_code": "S01C01G001",
        "unit_clock_at": None, "unit_due_at": None, "first_resolved_at": None,
        "paused_at": None}
    values.update(kw)
    return values


async def test_the_definitions_on_hand_made_cases(store: Store, catalog: Catalog) -> None:
    clock = {"unit_clock_at": T0 + H, "unit_due_at": T0 + 48 * H}
    done = {"status": "resolved", **clock}
    cases = [
        row(catalog, 1, **done, first_resolved_at=T0 + 47 * H),           # on time
        row(catalog, 2, **done, first_resolved_at=T0 + 49 * H),           # late
        row(catalog, 3, **clock),                                         # open, overdue
        row(catalog, 4, **clock, paused_at=T0 + 10 * H),                  # paused in time
        row(catalog, 5, status="in_progress", unit_clock_at=T0 + H,
            unit_due_at=T0 + 500 * H),                                    # clock still runs
        row(catalog, 6, status="answered", due_at=None),                  # never a unit's
        row(catalog, 7, status="invalid", due_at=None),                   # not counted
        row(catalog, 8, **done, first_resolved_at=T0 + 2 * H, created_at=T0 - 30 * 24 * H),
        row(catalog, 9, **done, first_resolved_at=T0 + 2 * H, grid_code="S01C01G002"),
        row(catalog, 10, **done, first_resolved_at=T0 + 2 * H, street_code="S02",
            community_code="S02C01", grid_code="S02C01G001",
            category_id=other_leaf(catalog).id),
    ]
    async with store.transaction() as conn:
        await conn.execute(insert(s.Case), cases)
    at = T0 + 100 * H
    start, end = T0 - 24 * H, T0 + 24 * H
    cells = await area_figures(store, Level.CELL, start, end, at=at)
    assert cells["S01C01G001"] == AreaFigures("S01C01G001", cases=6, overdue=2, on_time=1)
    assert cells["S01C01G001"].on_time_rate == 1 / 3
    assert cells["S01C01G002"].on_time_rate == 1.0
    streets = await area_figures(store, Level.STREET, start, end, at=at)
    assert {k: v.cases for k, v in streets.items()} == {"S01": 7, "S02": 1}
    # Before the unit's deadline nothing open is overdue yet.
    early = await area_figures(store, Level.CELL, start, end, at=T0 + 24 * H)
    assert early["S01C01G001"].overdue == 1 and early["S01C01G001"].judged == 2
    # The category subtree: the other leaf's level-1 category holds only case 10.
    other = other_leaf(catalog)
    by_top = await area_figures(store, Level.COMMUNITY, start, end,
                                top(catalog, other.id), at=at)
    assert list(by_top) == ["S02C01"]
    assert await area_figures(store, Level.CELL, start, end, other.id, at=at) == {
        "S02C01G001": AreaFigures("S02C01G001", 1, 0, 1)}
    hot = await hotspots(store, Level.CELL, start, end, limit=2, at=at)
    assert [(h.code, h.cases) for h in hot] == [("S01C01G001", 6), ("S01C01G002", 1)]


async def test_the_query_agrees_with_python_over_the_demo_cases(
        store: Store, catalog: Catalog) -> None:
    await demo.generate_cases(store, count=3000)
    async with store.read() as conn:
        now = (await conn.execute(select(s.func.now()))).scalar_one()
        cases = (await conn.execute(select(s.Case))).all()
    start, end = now - dt.timedelta(days=60), now - dt.timedelta(days=5)
    road = top(catalog, leaf(catalog).id)
    subtree = set(catalog.subtree_ids(road))
    for level, column, category in ((Level.CELL, "grid_code", None),
                                    (Level.COMMUNITY, "community_code", road),
                                    (Level.STREET, "street_code", None)):
        wanted: dict[str, Counter[str]] = {}
        for c in cases:
            if not (start <= c.created_at < end) or c.status in ("merged", "invalid"):
                continue
            if category is not None and c.category_id not in subtree:
                continue
            tally = wanted.setdefault(getattr(c, column), Counter())
            tally["cases"] += 1
            if c.unit_due_at is None:
                continue
            if c.first_resolved_at is not None:
                tally["on_time" if c.first_resolved_at <= c.unit_due_at else "overdue"] += 1
            elif c.unit_due_at < (c.paused_at or now):
                tally["overdue"] += 1
        got = await area_figures(store, level, start, end, category, at=now)
        assert {k: (v.cases, v.overdue, v.on_time) for k, v in got.items()} == {
            k: (t["cases"], t["overdue"], t["on_time"]) for k, t in wanted.items()}
        assert sum(v.cases for v in got.values()) > 100 or category is not None
        hot = await hotspots(store, level, start, end, category, limit=3, at=now)
        assert [h.cases for h in hot] == sorted((t["cases"] for t in wanted.values()),
                                                reverse=True)[:3]
