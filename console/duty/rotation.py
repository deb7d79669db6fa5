"""The four-team, three-shift rotation (四班三运行) and the rules of duty time.

Plain Python, no database: shift templates as daily intervals, the rotation as
a cycle of shift codes that each team walks from its own offset, and the
checks every roster change must pass (no two shifts at once, a minimum rest
between shifts). A day's night shift (00–08) belongs to that calendar day.

The cycle is anchored at a fixed epoch, not at the first of the month, so
month after month continues the same sequence across month ends and leap days.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from console.core.clock import CENTRE_TZ
from console.core.errors import FieldError

REST = "rest"
DAY = dt.timedelta(days=1)
UPCOMING, RUNNING, OVER = "upcoming", "running", "over"  # a shift seen from a moment


@dataclass(frozen=True)
class Shift:
    code: str
    name: str
    starts: dt.time
    hours: int

    def interval(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Start and end of this shift on ``day``, in the centre's local time."""
        start = dt.datetime.combine(day, self.starts)
        return start, start + dt.timedelta(hours=self.hours)

    def phase(self, day: dt.date, at: dt.datetime) -> str:
        """Whether this shift on ``day`` is to come, running or over at the
        moment ``at`` (timezone-aware). The night shift of the 22nd (00–08)
        runs at 02:30 on the 22nd, when that day's day shift is still to come."""
        local = at.astimezone(CENTRE_TZ).replace(tzinfo=None)
        start, end = self.interval(day)
        return UPCOMING if local < start else RUNNING if local < end else OVER


def check_shifts(shifts: Sequence[Shift]) -> list[FieldError]:
    """Problems with a set of shift templates: one longer than a day overlaps
    its own next turn; two that overlap each other cannot both be rotated."""
    errors: list[FieldError] = []
    for shift in shifts:
        if not 1 <= shift.hours <= 24:
            errors.append(FieldError("hours", "shift.overlaps_itself",
                                     {"shift": shift.name, "hours": shift.hours}))
    ok = [s for s in shifts if 1 <= s.hours <= 24]
    for i, a in enumerate(ok):
        for b in ok[i + 1:]:
            if _daily_overlap(a, b):
                errors.append(FieldError("starts", "shift.overlaps",
                                         {"shift": a.name, "other": b.name}))
    return errors


def _daily_overlap(a: Shift, b: Shift) -> bool:
    """Whether two shifts that recur every day ever run at the same time."""
    day = dt.date(2000, 1, 2)
    a0, a1 = a.interval(day)
    for shift_day in (day - DAY, day, day + DAY):
        b0, b1 = b.interval(shift_day)
        if a0 < b1 and b0 < a1:
            return True
    return False


@dataclass(frozen=True)
class Rotation:
    """A cycle of shift codes (or REST), one per day; team ``t`` works
    ``pattern[(days since epoch + offsets[t]) % len(pattern)]``."""

    pattern: tuple[str, ...]
    epoch: dt.date
    offsets: Mapping[str, int]

    def shift_of(self, team: str, day: dt.date) -> str | None:
        code = self.pattern[((day - self.epoch).days + self.offsets[team]) % len(self.pattern)]
        return None if code == REST else code

    def day_plan(self, day: dt.date) -> dict[str, str]:
        """Shift code → the team that works it on ``day``."""
        plan: dict[str, str] = {}
        for team in self.offsets:
            code = self.shift_of(team, day)
            if code is not None:
                plan.setdefault(code, team)
        return plan

    def duties(self, team: str, days: Iterable[dt.date]) -> list[tuple[dt.date, str]]:
        return [(d, c) for d in days if (c := self.shift_of(team, d)) is not None]


def month_days(year: int, month: int) -> list[dt.date]:
    return [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def check_rotation(rotation: Rotation, shifts: Sequence[Shift],
                   min_rest: dt.timedelta) -> list[FieldError]:
    """Problems with a rotation: a shift nobody or two teams work on some day
    of the cycle, an unknown code, or a team's rest below ``min_rest``."""
    by_code = {s.code: s for s in shifts}
    errors: list[FieldError] = []
    unknown = sorted({c for c in rotation.pattern if c != REST and c not in by_code})
    if unknown:
        return [FieldError("pattern", "rotation.unknown_shift", {"codes": ", ".join(unknown)})]
    if not rotation.pattern or not rotation.offsets:
        return [FieldError("pattern", "rotation.empty")]
    length = len(rotation.pattern)
    for k in range(length):
        day = rotation.epoch + dt.timedelta(days=k)
        worked = [rotation.shift_of(t, day) for t in rotation.offsets]
        for shift in shifts:
            count = worked.count(shift.code)
            if count != 1:
                errors.append(FieldError("pattern", "rotation.unstaffed" if count == 0
                                         else "rotation.doubled",
                                         {"shift": shift.name, "position": k + 1}))
                return errors
    days = [rotation.epoch + dt.timedelta(days=k) for k in range(2 * length + 1)]
    for team in rotation.offsets:
        intervals = [by_code[c].interval(d) for d, c in rotation.duties(team, days)]
        problem = rest_problem(intervals, min_rest)
        if problem is not None:
            errors.append(FieldError("pattern", "rotation.rest",
                                     {"team": team, "hours": _hours(problem)}))
            break
    return errors


def rest_problem(intervals: Iterable[tuple[dt.datetime, dt.datetime]],
                 min_rest: dt.timedelta) -> dt.timedelta | None:
    """The shortest rest between consecutive shifts when it is below
    ``min_rest`` (negative: two shifts at once), else None."""
    ordered = sorted(intervals)
    shortest: dt.timedelta | None = None
    for (_a0, a1), (b0, _b1) in zip(ordered, ordered[1:], strict=False):
        gap = b0 - a1
        if gap < min_rest and (shortest is None or gap < shortest):
            shortest = gap
    return shortest


def _hours(delta: dt.timedelta) -> float:
    return round(delta.total_seconds() / 3600, 1)


def standard_offsets(teams: Sequence[str], pattern: Sequence[str]) -> dict[str, int]:
    """Teams spaced evenly along the cycle: the usual four-team arrangement."""
    step = len(pattern) // max(len(teams), 1)
    return {team: i * step for i, team in enumerate(teams)}
