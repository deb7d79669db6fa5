"""A report's period: a day, an ISO week (2026-W48), a month (2026-11) or a range of
days, always whole days of the centre's calendar (Asia/Shanghai) as [start, end).

Bad input raises ``PeriodError`` with words a person can act on (the command line
prints them; the dialog cannot make a bad period)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from console.core.clock import CENTRE_TZ

EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2199, 12, 31)
MAX_RANGE_DAYS = 366 * 3
WEEKDAYS = "一二三四五六日"


class PeriodError(ValueError):
    """A period that cannot be read or makes no sense (the message says why)."""


class Span(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"


@dataclass(frozen=True)
class Period:
    span: Span
    first_day: dt.date
    last_day: dt.date  # counted

    @property
    def start(self) -> dt.datetime:
        return midnight(self.first_day)

    @property
    def end(self) -> dt.datetime:
        return midnight(self.last_day + dt.timedelta(days=1))

    @property
    def days(self) -> list[dt.date]:
        return [self.first_day + dt.timedelta(days=n)
                for n in range((self.last_day - self.first_day).days + 1)]

    @property
    def code(self) -> str:
        """2026-11-30, 2026-W48, 2026-11 or 2026-11-01_2026-11-15 (for file names)."""
        if self.span is Span.DAY:
            return self.first_day.isoformat()
        if self.span is Span.WEEK:
            year, week, _ = self.first_day.isocalendar()
            return f"{year}-W{week:02d}"
        if self.span is Span.MONTH:
            return f"{self.first_day:%Y-%m}"
        return f"{self.first_day.isoformat()}_{self.last_day.isoformat()}"

    @property
    def label(self) -> str:
        """The period in words, on every page and in every sheet's header."""
        if self.span is Span.DAY:
            weekday = WEEKDAYS[self.first_day.weekday()]
            return f"{self.first_day:%Y年%m月%d日}（星期{weekday}）"
        if self.span is Span.WEEK:
            year, week, _ = self.first_day.isocalendar()
            return (f"{year}年第{week}周（{self.first_day:%m月%d日}至"
                    f"{self.last_day:%m月%d日}）")
        if self.span is Span.MONTH:
            return f"{self.first_day:%Y年%m月}"
        return f"{self.first_day:%Y年%m月%d日}至{self.last_day:%Y年%m月%d日}"


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CENTRE_TZ)


def _checked(span: Span, first: dt.date, last: dt.date) -> Period:
    if not (EARLIEST <= first <= LATEST and EARLIEST <= last <= LATEST):
        raise PeriodError(f"the period must lie between {EARLIEST} and {LATEST}")
    if last < first:
        raise PeriodError(f"the period ends ({last}) before it begins ({first})")
    if (last - first).days >= MAX_RANGE_DAYS:
        raise PeriodError(f"a period may be at most {MAX_RANGE_DAYS} days long")
    return Period(span, first, last)


def _date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"{what} {text!r} is not a date like 2026-11-30") from None


def day(text: str | dt.date) -> Period:
    value = text if isinstance(text, dt.date) else _date(text, "the day")
    return _checked(Span.DAY, value, value)


_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I)


def week(text: str) -> Period:
    """An ISO week: 2026-W48 (Monday to Sunday)."""
    found = _WEEK.match(text.strip())
    if not found:
        raise PeriodError(f"the week {text!r} is not an ISO week like 2026-W48")
    try:
        monday = dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        raise PeriodError(f"the year {found[1]} has no week {int(found[2])}") from None
    return _checked(Span.WEEK, monday, monday + dt.timedelta(days=6))


def week_of(value: dt.date) -> Period:
    monday = value - dt.timedelta(days=value.weekday())
    return _checked(Span.WEEK, monday, monday + dt.timedelta(days=6))


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def month(text: str) -> Period:
    """A month: 2026-11."""
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found[2]) <= 12:
        raise PeriodError(f"the month {text!r} is not a month like 2026-11")
    return month_of(dt.date(int(found[1]), int(found[2]), 1))


def month_of(value: dt.date) -> Period:
    first = value.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    return _checked(Span.MONTH, first, after - dt.timedelta(days=1))


def days(first: str | dt.date, last: str | dt.date) -> Period:
    """A range of days, both counted."""
    a = first if isinstance(first, dt.date) else _date(first, "the first day")
    b = last if isinstance(last, dt.date) else _date(last, "the last day")
    return _checked(Span.RANGE, a, b)


def weeks_within(period: Period) -> list[Period]:
    """The ISO weeks that touch the period, each cut to it (a month's trend by week)."""
    out, monday = [], period.first_day - dt.timedelta(days=period.first_day.weekday())
    while monday <= period.last_day:
        first = max(monday, period.first_day)
        last = min(monday + dt.timedelta(days=6), period.last_day)
        out.append(Period(Span.RANGE, first, last))
        monday += dt.timedelta(days=7)
    return out
