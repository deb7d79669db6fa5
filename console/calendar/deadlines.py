"""Deadline services on the database (ARCHITECTURE.md decision 8).

The working-day calendar is data in ``working_day``: seeded from the
chinesecalendar package for the years it knows (holidays and the official
make-up working days 调休), edited by admins, whose edits always win. Deadline
rules are admin-editable limits per category (or subtree) and urgency in
``deadline_rule``; a level-3 category's own limit is the default.

Every change is one transaction that appends its event (``case_id`` NULL):
``calendar_seeded``, ``calendar_changed``, ``rule_changed`` (the typed payloads
of ``console/core/events.py``); what it returns carries the event's id
(``event_id``; 0 when nothing changed and no event was appended). Consoles
reload the calendar or the rules when they see one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import DayInfo, Deadline, LimitError, WorkCalendar, check_limit
from console.core import events
from console.core.errors import FieldError, ValidationError, require_role
from console.core.store import Store
from db import schema as s

SOURCE_PACKAGE = "chinesecalendar"
SOURCE_ADMIN = "admin"
MAX_NOTE = 64


# ---- the calendar -------------------------------------------------------------

def package_days(year: int) -> dict[dt.date, DayInfo] | None:
    """The package's holidays and make-up working days of ``year``, or None when
    it has no data for that year (it raises NotImplementedError from 2027 on).
    The package is imported here: only seeding reads it (a quarter of a second)."""
    import chinese_calendar  # type: ignore[import-untyped]  # the package ships no type hints

    names = {h.value: h.chinese for h in chinese_calendar.Holiday}
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return None
    days = {day: DayInfo(False, names.get(name, name))
            for day, name in chinese_calendar.holidays.items() if day.year == year}
    days.update({day: DayInfo(True, f"{names.get(name, name)}调休上班")
                 for day, name in chinese_calendar.workdays.items() if day.year == year})
    return days


@dataclass(frozen=True)
class SeedReport:
    seeded_years: tuple[int, ...]  # the package had data for these
    unknown_years: tuple[int, ...]  # no published data: deadlines there are estimated
    inserted: int  # days new in the table
    kept: int  # days already there (an admin's edit or an earlier seed), left alone
    event_id: int = 0  # the seed's event (0: nothing new, no event)


def calendar_years(today: dt.date) -> range:
    """The years seeded at every start: last, this and next."""
    return range(today.year - 1, today.year + 2)


def _package_rows(years: Iterable[int]) -> tuple[list[int], list[int], list[dict[str, Any]]]:
    """The years the package knows, those it does not, and the known years' rows."""
    rows: list[dict[str, Any]] = []
    seeded: list[int] = []
    unknown: list[int] = []
    for year in sorted(set(years)):
        days = package_days(year)
        (unknown if days is None else seeded).append(year)
        rows += [{"day": day, "is_working": info.is_working, "note": info.note,
                  "source": SOURCE_PACKAGE, "estimated": False}
                 for day, info in sorted((days or {}).items())]
    return seeded, unknown, rows


async def seed_calendar(store: Store, years: Iterable[int]) -> SeedReport:
    """Insert the package's days for ``years``; idempotent, never overwrites a row.
    The package is read in a worker thread (its import and its days are pure Python)."""
    seeded, unknown, rows = await asyncio.to_thread(_package_rows, years)
    inserted = event_id = 0
    if rows:
        async with store.transaction() as conn:
            stmt = (insert(s.WorkingDay).values(rows)
                    .on_conflict_do_nothing(index_elements=["day"]).returning(s.WorkingDay.day))
            inserted = len((await conn.execute(stmt)).all())
            if inserted:
                event_id = await events.append(conn, store.actor, events.CalendarSeeded(
                    SOURCE_PACKAGE, tuple(seeded), inserted))
    return SeedReport(tuple(seeded), tuple(unknown), inserted, len(rows) - inserted, event_id)


async def load_calendar(store: Store) -> WorkCalendar:
    """The calendar as stored; years with no non-estimated day count as unpublished."""
    async with store.read() as conn:
        rows = (await conn.execute(select(
            s.WorkingDay.day, s.WorkingDay.is_working, s.WorkingDay.note,
            s.WorkingDay.estimated))).all()
    return WorkCalendar({r.day: DayInfo(r.is_working, r.note, r.estimated) for r in rows})


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    is_working: bool
    note: str | None
    source: str
    estimated: bool
    event_id: int = field(default=0, compare=False)  # the change's event (0: none)


_DAY_COLUMNS = (s.WorkingDay.day, s.WorkingDay.is_working, s.WorkingDay.note,
                s.WorkingDay.source, s.WorkingDay.estimated)


async def set_day(store: Store, day: dt.date, is_working: bool,
                  note: str | None = None) -> CalendarDay:
    """An admin declares ``day`` a working day or not (source 'admin', authoritative)."""
    if isinstance(day, dt.datetime):
        raise TypeError("set_day takes a date, not a datetime")
    require_role(store.roles, "admin")
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise ValidationError([FieldError("note", "text.too_long",
                                          {"limit": MAX_NOTE, "length": len(note)})])
    new = CalendarDay(day, bool(is_working), note, SOURCE_ADMIN, estimated=False)
    async with store.transaction() as conn:
        found = (await conn.execute(select(*_DAY_COLUMNS).where(s.WorkingDay.day == day)
                                    .with_for_update())).one_or_none()
        before = CalendarDay(*found) if found is not None else None
        if before == new:
            return new
        values = {"is_working": new.is_working, "note": note, "source": SOURCE_ADMIN,
                  "estimated": False}
        await conn.execute(insert(s.WorkingDay).values(day=day, **values)
                           .on_conflict_do_update(index_elements=["day"], set_=values))
        event_id = await events.append(conn, store.actor, events.CalendarChanged(
            day, new.is_working, note or "", None if before is None else {
                "is_working": before.is_working, "note": before.note, "source": before.source,
                "estimated": before.estimated}))
    return replace(new, event_id=event_id)


# ---- the rules ----------------------------------------------------------------

class CategoryLimits(Protocol):
    """What rule lookup needs of a category; ``console.catalog.Category`` has it."""

    @property
    def parent_id(self) -> int | None: ...
    @property
    def limit_hours(self) -> int | None: ...
    @property
    def limit_working_days(self) -> int | None: ...


@dataclass(frozen=True)
class CategoryLimit:
    id: int
    parent_id: int | None
    limit_hours: int | None
    limit_working_days: int | None


@dataclass(frozen=True)
class Rule:
    id: int
    category_id: int
    urgency: str
    limit_hours: int | None
    limit_working_days: int | None
    version: int
    event_id: int = field(default=0, compare=False)  # the change's event (0: none)


@dataclass(frozen=True)
class Limit:
    """The limit that applies, and where it came from."""

    limit_hours: int | None
    limit_working_days: int | None
    category_id: int  # the category whose rule, or own default, this is
    rule_id: int | None  # None: the category's own default

    def due(self, calendar: WorkCalendar, start: dt.datetime) -> Deadline:
        return calendar.due_at(start, limit_hours=self.limit_hours,
                               limit_working_days=self.limit_working_days)


@dataclass(frozen=True)
class RuleBook:
    rules: Mapping[tuple[int, str], Rule]  # by (category_id, urgency)
    categories: Mapping[int, CategoryLimits]  # e.g. a Catalog's ``categories``


_RULE_COLUMNS = (s.DeadlineRule.id, s.DeadlineRule.category_id, s.DeadlineRule.urgency,
                 s.DeadlineRule.limit_hours, s.DeadlineRule.limit_working_days,
                 s.DeadlineRule.version)


async def load_rules(store: Store) -> RuleBook:
    async with store.read() as conn:
        rules = [Rule(*r) for r in await conn.execute(select(*_RULE_COLUMNS))]
        cats = [CategoryLimit(*r) for r in await conn.execute(select(
            s.Category.id, s.Category.parent_id, s.Category.limit_hours,
            s.Category.limit_working_days))]
    return RuleBook({(r.category_id, r.urgency): r for r in rules},
                    {c.id: c for c in cats})


def rule_for(book: RuleBook, category_id: int, urgency: str) -> Limit | None:
    """The category's own rule for ``urgency``, else its nearest ancestor's, else the
    category's own limit; None when none applies. KeyError for an unknown category."""
    category = book.categories[category_id]
    current: int | None = category_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        if (rule := book.rules.get((current, urgency))) is not None:
            return Limit(rule.limit_hours, rule.limit_working_days, current, rule.id)
        node = book.categories.get(current)
        current = node.parent_id if node is not None else None
    if category.limit_hours is None and category.limit_working_days is None:
        return None
    check_limit(category.limit_hours, category.limit_working_days)  # both set is bad data
    return Limit(category.limit_hours, category.limit_working_days, category_id, None)


def _limit_errors(limit_hours: int | None, limit_working_days: int | None) -> list[FieldError]:
    try:
        check_limit(limit_hours, limit_working_days)
    except LimitError as exc:
        params = dict(exc.params)
        return [FieldError(str(params.pop("field", "limit")), exc.code, params)]
    return []


async def set_rule(store: Store, category_id: int, urgency: str, limit_hours: int | None = None,
                   limit_working_days: int | None = None) -> Rule:
    """Create or change the rule for a category (and its subtree) and urgency.

    Raises ValidationError ('limit.one_required', 'limit.not_positive',
    'limit.not_integer', 'limit.too_large', 'urgency.unknown', 'category.unknown');
    then nothing was changed. An unchanged rule is returned as it is.
    """
    require_role(store.roles, "admin")
    errors = _limit_errors(limit_hours, limit_working_days)
    if urgency not in s.URGENCIES:
        errors.append(FieldError("urgency", "urgency.unknown"))
    async with store.transaction() as conn:
        exists = (await conn.execute(select(s.Category.id)
                                     .where(s.Category.id == category_id))).first()
        if exists is None:
            errors.append(FieldError("category", "category.unknown"))
        if errors:
            raise ValidationError(errors)
        return await _upsert_rule(conn, store, category_id, urgency,
                                  {"limit_hours": limit_hours,
                                   "limit_working_days": limit_working_days})


async def _upsert_rule(conn: AsyncConnection, store: Store, category_id: int, urgency: str,
                       limits: dict[str, int | None]) -> Rule:
    key = (s.DeadlineRule.category_id == category_id, s.DeadlineRule.urgency == urgency)
    found = (await conn.execute(select(*_RULE_COLUMNS).where(*key).with_for_update())
             ).one_or_none()
    before = Rule(*found) if found is not None else None
    if before is not None and (before.limit_hours == limits["limit_hours"]
                               and before.limit_working_days == limits["limit_working_days"]):
        return before
    stmt = (insert(s.DeadlineRule).values(category_id=category_id, urgency=urgency, **limits)
            .on_conflict_do_update(index_elements=["category_id", "urgency"],
                                   set_={**limits, "version": s.DeadlineRule.version + 1}))
    rule = Rule(*(await conn.execute(stmt.returning(*_RULE_COLUMNS))).one())
    event_id = await events.append(conn, store.actor, events.RuleChanged(
        category_id, urgency, rule.id, limits["limit_hours"], limits["limit_working_days"],
        rule.version, None if before is None else {
            "limit_hours": before.limit_hours,
            "limit_working_days": before.limit_working_days, "version": before.version}))
    return replace(rule, event_id=event_id)
