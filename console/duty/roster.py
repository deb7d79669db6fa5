"""The duty roster (排班): a month of the four-team rotation in one action, then
edits (assign, remove, leave with a stand-in, swap) and who is on duty now.

Every edit is one transaction that first claims the version of each roster
day it touches (two leaders editing one day: the second is told who won),
then changes the entries, then checks the result: nobody on two shifts at
once or with less than the minimum rest, no post left empty. A refused edit
changes nothing. Every change appends a ``roster_changed`` event (case_id
NULL), which is how the other seats' panes hear of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.duty.duty_setup import Setup, read_setup
from console.duty.rotation import RUNNING, check_rotation, check_shifts, month_days, rest_problem
from db import schema as s

EVENT = "roster_changed"
MAX_NOTE = 200
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


async def _duties(conn: AsyncConnection, *where: ColumnElement[bool]) -> list[Duty]:
    rows = (await conn.execute(select(*_COLUMNS).outerjoin(ST, ST.id == R.staff_id)
                               .where(*where).order_by(R.day, R.shift_id, R.post_id, R.id))).all()
    return [Duty(*tuple(r)) for r in rows]


# -- reading --------------------------------------------------------------------------------

async def day_entries(store: Store, day: dt.date) -> tuple[list[Duty], int]:
    """A day's entries and the day's version (0: nothing rostered yet)."""
    async with store.read() as conn:
        version = (await conn.execute(select(D.version).where(D.day == day))).scalar() or 0
        return await _duties(conn, R.day == day), int(version)


async def month_entries(store: Store, year: int, month: int) -> list[Duty]:
    days = month_days(year, month)
    async with store.read() as conn:
        return await _duties(conn, R.day.between(days[0], days[-1]))


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
        found = await _duties(conn, R.kind == "duty", func.row(R.day, R.shift_id).in_(
            [func.row(d, sid) for d, sid in running]))
    order = {p.id: i for i, p in enumerate(setup.posts)}
    return sorted(found, key=lambda d: (order.get(d.post_id or -1, 1 << 30), d.person))


# -- generating -----------------------------------------------------------------------------

async def generate_month(store: Store, year: int, month: int, *, replace: bool = False) -> int:
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
        await _touch_days(conn, store, days, "generated")
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
        await _event(conn, store, "generated", days, {"entries": len(rows)})
    return len(rows)


def _check_every_post_has_each_team(setup: Setup, people: Iterable[tuple[int, int, int]]) -> None:
    staffed = {(post_id, team_id) for _staff, team_id, post_id in people}
    errors = [FieldError("post", "roster.post_unstaffed", {"post": p.name, "team": t.name})
              for p in setup.posts for t in setup.teams
              if t.offset is not None and (p.id, t.id) not in staffed]
    if errors:
        raise ValidationError(errors[:10])


# -- editing --------------------------------------------------------------------------------

async def assign(store: Store, day: dt.date, version: int, shift_id: int, post_id: int,
                 staff_id: int, *, replacing: int | None = None, note: str = "") -> None:
    """Put a person on a post for a shift: in addition, or in place of entry ``replacing``."""
    note = _note(note, required=False)
    async with _edit(store, {day: version}, "replaced" if replacing else "assigned") as edit:
        team = await _team_of(edit.conn, staff_id)
        if replacing is not None:
            old = await _entry(edit.conn, replacing, day)
            await edit.conn.execute(update(R).where(R.id == replacing).values(
                staff_id=staff_id, team_id=team, note=note, version=R.version + 1))
            edit.posts.add((old.day, old.shift_id, old.post_id))
        else:
            await edit.conn.execute(insert(R).values(day=day, shift_id=shift_id, post_id=post_id,
                                                     staff_id=staff_id, team_id=team, note=note))
        edit.people.add((staff_id, day))


async def remove(store: Store, entry_id: int, day: dt.date, version: int) -> None:
    """Take an entry off the roster (refused if it leaves its post empty)."""
    async with _edit(store, {day: version}, "removed") as edit:
        old = await _entry(edit.conn, entry_id, day)
        await edit.conn.execute(delete(R).where(R.id == entry_id))
        edit.posts.add((old.day, old.shift_id, old.post_id))


async def leave(store: Store, entry_id: int, day: dt.date, version: int, reason: str,
                stand_in: int | None = None) -> None:
    """Record leave for a duty; the post must stay staffed (by ``stand_in`` or others)."""
    reason = _note(reason, required=True, name="reason")
    async with _edit(store, {day: version}, "leave") as edit:
        old = await _entry(edit.conn, entry_id, day)
        if old.kind != "duty":
            raise ValidationError([FieldError("entry", "roster.not_duty")])
        await edit.conn.execute(update(R).where(R.id == entry_id).values(
            kind="leave", note=reason, version=R.version + 1))
        if stand_in is not None:
            await edit.conn.execute(insert(R).values(
                day=old.day, shift_id=old.shift_id, post_id=old.post_id, staff_id=stand_in,
                team_id=await _team_of(edit.conn, stand_in), note=f"顶班：{old.person}"))
            edit.people.add((stand_in, old.day))
        edit.posts.add((old.day, old.shift_id, old.post_id))


async def swap(store: Store, first: int, second: int, versions: Mapping[dt.date, int]) -> None:
    """Two people exchange duties (调班); each must keep the rest rule afterwards."""
    async with _edit(store, versions, "swapped") as edit:
        a = await _entry(edit.conn, first, None)
        b = await _entry(edit.conn, second, None)
        if {a.day, b.day} - set(versions):
            raise ValueError("a swap needs the version of both days")
        if a.kind != "duty" or b.kind != "duty":
            raise ValidationError([FieldError("entry", "roster.not_duty")])
        if a.staff_id == b.staff_id or (a.day, a.shift_id) == (b.day, b.shift_id):
            raise ValidationError([FieldError("entry", "roster.swap_pointless")])
        for mine, theirs in ((a, b), (b, a)):
            await edit.conn.execute(update(R).where(R.id == mine.id).values(
                staff_id=theirs.staff_id, team_id=theirs.team_id,
                note=f"调班：{mine.person}⇄{theirs.person}", version=R.version + 1))
            edit.people.add((theirs.staff_id, mine.day))
            edit.people.add((theirs.staff_id, theirs.day))


def _note(text: str, *, required: bool, name: str = "note") -> str:
    errors: list[FieldError] = []
    clean = check_text(text, name, MAX_NOTE, errors, required=required)
    if errors:
        raise ValidationError(errors)
    return clean


async def _team_of(conn: AsyncConnection, staff_id: int) -> int | None:
    row = (await conn.execute(select(ST.team_id).where(ST.id == staff_id, ST.active))).one_or_none()
    if row is None:
        raise ValidationError([FieldError("person", "roster.person_unknown")])
    return row.team_id


async def _entry(conn: AsyncConnection, entry_id: int, day: dt.date | None) -> Duty:
    found = await _duties(conn, R.id == entry_id)
    if not found or (day is not None and found[0].day != day):
        raise ValidationError([FieldError("entry", "roster.entry_gone")])
    return found[0]


class _Edit:
    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.people: set[tuple[int | None, dt.date]] = set()
        self.posts: set[tuple[dt.date, int, int | None]] = set()


@asynccontextmanager
async def _edit(store: Store, versions: Mapping[dt.date, int], action: str
                ) -> AsyncIterator[_Edit]:
    """Claim the days, let the block change entries, check the result, record
    the event; any refusal rolls the whole edit back."""
    require_role(store.roles, "shift_leader")
    async with store.transaction() as conn:
        await _claim_days(conn, store, versions, action)
        edit = _Edit(conn)
        yield edit
        setup = await read_setup(conn)
        await _check_people(edit, setup)
        await _check_posts(edit, setup)
        await _event(conn, store, action, versions, {})


async def _claim_days(conn: AsyncConnection, store: Store, versions: Mapping[dt.date, int],
                      action: str) -> None:
    for day in sorted(versions):
        claimed = (await conn.execute(
            update(D).where(D.day == day, D.version == versions[day])
            .values(version=D.version + 1, changed_by=store.actor, changed_at=func.now(),
                    last_action=action).returning(D.version))).scalar()
        if claimed is None and versions[day] == 0:  # the day's first entry
            claimed = (await conn.execute(
                pg_insert(D).values(day=day, changed_by=store.actor, last_action=action)
                .on_conflict_do_nothing().returning(D.version))).scalar()
        if claimed is None:
            now = (await conn.execute(select(D.changed_by, D.changed_at, D.last_action)
                                      .where(D.day == day))).one_or_none()
            raise ConflictError(f"roster day {day} changed", changed_by=now.changed_by if now
                                else None, action=now.last_action if now else None,
                                at=now.changed_at if now else None)


async def _touch_days(conn: AsyncConnection, store: Store, days: list[dt.date],
                      action: str) -> None:
    statement = pg_insert(D).values([{"day": d, "changed_by": store.actor, "last_action": action}
                                  for d in days])
    await conn.execute(statement.on_conflict_do_update(
        index_elements=[D.day], set_={"version": D.version + 1, "changed_by": store.actor,
                                      "changed_at": func.now(), "last_action": action}))


async def _check_people(edit: _Edit, setup: Setup) -> None:
    """Nobody on two shifts at once, nobody below the minimum rest (near the edited days)."""
    errors: list[FieldError] = []
    days_of: dict[int, list[dt.date]] = {}
    for staff_id, day in edit.people:
        if staff_id is not None:
            days_of.setdefault(staff_id, []).append(day)
    for staff_id, days in sorted(days_of.items()):
        window = (min(days) - dt.timedelta(days=2), max(days) + dt.timedelta(days=2))
        duties = await _duties(edit.conn, R.staff_id == staff_id, R.kind == "duty",
                               R.day.between(*window))
        intervals = [setup.shift(d.shift_id).shift.interval(d.day) for d in duties]
        gap = rest_problem(intervals, setup.min_rest)
        if gap is not None:
            person = duties[0].person if duties else ""
            code = "roster.two_shifts" if gap < dt.timedelta(0) else "roster.rest"
            errors.append(FieldError("person", code, {
                "person": person, "hours": round(gap.total_seconds() / 3600, 1),
                "minimum": int(setup.min_rest.total_seconds() // 3600)}))
    if errors:
        raise ValidationError(errors)


async def _check_posts(edit: _Edit, setup: Setup) -> None:
    errors: list[FieldError] = []
    for day, shift_id, post_id in sorted(edit.posts, key=lambda k: (k[0], k[1], k[2] or 0)):
        post = setup.post(post_id)
        if post is None:
            continue
        left = (await edit.conn.execute(select(func.count()).select_from(R).where(and_(
            R.day == day, R.shift_id == shift_id, R.post_id == post_id, R.kind == "duty"))
        )).scalar_one()
        if not left:
            errors.append(FieldError("post", "roster.post_empty", {
                "post": post.name, "day": day.isoformat(),
                "shift": setup.shift(shift_id).shift.name}))
    if errors:
        raise ValidationError(errors)


async def _event(conn: AsyncConnection, store: Store, action: str, days: Iterable[dt.date],
                 extra: dict[str, object]) -> None:
    await conn.execute(insert(s.CaseEvent).values(
        case_id=None, actor=store.actor, kind=EVENT,
        payload={"action": action, "days": sorted(d.isoformat() for d in days), **extra}))
