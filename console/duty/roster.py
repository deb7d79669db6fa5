"""The duty roster (排班) as generated and read: a month of the four-team
rotation in one action, a day's or a month's entries, the month at a glance,
who is on duty now and the duties a person could swap with.

Edits of single entries are in ``console/duty/roster_edits.py``. Every change
bumps the version of each roster day it touches and appends a
``roster_changed`` event (``events.RosterChanged``, case_id NULL), which is how
every seat's panes hear of it; the write returns that event's id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.clock import CENTRE_TZ
from console.core.errors import FieldError, ValidationError, require_role
from console.core.store import Store
from console.duty.duty_setup import Setup, read_setup
from console.duty.rotation import RUNNING, check_rotation, check_shifts, month_days
from db import schema as s

SWAP_WINDOW = 7  # days before and after a duty that a swap may reach
R, ST, D = s.RosterEntry, s.Staff, s.RosterDay


@dataclass(frozen=True)
class Duty:
    """One roster entry as shown."""

    id: int
    day: dt.date
    shift_id: int
    post_id: int | None
    staff_id: int | None
    person: str
    phone: str
    team_id: int | None
    kind: str  # duty / leave
    note: str


_COLUMNS = (R.id, R.day, R.shift_id, R.post_id, R.staff_id, func.coalesce(ST.name, ""),
            func.coalesce(ST.phone, ""), R.team_id, R.kind, R.note)


async def read_duties(conn: AsyncConnection, *where: object) -> list[Duty]:
    """The entries that match ``where``, by day, shift, post."""
    rows = (await conn.execute(select(*_COLUMNS).outerjoin(ST, ST.id == R.staff_id)
                               .where(*where).order_by(R.day, R.shift_id, R.post_id, R.id))).all()
    return [Duty(*r) for r in rows]


# -- reading --------------------------------------------------------------------------------

async def day_entries(store: Store, day: dt.date) -> tuple[list[Duty], int]:
    """A day's entries and the day's version (0: nothing rostered yet)."""
    async with store.read() as conn:
        version = (await conn.execute(select(D.version).where(D.day == day))).scalar() or 0
        return await read_duties(conn, R.day == day), int(version)


async def month_entries(store: Store, year: int, month: int) -> list[Duty]:
    days = month_days(year, month)
    async with store.read() as conn:
        return await read_duties(conn, R.day.between(days[0], days[-1]))


@dataclass(frozen=True)
class MonthCell:
    """Who works one shift of one day: the team(s), heads on duty and on leave."""

    teams: tuple[int, ...]
    on_duty: int
    on_leave: int


async def month_plan(store: Store, year: int, month: int
                     ) -> tuple[dict[tuple[dt.date, int], MonthCell], dict[dt.date, int]]:
    """(day, shift id) → cell, and each day's version; one grouped query."""
    days = month_days(year, month)
    async with store.read() as conn:
        rows = (await conn.execute(
            select(R.day, R.shift_id, R.team_id, R.kind, func.count())
            .where(R.day.between(days[0], days[-1]))
            .group_by(R.day, R.shift_id, R.team_id, R.kind))).all()
        versions = dict((await conn.execute(
            select(D.day, D.version).where(D.day.between(days[0], days[-1])))).all())
    cells: dict[tuple[dt.date, int], MonthCell] = {}
    for day, shift_id, team_id, kind, count in rows:
        cell = cells.get((day, shift_id), MonthCell((), 0, 0))
        teams = cell.teams if team_id is None or kind != "duty" or team_id in cell.teams \
            else (*cell.teams, team_id)
        cells[(day, shift_id)] = MonthCell(
            teams, cell.on_duty + (count if kind == "duty" else 0),
            cell.on_leave + (count if kind == "leave" else 0))
    return cells, versions


async def on_duty(store: Store, at: dt.datetime | None = None) -> list[Duty]:
    """Everybody on duty at ``at`` (default: now by the server's clock), by post."""
    at = at or store.clock.now()
    today = at.astimezone(CENTRE_TZ).date()
    async with store.read() as conn:
        setup = await read_setup(conn)
        running = [(day, row.id) for day in (today - dt.timedelta(days=1), today)
                   for row in setup.shifts if row.shift.phase(day, at) == RUNNING]
        if not running:
            return []
        found = await read_duties(conn, R.kind == "duty", func.row(R.day, R.shift_id).in_(
            [func.row(d, sid) for d, sid in running]))
    order = {p.id: i for i, p in enumerate(setup.posts)}
    return sorted(found, key=lambda d: (order.get(d.post_id or -1, 1 << 30), d.person))


@dataclass(frozen=True)
class SwapOption:
    """A duty that somebody could swap with, and the version of its day as read."""

    duty: Duty
    day_version: int


async def swap_options(store: Store, duty: Duty, window: int = SWAP_WINDOW) -> list[SwapOption]:
    """The duties at ``duty``'s post within ``window`` days either side, worked by
    somebody else on another shift, each with its day's version: one statement."""
    first, last = duty.day - dt.timedelta(days=window), duty.day + dt.timedelta(days=window)
    async with store.read() as conn:
        rows = (await conn.execute(
            select(*_COLUMNS, func.coalesce(D.version, 0))
            .outerjoin(ST, ST.id == R.staff_id).outerjoin(D, D.day == R.day)
            .where(R.day.between(first, last), R.kind == "duty",
                   R.post_id.is_not_distinct_from(duty.post_id),
                   R.staff_id.is_distinct_from(duty.staff_id),
                   or_(R.day != duty.day, R.shift_id != duty.shift_id))
            .order_by(R.day, R.shift_id, R.post_id, R.id))).all()
    return [SwapOption(Duty(*row[:-1]), int(row[-1])) for row in rows]


# -- generating -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Generated:
    """A generated month: how many entries, and the event that says so."""

    entries: int
    event_id: int


async def generate_month(store: Store, year: int, month: int, *,
                         replace: bool = False) -> Generated:
    """Roster every person of every team at their post for the month, by the
    rotation; how many entries. A month that has entries is only overwritten
    with ``replace`` (its edits are lost: the seat asks first)."""
    require_role(store.roles, "shift_leader")
    days = month_days(year, month)
    async with store.transaction() as conn:
        # Two leaders generating at once: one after the other.
        await conn.execute(select(func.take_turn("roster_month", True)))
        setup = await read_setup(conn)
        problems = check_shifts([r.shift for r in setup.shifts]) or check_rotation(
            setup.rotation, [r.shift for r in setup.shifts], setup.min_rest)
        if problems:
            raise ValidationError(problems)
        existing = (await conn.execute(select(func.count()).select_from(R).where(
            R.day.between(days[0], days[-1])))).scalar_one()
        if existing and not replace:
            raise ValidationError([FieldError("month", "roster.month_exists",
                                              {"count": existing})])
        people = (await conn.execute(
            select(ST.id, ST.team_id, ST.post_id).where(
                ST.active, ST.team_id.is_not(None), ST.post_id.is_not(None))
            .order_by(ST.post_id, ST.id))).all()
        _check_every_post_has_each_team(setup, people)
        await conn.execute(delete(R).where(R.day.between(days[0], days[-1])))
        await touch_days(conn, store, days, "generated")
        team_code = {t.id: t.code for t in setup.teams}
        rows = []
        for day in days:
            plan = setup.rotation.day_plan(day)
            for row in setup.shifts:
                team = plan.get(row.shift.code)
                rows.extend({"day": day, "shift_id": row.id, "team_id": team_id,
                             "post_id": post_id, "staff_id": staff_id, "kind": "duty"}
                            for staff_id, team_id, post_id in people
                            if team_code.get(team_id) == team)
        if rows:
            await conn.execute(insert(R), rows)
        event_id = await record_event(conn, store, "generated", days, entries=len(rows))
    return Generated(len(rows), event_id)


def _check_every_post_has_each_team(setup: Setup, people: Iterable[tuple[int, int, int]]) -> None:
    staffed = {(post_id, team_id) for _staff, team_id, post_id in people}
    errors = [FieldError("post", "roster.post_unstaffed", {"post": p.name, "team": t.name})
              for p in setup.posts for t in setup.teams
              if t.offset is not None and (p.id, t.id) not in staffed]
    if errors:
        raise ValidationError(errors[:10])


async def touch_days(conn: AsyncConnection, store: Store, days: list[dt.date],
                     action: str) -> None:
    """A new version of each of ``days``, whatever it was (a generated month)."""
    statement = pg_insert(D).values([{"day": d, "changed_by": store.actor, "last_action": action}
                                  for d in days])
    await conn.execute(statement.on_conflict_do_update(
        index_elements=[D.day], set_={"version": D.version + 1, "changed_by": store.actor,
                                      "changed_at": func.now(), "last_action": action}))


async def record_event(conn: AsyncConnection, store: Store, action: str,
                       days: Iterable[dt.date], *, entries: int | None = None) -> int:
    """Append the change's ``roster_changed`` event; its id."""
    return await events.append(conn, store.actor, events.RosterChanged(
        action, tuple(sorted(set(days))), entries))
