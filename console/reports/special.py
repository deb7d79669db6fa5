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
    units_on_time,
)
from console.reports.model import AreaMap, Chart, Column, Kind, Report, Section, Series, Table
from console.reports.monthly import figures_of, trend
from console.reports.periods import Period

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
    where = ctx.where(period, category_id=category_id, street_code=street_code)
    by_channel, channels = await intake_table(ctx, where, "channel", "按受理渠道", "受理渠道")
    by_nature, _n = await intake_table(ctx, where, "nature", "按诉求性质", "诉求性质")
    units_table, _u = await units_on_time(ctx, where)
    areas = await area_figures(ctx.store, Level.COMMUNITY, where.start, where.end,
                               category_id, at=where.at)
    if street_code is not None:
        areas = {k: v for k, v in areas.items()
                 if getattr(ctx.catalog.communities.get(k), "street_code", None) == street_code}
    area_rows = sorted(areas.values(), key=lambda f: (-f.cases, f.code))
    area_table = Table("按社区", (Column("社区"), Column("案件", COUNT), Column("超期", COUNT),
                                 Column("按期办结率", RATE)),
                       [(ctx.area("community", f.code), f.cases, f.overdue, f.on_time_rate)
                        for f in area_rows])
    return Report(Kind.SPECIAL, period, local(ctx.now) or ctx.now, (
        Section("一、总体情况", (await figures_of(ctx, where, "主要指标"),
                               await _over_time(ctx, period, where)), sheet="总体情况"),
        Section("二、受理构成", (by_channel, channel_chart("各渠道受理件数", channels),
                               by_nature, await _children(ctx, where, category_id)),
                sheet="受理构成"),
        Section("三、区域分布", (AreaMap("案件分布（按社区）", "community",
                                         {f.code: f.cases for f in area_rows},
                                         {f.code: ctx.area("community", f.code)
                                          for f in area_rows}), area_table),
                sheet="区域分布"),
        Section("四、承办单位", (units_table,), sheet="承办单位"),
    ), subject=subject(ctx, category_id, street_code))


async def _over_time(ctx: Context, period: Period, where: sources.Where) -> Chart:
    if len(period.days) > DAILY_UP_TO:
        _table, chart = await trend(ctx, period)
        return chart
    counts = dict(await sources.intake(ctx.store, where, "day"))
    days = [d.isoformat() for d in period.days]
    return Chart("每日受理件数", "line", [d[5:] for d in days],
                 (Series("受理", [float(counts.get(d, 0)) for d in days], "#1f77b4"),))


async def _children(ctx: Context, where: sources.Where, category_id: int | None) -> Table:
    """Intake by the chosen category's children (by top categories when none is chosen)."""
    rows = await sources.intake(ctx.store, where, "category")
    below = {c.id: c for c in ctx.catalog.children(category_id)}
    counts: dict[int, int] = {}
    for leaf_id, n in rows:
        top = _ancestor_in(ctx, int(leaf_id), below)  # type: ignore[call-overload]
        if top is not None:
            counts[top] = counts.get(top, 0) + n
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], below[kv[0]].code))
    return Table("按下级类别", (Column("类别"), Column("件数", COUNT), Column("占比", RATE)),
                 [(below[k].name, n, n / total if total else None) for k, n in ranked],
                 empty="所选类别无下级类别" if not below else "无")


def _ancestor_in(ctx: Context, category_id: int, wanted: dict[int, object]) -> int | None:
    current: int | None = category_id
    while current is not None and current not in wanted:
        current = ctx.catalog.categories[current].parent_id if current in \
            ctx.catalog.categories else None
    return current
