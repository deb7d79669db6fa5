"""值班周报, the leaders' briefing (区主要领导办公会每周通报): overdue and escalated cases
by unit with their ladder level, the cases at supervision or inspection, the week's
hotspots (with the map of the week's cases by community), disputes waiting for the
district leader's coordination, and on-time by unit."""

from __future__ import annotations

from sqlalchemy import text

from console.casework import dispute_briefing
from console.geo.area_stats import area_figures, hotspots
from console.geo.boundaries import Level
from console.reports import sources, words
from console.reports.common import (
    COUNT,
    RATE,
    Context,
    local,
    main_figures,
    overdue_and_escalated,
    units_on_time,
)
from console.reports.model import (
    AreaMap,
    Chart,
    Column,
    Format,
    Kind,
    Report,
    Section,
    Series,
    Table,
)
from console.reports.periods import Period
from console.reports.sources import Scope

CODE_COLUMN = Column("编号", Format.CODE)

TOP_LEVEL = """
SELECT c.public_no, c.assigned_unit_id, c.category_id, c.created_at, c.unit_due_at, c.status,
       top.level, top.issued_at
FROM (SELECT DISTINCT ON (o.case_id) o.case_id, o.level, o.issued_at
      FROM public.escalation_order o
      WHERE o.level IN ('supervision', 'inspection') AND o.issued_at < :end
      ORDER BY o.case_id, (o.level = 'inspection') DESC, o.issued_at DESC) top
JOIN public."case" c ON c.id = top.case_id
WHERE c.status NOT IN ('merged', 'invalid')
  AND (c.status IN ('new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed',
                    'referred') OR top.issued_at >= :start)
ORDER BY (top.level = 'inspection') DESC, top.issued_at
LIMIT 500"""
HOTSPOTS = 10
PDF_ROWS = 80


async def build(ctx: Context, period: Period) -> Report:
    scope = ctx.scope(period)
    units_table, _units = await units_on_time(ctx, scope)
    summary = await main_figures(ctx, scope, "本周概况")
    ladder = await overdue_and_escalated(ctx, scope)
    sections = (
        Section("一、超期及督办案件", (summary, ladder, await _supervised(ctx, period)),
                sheet="超期及督办"),
        await _hotspots(ctx, scope),
        await _disputes(ctx),
        Section("四、各单位按期办结", (units_table, _worst_chart(units_table)),
                sheet="按期办结"),
    )
    return Report(Kind.WEEKLY, period, local(ctx.now) or ctx.now, sections)


async def _supervised(ctx: Context, period: Period) -> Table:
    async with ctx.store.read() as conn:
        rows = (await conn.execute(text(TOP_LEVEL), {"start": period.start,
                                                     "end": period.end})).all()
    return Table("督办、效能监察案件", (
        CODE_COLUMN, Column("承办单位"), Column("事项"), Column("受理时间", Format.TIME),
        Column("单位时限", Format.TIME), Column("状态"), Column("最高级别"),
        Column("发出时间", Format.TIME)),
        [(r.public_no, ctx.unit(r.assigned_unit_id), ctx.category(r.category_id),
          local(r.created_at), local(r.unit_due_at), words.word(words.STATUSES, r.status),
          sources.LEVEL_WORDS[r.level], local(r.issued_at)) for r in rows],
        note="本周内发出督办或效能监察的案件，及此前督办、至今仍未办结的案件（效能监察在前，"
             "再按发出时间）。", pdf_rows=PDF_ROWS)


async def _hotspots(ctx: Context, scope: Scope) -> Section:
    blocks: list[object] = []
    for level, name in ((Level.STREET, "街道"), (Level.COMMUNITY, "社区")):
        hot = await hotspots(ctx.store, level, scope.start, scope.end, scope.category_id,
                             limit=HOTSPOTS)
        blocks.append(Table(f"热点{name}（案件最多的前 {HOTSPOTS} 个）", (
            Column("排名"), Column(name), Column("案件", COUNT), Column("超期", COUNT),
            Column("按期办结率", RATE)),
            [(i + 1, ctx.area(level.value, h.code), h.cases, h.overdue, h.on_time_rate)
             for i, h in enumerate(hot)]))
    figures = await area_figures(ctx.store, Level.COMMUNITY, scope.start, scope.end,
                                 scope.category_id)
    blocks.insert(1, AreaMap("本周案件分布（按社区）", Level.COMMUNITY.value,
                             {code: f.cases for code, f in figures.items()},
                             {code: ctx.area("community", code) for code in figures}))
    return Section("二、热点区域", tuple(blocks), sheet="热点区域")  # type: ignore[arg-type]


async def _disputes(ctx: Context) -> Section:
    """Waiting as the report is made, whatever its period (docs/INDICATORS.md)."""
    waiting = await dispute_briefing.unsettled(ctx.store, ctx.catalog.calendar, now=ctx.now)
    rows = [(d.public_no, words.word(words.STATUSES, d.status), ctx.unit(d.unit_id),
             local(d.disputed_at), d.working_days, d.reason, local(d.referred_at),
             d.referral_note) for d in waiting]
    return Section("三、待协调争议", (Table("待区领导协调的争议案件", (
        CODE_COLUMN, Column("状态"), Column("首问单位"), Column("争议时间", Format.TIME),
        Column("已过工作日", COUNT), Column("争议理由"), Column("提请协调时间", Format.TIME),
        Column("提请说明")), rows,
        note="制表时仍未裁定、且已超过规则所定工作日数的争议（首问负责制：首问单位继续办理）。",
        empty="无待协调争议"),), sheet="待协调争议")


def _worst_chart(table: Table) -> Chart:
    rows = [r for r in table.rows if r[5] is not None][:15]
    return Chart("按期办结率最低的单位", "hbar", [str(r[1]) for r in rows],
                 (Series("按期办结率", [float(r[5]) for r in rows]),),  # type: ignore[arg-type]
                 Format.RATE)
