"""The month's roster as a plain table, for the Excel and PDF exports.

``month_sheet`` reads the month (async, from the database) into a
``MonthSheet``: one row per person and post with one code per day (the
shift's first character, 白/中/夜, for a duty; 假 for leave; blank for rest),
and the plan (day × shift → the team on it, and the team resting).

At ten times the district a month is some 30,000 entries. They come as one row of
texts, one per column (``string_agg``, as the map's cases do), so the driver hands the
event loop seven values instead of 30,000 rows; taking them apart and making the
sheet (``make_sheet``) is CPU work for a worker thread, which lets the GUI thread in.
Made on the loop, the rows and the sheet held the GUI thread about three times as long
(``bench/roster.py`` reads the month both ways; docs/ARCHITECTURE.md has the figures).
``console/duty/roster_excel.py`` writes a sheet to a workbook (sync, no database;
apart, so that openpyxl is imported when someone exports, not at start). The PDF is
drawn by ``widgets/duty/roster_pdf.py`` from the same sheet.

The export is the centre's filed duty roster and is always in Chinese,
whatever language the console is shown in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Integer, Text, cast, func, literal, select
from sqlalchemy.sql import ColumnElement

from console.core.store import Store
from console.duty.duty_setup import Setup, ShiftRow, load_setup
from console.duty.roster_rules import display_order
from console.duty.rotation import Shift, month_days
from db import schema as s

CENTRE = "坪山区指挥中心"
WEEKDAYS = "一二三四五六日"
LEAVE = "假"
PERSON_HEADERS = ("岗位", "姓名", "班组")
TOTAL_HEADERS = ("班数", "请假")
SHEET_PEOPLE, SHEET_PLAN = "岗位排班", "轮班表"


def shift_hours(shift: Shift) -> str:
    """"08–16", "16–24", "00–08" (with minutes only when a shift has them)."""
    start = shift.starts.hour * 60 + shift.starts.minute
    end = start + shift.hours * 60

    def clock(minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        return f"{hours % 24 if hours > 24 else hours:02d}" + (f":{rest:02d}" if rest else "")

    return f"{clock(start)}–{clock(end)}"


def shift_letters(shifts: Sequence[ShiftRow]) -> dict[int, str]:
    """Each shift's code in the sheet: its name's first character, unless two share one."""
    firsts = Counter(r.shift.name[:1] for r in shifts)
    return {r.id: r.shift.name[:1] if firsts[r.shift.name[:1]] == 1 else r.shift.name
            for r in shifts}


@dataclass(frozen=True)
class PersonRow:
    post: str
    person: str
    team: str
    codes: tuple[str, ...]  # one per day of the month

    @property
    def duties(self) -> int:
        return sum(1 for c in self.codes for part in c.split("/") if part and part != LEAVE)

    @property
    def leaves(self) -> int:
        return sum(1 for c in self.codes if LEAVE in c.split("/"))


@dataclass(frozen=True)
class PlanRow:
    day: dt.date
    teams: tuple[str, ...]  # one per shift, in MonthSheet.shifts order
    resting: str


@dataclass(frozen=True)
class MonthSheet:
    title: str
    year: int
    month: int
    days: tuple[dt.date, ...]
    rows: tuple[PersonRow, ...]
    shifts: tuple[str, ...]  # "白班 08–16", in display order
    legend: str
    plan: tuple[PlanRow, ...]

    @staticmethod
    def weekday(day: dt.date) -> str:
        return WEEKDAYS[day.weekday()]


class SheetEntry(Protocol):
    """What the sheet needs of an entry (``roster.Duty`` has it too)."""

    @property
    def day(self) -> dt.date: ...
    @property
    def shift_id(self) -> int: ...
    @property
    def post_id(self) -> int | None: ...
    @property
    def staff_id(self) -> int | None: ...
    @property
    def person(self) -> str: ...
    @property
    def team_id(self) -> int | None: ...
    @property
    def kind(self) -> str: ...


class Entry(NamedTuple):
    day: dt.date
    shift_id: int
    post_id: int | None
    staff_id: int | None
    person: str
    team_id: int | None
    kind: str


R, ST = s.RosterEntry, s.Staff
SEP, TEXT_SEP = ",", "\x1f"  # names are joined by the unit separator (one in a name: a space)
NONE = -1  # an id column's NULL, as read


def _ids(column: Any) -> ColumnElement[int]:
    return func.coalesce(column, NONE)


# One text per column of Entry, in its order; every aggregate sees the rows in one order.
_COLUMNS = ((cast(func.extract("day", R.day), Integer), SEP), (R.shift_id, SEP),
            (_ids(R.post_id), SEP), (_ids(R.staff_id), SEP),
            (func.replace(func.coalesce(ST.name, ""), TEXT_SEP, " "), TEXT_SEP),
            (_ids(R.team_id), SEP), (R.kind, SEP))


async def month_sheet(store: Store, year: int, month: int, *, centre: str = CENTRE
                      ) -> MonthSheet:
    """Read the month's roster into a sheet (made in a worker thread)."""
    setup = await load_setup(store)
    days = month_days(year, month)
    async with store.read() as conn:
        texts = (await conn.execute(
            select(*(func.string_agg(cast(column, Text), literal(sep, Text))
                     for column, sep in _COLUMNS))
            .select_from(R).outerjoin(ST, ST.id == R.staff_id)
            .where(R.day.between(days[0], days[-1])))).one()
    return await asyncio.to_thread(_sheet, setup, tuple(texts), year, month, centre)


def _sheet(setup: Setup, texts: Sequence[str | None], year: int, month: int,
           centre: str) -> MonthSheet:
    """In a worker thread: the entries out of ``month_sheet``'s texts, and the sheet."""
    return make_sheet(setup, entries_of(texts, year, month), year, month, centre=centre)


def entries_of(texts: Sequence[str | None], year: int, month: int) -> list[Entry]:
    """The entries in ``texts`` (each column's text None when the month has none)."""
    day_of = {d.day: d for d in month_days(year, month)}
    days, shifts, posts, staff, people, teams, kinds = (
        [] if text is None else text.split(sep)
        for text, (_column, sep) in zip(texts, _COLUMNS, strict=True))

    def some(value: str) -> int | None:
        number = int(value)
        return None if number == NONE else number

    return [Entry(day_of[int(day)], int(shift), some(post), some(person_id), person,
                  some(team), kind)
            for day, shift, post, person_id, person, team, kind
            in zip(days, shifts, posts, staff, people, teams, kinds, strict=True)]


def make_sheet(setup: Setup, entries: Sequence[SheetEntry], year: int, month: int, *,
               centre: str = CENTRE) -> MonthSheet:
    days = tuple(month_days(year, month))
    shifts = display_order(setup.shifts)
    letters = shift_letters(shifts)
    order = {r.id: i for i, r in enumerate(shifts)}
    post_order = {p.id: i for i, p in enumerate(setup.posts)}
    post_names = {p.id: p.name for p in setup.posts}
    team_codes = {t.id: t.code for t in setup.teams}
    team_names = {t.id: t.name for t in setup.teams}

    cells: dict[tuple[int | None, int | None], dict[dt.date, list[tuple[int, str]]]] = {}
    team_of: dict[tuple[int | None, int | None], int | None] = {}
    names: dict[int | None, str] = {}
    for e in entries:
        key = (e.post_id, e.staff_id)
        code = LEAVE if e.kind == "leave" else letters.get(e.shift_id, "?")
        cells.setdefault(key, {}).setdefault(e.day, []).append((order.get(e.shift_id, 99), code))
        team_of.setdefault(key, e.team_id)
        names[e.staff_id] = e.person

    def team_name(team_id: int | None) -> str:
        return team_names.get(team_id or -1, "")

    def sort_key(key: tuple[int | None, int | None]) -> tuple[int, str, str]:
        post_id, staff_id = key
        return (post_order.get(post_id or -1, 1 << 30), team_codes.get(team_of[key] or -1, "~"),
                names[staff_id])

    rows = []
    for key in sorted(cells, key=sort_key):
        by_day = cells[key]
        rows.append(PersonRow(
            post_names.get(key[0] or -1, ""), names[key[1]], team_name(team_of[key]),
            tuple("/".join(c for _o, c in sorted(by_day.get(d, []))) for d in days)))

    on_shift: defaultdict[tuple[dt.date, int], Counter[int | None]] = defaultdict(Counter)
    for e in entries:
        if e.kind == "duty":
            on_shift[(e.day, e.shift_id)][e.team_id] += 1
    rotating = [t for t in setup.teams if t.offset is not None]
    plan = []
    for day in days:
        main = [on_shift[(day, r.id)].most_common(1)[0][0] if (day, r.id) in on_shift else None
                for r in shifts]
        resting = "、".join(t.name for t in rotating if t.id not in main) if any(main) else ""
        plan.append(PlanRow(day, tuple(team_name(t) for t in main), resting))

    legend = "　".join([*(f"{letters[r.id]}＝{r.shift.name} {shift_hours(r.shift)}"
                          for r in shifts), f"{LEAVE}＝请假", "空白＝休息"])
    return MonthSheet(f"{centre} 值班表 {year}年{month}月", year, month, days, tuple(rows),
                      tuple(f"{r.shift.name} {shift_hours(r.shift)}" for r in shifts),
                      legend, tuple(plan))
