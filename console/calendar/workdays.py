"""Working days and time limits (ARCHITECTURE.md decision 8). Pure: no database, no Qt.

A ``WorkCalendar`` is built from explicit day overrides (holidays, official
make-up working days 调休, an admin's edits); a day that is not listed is a
working day iff it falls Monday to Friday. The calendar knows which years it
has published data for. For any other year it falls back to that weekday rule
and says so: every result that relied on such a day is marked ``estimated``.
It never raises for a missing year.

Counting rule for a limit of N working days, the one 12345 centres use (the
Civil Code's rule for periods, art. 201 and 203, applied to working days): the
day of acceptance is not counted, whatever kind of day it is; counting starts
with the next day and skips non-working days; the limit ends at the end
(24:00) of the Nth working day, returned as 00:00 of the following calendar
day in the centre's time zone. So a case accepted on Friday, Saturday or
Sunday with a 1-working-day limit is due when Monday ends, and one accepted on
Monday is due when Tuesday ends. The time of day of acceptance does not move
the deadline.

A limit in hours (urgent A-class cases) runs around the clock: calendar
hours, across midnight, weekends and holidays.

Every moment taken or returned is timezone-aware; the calendar day of a moment
is its date in Asia/Shanghai (``console.clock.CENTRE_TZ``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from console.core.clock import CENTRE_TZ

ONE_DAY = dt.timedelta(days=1)
MAX_LIMIT_HOURS = 24 * 366
MAX_LIMIT_WORKING_DAYS = 366


class LimitError(ValueError):
    """A time limit that cannot be used; ``code`` says why (``limit.not_positive``)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code} {params}" if params else code)
        self.code = code
        self.params = params


class DayInfo(NamedTuple):
    """What the calendar says about one day."""

    is_working: bool
    note: str | None = None
    estimated: bool = False


@dataclass(frozen=True)
class Deadline:
    """When a limit runs out; ``estimated`` when it relied on unpublished calendar data."""

    at: dt.datetime
    estimated: bool


def _checked(name: str, value: object, maximum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LimitError("limit.not_integer", field=name)
    if value <= 0:
        raise LimitError("limit.not_positive", field=name, value=value)
    if value > maximum:
        raise LimitError("limit.too_large", field=name, value=value, limit=maximum)


def check_limit(limit_hours: int | None, limit_working_days: int | None) -> None:
    """Raise ``LimitError`` unless exactly one limit is given and it is a usable count."""
    if (limit_hours is None) == (limit_working_days is None):
        raise LimitError("limit.one_required")
    if limit_hours is not None:
        _checked("limit_hours", limit_hours, MAX_LIMIT_HOURS)
    else:
        _checked("limit_working_days", limit_working_days, MAX_LIMIT_WORKING_DAYS)


def to_local(moment: dt.datetime) -> dt.datetime:
    """The same instant in the centre's time zone; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is needed, got {moment!r}")
    return moment.astimezone(CENTRE_TZ)


def _as_day(day: dt.date) -> dt.date:
    return to_local(day).date() if isinstance(day, dt.datetime) else day


def add_hours(start: dt.datetime, hours: float) -> dt.datetime:
    """``start`` plus calendar hours (elapsed time, not wall-clock arithmetic)."""
    return to_local(to_local(start).astimezone(dt.UTC) + dt.timedelta(hours=hours))


class WorkCalendar:
    """Working days from explicit overrides plus the Monday-to-Friday rule."""

    def __init__(self, days: Mapping[dt.date, DayInfo | tuple[bool, str | None, bool]]
                 | None = None, known_years: Iterable[int] | None = None) -> None:
        """``days``: {date: (is_working, note, estimated)}. ``known_years``: the years
        with published data; by default every year with a non-estimated override."""
        overrides = {day: DayInfo(*info) for day, info in (days or {}).items()}
        self.days: Mapping[dt.date, DayInfo] = MappingProxyType(overrides)
        if known_years is None:
            known_years = {day.year for day, info in overrides.items() if not info.estimated}
        self.known_years = frozenset(known_years)

    def day(self, day: dt.date) -> DayInfo:
        """The override for ``day`` or the weekday rule, marked estimated where guessed."""
        day = _as_day(day)
        if (info := self.days.get(day)) is not None:
            return info
        return DayInfo(day.weekday() < 5, None, day.year not in self.known_years)

    def is_working_day(self, day: dt.date) -> bool:
        return self.day(day).is_working

    def is_estimated(self, day: dt.date) -> bool:
        return self.day(day).estimated

    def working_days_deadline(self, start: dt.datetime, n: int) -> Deadline:
        """End of the Nth working day after the day of ``start`` (see the module doc)."""
        _checked("limit_working_days", n, MAX_LIMIT_WORKING_DAYS)
        day, left, estimated = to_local(start).date(), n, False
        while left:
            day += ONE_DAY
            info = self.day(day)
            estimated = estimated or info.estimated
            if info.is_working:
                left -= 1
        return Deadline(dt.datetime.combine(day + ONE_DAY, dt.time(), CENTRE_TZ), estimated)

    def add_working_days(self, start: dt.datetime, n: int) -> dt.datetime:
        return self.working_days_deadline(start, n).at

    def add_working_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        """``start`` plus ``hours`` counted only on working days: the time of a weekend,
        a holiday or any other rest day does not count (a make-up working day does).
        An urge due 8 working hours after Friday 20:00 falls on Monday 04:00."""
        if hours < 0:
            raise ValueError(f"negative working hours: {hours}")
        moment, left = to_local(start), dt.timedelta(hours=hours)
        for _day in range(MAX_LIMIT_WORKING_DAYS * 10):  # a calendar of rest days only ends
            day = moment.date()
            day_end = dt.datetime.combine(day + ONE_DAY, dt.time(), CENTRE_TZ)
            if self.is_working_day(day):
                span = day_end.astimezone(dt.UTC) - moment.astimezone(dt.UTC)
                if left <= span:
                    return to_local(moment.astimezone(dt.UTC) + left)
                left -= span
            moment = day_end
        raise ValueError("no working day within ten years")

    def due_at(self, start: dt.datetime, *, limit_hours: int | None = None,
               limit_working_days: int | None = None) -> Deadline:
        """When a case accepted at ``start`` with exactly one of the limits is due.

        Raises ``LimitError`` (a ``ValueError`` with a ``code``) for no limit, both
        limits, or a limit that is not a positive integer within bounds.
        """
        check_limit(limit_hours, limit_working_days)
        if limit_hours is not None:
            return Deadline(add_hours(start, limit_hours), estimated=False)
        assert limit_working_days is not None
        return self.working_days_deadline(start, limit_working_days)
