"""Working days and deadlines, pinned to the published 2026 schedule, plus properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.calendar.deadlines import package_days
from console.calendar.workdays import (
    MAX_LIMIT_WORKING_DAYS,
    DayInfo,
    Deadline,
    LimitError,
    WorkCalendar,
    add_hours,
)
from console.core.clock import CENTRE_TZ

UTC = dt.UTC
D = dt.date


def _calendar() -> WorkCalendar:
    days: dict[dt.date, DayInfo] = {}
    for year in (2025, 2026):
        found = package_days(year)
        assert found is not None
        days.update(found)
    return WorkCalendar(days)


CAL = _calendar()


def at(y: int, m: int, d: int, h: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, minute, tzinfo=CENTRE_TZ)


def end_of(day: dt.date) -> dt.datetime:
    """24:00 of ``day`` in the centre, i.e. the next day's 00:00."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), CENTRE_TZ)


def days_due(start: dt.datetime, n: int, calendar: WorkCalendar = CAL) -> Deadline:
    return calendar.due_at(start, limit_working_days=n)


# ---- the 2026 schedule (State Council notice of 2025-11-04) as the package has it ----

def test_spring_festival_2026_holidays_and_make_up_days() -> None:
    holidays = [D(2026, 2, d) for d in range(15, 24)]
    assert [CAL.is_working_day(d) for d in holidays] == [False] * 9
    assert {CAL.day(d).note for d in holidays} == {"春节"}
    assert CAL.is_working_day(D(2026, 2, 14)) and CAL.is_working_day(D(2026, 2, 28))  # Sat
    assert CAL.day(D(2026, 2, 14)).note == "春节调休上班"
    assert not CAL.is_working_day(D(2026, 2, 21))  # a Saturday inside the holiday
    assert CAL.is_working_day(D(2026, 2, 24))  # Tuesday: back to work


def test_national_day_2026_holidays_and_make_up_days() -> None:
    assert [CAL.is_working_day(D(2026, 10, d)) for d in range(1, 8)] == [False] * 7
    assert CAL.is_working_day(D(2026, 9, 20))  # Sunday, make-up day
    assert CAL.is_working_day(D(2026, 10, 10))  # Saturday, make-up day
    assert not CAL.is_working_day(D(2026, 10, 11))  # an ordinary Sunday
    assert [CAL.is_working_day(D(2026, 9, d)) for d in (25, 26, 27)] == [False] * 3  # 中秋


def test_every_2026_override_is_the_published_one() -> None:
    found = package_days(2026)
    assert found is not None
    make_up = sorted(d for d, info in found.items() if info.is_working)
    assert make_up == [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
                       D(2026, 9, 20), D(2026, 10, 10)]
    assert sum(not info.is_working for info in found.values()) == 3 + 9 + 3 + 5 + 3 + 3 + 7


# ---- working-day limits: the end of the Nth working day after the day of acceptance ----

@pytest.mark.parametrize(("start", "n", "due"), [
    (at(2026, 2, 13, 10), 1, D(2026, 2, 14)),  # Friday -> the make-up Saturday
    (at(2026, 2, 13, 10), 2, D(2026, 2, 24)),  # then nine days off
    (at(2026, 2, 14, 16), 1, D(2026, 2, 24)),  # accepted on the make-up day
    (at(2026, 2, 18, 9), 1, D(2026, 2, 24)),  # accepted during the holiday
    (at(2026, 2, 20, 9), 5, D(2026, 2, 28)),  # 24, 25, 26, 27 and the make-up Saturday
    (at(2026, 9, 30, 23, 59), 3, D(2026, 10, 10)),  # 8, 9 and the make-up Saturday
    (at(2026, 9, 24, 8), 1, D(2026, 9, 28)),  # over 中秋
    (at(2026, 9, 19, 12), 1, D(2026, 9, 20)),  # Saturday -> the make-up Sunday
    (at(2026, 11, 23, 0, 0), 5, D(2026, 11, 30)),  # an ordinary week
])
def test_working_day_limits_around_holidays(start: dt.datetime, n: int, due: dt.date) -> None:
    assert days_due(start, n) == Deadline(end_of(due), estimated=False)
    assert CAL.add_working_days(start, n) == end_of(due)


def test_a_case_arriving_on_a_saturday_counts_from_monday() -> None:
    friday = days_due(at(2026, 11, 20, 17), 1).at
    saturday = days_due(at(2026, 11, 21, 10), 1).at
    sunday = days_due(at(2026, 11, 22, 23, 59), 1).at
    monday = days_due(at(2026, 11, 23, 0, 1), 1).at
    assert friday == saturday == sunday == end_of(D(2026, 11, 23))
    assert monday == end_of(D(2026, 11, 24))


def test_the_day_is_the_centres_day_not_utcs() -> None:
    # 2026-11-22 17:30 UTC is Monday 01:30 in Shenzhen: Monday is the day of acceptance.
    start = dt.datetime(2026, 11, 22, 17, 30, tzinfo=UTC)
    assert days_due(start, 1).at == end_of(D(2026, 11, 24))
    assert days_due(start, 1).at.tzinfo == CENTRE_TZ


# ---- hour limits run around the clock ----

def test_hour_limits_cross_midnight_and_holidays() -> None:
    assert CAL.due_at(at(2026, 2, 16, 22, 30), limit_hours=4) == Deadline(
        at(2026, 2, 17, 2, 30), estimated=False)
    assert CAL.due_at(at(2026, 9, 30, 20), limit_hours=24).at == at(2026, 10, 1, 20)
    assert CAL.due_at(at(2027, 3, 1, 9), limit_hours=2).estimated is False


def test_hours_are_elapsed_time_whatever_the_zone_of_the_input() -> None:
    start = dt.datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # 07:00 on the 23rd in Shenzhen
    assert add_hours(start, 2) == at(2026, 11, 23, 9)
    assert add_hours(start, 2).tzinfo == CENTRE_TZ


# ---- a year nobody has published yet ----

def test_2027_falls_back_to_weekends_and_says_so() -> None:
    assert package_days(2027) is None
    assert CAL.is_estimated(D(2027, 1, 4)) and not CAL.is_estimated(D(2026, 12, 31))
    assert CAL.is_working_day(D(2027, 1, 1))  # a Friday; 元旦 is unknown to the fallback
    assert days_due(at(2027, 1, 1, 9), 1) == Deadline(end_of(D(2027, 1, 4)), estimated=True)
    # Counting from a published year into an unpublished one is estimated as well.
    assert days_due(at(2026, 12, 30, 9), 3) == Deadline(end_of(D(2027, 1, 4)), estimated=True)
    # Wholly inside 2026 it is not.
    assert days_due(at(2026, 12, 28, 9), 3).estimated is False


def test_an_empty_calendar_never_raises() -> None:
    empty = WorkCalendar()
    assert empty.known_years == frozenset()
    assert days_due(at(2030, 6, 7, 9), 10, empty).estimated  # a Friday
    assert days_due(at(2030, 6, 7, 9), 10, empty).at == end_of(D(2030, 6, 21))


def test_an_estimated_override_keeps_its_year_unpublished() -> None:
    guess = WorkCalendar({D(2027, 2, 8): (False, "春节?", True)})
    assert guess.known_years == frozenset()
    assert guess.day(D(2027, 2, 8)) == DayInfo(False, "春节?", True)
    admin = WorkCalendar({D(2027, 1, 1): (False, "元旦", False)})
    assert admin.known_years == {2027} and not admin.is_estimated(D(2027, 6, 1))


# ---- bad limits are refused with a code ----

@pytest.mark.parametrize(("hours", "days", "code"), [
    (None, None, "limit.one_required"),
    (4, 5, "limit.one_required"),
    (0, None, "limit.not_positive"),
    (-3, None, "limit.not_positive"),
    (None, 0, "limit.not_positive"),
    (None, -1, "limit.not_positive"),
    (None, MAX_LIMIT_WORKING_DAYS + 1, "limit.too_large"),
    (None, True, "limit.not_integer"),
    (1.5, None, "limit.not_integer"),
])
def test_bad_limits_are_refused(hours: object, days: object, code: str) -> None:
    with pytest.raises(LimitError) as info:
        CAL.due_at(at(2026, 11, 23, 9), limit_hours=hours,  # type: ignore[arg-type]
                   limit_working_days=days)  # type: ignore[arg-type]
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.due_at(dt.datetime(2026, 11, 23, 9), limit_hours=2)


# ---- properties ----

starts = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 6, 30),
                      timezones=st.sampled_from([UTC, CENTRE_TZ]))
counts = st.integers(min_value=1, max_value=40)
PROPS = settings(max_examples=300, deadline=None)


@PROPS
@given(starts, starts, counts)
def test_due_at_is_monotone_in_start(a: dt.datetime, b: dt.datetime, n: int) -> None:
    early, late = sorted((a, b))
    assert days_due(early, n).at <= days_due(late, n).at


@PROPS
@given(starts, counts, counts)
def test_due_at_is_monotone_in_n(start: dt.datetime, m: int, n: int) -> None:
    low, high = sorted((m, n))
    assert days_due(start, low).at <= days_due(start, high).at
    assert days_due(start, n + 1).at > days_due(start, n).at


@PROPS
@given(starts, counts)
def test_the_result_is_the_end_of_a_working_day_after_the_start(start: dt.datetime,
                                                                 n: int) -> None:
    due = days_due(start, n).at
    assert due.tzinfo == CENTRE_TZ and due.time() == dt.time(0)
    last_day = due.date() - dt.timedelta(days=1)
    assert CAL.is_working_day(last_day)
    assert last_day > start.astimezone(CENTRE_TZ).date()
    counted = [last_day - dt.timedelta(days=i)
               for i in range((last_day - start.astimezone(CENTRE_TZ).date()).days)]
    assert sum(CAL.is_working_day(d) for d in counted) == n


@PROPS
@given(starts, st.integers(min_value=1, max_value=24 * 30))
def test_hour_limits_are_exact_elapsed_time(start: dt.datetime, hours: int) -> None:
    deadline = CAL.due_at(start, limit_hours=hours)
    assert deadline.at - start == dt.timedelta(hours=hours)
    assert not deadline.estimated
