"""The figures the reports read, in one place: every indicator comes from its one
definition (console/stats, docs/INDICATORS.md; console/geo/area_stats for areas,
console/notices/rates for the three rates, console/duty for roll calls and
handovers). This module only adapts their answers to what the reports show; it
defines no indicator of its own.

Until console/stats is merged the few figures it will own are asked here through
``_Interim`` queries written on area_stats's definitions (on time, overdue); they
go when it lands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from console.core.store import Store
from console.geo.area_stats import ON_TIME, OVERDUE, SUBTREE
from console.notices.rates import ThreeRates, three_rates

OPEN = "('new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed', 'referred')"
LEVELS = ("reminder", "urge", "leader_urge", "supervision", "inspection")
LEVEL_WORDS = {"reminder": "提醒", "urge": "催办", "leader_urge": "催办（领导）",
               "supervision": "督办", "inspection": "效能监察"}


@dataclass(frozen=True)
class Where:
    """A period [start, end), the moment open cases are judged at, and the filters of a
    special analysis (a category's subtree, a street)."""

    start: dt.datetime
    end: dt.datetime
    at: dt.datetime
    category_id: int | None = None
    street_code: str | None = None

    def params(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "at": self.at,
                "category": self.category_id, "street": self.street_code}

    def filters(self) -> str:
        sql = " AND c.street_code = :street" if self.street_code is not None else ""
        return sql + (SUBTREE if self.category_id is not None else "")

    def received(self) -> str:
        return ("c.created_at >= :start AND c.created_at < :end"
                " AND c.status NOT IN ('merged', 'invalid')" + self.filters())


@dataclass(frozen=True)
class UnitFigures:
    unit_id: int | None
    received: int
    on_time: int
    overdue: int

    @property
    def judged(self) -> int:
        return self.on_time + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.judged if self.judged else None


_KEYS = {
    "channel": "c.channel",
    "nature": "c.nature",
    "street": "c.street_code",
    "urgency": "c.urgency",
    "unit": "c.assigned_unit_id",
    "category": "c.category_id",
    "day": "to_char(timezone('Asia/Shanghai', c.created_at), 'YYYY-MM-DD')",
    "hour": "extract(hour FROM timezone('Asia/Shanghai', c.created_at))::int",
    "top_category": """(WITH RECURSIVE up AS (
                SELECT k.id, k.parent_id FROM public.category k WHERE k.id = c.category_id
                UNION ALL
                SELECT p.id, p.parent_id FROM public.category p JOIN up ON p.id = up.parent_id)
            SELECT id FROM up WHERE parent_id IS NULL)""",
}


class _Interim:
    """Queries on the definitions above, until console/stats provides them."""

    @staticmethod
    def intake(by: str, where: Where) -> str:
        key = _KEYS[by]
        return (f'SELECT {key} AS key, count(*) AS n FROM public."case" c '
                f"WHERE {where.received()} GROUP BY 1 ORDER BY 2 DESC, 1")

    @staticmethod
    def by_unit(where: Where) -> str:
        overdue = OVERDUE.replace("CAST(:at AS timestamptz)", ":at")
        return (f"SELECT c.assigned_unit_id AS unit, count(*) AS received,"
                f" count(*) FILTER (WHERE {ON_TIME}) AS on_time,"
                f" count(*) FILTER (WHERE {overdue}) AS overdue"
                f' FROM public."case" c WHERE {where.received()} GROUP BY 1')

    @staticmethod
    def load(where: Where) -> str:
        return (f'SELECT count(*) AS open, count(*) FILTER (WHERE c.unit_due_at < '
                f"coalesce(c.paused_at, :at)) AS overdue"
                f' FROM public."case" c WHERE c.status IN {OPEN}'
                f" AND c.created_at < :at{where.filters()}")

    @staticmethod
    def overdue_open_by_unit(where: Where) -> str:
        return (f'SELECT c.assigned_unit_id AS unit, count(*) AS n FROM public."case" c'
                f" WHERE c.status IN {OPEN} AND c.created_at < :at"
                f" AND c.unit_due_at < coalesce(c.paused_at, :at){where.filters()}"
                f" GROUP BY 1")

    @staticmethod
    def escalations(where: Where) -> str:
        return ("SELECT coalesce(o.target_unit_id, c.assigned_unit_id) AS unit, o.level,"
                ' count(*) AS n FROM public.escalation_order o JOIN public."case" c'
                " ON c.id = o.case_id WHERE o.issued_at >= :start AND o.issued_at < :end"
                f"{where.filters()} GROUP BY 1, 2")

    @staticmethod
    def satisfaction(where: Where) -> str:
        return ("SELECT b.result, b.satisfaction, count(*) FROM public.callback b"
                ' JOIN public."case" c ON c.id = b.case_id'
                f" WHERE b.at >= :start AND b.at < :end{where.filters()} GROUP BY 1, 2")


async def _rows(store: Store, sql: str, where: Where) -> list[tuple[object, ...]]:
    async with store.read() as conn:
        return [tuple(r) for r in (await conn.execute(text(sql), where.params())).all()]


async def intake(store: Store, where: Where, by: str) -> list[tuple[object, int]]:
    """Cases received in the period by ``by`` (channel, nature, street, urgency, unit,
    day, hour, top_category), most first."""
    return [(k, int(n)) for k, n in await _rows(store, _Interim.intake(by, where), where)]


async def by_unit(store: Store, where: Where) -> list[UnitFigures]:
    """Received, on time and overdue per responsible unit (on-time by the units' clocks)."""
    return [UnitFigures(u, int(r), int(t), int(o))  # type: ignore[arg-type, call-overload]
            for u, r, t, o in await _rows(store, _Interim.by_unit(where), where)]


async def load(store: Store, where: Where) -> tuple[int, int]:
    """Cases open at ``where.at`` and how many of them are overdue on the unit's clock."""
    (open_, overdue), = await _rows(store, _Interim.load(where), where)
    return int(open_), int(overdue)  # type: ignore[call-overload]


async def overdue_open_by_unit(store: Store, where: Where) -> dict[int | None, int]:
    return {u: int(n)  # type: ignore[misc, call-overload]
            for u, n in await _rows(store, _Interim.overdue_open_by_unit(where), where)}


async def escalations(store: Store, where: Where) -> dict[tuple[int | None, str], int]:
    """Orders issued in the period per (unit, ladder level)."""
    return {(u, str(lv)): int(n)  # type: ignore[misc, call-overload]
            for u, lv, n in await _rows(store, _Interim.escalations(where), where)}


@dataclass(frozen=True)
class Satisfaction:
    by_level: dict[int, int]  # 5 (very satisfied) … 1
    unreachable: int
    calls: int

    @property
    def reached(self) -> int:
        return self.calls - self.unreachable

    @property
    def satisfied_rate(self) -> float | None:
        """Satisfied (4 or 5) of the callbacks that reached the caller with a level."""
        rated = sum(self.by_level.values())
        return (self.by_level.get(5, 0) + self.by_level.get(4, 0)) / rated if rated else None

    @property
    def unreachable_share(self) -> float | None:
        return self.unreachable / self.calls if self.calls else None


async def satisfaction(store: Store, where: Where) -> Satisfaction:
    levels: dict[int, int] = {}
    unreachable = calls = 0
    for result, level, n in await _rows(store, _Interim.satisfaction(where), where):
        calls += int(n)  # type: ignore[call-overload]
        if result == "unreachable":
            unreachable += int(n)  # type: ignore[call-overload]
        elif level is not None:
            levels[int(level)] = levels.get(int(level), 0) + int(n)  # type: ignore[call-overload]
    return Satisfaction(levels, unreachable, calls)


async def rates(store: Store, where: Where) -> ThreeRates:
    return await three_rates(store, where.start, where.end)
