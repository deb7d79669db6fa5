"""What every report reads the same way: names from the catalog, the period's
``Where``, and the tables several reports share (intake by a dimension, units'
on-time, overdue and escalated cases by unit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.reports import sources, words
from console.reports.model import Chart, Column, Format, Series, Table
from console.reports.periods import Period
from console.reports.sources import LEVEL_WORDS, LEVELS, Where

COUNT, RATE, TEXT = Format.COUNT, Format.RATE, Format.TEXT


@dataclass(frozen=True)
class Context:
    store: Store
    catalog: Catalog
    now: dt.datetime  # the server's now when the report is made

    def where(self, period: Period, **filters: object) -> Where:
        """The period's cases; open ones judged at its end, or now if that comes first."""
        return Where(period.start, period.end, min(period.end, self.now),
                     **filters)  # type: ignore[arg-type]

    def unit(self, unit_id: object) -> str:
        if unit_id is None:
            return "（未分拨）"
        unit = self.catalog.units.get(int(unit_id))  # type: ignore[call-overload]
        return unit.name if unit else f"单位 {unit_id}"

    def street(self, code: object) -> str:
        street = self.catalog.streets.get(str(code)) if code is not None else None
        return street.name if street else ("（未填）" if code is None else str(code))

    def area(self, level: str, code: str) -> str:
        if level == "street":
            return self.street(code)
        table = self.catalog.communities if level == "community" else self.catalog.grid_cells
        found = table.get(code)
        return getattr(found, "name", code) if found else code

    def category(self, category_id: object) -> str:
        cat = self.catalog.categories.get(int(category_id)) if category_id is not None \
            else None  # type: ignore[call-overload]
        return cat.name if cat else "（未分类）"


def local(when: dt.datetime | None) -> dt.datetime | None:
    return None if when is None else when.astimezone(CENTRE_TZ)


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


async def intake_table(ctx: Context, where: Where, by: str, title: str,
                       name: str) -> tuple[Table, list[tuple[object, int]]]:
    """The period's intake by ``by`` as a table (with shares and the total), and the
    rows as read (codes, most first)."""
    rows = await sources.intake(ctx.store, where, by)
    total = sum(n for _k, n in rows)
    named = [(_name(ctx, by, k), n, k) for k, n in rows]
    table = Table(title, (Column(name), Column("件数", COUNT), Column("占比", RATE)),
                  [(label, n, share(n, total)) for label, n, _k in named]
                  + ([("合计", total, 1.0 if total else None)] if rows else []))
    return table, rows


def named(ctx: Context, by: str, rows: list[tuple[object, int]]) -> list[str]:
    return [_name(ctx, by, k) for k, _n in rows]


def _name(ctx: Context, by: str, key: object) -> str:
    if by == "channel":
        return words.word(words.CHANNELS, key)
    if by == "nature":
        return words.word(words.NATURES, key)
    if by == "street":
        return ctx.street(key)
    if by == "unit":
        return ctx.unit(key)
    if by == "top_category":
        return ctx.category(key)
    return str(key)


def channel_chart(title: str, rows: list[tuple[object, int]]) -> Chart:
    codes = [str(k) for k, _n in rows]
    return Chart(title, "hbar", [words.word(words.CHANNELS, c) for c in codes],
                 (Series("件数", [float(n) for _k, n in rows]),),
                 colours=[words.CHANNEL_COLOURS.get(c, "#607d8b") for c in codes])


async def units_on_time(ctx: Context, where: Where, limit: int | None = None
                        ) -> tuple[Table, list[sources.UnitFigures]]:
    """Units ranked by on-time rate (the lowest first: those to talk about), then by
    overdue count; units with nothing judged last."""
    figures = [f for f in await sources.by_unit(ctx.store, where) if f.unit_id is not None]
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


async def overdue_and_escalated(ctx: Context, where: Where) -> Table:
    """Per unit: cases overdue and still open at the period's end, and the orders of
    each ladder level issued in the period."""
    overdue = await sources.overdue_open_by_unit(ctx.store, where)
    orders = await sources.escalations(ctx.store, where)
    units = set(overdue) | {u for u, _lv in orders}
    rows = []
    for unit in units:
        levels = [orders.get((unit, lv), 0) for lv in LEVELS]
        rows.append((ctx.unit(unit), overdue.get(unit, 0), *levels))
    rows.sort(key=lambda r: (-r[1], -sum(r[2:]), r[0]))  # type: ignore[operator]
    return Table("超期及督办案件（按承办单位）", (
        Column("承办单位"), Column("超期未办结", COUNT),
        *(Column(LEVEL_WORDS[lv], COUNT) for lv in LEVELS)), rows,
        note="超期未办结：期末仍在办且已过承办单位时限的案件；各级催督办为本期内发出的件数。")


def weekday_label(day: dt.date) -> str:
    return f"{day:%m-%d}"
