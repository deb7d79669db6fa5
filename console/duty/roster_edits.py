"""Edits of the duty roster (排班): put a person on a post, take an entry off,
leave with a stand-in, and two people swapping duties.

Every edit is one transaction that first claims the version of each roster
day it touches (two leaders editing one day: the second is told who won),
then changes the entries, then checks the result: nobody on two shifts at
once or with less than the minimum rest, no post left empty. A refused edit
changes nothing; a saved one appends a ``roster_changed`` event and returns
its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.duty.duty_setup import Setup, read_setup
from console.duty.roster import Duty, read_duties, record_event
from console.duty.rotation import rest_problem
from db import schema as s

MAX_NOTE = 200
R, ST, D = s.RosterEntry, s.Staff, s.RosterDay


async def assign(store: Store, day: dt.date, version: int, shift_id: int, post_id: int,
                 staff_id: int, *, replacing: int | None = None, note: str = "") -> int:
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
    return edit.event_id


async def remove(store: Store, entry_id: int, day: dt.date, version: int) -> int:
    """Take an entry off the roster (refused if it leaves its post empty)."""
    async with _edit(store, {day: version}, "removed") as edit:
        old = await _entry(edit.conn, entry_id, day)
        await edit.conn.execute(delete(R).where(R.id == entry_id))
        edit.posts.add((old.day, old.shift_id, old.post_id))
    return edit.event_id


async def leave(store: Store, entry_id: int, day: dt.date, version: int, reason: str,
                stand_in: int | None = None) -> int:
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
    return edit.event_id


async def swap(store: Store, first: int, second: int, versions: Mapping[dt.date, int]) -> int:
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
    return edit.event_id


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
    found = await read_duties(conn, R.id == entry_id)
    if not found or (day is not None and found[0].day != day):
        raise ValidationError([FieldError("entry", "roster.entry_gone")])
    return found[0]


class _Edit:
    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.people: set[tuple[int | None, dt.date]] = set()
        self.posts: set[tuple[dt.date, int, int | None]] = set()
        self.event_id = 0  # the edit's event, once recorded


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
        edit.event_id = await record_event(conn, store, action, versions)


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


async def _check_people(edit: _Edit, setup: Setup) -> None:
    """Nobody on two shifts at once, nobody below the minimum rest (near the edited days)."""
    errors: list[FieldError] = []
    days_of: dict[int, list[dt.date]] = {}
    for staff_id, day in edit.people:
        if staff_id is not None:
            days_of.setdefault(staff_id, []).append(day)
    for staff_id, days in sorted(days_of.items()):
        window = (min(days) - dt.timedelta(days=2), max(days) + dt.timedelta(days=2))
        duties = await read_duties(edit.conn, R.staff_id == staff_id, R.kind == "duty",
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
