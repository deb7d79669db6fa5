"""Who is offered to take a duty (console/duty/stand_ins.py): the post's
colleagues of other teams first, rested ones first, on a set-up built by hand."""

from __future__ import annotations

import datetime as dt

from console.duty.stand_ins import people_of, ranked, rest_check
from tests.duty_fixture import DAY, EVENING, NIGHT, ROOM_A, ROOM_B, SETUP, duty

SUNDAY = dt.date(2026, 11, 22)
T1, T2, T3, T4 = 11, 12, 13, 14


def days(n: int) -> dt.date:
    return SUNDAY + dt.timedelta(days=n)


def test_everybody_rostered_once_at_the_post_where_most_of_their_duties_are() -> None:
    entries = [duty(days(0), DAY, 1, post=ROOM_B, team=T2), duty(days(1), DAY, 1, post=ROOM_A),
               duty(days(2), DAY, 1, post=ROOM_A), duty(days(0), NIGHT, 2, post=ROOM_B),
               duty(days(0), EVENING, None)]  # nobody: not a person
    people = people_of(entries)
    assert [(p.staff_id, p.post_id, p.team_id) for p in people] == [(1, ROOM_A, T2),
                                                                  (2, ROOM_B, T1)]


def test_the_rest_check_counts_duties_not_leave_across_a_month_end() -> None:
    evening = duty(SUNDAY, EVENING, 1)
    assert rest_check(SETUP, evening, [duty(days(1), EVENING, 2)]) is None  # 16 hours
    assert rest_check(SETUP, evening, [duty(days(1), DAY, 2)]) == dt.timedelta(hours=8)
    assert rest_check(SETUP, evening, [duty(days(1), NIGHT, 2)]) == dt.timedelta(0)
    assert rest_check(SETUP, evening, [duty(SUNDAY, DAY, 2)]) == dt.timedelta(0)
    assert rest_check(SETUP, evening, [duty(SUNDAY, EVENING, 2)]) == dt.timedelta(hours=-8)
    assert rest_check(SETUP, evening, [duty(SUNDAY, DAY, 2, kind="leave")]) is None
    # a month end in between changes nothing: the day shift of the 1st after the evening
    # of the 30th leaves eight hours
    first = duty(dt.date(2026, 12, 1), DAY, 1)
    assert rest_check(SETUP, first, [duty(dt.date(2026, 11, 30), EVENING, 2)]) == dt.timedelta(
        hours=8)


def test_colleagues_of_other_teams_first_rested_first_the_person_themself_never() -> None:
    wanted = duty(SUNDAY, EVENING, 1, post=ROOM_A, team=T1)
    month = [wanted,
             duty(days(-10), EVENING, 6, post=ROOM_B, team=T2, person="乙室二班"),
             duty(SUNDAY, EVENING, 5, post=ROOM_B, team=T3, person="乙室三班"),  # the same hours
             duty(days(-4), DAY, 4, post=ROOM_A, team=T1, person="甲室一班"),
             duty(SUNDAY, DAY, 3, post=ROOM_A, team=T4, person="甲室四班"),  # off at 16:00
             duty(days(-2), EVENING, 2, post=ROOM_A, team=T2, person="甲室二班")]
    found = ranked(SETUP, wanted, people_of(month), month)
    assert [c.person.name for c in found] == ["甲室二班", "甲室四班", "甲室一班", "乙室二班",
                                              "乙室三班"]
    assert [(c.short_rest, c.clash) for c in found] == [
        (None, False), (dt.timedelta(0), False), (None, False), (None, False),
        (dt.timedelta(hours=-8), True)]
