"""Figures by area for the map's choropleth and its hotspots: per grid cell,
community or street, the cases of a period (and a category's subtree), how many
of them are overdue, and the on-time rate. One grouped query on the server.

Definitions (docs/ARCHITECTURE.md, "Figures by area"):

- **cases**: cases received in the period (``created_at`` in [start, end)), not
  merged into another case and not invalid, whose area is known.
- **on time**: the responsible unit first resolved it by the unit's deadline
  (``first_resolved_at <= unit_due_at``); an imported case by its source's verdict
  (``imported_on_time``).
- **overdue**: a unit's clock ran and the unit missed it: first resolved after
  ``unit_due_at``, or not resolved and ``unit_due_at`` passed (before a pause, if
  the clock stands still, else before ``at``, the server's now by default); an
  imported case when its source says it was late.
- **on-time rate**: on time / (on time + overdue); cases whose unit clock still
  runs, or that never reached a unit (answered on the spot, back at the centre),
  are not judged yet and count in neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from console.core.store import Store
from console.geo.boundaries import Level

AREA_COLUMN = {Level.CELL: "grid_code", Level.COMMUNITY: "community_code",
               Level.STREET: "street_code"}
COUNTED = """c.created_at >= :start AND c.created_at < :end
      AND c.status NOT IN ('merged', 'invalid') AND c.{column} IS NOT NULL"""
SUBTREE = """
      AND c.category_id IN (
          WITH RECURSIVE subtree AS (
              SELECT id FROM public.category WHERE id = :category
              UNION ALL
              SELECT k.id FROM public.category k JOIN subtree t ON k.parent_id = t.id)
          SELECT id FROM subtree)"""
# The one definition of on time and overdue (docs/INDICATORS.md; console/stats uses it):
# an imported case by the verdict its source gave, any other by the unit's own clock.
ON_TIME = """CASE WHEN c.imported_from IS NOT NULL THEN c.imported_on_time
          ELSE c.first_resolved_at <= c.unit_due_at END"""
OVERDUE = """CASE WHEN c.imported_from IS NOT NULL THEN NOT c.imported_on_time
          ELSE c.first_resolved_at > c.unit_due_at
          OR (c.first_resolved_at IS NULL
              AND c.unit_due_at < coalesce(c.paused_at, CAST(:at AS timestamptz), now())) END"""
FIGURES = """
SELECT c.{column} AS code, count(*) AS cases,
       count(*) FILTER (WHERE {overdue}) AS overdue,
       count(*) FILTER (WHERE {on_time}) AS on_time
FROM public."case" c
WHERE {counted}{subtree}
GROUP BY c.{column}
{order}"""


class Judged:
    """Figures that count cases on time and overdue (a dataclass's fields)."""

    on_time: int
    overdue: int

    @property
    def judged(self) -> int:
        """Cases whose outcome is known: on time or overdue."""
        return self.on_time + self.overdue

    @property
    def on_time_rate(self) -> float | None:
        """on time / judged, or None when none is judged yet."""
        return self.on_time / self.judged if self.judged else None


@dataclass(frozen=True)
class AreaFigures(Judged):
    code: str
    cases: int
    overdue: int
    on_time: int


def figures_sql(level: Level, *, category: bool, order: str = "") -> str:
    """The one grouped query (also run by the benchmark through plain psycopg)."""
    column = AREA_COLUMN[level]
    return FIGURES.format(column=column, overdue=OVERDUE, on_time=ON_TIME,
                          counted=COUNTED.format(column=column),
                          subtree=SUBTREE if category else "", order=order)


def _params(start: dt.datetime, end: dt.datetime, category_id: int | None,
            at: dt.datetime | None) -> dict[str, object]:
    if start.tzinfo is None or end.tzinfo is None or (at is not None and at.tzinfo is None):
        raise ValueError("the period's bounds must be timezone-aware")
    return {"start": start, "end": end, "category": category_id, "at": at}


async def area_figures(store: Store, level: Level, start: dt.datetime, end: dt.datetime,
                       category_id: int | None = None, *, at: dt.datetime | None = None
                       ) -> dict[str, AreaFigures]:
    """Figures of every area of ``level`` that had a case in [start, end), by code
    (an area with none is absent: zero cases), for a category and its subtree."""
    sql = figures_sql(level, category=category_id is not None)
    async with store.read() as conn:
        rows = (await conn.execute(text(sql), _params(start, end, category_id, at))).all()
    return {r.code: AreaFigures(r.code, r.cases, r.overdue, r.on_time) for r in rows}


async def hotspots(store: Store, level: Level, start: dt.datetime, end: dt.datetime,
                   category_id: int | None = None, *, limit: int = 10,
                   at: dt.datetime | None = None) -> list[AreaFigures]:
    """The areas with the most cases in the period (ties by code), most first."""
    sql = figures_sql(level, category=category_id is not None,
                      order=f"ORDER BY cases DESC, code LIMIT {int(limit)}")
    async with store.read() as conn:
        rows = (await conn.execute(text(sql), _params(start, end, category_id, at))).all()
    return [AreaFigures(r.code, r.cases, r.overdue, r.on_time) for r in rows]
