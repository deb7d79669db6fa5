"""What the statistics pane shows for a choice of period and filters: today's tiles,
the intake over time by channel, and three ranked lists (categories of level 1 by
intake, units by overdue, streets by intake), each an indicator of this package
(docs/INDICATORS.md). Plain Python: the pane draws what this reads.

The view is read in one statement (``view_sql``): each figure's own query, as its
indicator defines it, is a subquery whose rows come back gathered as one JSON array,
in the query's order. One round trip and one snapshot instead of ten: the figures
are the same, and the seat waits for the server once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text

from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.mapview.heat import Period
from console.notices.rates import rates_of, rates_sql
from console.stats.callbacks import satisfaction_of, satisfaction_sql
from console.stats.dimensions import By
from console.stats.figures import Count, gathered, whole
from console.stats.intake import Point, counts, intake_sql, open_sql, points, series_sql
from console.stats.outcomes import judged, late, on_time_sql, overdue_now_sql, overdue_sql
from console.stats.scope import Scope, period_scope
from console.stats.tiles import Tiles

RANKED = 10  # bars in a ranked list
# The ten queries in one statement cost enough together for the server to compile
# them (JIT): over a week of a million cases 1.2 s of compiling for 0.6 s of counting.
# Each alone is planned as before; the statement's transaction goes without it.
NO_JIT = "SET LOCAL jit = off"


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


def view_queries(scope: Scope) -> dict[str, str]:
    """The view's figures, each its indicator's own query (``scope.params()`` for all)."""
    return {
        "intake": intake_sql(scope, By.ALL),
        "open": open_sql(scope),
        "overdue_now": overdue_now_sql(scope, By.ALL),
        "on_time": on_time_sql(scope, By.ALL),
        "rates": rates_sql(scope.filters()),
        "satisfaction": satisfaction_sql(scope),
        "series": series_sql(scope, is_hourly(scope)),
        "categories": intake_sql(scope, By.CATEGORY_1),
        "units": overdue_sql(scope, By.UNIT),
        "streets": intake_sql(scope, By.STREET),
    }


def view_sql(scope: Scope) -> str:
    """Every query of the view in one statement: a column each, its rows gathered as a
    JSON array in the order its query gives them (the aggregate reads its subquery's
    sorted rows in turn; nothing lies between them to reorder them)."""
    return "SELECT " + ",\n".join(
        f"(SELECT coalesce(json_agg(t), '[]') FROM (\n{sql}\n) t) AS {name}"
        for name, sql in view_queries(scope).items())


async def read_view(store: Store, query: StatsQuery, now: dt.datetime) -> StatsView:
    """Every figure of the view in one statement (one round trip, one snapshot)."""
    scope = query.scope(now)
    async with store.read() as conn:
        await conn.execute(text(NO_JIT))
        row = (await conn.execute(text(view_sql(scope)), scope.params())).one()
    found = {name: gathered(value) for name, value in row._mapping.items()}
    received = counts(found["intake"])
    late_now = counts(found["overdue_now"])
    shown = Tiles(received[0].value if received else 0, int(found["open"][0].n),
                  late_now[0].value if late_now else 0, whole(judged(found["on_time"])),
                  rates_of(found["rates"][0], scope.start, scope.end),
                  satisfaction_of(found["satisfaction"][0]))
    categories = counts(found["categories"])[:RANKED]
    units = [u for u in late(found["units"]) if u.key][:RANKED]
    streets = [s for s in counts(found["streets"]) if s.key][:RANKED]
    return StatsView(query, scope, shown, is_hourly(scope), points(found["series"]),
                     categories, units, streets)
