"""值班月报: the month's figures (intake, open and overdue, on-time and closure rates, the
three rates, satisfaction, verification, time to resolve), the trend by week, intake
by channel, category and street, satisfaction by level, and the units ranked."""

from __future__ import annotations

from console.reports import sources, words
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
from console.reports.model import Chart, Column, Kind, Report, Section, Series, Table
from console.reports.periods import Period, weeks_within
from console.reports.sources import By, Scope


async def trend(ctx: Context, period: Period, scope: Scope) -> tuple[Table, Chart]:
    """The period week by week (each week cut to the period), with the scope's filters."""
    rows = []
    for part in weeks_within(period):
        week = ctx.scope(part, scope.category_id, scope.street_code)
        on_time = await sources.on_time(ctx.store, week)
        _year, number, _ = part.first_day.isocalendar()
        rows.append((f"第{number}周（{part.first_day:%m-%d}至{part.last_day:%m-%d}）",
                     await sources.received(ctx.store, week), on_time.done,
                     on_time.of - on_time.done, on_time.share))
    table = Table("按周走势", (Column("周"), Column("受理", COUNT), Column("按期办结", COUNT),
                               Column("超期", COUNT), Column("按期办结率", RATE)), rows)
    chart = Chart("每周受理件数", "bar", [str(r[0]).split("（")[0] for r in rows],
                  (Series("受理", [float(r[1]) for r in rows], "#1f77b4"),))
    return table, chart


def satisfaction_table(sat: sources.Satisfaction) -> Table:
    rows = [(words.SATISFACTION[lv], sat.levels.get(lv, 0),
             sat.levels.get(lv, 0) / sat.called if sat.called else None)
            for lv in (5, 4, 3, 2, 1)]
    rows += [("未接通", sat.unreachable, sat.unreachable_share.share),
             ("合计", sat.called, 1.0 if sat.called else None)]
    return Table("回访满意度（每件以本期最后一次回访计）",
                 (Column("结果"), Column("件数", COUNT), Column("占比", RATE)), rows)


async def build(ctx: Context, period: Period) -> Report:
    scope = ctx.scope(period)
    by_channel, channels = await intake_table(ctx, scope, By.CHANNEL, "按受理渠道", "受理渠道")
    by_category, _c = await intake_table(ctx, scope, By.CATEGORY_1, "按一级类别", "类别")
    by_street, _s = await intake_table(ctx, scope, By.STREET, "按街道", "街道")
    trend_table, trend_chart = await trend(ctx, period, scope)
    units_table, _u = await units_on_time(ctx, scope)
    sat = await sources.satisfaction(ctx.store, scope)
    return Report(Kind.MONTHLY, period, local(ctx.now) or ctx.now, (
        Section("一、本月主要指标", (await main_figures(ctx, scope, "本月主要指标"),
                                   satisfaction_table(sat)), sheet="主要指标"),
        Section("二、按周走势", (trend_table, trend_chart), sheet="按周走势"),
        Section("三、受理构成", (by_channel, channel_chart("各渠道受理件数", channels),
                               by_category, by_street), sheet="受理构成"),
        Section("四、承办单位排名", (units_table,), sheet="单位排名"),
    ))
