"""What every report reads the same way: names from the catalog, the period's
``Scope``, and the tables several reports share (intake by a dimension, units'
on-time, overdue and escalated cases by unit, the main figures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.reports import sources, words
from console.reports.model import Chart, Column, Figure, Figures, Format, Series, Table
from console.reports.periods import Period
from console.reports.sources import LEVEL_WORDS, LEVELS, By, Scope

COUNT, RATE, TEXT, HOURS = Format.COUNT, Format.RATE, Format.TEXT, Format.HOURS


@dataclass(frozen=True)
class Context:
    store: Store
    catalog: Catalog
    now: dt.datetime  # the server's now when the report is made
    people: dict[str, str] = field(default_factory=dict)  # login -> the person's name

    def person(self, login: str | None) -> str:
        """A login as the person's name (the login itself when no staff row names it)."""
        return self.people.get(login, login) if login else ""

    def scope(self, period: Period, category_id: int | None = None,
              street_code: str | None = None) -> Scope:
        """The period's cases, filtered; overdue judged now (docs/INDICATORS.md)."""
        return Scope(period.start, period.end, street_code=street_code,
                     category_id=category_id)

    def unit(self, unit_id: object) -> str:
        if unit_id in (None, ""):
            return "（未分拨）"
        unit = self.catalog.units.get(int(unit_id))  # type: ignore[call-overload]
        return unit.name if unit else f"单位 {unit_id}"

    def street(self, code: object) -> str:
        street = self.catalog.streets.get(str(code)) if code else None
        return street.name if street else ("（未填）" if not code else str(code))

    def area(self, level: str, code: str) -> str:
        if level == "street":
            return self.street(code)
        table = self.catalog.communities if level == "community" else self.catalog.grid_cells
        found = table.get(code)
        return getattr(found, "name", code) if found else code

    def category(self, category_id: object) -> str:
        cat = self.catalog.categories.get(int(str(category_id))) \
            if category_id not in (None, "") else None
        return cat.name if cat else "（未分类）"


def local(when: dt.datetime | None) -> dt.datetime | None:
    return None if when is None else when.astimezone(CENTRE_TZ)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _name(ctx: Context, by: By, key: str, name: str) -> str:
    if by is By.CHANNEL:
        return words.word(words.CHANNELS, key)
    if by is By.NATURE:
        return words.word(words.NATURES, key)
    if by is By.UNIT:
        return ctx.unit(key)
    return name or key or "（未填）"


async def intake_table(ctx: Context, scope: Scope, by: By, title: str,
                       name: str) -> tuple[Table, list[tuple[str, int]]]:
    """The period's intake by ``by`` as a table (with shares and the total), and the
    (key, cases) rows as read, most first."""
    rows = await sources.counts(ctx.store, scope, by)
    total = sum(n for _k, _n, n in rows)
    table = Table(title, (Column(name), Column("件数", COUNT), Column("占比", RATE)),
                  [(_name(ctx, by, k, nm), n, share(n, total)) for k, nm, n in rows]
                  + ([("合计", total, 1.0 if total else None)] if rows else []))
    return table, [(k, n) for k, _nm, n in rows]


def channel_chart(title: str, rows: list[tuple[str, int]]) -> Chart:
    codes = [k for k, _n in rows]
    return Chart(title, "hbar", [words.word(words.CHANNELS, c) for c in codes],
                 (Series("件数", [float(n) for _k, n in rows]),),
                 colours=[words.CHANNEL_COLOURS.get(c, "#607d8b") for c in codes])


async def units_on_time(ctx: Context, scope: Scope, limit: int | None = None
                        ) -> tuple[Table, list[sources.UnitFigures]]:
    """Units ranked by on-time rate (the lowest first: those to talk about), then by
    overdue count; units with nothing judged last."""
    figures = [f for f in await sources.by_unit(ctx.store, scope) if f.unit_id is not None]
    figures.sort(key=lambda f: (f.on_time_rate is None, f.on_time_rate or 0.0, -f.overdue,
                                ctx.unit(f.unit_id)))
    shown = figures[:limit] if limit else figures
    table = Table("各承办单位按期办结率", (
        Column("排名"), Column("承办单位"), Column("受理件数", COUNT), Column("按期办结", COUNT),
        Column("超期", COUNT), Column("按期办结率", RATE)),
        [(i + 1, ctx.unit(f.unit_id), f.received, f.on_time, f.overdue, f.on_time_rate)
         for i, f in enumerate(shown)],
        note="按期办结率 = 按期办结 ÷（按期办结 + 超期），以承办单位自己的办理时限计；"
             "时限未到的在办案件不计入。按率由低到高排列。")
    return table, figures


async def overdue_and_escalated(ctx: Context, scope: Scope) -> Table:
    """Per unit: the period's cases overdue, those open past their deadline now, and
    the cases given an order of each ladder level in the period."""
    overdue = await sources.overdue_by_unit(ctx.store, scope)
    orders = await sources.escalations(ctx.store, scope)
    units = set(overdue) | {u for u, _lv in orders}
    rows: list[tuple[str, int, int, int, int, int, int, int]] = []
    for unit in units:
        levels = [orders.get((unit, lv), 0) for lv in LEVELS]
        late, late_now = overdue.get(unit, (0, 0))
        rows.append((ctx.unit(unit), late, late_now, *levels))  # type: ignore[arg-type]
    rows.sort(key=lambda r: (-r[6] - r[7], -r[1], -r[2], r[0]))
    return Table("超期及催督办案件（按承办单位）", (
        Column("承办单位"), Column("本期超期", COUNT), Column("当前超期", COUNT),
        *(Column(LEVEL_WORDS[lv], COUNT) for lv in LEVELS)), rows,
        note="本期超期：本期受理、承办单位超过其时限办结或至今未办结的案件；当前超期：制表时"
             "仍在办且已过时限的案件；各级催督办：本期内收到该级指令的案件数。"
             "督办、效能监察多者在前。")


async def main_figures(ctx: Context, scope: Scope, title: str) -> Figures:
    """The period's main figures, each one indicator of console/stats."""
    received = await sources.received(ctx.store, scope)
    open_now, late_now = await sources.now_open(ctx.store, scope)
    on_time = await sources.on_time(ctx.store, scope)
    closure = await sources.closure(ctx.store, scope)
    rates = await sources.three_rates(ctx.store, scope)
    sat = await sources.satisfaction(ctx.store, scope)
    checked = await sources.verification(ctx.store, scope)
    took = await sources.durations(ctx.store, scope)

    def hours(seconds: float | None) -> float | None:
        return None if seconds is None else seconds / 3600

    return Figures(title, (
        Figure("受理量", received), Figure("制表时在办", open_now),
        Figure("制表时超期", late_now),
        Figure("按期办结率", on_time.share, RATE), Figure("办结率", closure.share, RATE),
        Figure("受理告知率", rates.acceptance_notice.share, RATE),
        Figure("办理反馈率", rates.result_feedback.share, RATE),
        Figure("回访率", rates.callback.share, RATE),
        Figure("满意率", sat.satisfied.share, RATE),
        Figure("回访未接通率", sat.unreachable_share.share, RATE),
        Figure("核查通过率", checked.share, RATE),
        Figure("平均办理用时（小时）", hours(took.resolve.mean_s) if took else None, HOURS)))
