"""The working-day calendar and the deadline rules in the database."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from console.calendar.deadlines import (
    CalendarDay,
    Limit,
    Rule,
    RuleBook,
    load_calendar,
    load_rules,
    package_days,
    rule_for,
    seed_calendar,
    set_day,
    set_rule,
)
from console.calendar.workdays import DayInfo, Deadline
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ValidationError
from console.core.store import Store
from db import schema as s

D = dt.date


@pytest.fixture(autouse=True)
def acting_as_admin(store: Store) -> None:
    store.roles = frozenset({"admin"})  # only admins edit the calendar and the rules


async def test_only_admins_edit_rules_and_the_calendar(store: Store, catalog: Catalog) -> None:
    from console.core.errors import PermissionDenied

    leaf = next(c for c in catalog.categories.values() if c.is_leaf)
    store.roles = frozenset({"operator", "supervisor"})
    with pytest.raises(PermissionDenied):
        await set_rule(store, leaf.id, "B", limit_hours=8)
    with pytest.raises(PermissionDenied):
        await set_day(store, D(2026, 12, 1), False, "停工")
    assert (await load_rules(store)).rules == {}
    assert await stored_day(store, D(2026, 12, 1)) is None


async def events(store: Store, kind: str) -> list[dict[str, Any]]:
    async with store.read() as conn:
        rows = (await conn.execute(select(s.CaseEvent.payload, s.CaseEvent.case_id,
                                          s.CaseEvent.actor)
                                   .where(s.CaseEvent.kind == kind).order_by(s.CaseEvent.id))
                ).all()
    assert all(r.case_id is None and r.actor == "op_test" for r in rows)
    return [r.payload for r in rows]


async def stored_day(store: Store, day: dt.date) -> CalendarDay | None:
    async with store.read() as conn:
        row = (await conn.execute(select(
            s.WorkingDay.day, s.WorkingDay.is_working, s.WorkingDay.note, s.WorkingDay.source,
            s.WorkingDay.estimated).where(s.WorkingDay.day == day))).one_or_none()
    return None if row is None else CalendarDay(*row)


async def count(store: Store, table: type[s.Base]) -> int:
    async with store.read() as conn:
        return (await conn.execute(select(func.count()).select_from(table))).scalar_one()


# ---- the calendar -------------------------------------------------------------

async def test_seeding_is_idempotent_and_reports_unknown_years(store: Store) -> None:
    expected = len(package_days(2025) or {}) + len(package_days(2026) or {})
    first = await seed_calendar(store, range(2025, 2028))
    assert (first.seeded_years, first.unknown_years) == ((2025, 2026), (2027,))
    assert (first.inserted, first.kept) == (expected, 0)
    again = await seed_calendar(store, range(2025, 2028))
    assert (again.inserted, again.kept) == (0, expected)
    assert await count(store, s.WorkingDay) == expected
    assert await events(store, "calendar_seeded") == [
        {"source": "chinesecalendar", "years": [2025, 2026], "inserted": expected}]
    nothing = await seed_calendar(store, [2027, 2030])
    assert (nothing.seeded_years, nothing.unknown_years, nothing.inserted) == ((), (2027, 2030), 0)


async def test_an_admins_edits_win_over_seeding(store: Store) -> None:
    await set_day(store, D(2026, 2, 14), False, "  本区调整  ")
    await seed_calendar(store, [2026])
    assert await stored_day(store, D(2026, 2, 14)) == CalendarDay(
        D(2026, 2, 14), False, "本区调整", "admin", False)
    await set_day(store, D(2026, 2, 28), False)  # after seeding
    await seed_calendar(store, [2026])
    assert (await stored_day(store, D(2026, 2, 28))) == CalendarDay(
        D(2026, 2, 28), False, None, "admin", False)
    assert (await stored_day(store, D(2026, 2, 15))) == CalendarDay(
        D(2026, 2, 15), False, "春节", "chinesecalendar", False)


async def test_the_calendar_round_trips(store: Store) -> None:
    await seed_calendar(store, range(2025, 2028))
    calendar = await load_calendar(store)
    assert calendar.known_years == {2025, 2026}
    assert dict(calendar.days) == {**(package_days(2025) or {}), **(package_days(2026) or {})}
    assert calendar.day(D(2026, 2, 14)) == DayInfo(True, "春节调休上班", False)
    assert calendar.is_estimated(D(2027, 3, 1)) and not calendar.is_estimated(D(2026, 3, 2))
    start = dt.datetime(2026, 2, 13, 10, tzinfo=CENTRE_TZ)
    assert calendar.due_at(start, limit_working_days=2) == Deadline(
        dt.datetime(2026, 2, 25, tzinfo=CENTRE_TZ), estimated=False)


async def test_setting_a_day_writes_one_event_per_change(store: Store) -> None:
    await seed_calendar(store, [2026])
    day = D(2026, 10, 8)  # an ordinary Thursday after National Day
    made = await set_day(store, day, False, "台风停工")
    assert made == CalendarDay(day, False, "台风停工", "admin", False)
    await set_day(store, day, False, "台风停工")  # the same again: no change, no event
    await set_day(store, D(2026, 10, 10), False, "")  # override a seeded make-up day
    assert await events(store, "calendar_changed") == [
        {"day": "2026-10-08", "is_working": False, "note": "台风停工", "before": None},
        {"day": "2026-10-10", "is_working": False, "note": "",
         "before": {"is_working": True, "note": "国庆节调休上班", "source": "chinesecalendar",
                    "estimated": False}},
    ]
    calendar = await load_calendar(store)
    assert not calendar.is_working_day(day) and not calendar.is_working_day(D(2026, 10, 10))


async def test_an_admin_entry_publishes_its_year(store: Store) -> None:
    await set_day(store, D(2027, 1, 1), False, "元旦")
    calendar = await load_calendar(store)
    assert 2027 in calendar.known_years and not calendar.is_working_day(D(2027, 1, 1))


async def test_a_too_long_note_changes_nothing(store: Store) -> None:
    with pytest.raises(ValidationError) as info:
        await set_day(store, D(2026, 3, 2), False, "长" * 65)
    assert info.value.for_field("note").code == "text.too_long"  # type: ignore[union-attr]
    assert await count(store, s.WorkingDay) == 0
    assert await events(store, "calendar_changed") == []


# ---- the rules ----------------------------------------------------------------

def tree(catalog: Catalog) -> tuple[int, int, int, int]:
    """A leaf with its own 5-working-day default, its sibling, its parent, its grandparent."""
    leaf = catalog.category_by_code("C010101")
    sibling = catalog.category_by_code("C010102")
    assert leaf is not None and sibling is not None and leaf.parent_id is not None
    assert (leaf.limit_hours, leaf.limit_working_days) == (None, 5)
    parent = catalog.categories[leaf.parent_id]
    assert parent.parent_id is not None
    return leaf.id, sibling.id, parent.id, parent.parent_id


async def test_rule_lookup_prefers_own_then_nearest_ancestor_then_default(
        store: Store, catalog: Catalog) -> None:
    leaf, sibling, parent, top = tree(catalog)
    book = await load_rules(store)
    assert rule_for(book, leaf, "A") == Limit(None, 5, leaf, None)
    assert rule_for(book, top, "A") is None  # a level-1 node has no limit of its own

    on_top = await set_rule(store, top, "A", limit_hours=24)
    book = await load_rules(store)
    assert rule_for(book, leaf, "A") == Limit(24, None, top, on_top.id)
    assert rule_for(book, leaf, "B") == Limit(None, 5, leaf, None)  # other urgency

    on_parent = await set_rule(store, parent, "A", limit_hours=4)
    own = await set_rule(store, leaf, "A", limit_hours=2)
    book = await load_rules(store)
    assert rule_for(book, leaf, "A") == Limit(2, None, leaf, own.id)
    assert rule_for(book, sibling, "A") == Limit(4, None, parent, on_parent.id)
    # The seat's Catalog serves as the category data just as well.
    with_catalog = RuleBook(book.rules, catalog.categories)
    assert rule_for(with_catalog, sibling, "A") == rule_for(book, sibling, "A")
    with pytest.raises(KeyError):
        rule_for(book, -1, "A")


async def test_a_limit_gives_a_deadline(store: Store, catalog: Catalog) -> None:
    leaf, *_ = tree(catalog)
    await seed_calendar(store, [2026])
    calendar, book = await load_calendar(store), await load_rules(store)
    limit = rule_for(book, leaf, "B")
    assert limit is not None
    start = dt.datetime(2026, 2, 20, 9, tzinfo=CENTRE_TZ)  # in the Spring Festival holiday
    assert limit.due(calendar, start).at == dt.datetime(2026, 3, 1, tzinfo=CENTRE_TZ)


async def test_changing_a_rule_bumps_its_version_and_writes_an_event(
        store: Store, catalog: Catalog) -> None:
    leaf, *_ = tree(catalog)
    first = await set_rule(store, leaf, "C", limit_working_days=10)
    assert (first.version, first.limit_working_days) == (1, 10)
    second = await set_rule(store, leaf, "C", limit_hours=48)
    assert second == Rule(first.id, leaf, "C", 48, None, 2)
    assert await set_rule(store, leaf, "C", limit_hours=48) == second  # unchanged: no event
    assert await events(store, "rule_changed") == [
        {"rule_id": first.id, "category_id": leaf, "urgency": "C", "limit_hours": None,
         "limit_working_days": 10, "version": 1, "before": None},
        {"rule_id": first.id, "category_id": leaf, "urgency": "C", "limit_hours": 48,
         "limit_working_days": None, "version": 2,
         "before": {"limit_hours": None, "limit_working_days": 10, "version": 1}},
    ]


@pytest.mark.parametrize(("category", "urgency", "limits", "codes"), [
    ("leaf", "A", {}, {"limit": "limit.one_required"}),
    ("leaf", "A", {"limit_hours": 4, "limit_working_days": 1}, {"limit": "limit.one_required"}),
    ("leaf", "A", {"limit_hours": 0}, {"limit_hours": "limit.not_positive"}),
    ("leaf", "A", {"limit_working_days": -2}, {"limit_working_days": "limit.not_positive"}),
    ("leaf", "A", {"limit_working_days": 10_000}, {"limit_working_days": "limit.too_large"}),
    ("leaf", "Z", {"limit_hours": 4}, {"urgency": "urgency.unknown"}),
    ("nowhere", "A", {"limit_hours": 4}, {"category": "category.unknown"}),
    ("nowhere", "Z", {"limit_hours": -1},
     {"category": "category.unknown", "urgency": "urgency.unknown",
      "limit_hours": "limit.not_positive"}),
])
async def test_bad_rules_are_refused_and_change_nothing(
        store: Store, catalog: Catalog, category: str, urgency: str,
        limits: dict[str, int], codes: dict[str, str]) -> None:
    leaf, *_ = tree(catalog)
    kept = await set_rule(store, leaf, "A", limit_hours=8)
    before = (await count(store, s.DeadlineRule), await count(store, s.CaseEvent))
    with pytest.raises(ValidationError) as info:
        await set_rule(store, leaf if category == "leaf" else -1, urgency, **limits)
    assert {e.field: e.code for e in info.value.errors} == codes
    assert (await count(store, s.DeadlineRule), await count(store, s.CaseEvent)) == before
    assert (await load_rules(store)).rules[(leaf, "A")] == kept


async def test_concurrent_rule_changes_all_count(database_url: str, store: Store,
                                                 catalog: Catalog) -> None:
    leaf, *_ = tree(catalog)
    seats = [Store(database_url, f"admin{i}") for i in range(4)]
    for seat in seats:
        seat.roles = frozenset({"admin"})
    try:
        await asyncio.gather(*(set_rule(seat, leaf, "B", limit_hours=i + 1)
                               for i, seat in enumerate(seats)))
    finally:
        for seat in seats:
            await seat.close()
    async with store.read() as conn:
        version = (await conn.execute(select(s.DeadlineRule.version))).scalar_one()
        changes = (await conn.execute(select(func.count()).select_from(s.CaseEvent)
                                      .where(s.CaseEvent.kind == "rule_changed"))).scalar_one()
    assert (version, changes) == (4, 4)
