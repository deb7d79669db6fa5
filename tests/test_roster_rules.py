"""How a roster is read (console/duty/roster_rules.py) and the shifts around a
shift (Setup), on a set-up built by hand: no database, a fake clock."""

from __future__ import annotations

import dataclasses
import datetime as dt

from console.core.clock import CENTRE_TZ, FakeClock
from console.duty.duty_setup import ShiftRow, Team
from console.duty.roster import MonthCell
from console.duty.roster_rules import (
    display_order,
    listing_order,
    main_team,
    phase_of,
    resting_teams,
)
from console.duty.rotation import OVER, RUNNING, UPCOMING, Shift
from tests.duty_fixture import DAY, EVENING, NIGHT, ROOM_A, ROOM_B, SEAT, SETUP, duty

SUNDAY = dt.date(2026, 11, 22)  # evening 一班 (11), night 三班 (13), day 四班 (14); 二班 rests
T1, T2, T3, T4 = 11, 12, 13, 14


def test_shifts_are_read_day_evening_night_and_a_days_entries_by_post_shift_kind_name() -> None:
    assert [r.id for r in display_order(SETUP.shifts)] == [DAY, EVENING, NIGHT]
    entries = [duty(SUNDAY, NIGHT, 1, post=ROOM_A, person="乙"),
               duty(SUNDAY, DAY, 2, post=ROOM_B, person="甲"),
               duty(SUNDAY, DAY, 3, post=ROOM_A, kind="leave", person="丙"),
               duty(SUNDAY, DAY, 4, post=ROOM_A, person="丁"),  # U+4E01, before 乙 (U+4E59)
               duty(SUNDAY, EVENING, 5, post=SEAT, person="戊"),
               duty(SUNDAY, EVENING, 6, post=None, person="己"),  # no post: last
               duty(SUNDAY, DAY, 7, post=ROOM_A, person="乙")]
    assert [e.staff_id for e in listing_order(SETUP, entries)] == [5, 4, 7, 3, 1, 2, 6]


def test_a_cell_is_the_shift_of_the_team_the_rotation_names_even_with_a_stand_in() -> None:
    evening = SETUP.shift(EVENING)
    assert main_team(SETUP, SUNDAY, evening, MonthCell((T2, T1), 5, 1)) == T1
    # the rotation's team not there at all (everybody stood in for): the lowest id
    assert main_team(SETUP, SUNDAY, evening, MonthCell((T4, T2), 2, 3)) == T2
    assert main_team(SETUP, SUNDAY, evening, MonthCell((), 0, 3)) is None


def test_the_team_whose_shift_no_cell_is_rests() -> None:
    cells = {(SUNDAY, EVENING): MonthCell((T1, T2), 5, 1),  # a stand-in from 二班
             (SUNDAY, NIGHT): MonthCell((T3,), 5, 0), (SUNDAY, DAY): MonthCell((T4,), 5, 0)}
    assert [t.name for t in resting_teams(SETUP, SUNDAY, cells)] == ["二班"]
    assert resting_teams(SETUP, SUNDAY + dt.timedelta(days=1), cells) == []  # not rostered
    # a team outside the rotation (no offset) never "rests"
    reserve = dataclasses.replace(SETUP, teams=(*SETUP.teams, Team(15, "R", "机动", None)))
    assert [t.name for t in resting_teams(reserve, SUNDAY, cells)] == ["二班"]


def test_who_of_a_days_list_is_on_duty_moves_with_the_clock() -> None:
    clock = FakeClock(dt.datetime(2026, 11, 22, 2, 30, tzinfo=CENTRE_TZ))
    night, day = duty(SUNDAY, NIGHT, 1), duty(SUNDAY, DAY, 2)
    last_evening = duty(SUNDAY - dt.timedelta(days=1), EVENING, 3)
    assert [phase_of(SETUP, d, clock.now()) for d in (night, day, last_evening)] == [
        RUNNING, UPCOMING, OVER]
    clock.set(dt.datetime(2026, 11, 22, 8, 0, tzinfo=CENTRE_TZ))
    assert [phase_of(SETUP, d, clock.now()) for d in (night, day)] == [OVER, RUNNING]
    clock.advance(hours=8)  # 16:00 in another time zone is the same moment
    assert phase_of(SETUP, day, clock.now().astimezone(dt.UTC)) == OVER
    assert phase_of(SETUP, duty(SUNDAY, DAY, 4, kind="leave"), clock.now()) is None
    assert phase_of(SETUP, duty(SUNDAY, 99, 5), clock.now()) is None  # an unknown shift


def test_the_shift_before_and_after_cross_midnight() -> None:
    day, night, evening = SETUP.shift(DAY), SETUP.shift(NIGHT), SETUP.shift(EVENING)
    saturday = SUNDAY - dt.timedelta(days=1)
    assert SETUP.previous_shift(SUNDAY, day) == (SUNDAY, night)
    assert SETUP.previous_shift(SUNDAY, night) == (saturday, evening)
    assert SETUP.next_shift(saturday, evening) == (SUNDAY, night)
    assert SETUP.previous_shift(SUNDAY, evening) == (SUNDAY, day)


def test_who_is_on_duty_next_changes_at_the_next_shift_boundary() -> None:
    """The moment the map reads its posts again without an event: the next start or
    end of a shift after now (never now itself); none without shifts."""
    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 12, day, hour, minute, tzinfo=CENTRE_TZ)

    assert SETUP.next_change(at(1, 7, 59)) == at(1, 8)
    assert SETUP.next_change(at(1, 8)) == at(1, 16)  # at a boundary: the one after it
    assert SETUP.next_change(at(1, 23, 30)) == at(2, 0)  # across midnight
    utc = at(1, 3).astimezone(dt.UTC)  # any zone in, the centre's clock decides
    assert SETUP.next_change(utc) == at(1, 8)
    odd = dataclasses.replace(SETUP, shifts=(
        ShiftRow(9, Shift("long", "长班", dt.time(9, 30), 12)),))
    assert odd.next_change(at(1, 22)) == at(2, 9, 30)  # started 09:30, ended 21:30
    assert dataclasses.replace(SETUP, shifts=()).next_change(at(1, 12)) is None
