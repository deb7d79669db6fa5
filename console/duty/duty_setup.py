"""What the roster is made of: shift templates, teams, posts and the rotation
rule, read in one go; shift templates are edited here (with the overlap check),
each change appending a ``shift_template_changed`` event whose id it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.duty.rotation import Rotation, Shift, check_shifts
from db import schema as s

POST_KINDS = ("centre_seat", "street", "community", "grid_squad")  # the order posts are listed in
SHIFT_EVENT = events.Kind.SHIFT_TEMPLATE


@dataclass(frozen=True)
class ShiftRow:
    id: int
    shift: Shift
    version: int = 1
    event_id: int = field(default=0, compare=False)  # a saved one's event (0: as read)


@dataclass(frozen=True)
class Team:
    id: int
    code: str
    name: str
    offset: int | None


@dataclass(frozen=True)
class Post:
    id: int
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Setup:
    shifts: tuple[ShiftRow, ...]
    teams: tuple[Team, ...]
    posts: tuple[Post, ...]
    rotation: Rotation
    min_rest: dt.timedelta

    def shift(self, shift_id: int) -> ShiftRow:
        return next(r for r in self.shifts if r.id == shift_id)

    def shift_by_code(self, code: str) -> ShiftRow:
        return next(r for r in self.shifts if r.shift.code == code)

    def team(self, team_id: int | None) -> Team | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def post(self, post_id: int | None) -> Post | None:
        return next((p for p in self.posts if p.id == post_id), None)

    def current_shift(self, at: dt.datetime) -> tuple[dt.date, ShiftRow] | None:
        """The shift (and the day it belongs to) running at ``at``."""
        local = at.astimezone(CENTRE_TZ).replace(tzinfo=None)
        for day in (local.date(), local.date() - dt.timedelta(days=1)):
            for row in self.shifts:
                start, end = row.shift.interval(day)
                if start <= local < end:
                    return day, row
        return None

    def next_shift(self, day: dt.date, row: ShiftRow) -> tuple[dt.date, ShiftRow] | None:
        """The shift that takes over when ``row`` on ``day`` ends."""
        _start, end = row.shift.interval(day)
        return self.current_shift(end.replace(tzinfo=CENTRE_TZ))

    def next_change(self, at: dt.datetime) -> dt.datetime | None:
        """The first moment after ``at`` when a shift starts or ends (who is on duty
        may change then), or None when there are no shifts."""
        local = at.astimezone(CENTRE_TZ).replace(tzinfo=None)
        later = [moment for day in (local.date() + dt.timedelta(days=d) for d in (-1, 0, 1))
                 for row in self.shifts for moment in row.shift.interval(day)
                 if moment > local]
        return min(later).replace(tzinfo=CENTRE_TZ) if later else None

    def previous_shift(self, day: dt.date, row: ShiftRow) -> tuple[dt.date, ShiftRow] | None:
        """The shift that hands over to ``row`` on ``day`` (running the minute before)."""
        start, _end = row.shift.interval(day)
        return self.current_shift(start.replace(tzinfo=CENTRE_TZ) - dt.timedelta(minutes=1))


async def load_setup(store: Store) -> Setup:
    async with store.read() as conn:
        return await read_setup(conn)


async def read_setup(conn: AsyncConnection) -> Setup:
    T = s.ShiftTemplate
    shifts = tuple(ShiftRow(r.id, Shift(r.code, r.name, r.starts, r.hours), r.version)
                   for r in (await conn.execute(
                       select(T.id, T.code, T.name, T.starts, T.hours, T.version)
                       .where(T.active).order_by(T.starts))).all())
    teams = tuple(Team(*r) for r in (await conn.execute(
        select(s.Team.id, s.Team.code, s.Team.name, s.Team.rotation_offset)
        .order_by(s.Team.code))).all())
    P = s.DutyPost
    posts = sorted((Post(*r) for r in (await conn.execute(
        select(P.id, P.code, P.name, P.kind).where(P.active))).all()),
        key=lambda p: (POST_KINDS.index(p.kind) if p.kind in POST_KINDS else 9, p.code))
    rule = (await conn.execute(select(s.RosterRule.pattern, s.RosterRule.epoch,
                                      s.RosterRule.min_rest_hours))).one()
    offsets = {t.code: t.offset for t in teams if t.offset is not None}
    return Setup(shifts, teams, tuple(posts), Rotation(tuple(rule.pattern), rule.epoch, offsets),
                 dt.timedelta(hours=rule.min_rest_hours))


@dataclass(frozen=True)
class ShiftDraft:
    code: str
    name: str
    starts: dt.time
    hours: int
    id: int | None = None
    version: int | None = None


async def save_shift(store: Store, draft: ShiftDraft) -> ShiftRow:
    """Add or change a shift template; refused (nothing changed) when it would
    overlap itself or another active template."""
    require_role(store.roles, "shift_leader")
    errors: list[FieldError] = []
    name = check_text(draft.name, "name", 32, errors)
    code = check_text(draft.code, "code", 16, errors)
    if errors:
        raise ValidationError(errors)
    shift = Shift(code, name, draft.starts, draft.hours)
    T = s.ShiftTemplate
    async with store.transaction() as conn:
        others = [r.shift for r in (await read_setup(conn)).shifts if r.id != draft.id]
        problems = check_shifts([shift, *others])
        mine = [e for e in problems if name in (e.params.get("shift"), e.params.get("other"))]
        if mine:
            raise ValidationError(mine)
        values = {"code": code, "name": name, "starts": draft.starts, "hours": draft.hours}
        if draft.id is None:
            new_id = (await conn.execute(insert(T).values(values).returning(T.id))).scalar_one()
            row_id, version = new_id, 1
        else:
            bumped = (await conn.execute(
                update(T).where(T.id == draft.id, T.version == draft.version)
                .values(**values, version=T.version + 1).returning(T.version))).scalar()
            if bumped is None:
                raise ConflictError(f"shift template {draft.id} changed", action=SHIFT_EVENT)
            row_id, version = draft.id, int(bumped)
        event_id = await events.append(conn, store.actor,
                                       events.ShiftTemplateChanged(row_id, code))
    return ShiftRow(row_id, shift, version, event_id)
