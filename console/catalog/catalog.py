"""Reference data every seat keeps in memory: streets, communities, grid cells,
units and the category tree, with search by Chinese text and pinyin initials.

It is small (hundreds to a few thousand rows even for a city ten times
larger), read once at start and again when a catalog event arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select

from console.calendar.deadlines import Rule, RuleBook, load_calendar, load_rules, rule_for
from console.calendar.workdays import Deadline, WorkCalendar
from console.core.store import Store
from db import schema as s


def pinyin_initials(name: str) -> str:
    """Lower-case pinyin initials, e.g. 市容环卫 -> "srhw"; other letters kept.
    Only making categories needs them (the catalog reads them stored): pypinyin's
    half a second of dictionaries is imported here, not at start."""
    from pypinyin import Style, lazy_pinyin

    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER) if p).lower()


@dataclass(frozen=True)
class Category:
    id: int
    code: str
    name: str
    parent_id: int | None
    level: int
    path: str
    initials: str
    urgency: str | None
    limit_hours: int | None
    limit_working_days: int | None
    owner_unit_id: int | None
    auto_dispatch: bool
    active: bool
    territorial: bool = False  # goes to the sub-centre of the case's street

    @property
    def is_leaf(self) -> bool:
        return self.level == 3


@dataclass(frozen=True)
class Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    active: bool
    street_code: str | None = None  # a street office's or sub-centre's street


@dataclass(frozen=True)
class Community:
    code: str
    name: str
    street_code: str


@dataclass(frozen=True)
class Street:
    code: str
    name: str


@dataclass(frozen=True)
class GridCell:
    code: str
    name: str
    street_code: str
    community_code: str


@dataclass
class Catalog:
    streets: dict[str, Street] = field(default_factory=dict)
    communities: dict[str, Community] = field(default_factory=dict)
    grid_cells: dict[str, GridCell] = field(default_factory=dict)
    units: dict[int, Unit] = field(default_factory=dict)
    categories: dict[int, Category] = field(default_factory=dict)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    rules: Mapping[tuple[int, str], Rule] = field(default_factory=dict)
    _children: dict[int | None, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self._children = {}
        for cat in sorted(self.categories.values(), key=lambda c: c.code):
            self._children.setdefault(cat.parent_id, []).append(cat.id)

    # ---- categories -------------------------------------------------------
    def children(self, parent_id: int | None) -> list[Category]:
        return [self.categories[i] for i in self._children.get(parent_id, [])]

    def subtree_ids(self, category_id: int) -> list[int]:
        out, stack = [], [category_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self._children.get(current, []))
        return out

    def category_by_code(self, code: str) -> Category | None:
        return next((c for c in self.categories.values() if c.code == code), None)

    def search_categories(self, query: str, limit: int = 50, *,
                          any_level: bool = False) -> list[Category]:
        """Active leaf categories (``any_level``: categories of every level, each
        standing for its subtree) matching Chinese text or pinyin initials, best first.

        Every whitespace-separated term must match the path or its initials.
        """
        terms = query.lower().split()
        leaves = [c for c in self.categories.values() if (any_level or c.is_leaf) and c.active]
        if not terms:
            return sorted(leaves, key=lambda c: c.code)[:limit]
        scored = []
        for cat in leaves:
            haystack = cat.path.lower()
            initials = cat.initials
            score = 0
            for term in terms:
                if cat.name.lower().startswith(term) or initials.endswith(term):
                    score += 3
                elif term in cat.name.lower():
                    score += 2
                elif term in haystack or term in initials:
                    score += 1
                else:
                    break
            else:
                scored.append((-score, cat.code, cat))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [cat for _, _, cat in scored[:limit]]

    def deadline(self, category_id: int, urgency: str, start: dt.datetime) -> Deadline | None:
        """When a case of this category and class accepted at ``start`` is due."""
        limit = rule_for(RuleBook(self.rules, self.categories), category_id, urgency)
        return None if limit is None else limit.due(self.calendar, start)

    # ---- places -------------------------------------------------------------
    def communities_of(self, street_code: str | None) -> list[Community]:
        return sorted((c for c in self.communities.values()
                       if street_code is None or c.street_code == street_code),
                      key=lambda c: c.code)

    def cells_of(self, community_code: str | None) -> list[GridCell]:
        return sorted((g for g in self.grid_cells.values()
                       if community_code is None or g.community_code == community_code),
                      key=lambda g: g.code)

    def street_name(self, code: str | None) -> str:
        return self.streets[code].name if code in self.streets else ""

    def unit_name(self, unit_id: int | None) -> str:
        return self.units[unit_id].name if unit_id in self.units else ""

    def category_path(self, category_id: int | None) -> str:
        return self.categories[category_id].path if category_id in self.categories else ""


async def load_catalog(store: Store) -> Catalog:
    async with store.read() as conn:
        streets = (await conn.execute(select(s.Street.code, s.Street.name)
                                      .order_by(s.Street.sort_order, s.Street.code))).all()
        communities = (await conn.execute(select(
            s.Community.code, s.Community.name, s.Community.street_code))).all()
        cells = (await conn.execute(select(
            s.GridCell.code, s.GridCell.name, s.GridCell.street_code,
            s.GridCell.community_code))).all()
        units = (await conn.execute(select(
            s.Unit.id, s.Unit.code, s.Unit.name, s.Unit.kind, s.Unit.parent_id,
            s.Unit.active, s.Unit.street_code))).all()
        cats = (await conn.execute(select(
            s.Category.id, s.Category.code, s.Category.name, s.Category.parent_id,
            s.Category.level, s.Category.path, s.Category.initials, s.Category.urgency,
            s.Category.limit_hours, s.Category.limit_working_days, s.Category.owner_unit_id,
            s.Category.auto_dispatch, s.Category.active, s.Category.territorial))).all()
    return Catalog(
        streets={r.code: Street(*r) for r in streets},
        communities={r.code: Community(*r) for r in communities},
        grid_cells={r.code: GridCell(*r) for r in cells},
        units={r.id: Unit(*r) for r in units},
        categories={r.id: Category(*tuple(r)) for r in cats},
        calendar=await load_calendar(store),
        rules=(await load_rules(store)).rules,
    )
