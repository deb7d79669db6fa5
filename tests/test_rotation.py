"""The four-team rotation: every shift staffed, duty spread fairly, rest kept,
across month ends and leap years (property tests, no database)."""

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from console.core.clock import CENTRE_TZ, FakeClock
from console.duty.rotation import (
    OVER,
    REST,
    RUNNING,
    UPCOMING,
    Rotation,
    Shift,
    check_rotation,
    check_shifts,
    month_days,
    rest_problem,
    standard_offsets,
)

SHIFTS = (Shift("day", "白班", dt.time(8), 8), Shift("evening", "中班", dt.time(16), 8),
          Shift("night", "夜班", dt.time(0), 8))
TEAMS = ("T1", "T2", "T3", "T4")
STANDARD = ("night", "night", "day", "day", "evening", "evening", REST, REST)
EPOCH = dt.date(2020, 1, 1)
TWELVE = dt.timedelta(hours=12)

months = st.tuples(st.integers(1990, 2100), st.integers(1, 12))


@st.composite
def rotations(draw: st.DrawFn) -> Rotation:
    """Four teams over any order of the three shifts and a rest block, in runs of 1–3 days."""
    run = draw(st.integers(1, 3))
    order = draw(st.permutations([s.code for s in SHIFTS] + [REST]))
    pattern = tuple(code for code in order for _ in range(run))
    epoch = draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)))
    return Rotation(pattern, epoch, standard_offsets(TEAMS, pattern))


def shift(code: str) -> Shift:
    return next(s for s in SHIFTS if s.code == code)


def person_intervals(rotation: Rotation, team: str, days: list[dt.date]):
    return [shift(c).interval(d) for d, c in rotation.duties(team, days)]


@given(rotations(), months)
def test_every_shift_of_every_day_has_exactly_one_team(rotation: Rotation,
                                                       year_month: tuple[int, int]) -> None:
    for day in month_days(*year_month):
        worked = [rotation.shift_of(t, day) for t in TEAMS]
        assert sorted(c for c in worked if c) == sorted(s.code for s in SHIFTS)
        assert set(rotation.day_plan(day)) == {s.code for s in SHIFTS}


@given(rotations(), months)
def test_duty_is_spread_fairly_over_a_month_and_equal_over_a_cycle(
        rotation: Rotation, year_month: tuple[int, int]) -> None:
    days = month_days(*year_month)
    run = len(rotation.pattern) // 4
    counts = [len(rotation.duties(t, days)) for t in TEAMS]
    assert max(counts) - min(counts) <= run
    cycle = [days[0] + dt.timedelta(days=k) for k in range(len(rotation.pattern))]
    for code in (s.code for s in SHIFTS):
        per_team = {sum(1 for _d, c in rotation.duties(t, cycle) if c == code) for t in TEAMS}
        assert per_team == {run}


@given(rotations(), months)
def test_the_rest_check_is_exact_and_holds_across_month_ends(
        rotation: Rotation, year_month: tuple[int, int]) -> None:
    year, month = year_month
    nxt = (year + month // 12, month % 12 + 1)
    days = month_days(year, month) + month_days(*nxt)
    assert days[len(month_days(year, month))] == dt.date(nxt[0], nxt[1], 1)
    refused = any(e.code == "rotation.rest" for e in check_rotation(rotation, SHIFTS, TWELVE))
    # a rotation is refused exactly when some team's two months really break the rule
    # (two months cover the whole cycle at least once)
    broken = any(rest_problem(person_intervals(rotation, t, days), TWELVE) is not None
                 for t in TEAMS)
    assert refused == broken


@given(st.integers(1990, 2100))
def test_february_of_leap_years_continues_the_cycle(year: int) -> None:
    rotation = Rotation(STANDARD, EPOCH, standard_offsets(TEAMS, STANDARD))
    feb, mar = month_days(year, 2), month_days(year, 3)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    assert len(feb) == (29 if leap else 28)
    days = feb + mar
    for a, b in itertools.pairwise(days):
        assert (b - a).days == 1
    for team in TEAMS:
        # the standard cycle keeps at least 16 hours between shifts everywhere
        assert rest_problem(person_intervals(rotation, team, days), dt.timedelta(hours=16)) is None
        positions = [((d - EPOCH).days + rotation.offsets[team]) % 8 for d in days]
        assert all((b - a) % 8 == 1 for a, b in itertools.pairwise(positions))


def test_the_standard_rotation_is_accepted_and_a_broken_one_is_explained() -> None:
    standard = Rotation(STANDARD, EPOCH, standard_offsets(TEAMS, STANDARD))
    assert check_rotation(standard, SHIFTS, TWELVE) == []
    # evening straight into the next night: no rest at all
    tight = ("day", "day", "evening", "evening", "night", "night", REST, REST)
    errors = check_rotation(Rotation(tight, EPOCH, standard_offsets(TEAMS, tight)),
                            SHIFTS, TWELVE)
    assert [e.code for e in errors] == ["rotation.rest"]
    assert errors[0].params["hours"] == 0.0
    # two teams on the same offset: nights doubled, days left empty
    doubled = Rotation(STANDARD, EPOCH, {"T1": 0, "T2": 0, "T3": 4, "T4": 6})
    assert check_rotation(doubled, SHIFTS, TWELVE)[0].code in {"rotation.unstaffed",
                                                              "rotation.doubled"}
    unknown = Rotation(("day", "lunch", REST), EPOCH, {"T1": 0})
    assert check_rotation(unknown, SHIFTS, TWELVE)[0].params == {"codes": "lunch"}


@given(st.integers(0, 23), st.integers(-5, 40))
def test_a_shift_longer_than_a_day_overlaps_itself(start: int, hours: int) -> None:
    errors = check_shifts([Shift("x", "加班", dt.time(start), hours)])
    assert bool(errors) == (not 1 <= hours <= 24)
    assert all(e.code == "shift.overlaps_itself" for e in errors)


def test_templates_that_overlap_each_other_are_refused_and_the_standard_three_tile() -> None:
    assert check_shifts(SHIFTS) == []
    errors = check_shifts([*SHIFTS, Shift("peak", "高峰班", dt.time(12), 8)])
    assert {(e.params["shift"], e.params["other"]) for e in errors} == {
        ("白班", "高峰班"), ("中班", "高峰班")}
    # 22:00 + 11 h runs into the next morning's day shift; + 10 h just meets it
    assert check_shifts([shift("day"), Shift("late", "晚班", dt.time(22), 11)])
    assert check_shifts([shift("day"), Shift("late", "晚班", dt.time(22), 10)]) == []


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 24)), max_size=8),
       st.integers(0, 24))
def test_rest_problem_is_found_exactly_when_some_pair_of_shifts_is_too_close(
        shifts: list[tuple[int, int]], min_hours: int) -> None:
    base = dt.datetime(2028, 2, 28)
    intervals = [(base + dt.timedelta(hours=s), base + dt.timedelta(hours=s + h))
                 for s, h in shifts]
    minimum = dt.timedelta(hours=min_hours)
    too_close = any(b0 - a1 < minimum for (a0, a1), (b0, _b1)
                    in itertools.permutations(intervals, 2) if a0 <= b0)
    found = rest_problem(intervals, minimum)
    assert (found is not None) == too_close
    assert found is None or found < minimum


def test_at_night_only_the_night_shift_of_that_calendar_day_is_running() -> None:
    _day, evening, night = SHIFTS
    today = dt.date(2026, 11, 22)
    clock = FakeClock(dt.datetime(2026, 11, 22, 2, 30, tzinfo=CENTRE_TZ))
    assert [s.phase(today, clock.now()) for s in SHIFTS] == [UPCOMING, UPCOMING, RUNNING]
    assert evening.phase(today - dt.timedelta(days=1), clock.now()) == OVER
    clock.advance(hours=5, minutes=30)  # 08:00: the night shift hands over to the day shift
    assert [s.phase(today, clock.now()) for s in SHIFTS] == [RUNNING, UPCOMING, OVER]
    clock.set(dt.datetime(2026, 11, 22, 15, 59, tzinfo=dt.UTC))  # 23:59 in the centre
    assert [s.phase(today, clock.now()) for s in SHIFTS] == [OVER, RUNNING, OVER]
    assert night.phase(today + dt.timedelta(days=1), clock.now()) == UPCOMING


def test_every_minute_of_a_day_one_shift_is_running() -> None:
    clock = FakeClock(dt.datetime(2028, 2, 28, 22, 0, tzinfo=CENTRE_TZ))
    while clock.now() < dt.datetime(2028, 3, 1, 2, 0, tzinfo=CENTRE_TZ):  # the leap day
        today = clock.now().date()
        running = [(d, s.code) for d in (today - dt.timedelta(days=1), today) for s in SHIFTS
                   if s.phase(d, clock.now()) == RUNNING]
        assert len(running) == 1 and running[0][0] == today, clock.now()
        clock.advance(minutes=7)
