"""A unit's own time limits, in plain rules (tested with a fake clock).

- Signing for a case (签收) is due the clock rule's sign limit (by default
  ``SIGN_LIMIT_WORKING_HOURS``) in working hours after dispatch. Working hours are
  ``OFFICE_OPENS``–``OFFICE_CLOSES`` on working days (weekends and public holidays
  skipped, make-up days counted): with 2 hours, a case dispatched at 17:30 on a
  Friday is due to be signed at 10:30 on Monday.
- A return may be applied for (退回申请) until the end of the rule's return window
  (by default ``RETURN_WINDOW_WORKING_DAYS``) in working days after the day of
  dispatch.

The rule is the admin's (``clock_rule``, console/casework/clocks.py); the database
counts both limits the same way (``public.sign_due``, ``public.return_window_ends``,
migration 0013), stores the sign deadline on the case and refuses a late return.
- An extension (延期申请) asks for 1–``MAX_EXTENSION_WORKING_DAYS`` more working
  days; approved, the deadline moves to the end of that many working days after
  the day it fell on. Both deadlines move so (``extended``): the case's own
  (the citizen's) from where it fell, and the unit's, while its clock runs, from
  where the unit's fell. A unit whose clock has not started (the rule ``sign``,
  not signed yet) has no deadline to move: its clock, once started, counts its
  limit from that moment.
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


def sign_due(calendar: WorkCalendar, dispatched_at: dt.datetime,
             hours: int = SIGN_LIMIT_WORKING_HOURS) -> dt.datetime:
    return add_working_hours(calendar, dispatched_at, hours)


def return_window_ends(calendar: WorkCalendar, dispatched_at: dt.datetime,
                       days: int = RETURN_WINDOW_WORKING_DAYS) -> dt.datetime:
    return calendar.add_working_days(dispatched_at, days)


def extended_due(calendar: WorkCalendar, due_at: dt.datetime, days: int) -> dt.datetime:
    """The deadline ``days`` working days on. A deadline at midnight ends the day
    before, so the days count from that day."""
    last_moment = to_local(due_at) - dt.timedelta(microseconds=1)
    return calendar.add_working_days(last_moment, days)


def extended(calendar: WorkCalendar, due_at: dt.datetime, unit_due_at: dt.datetime | None,
             days: int) -> tuple[dt.datetime, dt.datetime | None]:
    """The case's deadline and the unit's (None: no unit clock runs) after an
    extension of ``days`` working days is approved: each moves on by those days
    from where it fell."""
    unit = None if unit_due_at is None else extended_due(calendar, unit_due_at, days)
    return extended_due(calendar, due_at, days), unit
