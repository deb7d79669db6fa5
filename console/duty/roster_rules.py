"""How a roster is read, as plain rules (no database; the moment is passed in):
the order shifts and entries are listed in, whose shift a cell of the month is,
which teams rest on a day, and where a duty stands at a moment (to come,
running, over), which says who of a day's list is on duty now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from console.duty.duty_setup import Setup, ShiftRow, Team
from console.duty.roster import Duty, MonthCell

LAST = 1 << 30  # an unknown post or shift sorts after the known ones


def display_order(shifts: Iterable[ShiftRow]) -> list[ShiftRow]:
    """Shifts as a day is read on a roster: 白班, 中班, then the night (00–08) last."""
    return sorted(shifts, key=lambda r: (r.shift.starts < dt.time(6), r.shift.starts))


def listing_order(setup: Setup, entries: Iterable[Duty]) -> list[Duty]:
    """A day's entries as listed: by post (the setup's order), then shift (display
    order), duty before leave, then name."""
    shifts = {r.id: i for i, r in enumerate(display_order(setup.shifts))}
    posts = {p.id: i for i, p in enumerate(setup.posts)}
    return sorted(entries, key=lambda e: (posts.get(e.post_id or -1, LAST),
                                          shifts.get(e.shift_id, LAST), e.kind, e.person))


def main_team(setup: Setup, day: dt.date, shift: ShiftRow, cell: MonthCell) -> int | None:
    """Whose shift a cell is: the team the rotation puts on it when that team is
    there (a stand-in from another team does not change whose shift it is), else
    the lowest team id on duty in it."""
    code = setup.rotation.day_plan(day).get(shift.shift.code)
    for team in setup.teams:
        if team.code == code and team.id in cell.teams:
            return team.id
    return min(cell.teams, default=None)


def resting_teams(setup: Setup, day: dt.date,
                  cells: Mapping[tuple[dt.date, int], MonthCell]) -> list[Team]:
    """The rotating teams whose shift none of the day's cells is (none on a day
    with nothing rostered)."""
    working = {main_team(setup, day, row, cell) for row in setup.shifts
               if (cell := cells.get((day, row.id))) is not None}
    if not working:
        return []
    return [t for t in setup.teams if t.offset is not None and t.id not in working]


def phase_of(setup: Setup, duty: Duty, at: dt.datetime) -> str | None:
    """UPCOMING, RUNNING or OVER for a duty at the moment ``at``: only the people
    of a running shift are on duty now. None for leave or an unknown shift."""
    row = next((r for r in setup.shifts if r.id == duty.shift_id), None)
    if row is None or duty.kind != "duty":
        return None
    return row.shift.phase(duty.day, at)

