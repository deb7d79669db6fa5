"""专题分析: a category's subtree or a street over a period: the figures, the trend by
day (by week over long periods), intake by channel and nature, by sub-category, by
community (with the map), and the units' on-time."""

from __future__ import annotations

from console.geo.area_stats import area_figures
from console.geo.boundaries import Level
from console.reports import sources
from console.reports.common import (
    COUNT,
    RATE,
    Context,
    channel_chart,
    intake_table,
    local,
    main_figures,
    units_on_time,
)
from console.reports.model import AreaMap, Chart, Column, Kind, Report, Section, Series, Table
from console.reports.monthly import trend
from console.reports.periods import Period
from console.reports.sources import By, Scope

DAILY_UP_TO = 45  # days; longer periods are drawn by week


def subject(ctx: Context, category_id: int | None, street_code: str | None) -> str:
    parts = []
    if category_id is not None:
        parts.append(ctx.category(category_id))
    if street_code is not None:
        parts.append(ctx.street(street_code))
    return "·".join(parts) or "全区"


async def build(ctx: Context, period: Period, category_id: int | None = None,
                street_code: str | None = None) -> Report:
    if category_id is not None and category_id not in ctx.catalog.categories:
        raise ValueError(f"no category {category_id}")
    if street_code is not None and street_code not in ctx.catalog.streets:
        raise ValueError(f"no street {street_code}")
    scope = ctx.scope(period, category_id, street_code)
    by_channel, channels = await intake_table(ctx, scope, By.CHANNEL, "按受理渠道", "受理渠道")
    by_nature, _n = await intake_table(ctx, scope, By.NATURE, "按诉求性质", "诉求性质")
    units_table, _u = await units_on_time(ctx, scope)
    areas = await area_figures(ctx.store, Level.COMMUNITY, scope.start, scope.end,
                               category_id)
    if street_code is not None:
        areas = {k: v for k, v in areas.items()
                 if getattr(ctx.catalog.communities.get(k), "street_code", None) == street_code}
    area_rows = sorted(areas.values(), key=lambda f: (-f.cases, f.code))
    area_table = Table("按社区", (Column("社区"), Column("案件", COUNT), Column("超期", COUNT),
                                 Column("按期办结率", RATE)),
                       [(ctx.area("community", f.code), f.cases, f.overdue, f.on_time_rate)
                        for f in area_rows])
    return Report(Kind.SPECIAL, period, local(ctx.now) or ctx.now, (
        Section("一、总体情况", (await main_figures(ctx, scope, "主要指标"),
                               await _over_time(ctx, period, scope)), sheet="总体情况"),
        Section("二、受理构成", (by_channel, channel_chart("各渠道受理件数", channels),
                               by_nature, await _children(ctx, scope, category_id)),
                sheet="受理构成"),
        Section("三、区域分布", (AreaMap("案件分布（按社区）", "community",
                                         {f.code: f.cases for f in area_rows},
                                         {f.code: ctx.area("community", f.code)
                                          for f in area_rows}), area_table),
                sheet="区域分布"),
        Section("四、承办单位", (units_table,), sheet="承办单位"),
    ), subject=subject(ctx, category_id, street_code))


async def _over_time(ctx: Context, period: Period, scope: Scope) -> Chart:
    if len(period.days) > DAILY_UP_TO:
        _table, chart = await trend(ctx, period, scope)
        return chart
    counts = {k: n for k, _name, n in await sources.counts(ctx.store, scope, By.DAY)}
    days = [d.isoformat() for d in period.days]
    return Chart("每日受理件数", "line", [d[5:] for d in days],
                 (Series("受理", [float(counts.get(d, 0)) for d in days], "#1f77b4"),))


async def _children(ctx: Context, scope: Scope, category_id: int | None) -> Table:
    """Intake by the chosen category's children (by top categories when none is chosen):
    the intake by the category level below the chosen one."""
    level = ctx.catalog.categories[category_id].level if category_id is not None else 0
    if level >= 3:
        return Table("按下级类别", (Column("类别"), Column("件数", COUNT)), [],
                     empty="所选类别无下级类别")
    by = (By.CATEGORY_1, By.CATEGORY_2, By.CATEGORY_3)[level]
    rows = await sources.counts(ctx.store, scope, by)
    total = sum(n for _k, _nm, n in rows)
    return Table("按下级类别", (Column("类别"), Column("件数", COUNT), Column("占比", RATE)),
                 [(name or ctx.category(key), n, n / total if total else None)
                  for key, name, n in rows])
