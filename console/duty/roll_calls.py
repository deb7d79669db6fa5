"""Roll calls (查岗 / 点名): the shift leader calls a set of posts by phone,
video or radio (by default every post on duty now by the roster) and marks
each answered, late (with minutes), absent or no answer, with its time.

Results are kept under the leader's name; absences and unanswered calls are
the handover's follow-ups. Every change appends a ``roll_call_changed`` event
(``events.RollCallChanged``, case_id NULL) so every seat's panes follow; what a
write returns carries that event's id (``event_id``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from console.core import events
from console.core.errors import FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.duty import roster
from console.duty.duty_setup import read_setup
from db import schema as s

CHANNELS = s.ROLL_CALL_CHANNELS
RESULTS = s.ROLL_CALL_RESULTS
MISSED = ("absent", "no_answer")  # what becomes a follow-up in the handover
MAX_LATE_MINUTES = 480
MAX_NOTE = 200
RC, E, P, ST = s.RollCall, s.RollCallEntry, s.DutyPost, s.Staff


@dataclass(frozen=True)
class Entry:
    id: int
    roll_call_id: int
    position: int
    post_id: int
    post: str
    staff_id: int | None
    person: str
    phone: str
    result: str | None
    late_minutes: int | None
    at: dt.datetime | None
    note: str
    event_id: int = field(default=0, compare=False)  # a mark's event (0: as read)


@dataclass(frozen=True)
class RollCall:
    id: int
    channel: str
    started_by: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    shift_day: dt.date | None
    shift_id: int | None
    entries: tuple[Entry, ...]
    event_id: int = field(default=0, compare=False)  # a start's or finish's event (0: read)

    def count(self, result: str | None) -> int:
        return sum(1 for e in self.entries if e.result == result)


_ENTRY = (E.id, E.roll_call_id, E.position, E.post_id, P.name, E.staff_id,
          func.coalesce(ST.name, ""), func.coalesce(ST.phone, ""), E.result, E.late_minutes,
          E.at, E.note)


async def _entries(conn: AsyncConnection, *where: ColumnElement[bool]) -> list[Entry]:
    rows = (await conn.execute(
        select(*_ENTRY).join(P, P.id == E.post_id).outerjoin(ST, ST.id == E.staff_id)
        .where(*where).order_by(E.roll_call_id, E.position))).all()
    return [Entry(*tuple(r)) for r in rows]


async def _read(conn: AsyncConnection, roll_call_id: int) -> RollCall:
    row = (await conn.execute(
        select(RC.id, RC.channel, RC.started_by, RC.started_at, RC.finished_at, RC.shift_day,
               RC.shift_id).where(RC.id == roll_call_id))).one_or_none()
    if row is None:
        raise ValidationError([FieldError("roll_call", "roll_call.unknown")])
    return RollCall(*row, entries=tuple(await _entries(conn, E.roll_call_id == roll_call_id)))


async def load(store: Store, roll_call_id: int) -> RollCall:
    async with store.read() as conn:
        return await _read(conn, roll_call_id)


async def start(store: Store, channel: str, post_ids: Sequence[int] | None = None,
                at: dt.datetime | None = None) -> RollCall:
    """A new roll call of ``post_ids`` (default: every post on duty at ``at``,
    now by the server's clock), listing who the roster has at each post."""
    require_role(store.roles, "shift_leader")
    if channel not in CHANNELS:
        raise ValidationError([FieldError("channel", "roll_call.channel")])
    at = at or store.clock.now()
    duties = await roster.on_duty(store, at)
    person_at: dict[int, roster.Duty] = {}
    for duty in duties:
        if duty.post_id is not None:
            person_at.setdefault(duty.post_id, duty)
    async with store.transaction() as conn:
        setup = await read_setup(conn)
        wanted = list(person_at) if post_ids is None else list(dict.fromkeys(post_ids))
        known = {p.id for p in setup.posts}
        if not wanted or any(p not in known for p in wanted):
            raise ValidationError([FieldError("posts", "roll_call.no_posts")])
        order = {p.id: i for i, p in enumerate(setup.posts)}
        wanted.sort(key=order.__getitem__)
        current = setup.current_shift(at)
        roll_call_id = (await conn.execute(insert(RC).values(
            channel=channel, started_by=store.actor,
            shift_day=current[0] if current else None,
            shift_id=current[1].id if current else None).returning(RC.id))).scalar_one()
        await conn.execute(insert(E), [
            {"roll_call_id": roll_call_id, "post_id": post_id, "position": i,
             "staff_id": person_at[post_id].staff_id if post_id in person_at else None}
            for i, post_id in enumerate(wanted)])
        event_id = await _event(conn, store, roll_call_id, "started", len(wanted))
        return replace(await _read(conn, roll_call_id), event_id=event_id)


async def mark(store: Store, entry_id: int, result: str, late_minutes: int | None = None,
               note: str = "") -> Entry:
    """Mark one post; marking again corrects the mark (and its time)."""
    require_role(store.roles, "shift_leader")
    errors: list[FieldError] = []
    note = check_text(note, "note", MAX_NOTE, errors, required=False)
    if result not in RESULTS:
        errors.append(FieldError("result", "roll_call.result"))
    elif result == "late" and (late_minutes is None or not 1 <= late_minutes <= MAX_LATE_MINUTES):
        errors.append(FieldError("late_minutes", "roll_call.late_minutes",
                                 {"max": MAX_LATE_MINUTES}))
    elif result != "late":
        late_minutes = None
    if errors:
        raise ValidationError(errors)
    async with store.transaction() as conn:
        found = (await conn.execute(
            select(E.roll_call_id, RC.finished_at).join(RC, RC.id == E.roll_call_id)
            .where(E.id == entry_id).with_for_update(of=RC))).one_or_none()
        if found is None:
            raise ValidationError([FieldError("entry", "roll_call.unknown")])
        if found.finished_at is not None:
            raise ValidationError([FieldError("entry", "roll_call.finished")])
        await conn.execute(update(E).where(E.id == entry_id).values(
            result=result, late_minutes=late_minutes, note=note, at=func.now(),
            marked_by=store.actor))
        event_id = await _event(conn, store, found.roll_call_id, "marked", 1)
        return replace((await _entries(conn, E.id == entry_id))[0], event_id=event_id)


async def finish(store: Store, roll_call_id: int, *, unmarked_as: str | None = None) -> RollCall:
    """Close the roll call. Posts not yet marked are refused unless ``unmarked_as``
    (normally "no_answer") says what they were."""
    require_role(store.roles, "shift_leader")
    if unmarked_as is not None and unmarked_as not in MISSED:
        raise ValueError(f"unmarked posts cannot be {unmarked_as}")
    async with store.transaction() as conn:
        finished = (await conn.execute(select(RC.finished_at).where(RC.id == roll_call_id)
                                       .with_for_update())).one_or_none()
        if finished is None:
            raise ValidationError([FieldError("roll_call", "roll_call.unknown")])
        if finished.finished_at is not None:
            raise ValidationError([FieldError("roll_call", "roll_call.finished")])
        open_count = (await conn.execute(select(func.count()).select_from(E).where(
            E.roll_call_id == roll_call_id, E.result.is_(None)))).scalar_one()
        if open_count and unmarked_as is None:
            raise ValidationError([FieldError("roll_call", "roll_call.unmarked",
                                              {"count": open_count})])
        await conn.execute(update(E).where(E.roll_call_id == roll_call_id, E.result.is_(None))
                           .values(result=unmarked_as, at=func.now(), marked_by=store.actor))
        await conn.execute(update(RC).where(RC.id == roll_call_id).values(
            finished_at=func.now(), version=RC.version + 1))
        event_id = await _event(conn, store, roll_call_id, "finished", open_count)
        return replace(await _read(conn, roll_call_id), event_id=event_id)


async def _event(conn: AsyncConnection, store: Store, roll_call_id: int, action: str,
                 count: int) -> int:
    return await events.append(conn, store.actor,
                               events.RollCallChanged(roll_call_id, action, count))
