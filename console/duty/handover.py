"""The handover (交接班): at shift change the outgoing leader gets a summary
of the shift made from the records (cases opened, resolved, still open and
overdue; escalation orders; roll calls and their follow-ups), adds notes and
hands over; the incoming leader signs it off. Both are kept for reading later.

The summary is stored as JSON with the handover, so what was handed over
stays as it was even when the cases move on. Handing over and signing each
append a ``handover_changed`` event; the saved handover carries its id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from console.core import events
from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from console.duty import roll_call_stats
from console.duty.duty_setup import read_setup
from db import schema as s

MAX_NOTES = 4000
OVERDUE_LISTED = 20
H, C = s.Handover, s.Case


@dataclass(frozen=True)
class Handover:
    id: int | None  # None: not handed over yet (a fresh summary)
    shift_day: dt.date
    shift_id: int
    outgoing_leader: str | None
    incoming_leader: str | None
    summary: dict[str, Any]
    notes: str
    incoming_notes: str
    created_at: dt.datetime | None
    signed_at: dt.datetime | None
    version: int | None
    event_id: int = field(default=0, compare=False)  # a saved one's event (0: as read)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


_COLUMNS = (H.id, H.shift_day, H.shift_id, H.outgoing_leader, H.incoming_leader, H.summary,
            H.notes, H.incoming_notes, H.created_at, H.signed_at, H.version)


async def _period(conn: AsyncConnection, day: dt.date, shift_id: int
                  ) -> tuple[dt.datetime, dt.datetime, str]:
    setup = await read_setup(conn)
    row = next((r for r in setup.shifts if r.id == shift_id), None)
    if row is None:
        raise ValidationError([FieldError("shift", "handover.shift_unknown")])
    start, end = row.shift.interval(day)
    return start.replace(tzinfo=CENTRE_TZ), end.replace(tzinfo=CENTRE_TZ), row.shift.name


async def build_summary(store: Store, day: dt.date, shift_id: int) -> dict[str, Any]:
    """The shift in figures, from the records."""
    async with store.read() as conn:
        start, end, name = await _period(conn, day, shift_id)

        async def count(*where: ColumnElement[bool]) -> int:
            return int((await conn.execute(select(func.count()).select_from(C).where(*where))
                        ).scalar_one())

        opened_by = dict((await conn.execute(
            select(C.urgency, func.count()).where(C.created_at >= start, C.created_at < end)
            .group_by(C.urgency))).all())
        overdue_where = (C.status.in_(s.OPEN_STATUSES), C.due_at < end)
        overdue = (await conn.execute(
            select(C.public_no, C.urgency, C.due_at, func.coalesce(s.Unit.name, ""))
            .outerjoin(s.Unit, s.Unit.id == C.assigned_unit_id).where(*overdue_where)
            .order_by(C.due_at).limit(OVERDUE_LISTED))).all()
        escalations = dict((await conn.execute(
            select(s.EscalationOrder.level, func.count())
            .where(s.EscalationOrder.issued_at >= start, s.EscalationOrder.issued_at < end)
            .group_by(s.EscalationOrder.level))).all())
        summary: dict[str, Any] = {
            "shift": name, "start": start.isoformat(), "end": end.isoformat(),
            "opened": sum(opened_by.values()), "opened_by_urgency": opened_by,
            "resolved": await count(C.resolved_at >= start, C.resolved_at < end),
            "closed": await count(C.closed_at >= start, C.closed_at < end),
            "still_open": await count(C.status.in_(s.OPEN_STATUSES), C.created_at < end),
            "overdue": await count(*overdue_where),
            "overdue_cases": [{"public_no": n, "urgency": u, "due_at": d.isoformat(), "unit": un}
                              for n, u, d, un in overdue],
            "escalations": escalations,
        }
    calls = await roll_call_stats.history(store, start, end)
    summary["roll_calls"] = [
        {"id": c.id, "channel": c.channel, "started_by": c.started_by,
         "started_at": c.started_at.isoformat(), "total": c.tally.total,
         "answered": c.tally.answered, "late": c.tally.late, "absent": c.tally.absent,
         "no_answer": c.tally.no_answer} for c in reversed(calls)]
    summary["follow_ups"] = [
        {"at": m.at.isoformat() if m.at else None, "channel": m.channel, "post": m.post,
         "person": m.person, "result": m.result, "note": m.note}
        for m in await roll_call_stats.missed(store, start, end)]
    return summary


async def draft(store: Store, day: dt.date, shift_id: int) -> Handover:
    """The shift's handover if one was made, else a fresh summary to hand over."""
    async with store.read() as conn:
        row = (await conn.execute(select(*_COLUMNS).where(H.shift_day == day,
                                                          H.shift_id == shift_id))).one_or_none()
    if row is not None:
        return Handover(*row)
    return Handover(None, day, shift_id, None, None, await build_summary(store, day, shift_id),
                    "", "", None, None, None)


async def hand_over(store: Store, day: dt.date, shift_id: int, notes: str,
                    version: int | None) -> Handover:
    """The outgoing leader's handover: the summary as of now and the notes.
    Saving again (``version`` of the saved one) updates it until it is signed."""
    require_role(store.roles, "shift_leader")
    notes = _text(notes, "notes")
    summary = await build_summary(store, day, shift_id)
    async with store.transaction() as conn:
        if version is None:
            row = (await conn.execute(
                pg_insert(H).values(shift_day=day, shift_id=shift_id,
                                    outgoing_leader=store.actor, summary=summary, notes=notes)
                .on_conflict_do_nothing(constraint="uq_handover_shift")
                .returning(*_COLUMNS))).one_or_none()
        else:
            row = (await conn.execute(
                update(H).where(H.shift_day == day, H.shift_id == shift_id,
                                H.version == version, H.signed_at.is_(None))
                .values(summary=summary, notes=notes, outgoing_leader=store.actor,
                        created_at=func.now(), version=H.version + 1)
                .returning(*_COLUMNS))).one_or_none()
        if row is None:
            raise await _conflict(conn, day, shift_id)
        saved = Handover(*row)
        saved = replace(saved, event_id=await _event(conn, store, saved, "handed_over"))
    return saved


async def sign_off(store: Store, handover_id: int, version: int, remark: str = "") -> Handover:
    """The incoming leader takes the shift over; once only, and not from oneself."""
    require_role(store.roles, "shift_leader")
    remark = _text(remark, "remark")
    async with store.transaction() as conn:
        current = (await conn.execute(select(*_COLUMNS).where(H.id == handover_id)
                                      .with_for_update())).one_or_none()
        if current is None:
            raise ValidationError([FieldError("handover", "handover.unknown")])
        was = Handover(*current)
        if was.signed:
            raise ValidationError([FieldError("handover", "handover.signed",
                                              {"who": was.incoming_leader or ""})])
        if was.outgoing_leader == store.actor:
            raise ValidationError([FieldError("handover", "handover.own")])
        if was.version != version:  # the outgoing leader saved again since it was read
            raise ConflictError("handover changed", changed_by=was.outgoing_leader,
                                action="handover_updated", at=was.created_at)
        row = (await conn.execute(
            update(H).where(H.id == handover_id).values(
                incoming_leader=store.actor, incoming_notes=remark, signed_at=func.now(),
                version=H.version + 1).returning(*_COLUMNS))).one()
        saved = Handover(*row)
        saved = replace(saved, event_id=await _event(conn, store, saved, "signed"))
    return saved


async def history(store: Store, since: dt.date, until: dt.date) -> list[Handover]:
    """Handovers of shifts on days in [since, until], the latest shift first (by its
    day and start: a day's night shift, 00–08, comes before its day shift)."""
    T = s.ShiftTemplate
    async with store.read() as conn:
        rows = (await conn.execute(
            select(*_COLUMNS).outerjoin(T, T.id == H.shift_id)
            .where(H.shift_day.between(since, until))
            .order_by(H.shift_day.desc(), T.starts.desc().nulls_last(), H.id.desc()))).all()
    return [Handover(*r) for r in rows]


def _text(value: str, name: str) -> str:
    errors: list[FieldError] = []
    clean = check_text(value, name, MAX_NOTES, errors, required=False)
    if errors:
        raise ValidationError(errors)
    return clean


async def _conflict(conn: AsyncConnection, day: dt.date, shift_id: int) -> Exception:
    row = (await conn.execute(select(H.outgoing_leader, H.incoming_leader, H.created_at,
                                     H.signed_at).where(H.shift_day == day,
                                                        H.shift_id == shift_id))).one()
    if row.signed_at is not None:
        return ValidationError([FieldError("handover", "handover.signed",
                                           {"who": row.incoming_leader or ""})])
    return ConflictError("handover changed", changed_by=row.outgoing_leader,
                         action="handed_over", at=row.created_at)


async def _event(conn: AsyncConnection, store: Store, saved: Handover, action: str) -> int:
    assert saved.id is not None  # a saved handover
    return await events.append(conn, store.actor, events.HandoverChanged(
        saved.id, action, saved.shift_day, saved.shift_id))
