"""值班日报: the day's intake by channel and nature, what is open and overdue at the
day's end, roll calls by channel and result, the day's handovers and the notable
cases (A-class received, cases that reached supervision or inspection)."""

from __future__ import annotations

from sqlalchemy import text

from console.duty import handover, roll_call_stats
from console.reports import sources, words
from console.reports.common import (
    COUNT,
    RATE,
    Context,
    channel_chart,
    intake_table,
    local,
    main_figures,
)
from console.reports.model import Column, Figure, Figures, Format, Kind, Report, Section, Table
from console.reports.periods import Period
from console.reports.sources import By
from console.stats import duty

CODE_COLUMN = Column("编号", Format.CODE)

NOTABLE = """
SELECT c.public_no, c.urgency, c.status, c.created_at, c.category_id, c.assigned_unit_id,
       (SELECT string_agg(DISTINCT o.level, ',') FROM public.escalation_order o
        WHERE o.case_id = c.id AND o.issued_at >= :start AND o.issued_at < :end
          AND o.level IN ('supervision', 'inspection')) AS levels
FROM public."case" c
WHERE c.status NOT IN ('merged', 'invalid')
  AND ((c.urgency = 'A' AND c.created_at >= :start AND c.created_at < :end)
       OR EXISTS (SELECT 1 FROM public.escalation_order o WHERE o.case_id = c.id
                  AND o.issued_at >= :start AND o.issued_at < :end
                  AND o.level IN ('supervision', 'inspection')))
ORDER BY c.created_at, c.public_no
LIMIT :limit"""
NOTABLE_LISTED = 200


async def build(ctx: Context, period: Period) -> Report:
    scope = ctx.scope(period)
    by_channel, channels = await intake_table(ctx, scope, By.CHANNEL, "按受理渠道", "受理渠道")
    by_nature, _natures = await intake_table(ctx, scope, By.NATURE, "按诉求性质", "诉求性质")
    summary = await main_figures(ctx, scope, "当日概况")
    intake = Section("一、受理情况", (summary, by_channel,
                                 channel_chart("各渠道受理件数", channels), by_nature),
                     sheet="受理情况")
    return Report(Kind.DAILY, period, local(ctx.now) or ctx.now, (
        intake, await _roll_calls(ctx, period), await _handovers(ctx, period),
        await _notable(ctx, period)))


async def _roll_calls(ctx: Context, period: Period) -> Section:
    stats = await duty.roll_calls(ctx.store, ctx.scope(period))
    rows = [(words.word(words.ROLL_CALL_CHANNELS, r.key), r.roll_calls, r.tally.total,
             r.tally.answered, r.tally.late, r.tally.absent, r.tally.no_answer, r.tally.reached)
            for r in stats]
    by_channel = Table("查岗点名（按方式）", (
        Column("方式"), Column("点名次数", COUNT), Column("点到岗位", COUNT),
        Column("应答", COUNT), Column("迟到", COUNT), Column("缺岗", COUNT),
        Column("未应答", COUNT), Column("到岗率", RATE)), rows,
        note="到岗率 = （应答 + 迟到）÷ 点到岗位。", empty="当日无点名记录")
    missed = await roll_call_stats.missed(ctx.store, period.start, period.end)
    follow = Table("缺岗与未应答", (
        Column("时间", Format.TIME), Column("方式"), Column("岗位"), Column("人员"),
        Column("结果"), Column("备注")),
        [(local(m.at), words.word(words.ROLL_CALL_CHANNELS, m.channel), m.post, m.person,
          words.word(words.ROLL_CALL_RESULTS, m.result), m.note) for m in missed])
    return Section("二、查岗点名", (by_channel, follow), sheet="查岗点名")


async def _handovers(ctx: Context, period: Period) -> Section:
    made = await handover.history(ctx.store, period.first_day, period.last_day)
    counted = await duty.handovers(ctx.store, ctx.scope(period))
    rows = []
    for h in reversed(made):
        s = h.summary
        rows.append((h.shift_day.isoformat(), str(s.get("shift", "")),
                     ctx.person(h.outgoing_leader),
                     ctx.person(h.incoming_leader) or "（未接班）",
                     int(s.get("opened", 0)), int(s.get("resolved", 0)),
                     int(s.get("overdue", 0)), len(s.get("follow_ups", [])),
                     (h.notes or "")[:200]))
    table = Table("交接班记录", (
        Column("日期"), Column("班次"), Column("交班值班长"), Column("接班值班长"),
        Column("本班受理", COUNT), Column("本班办结", COUNT), Column("交班时超期", COUNT),
        Column("点名待跟进", COUNT), Column("交班说明")), rows, empty="当日无交接班记录")
    written = Figures("交接班", (Figure("本期交班", counted.made),
                               Figure("已接班签收", counted.signed)))
    return Section("三、交接班", (written, table), sheet="交接班")


async def _notable(ctx: Context, period: Period) -> Section:
    params = {"start": period.start, "end": period.end, "limit": NOTABLE_LISTED}
    async with ctx.store.read() as conn:
        found = (await conn.execute(text(NOTABLE), params)).all()
    rows = [(r.public_no, r.urgency, words.word(words.STATUSES, r.status), local(r.created_at),
             ctx.category(r.category_id), ctx.unit(r.assigned_unit_id),
             "、".join(sources.LEVEL_WORDS[lv] for lv in (r.levels or "").split(",") if lv))
            for r in found]
    table = Table("重点案件（A类及当日督办、效能监察）", (
        CODE_COLUMN, Column("类别"), Column("状态"), Column("受理时间", Format.TIME),
        Column("事项"), Column("承办单位"), Column("当日督办")), rows,
        note=f"最多列出 {NOTABLE_LISTED} 件。" if len(rows) >= NOTABLE_LISTED else "",
        pdf_rows=80)
    return Section("四、重点案件", (table,), sheet="重点案件")

