"""A report's period: a day, an ISO week, a month or a range of whole days of the
centre's calendar; anything else refused in words."""

from __future__ import annotations

import datetime as dt

import pytest

from console.core.clock import CENTRE_TZ
from console.reports import periods
from console.reports.periods import PeriodError, Span


def test_an_iso_week_runs_monday_to_sunday_in_the_centres_time() -> None:
    week = periods.week("2026-W48")
    assert (week.first_day, week.last_day) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert week.start == dt.datetime(2026, 11, 23, tzinfo=CENTRE_TZ)
    assert week.end == dt.datetime(2026, 11, 30, tzinfo=CENTRE_TZ)
    assert week.code == "2026-W48" and "第48周" in week.label
    assert periods.week("2020-W53").first_day == dt.date(2020, 12, 28)  # a 53-week year
    assert periods.week_of(dt.date(2026, 11, 29)) == week


def test_days_months_and_ranges() -> None:
    assert periods.day("2026-11-30").days == [dt.date(2026, 11, 30)]
    feb = periods.month("2028-02")
    assert (feb.first_day, feb.last_day, feb.span) == (dt.date(2028, 2, 1),
                                                       dt.date(2028, 2, 29), Span.MONTH)
    assert periods.month_of(dt.date(2026, 12, 31)).last_day == dt.date(2026, 12, 31)
    span = periods.days("2026-11-01", "2026-11-15")
    assert len(span.days) == 15 and span.code == "2026-11-01_2026-11-15"
    weeks = periods.weeks_within(periods.month("2026-11"))
    assert [(w.first_day.day, w.last_day.day) for w in weeks] == [
        (1, 1), (2, 8), (9, 15), (16, 22), (23, 29), (30, 30)]


@pytest.mark.parametrize("make", [
    lambda: periods.week("2026-W54"),       # 2026 has 53 weeks
    lambda: periods.week("2026-48"),
    lambda: periods.week("W48"),
    lambda: periods.month("2026-13"),
    lambda: periods.month("11/2026"),
    lambda: periods.day("2026-02-30"),
    lambda: periods.day("yesterday"),
    lambda: periods.days("2026-11-30", "2026-11-01"),  # ends before it begins
    lambda: periods.days("1999-12-31", "2000-01-02"),
    lambda: periods.days("2020-01-01", "2026-01-01"),  # too long
])
def test_bad_periods_are_refused_in_words(make: object) -> None:
    with pytest.raises(PeriodError) as refused:
        make()  # type: ignore[operator]
    assert str(refused.value)
