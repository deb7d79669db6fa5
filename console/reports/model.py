"""What a report holds, as plain data that both renderers read: sections of blocks
(figures, tables, charts, a map of areas). Values stay typed (int, float rates in
0..1, datetimes), so the workbook keeps numbers as numbers and the PDF formats them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from console.reports.periods import Period

Cell = str | int | float | dt.datetime | dt.date | None


class Kind(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    SPECIAL = "special"


TITLES = {Kind.DAILY: "值班日报", Kind.WEEKLY: "值班周报（区领导通报）",
          Kind.MONTHLY: "值班月报", Kind.SPECIAL: "专题分析"}


class Format(enum.StrEnum):
    """How a column's values are shown: text, a count, a rate (0..1 as %), hours, a time."""

    TEXT = "text"
    CODE = "code"  # text kept on one line: a case's number
    COUNT = "count"
    RATE = "rate"
    HOURS = "hours"
    TIME = "time"


@dataclass(frozen=True)
class Column:
    title: str
    format: Format = Format.TEXT


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[Cell, ...]]
    note: str = ""  # under the table: what it counts, or why it is empty
    empty: str = "无"
    # The PDF shows at most this many rows (0: all) and says how many more the workbook
    # holds: a listing of hundreds of cases is for the workbook, and laying it out would
    # hold the worker thread (and Python's lock) for seconds.
    pdf_rows: int = 0


@dataclass(frozen=True)
class Figure:
    label: str
    value: Cell
    format: Format = Format.COUNT


@dataclass(frozen=True)
class Figures:
    title: str
    items: tuple[Figure, ...]


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    colour: str = ""  # "#rrggbb"; "" for the renderer's choice


@dataclass(frozen=True)
class Chart:
    title: str
    style: str  # "bar" (grouped columns), "hbar" (ranked bars), "line"
    labels: Sequence[str]
    series: tuple[Series, ...]
    format: Format = Format.COUNT  # of the values (a rate's axis goes to 100%)
    colours: Sequence[str] = ()  # one per label (a channel's own colour), else by series


@dataclass(frozen=True)
class AreaMap:
    """Areas of a level filled by a count (the map of the period's cases)."""

    title: str
    level: str  # "street" | "community" | "cell"
    values: dict[str, int]
    names: dict[str, str] = field(default_factory=dict)
    note: str = ""


Block = Table | Figures | Chart | AreaMap


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]
    sheet: str = ""  # the workbook's sheet name (at most 31 characters); "" for the title


@dataclass(frozen=True)
class Report:
    kind: Kind
    period: Period
    made_at: dt.datetime
    sections: tuple[Section, ...]
    subject: str = ""  # a special analysis's category or area
    centre: str = "指挥中心"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        base = TITLES[self.kind]
        return f"{base}：{self.subject}" if self.subject else base

    @property
    def header(self) -> str:
        """On every page and every sheet: the title, the period and the time made."""
        return f"{self.centre}{self.title} · {self.period.label}"

    def made_text(self, zone: Any) -> str:
        return f"制表时间 {self.made_at.astimezone(zone):%Y-%m-%d %H:%M}"


def as_text(value: Cell, fmt: Format) -> str:
    """A value as the PDF shows it."""
    if value is None:
        return "—"
    if fmt is Format.RATE and isinstance(value, int | float):
        return f"{value * 100:.2f}%"
    if fmt is Format.HOURS and isinstance(value, int | float):
        return f"{value:.1f}"
    if fmt is Format.COUNT and isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value:%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
