"""A unit's own clocks: signing within working hours, the return window, an
extension's new deadline, across a weekend and a public holiday."""

import datetime as dt

from console.calendar.workdays import WorkCalendar
from console.core.clock import CENTRE_TZ
from console.units import clocks

# 2026-10-01..07: National Day holiday; Sunday 2026-10-11 a make-up working day.
CALENDAR = WorkCalendar({dt.date(2026, 10, d): (False, "国庆节", False) for d in range(1, 8)}
                        | {dt.date(2026, 10, 11): (True, "调休", False)}, known_years=[2026])


def at(day: int, hour: int, minute: int = 0, month: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CENTRE_TZ)


def test_signing_is_due_two_working_hours_after_dispatch() -> None:
    assert clocks.sign_due(CALENDAR, at(12, 10)) == at(12, 12)  # a Monday morning
    assert clocks.sign_due(CALENDAR, at(12, 17, 30)) == at(13, 10, 30)  # over the night
    assert clocks.sign_due(CALENDAR, at(12, 6)) == at(12, 11)  # before the office opens
    # Dispatched on the eve of the holiday: due after it, on Thursday the 8th.
    assert clocks.sign_due(CALENDAR, at(30, 17, month=9)) == at(8, 10)
    # The make-up Sunday counts; the Saturday before it does not.
    assert clocks.sign_due(CALENDAR, at(10, 9)) == at(11, 11)


def test_the_return_window_is_one_working_day_after_the_day_of_dispatch() -> None:
    assert clocks.return_window_ends(CALENDAR, at(12, 15)) == at(14, 0)  # end of Tuesday
    assert clocks.return_window_ends(CALENDAR, at(30, 15, month=9)) == at(9, 0)


def test_an_extension_moves_the_deadline_by_working_days() -> None:
    due = at(1, 0)  # the end of 30 September
    assert clocks.extended_due(CALENDAR, due, 1) == at(9, 0)  # the 8th, after the holiday
    assert clocks.extended_due(CALENDAR, at(12, 0), 2) == at(14, 0)  # Sunday 11th counts
    assert clocks.extended_due(CALENDAR, at(12, 16), 1) == at(14, 0)
