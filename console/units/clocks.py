"""A unit's own time limits, in plain rules (tested with a fake clock).

- Signing for a case (签收) is due ``SIGN_LIMIT_WORKING_HOURS`` working hours
  after dispatch. Working hours are ``OFFICE_OPENS``–``OFFICE_CLOSES`` on working
  days (weekends and public holidays skipped, make-up days counted): a case
  dispatched at 17:30 on a Friday is due to be signed at 10:30 on Monday.
- A return may be applied for (退回申请) until the end of the
  ``RETURN_WINDOW_WORKING_DAYS``-th working day after the day of dispatch.
- An extension (延期申请) asks for 1–``MAX_EXTENSION_WORKING_DAYS`` more working
  days; approved, the deadline moves to the end of that many working days after
  the day it fell on.
"""

from __future__ import annotations

import datetime as dt

from console.calendar.workdays import WorkCalendar, to_local
from console.core.clock import CENTRE_TZ

SIGN_LIMIT_WORKING_HOURS = 2
OFFICE_OPENS, OFFICE_CLOSES = dt.time(9, 0), dt.time(18, 0)
RETURN_WINDOW_WORKING_DAYS = 1
MAX_EXTENSION_WORKING_DAYS = 30
_MAX_DAYS_SEARCHED = 60  # a calendar with no working day for two months is broken


def add_working_hours(calendar: WorkCalendar, start: dt.datetime,
                      hours: float) -> dt.datetime:
    """``start`` plus ``hours`` counted only within office hours of working days."""
    at, left = to_local(start), dt.timedelta(hours=hours)
    for _ in range(_MAX_DAYS_SEARCHED):
        opens = dt.datetime.combine(at.date(), OFFICE_OPENS, CENTRE_TZ)
        closes = dt.datetime.combine(at.date(), OFFICE_CLOSES, CENTRE_TZ)
        if calendar.is_working_day(at.date()) and at < closes:
            at = max(at, opens)
            if at + left <= closes:
                return at + left
            left -= closes - at
        next_day = at.date() + dt.timedelta(days=1)
        at = dt.datetime.combine(next_day, dt.time(), CENTRE_TZ)
    raise ValueError("no working day in sight: check the working-day calendar")


def sign_due(calendar: WorkCalendar, dispatched_at: dt.datetime) -> dt.datetime:
    return add_working_hours(calendar, dispatched_at, SIGN_LIMIT_WORKING_HOURS)


def return_window_ends(calendar: WorkCalendar, dispatched_at: dt.datetime) -> dt.datetime:
    return calendar.add_working_days(dispatched_at, RETURN_WINDOW_WORKING_DAYS)


def extended_due(calendar: WorkCalendar, due_at: dt.datetime, days: int) -> dt.datetime:
    """The deadline ``days`` working days on. A deadline at midnight ends the day
    before, so the days count from that day."""
    last_moment = to_local(due_at) - dt.timedelta(microseconds=1)
    return calendar.add_working_days(last_moment, days)
