"""What the statistics pane shows for a choice of period and filters: today's tiles,
the intake over time by channel, and three ranked lists (categories of level 1 by
intake, units by overdue, streets by intake), each an indicator of this package,
read in turn (docs/INDICATORS.md). Plain Python: the pane draws what this reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from console.core.clock import CENTRE_TZ
from console.core.store import OneRead, Store
from console.mapview.heat import Period
from console.stats.dimensions import By
from console.stats.figures import Count
from console.stats.intake import Point, intake, intake_series
from console.stats.outcomes import overdue
from console.stats.scope import Scope, period_scope
from console.stats.tiles import Tiles, tiles

RANKED = 10  # bars in a ranked list


@dataclass(frozen=True)
class StatsQuery:
    period: Period = Period.TODAY
    first_day: dt.date | None = None  # a range's first and last day (both counted)
    last_day: dt.date | None = None
    street_code: str | None = None
    category_id: int | None = None  # the category and its subtree
    channel: str | None = None
    unit_id: int | None = None

    def scope(self, now: dt.datetime) -> Scope:
        return period_scope(self.period, now, self.first_day, self.last_day,
                            street_code=self.street_code, category_id=self.category_id,
                            channel=self.channel, unit_id=self.unit_id)


@dataclass(frozen=True)
class StatsView:
    query: StatsQuery
    scope: Scope
    tiles: Tiles
    hourly: bool              # the series is per hour (a one-day period), else per day
    series: list[Point]
    categories: list[Count]   # level-1 categories by intake, most first
    units: list[Count]        # units by overdue, most first
    streets: list[Count]      # streets by intake, most first

    @property
    def buckets(self) -> list[dt.datetime]:
        """Every bucket of the period, empty ones too, in order (the chart's x)."""
        step = dt.timedelta(hours=1) if self.hourly else dt.timedelta(days=1)
        at = self.scope.start.astimezone(CENTRE_TZ)
        out = []
        while at < self.scope.end:
            out.append(at)
            at = (at + step) if self.hourly else dt.datetime.combine(
                at.date() + step, dt.time(), CENTRE_TZ)
        return out


def is_hourly(scope: Scope) -> bool:
    return scope.end - scope.start <= dt.timedelta(days=1, hours=1)


async def read_view(store: Store, query: StatsQuery, now: dt.datetime) -> StatsView:
    """Every figure of the view in one transaction on one connection (one snapshot)."""
    scope = query.scope(now)
    hourly = is_hourly(scope)
    async with store.read() as conn:
        one = OneRead(conn)
        shown = await tiles(one, scope)
        series = await intake_series(one, scope, hourly=hourly)
        categories = (await intake(one, scope, By.CATEGORY_1))[:RANKED]
        units = [u for u in await overdue(one, scope, By.UNIT) if u.key][:RANKED]
        streets = [s for s in await intake(one, scope, By.STREET) if s.key][:RANKED]
    return StatsView(query, scope, shown, hourly, series, categories, units, streets)
