"""What the map's heat layer shows: figures by area (console/geo/area_stats.py) for a
level, a measure, a period and a category subtree, put into the classes of a colour
scale, and the hotspots. Plain Python: the pane draws what this decides.

- **Measures**: the cases of the period, how many of them are overdue, the on-time
  rate (area_stats's definitions, unchanged).
- **Periods** are days of the centre's calendar (Asia/Shanghai): today, this week
  (from Monday), this month, or a range of whole days, each as [start, end).
- **Scales**: counts take a sequential scale whose classes are the quintiles of the
  areas' values (whole numbers, so a class says exactly which counts it holds);
  overdue counts have a class of their own for 0. The on-time rate takes a
  diverging scale with fixed breaks, so a colour means the same rate whatever
  the period. An area with no case in the period is in no class (``NO_CASES``),
  never "0"; for the rate, an area whose cases are none of them judged yet is
  ``NOT_JUDGED``, and one with fewer than ``MIN_FOR_RATE`` judged is ``TOO_FEW``
  (one late case of two is 50%, the deepest red: a rate from so few says nothing,
  so it takes no colour of the scale).
- **Hotspots** are area_stats's: the most cases first, ties by code.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.geo.area_stats import AreaFigures, area_figures
from console.geo.boundaries import Level
from console.mapview.heat_scale import (
    MIN_FOR_RATE,
    NOT_JUDGED,
    TOO_FEW,
    Measure,
    Scale,
    count_scale,
    rate_scale,
)

HOTSPOTS = 10


class Period(enum.StrEnum):
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"


@dataclass(frozen=True)
class HeatQuery:
    level: Level = Level.COMMUNITY
    measure: Measure = Measure.CASES
    period: Period = Period.MONTH
    first_day: dt.date | None = None  # a range's first and last day (both counted)
    last_day: dt.date | None = None
    category_id: int | None = None  # the category and its subtree; None: all


def period_bounds(query: HeatQuery, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The period as [start, end), midnights of the centre's days."""
    today = now.astimezone(CENTRE_TZ).date()
    if query.period is Period.TODAY:
        first, after = today, today + dt.timedelta(days=1)
    elif query.period is Period.WEEK:
        first = today - dt.timedelta(days=today.weekday())
        after = first + dt.timedelta(days=7)
    elif query.period is Period.MONTH:
        first = today.replace(day=1)
        after = (first + dt.timedelta(days=32)).replace(day=1)
    else:
        if query.first_day is None or query.last_day is None:
            raise ValueError("a range needs its first and last day")
        if query.last_day < query.first_day:
            raise ValueError("a range must not end before it begins")
        first, after = query.first_day, query.last_day + dt.timedelta(days=1)
    return _midnight(first), _midnight(after)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CENTRE_TZ)


def value_of(figures: AreaFigures | None, measure: Measure) -> float:
    """The measure of an area (NaN: no cases; the rate also when none is judged)."""
    if figures is None:
        return math.nan
    if measure is Measure.CASES:
        return float(figures.cases)
    if measure is Measure.OVERDUE:
        return float(figures.overdue)
    rate = figures.on_time_rate
    return math.nan if rate is None else rate


# ---- one reading -------------------------------------------------------------------------------
@dataclass(frozen=True)
class HeatRead:
    """The figures of every area with a case in the period, and what they make."""

    query: HeatQuery
    start: dt.datetime
    end: dt.datetime
    figures: Mapping[str, AreaFigures]

    def scale(self) -> Scale:
        if self.query.measure is Measure.ON_TIME_RATE:
            return rate_scale()
        values = [int(value_of(f, self.query.measure)) for f in self.figures.values()]
        return count_scale(self.query.measure, values)

    def classes(self, codes: Sequence[str], scale: Scale | None = None
                ) -> npt.NDArray[np.intp]:
        """The class of each area named (``NO_CASES``, ``NOT_JUDGED``, ``TOO_FEW``
        or a step)."""
        scale = scale or self.scale()
        found = [self.figures.get(code) for code in codes]
        out = scale.classes([value_of(f, self.query.measure) for f in found])
        if self.query.measure is Measure.ON_TIME_RATE:
            judged = np.array([-1 if f is None else f.judged for f in found], dtype=np.int64)
            out[judged == 0] = NOT_JUDGED
            out[(judged > 0) & (judged < MIN_FOR_RATE)] = TOO_FEW
        return out

    def hotspots(self, limit: int = HOTSPOTS) -> list[AreaFigures]:
        """The areas with the most cases, ties by code (area_stats.hotspots's order)."""
        return sorted(self.figures.values(), key=lambda f: (-f.cases, f.code))[:limit]


async def read_heat(store: Store, query: HeatQuery, now: dt.datetime) -> HeatRead:
    """One grouped query for the query's level, period and category."""
    start, end = period_bounds(query, now)
    figures = await area_figures(store, query.level, start, end, query.category_id)
    return HeatRead(query, start, end, figures)
