"""值班月报: the month's figures (intake, open and overdue, on-time, the three rates,
satisfaction), the trend by week, intake by channel and category, units ranked."""

from __future__ import annotations

from console.reports import sources, words
from console.reports.common import (
    COUNT,
    RATE,
    Context,
    channel_chart,
    intake_table,
    local,
    units_on_time,
)
from console.reports.model import (
    Chart,
    Column,
    Figure,
    Figures,
    Format,
    Kind,
    Report,
    Section,
    Series,
    Table,
)
from console.reports.periods import Period, weeks_within
from console.reports.sources import Where


async def figures_of(ctx: Context, where: Where, title: str) -> Figures:
    _t, channels = await intake_table(ctx, where, "channel", "", "")
    open_, overdue = await sources.load(ctx.store, where)
    units = await sources.by_unit(ctx.store, where)
    judged = sum(u.judged for u in units)
    rates = await sources.rates(ctx.store, where)
    sat = await sources.satisfaction(ctx.store, where)
    return Figures(title, (
        Figure("受理", sum(n for _k, n in channels)), Figure("期末在办", open_),
        Figure("其中超期", overdue),
        Figure("按期办结率", sum(u.on_time for u in units) / judged if judged else None,
               Format.RATE),
        Figure("受理告知率", rates.acceptance_notice.share, Format.RATE),
        Figure("办理反馈率", rates.result_feedback.share, Format.RATE),
        Figure("回访率", rates.callback.share, Format.RATE),
        Figure("满意率", sat.satisfied_rate, Format.RATE),
        Figure("回访未接通占比", sat.unreachable_share, Format.RATE)))


async def trend(ctx: Context, period: Period) -> tuple[Table, Chart]:
    rows = []
    for part in weeks_within(period):
        where = ctx.where(part)
        received = sum(n for _k, n in await sources.intake(ctx.store, where, "channel"))
        units = await sources.by_unit(ctx.store, where)
        on_time, overdue = sum(u.on_time for u in units), sum(u.overdue for u in units)
        year, week, _ = part.first_day.isocalendar()
        rows.append((f"第{week}周（{part.first_day:%m-%d}至{part.last_day:%m-%d}）", received,
                     on_time, overdue, on_time / (on_time + overdue) if on_time + overdue
                     else None))
    table = Table("按周走势", (Column("周"), Column("受理", COUNT), Column("按期办结", COUNT),
                               Column("超期", COUNT), Column("按期办结率", RATE)), rows)
    chart = Chart("每周受理件数", "bar", [str(r[0]).split("（")[0] for r in rows],
                  (Series("受理", [float(r[1]) for r in rows], "#1f77b4"),))  # type: ignore
    return table, chart


async def build(ctx: Context, period: Period) -> Report:
    where = ctx.where(period)
    by_channel, channels = await intake_table(ctx, where, "channel", "按受理渠道", "受理渠道")
    by_category, _c = await intake_table(ctx, where, "top_category", "按一级类别", "类别")
    by_street, _s = await intake_table(ctx, where, "street", "按街道", "街道")
    trend_table, trend_chart = await trend(ctx, period)
    units_table, _u = await units_on_time(ctx, where)
    sat = await sources.satisfaction(ctx.store, where)
    satisfaction = Table("回访满意度", (Column("结果"), Column("件数", COUNT),
                                       Column("占比", RATE)),
                         [(words.SATISFACTION[lv], sat.by_level.get(lv, 0),
                           sat.by_level.get(lv, 0) / sat.calls if sat.calls else None)
                          for lv in (5, 4, 3, 2, 1)]
                         + [("未接通", sat.unreachable, sat.unreachable_share),
                            ("合计", sat.calls, 1.0 if sat.calls else None)])
    return Report(Kind.MONTHLY, period, local(ctx.now) or ctx.now, (
        Section("一、本月主要指标", (await figures_of(ctx, where, "本月主要指标"),
                                   satisfaction), sheet="主要指标"),
        Section("二、按周走势", (trend_table, trend_chart), sheet="按周走势"),
        Section("三、受理构成", (by_channel, channel_chart("各渠道受理件数", channels),
                               by_category, by_street), sheet="受理构成"),
        Section("四、承办单位排名", (units_table,), sheet="单位排名"),
    ))
