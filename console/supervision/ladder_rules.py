"""The escalation ladder's rule: read it, and an admin's change of it.

One row (``escalation_rule``): the reminder's share of the time limit, the
working hours from the first urge to the second (to the unit's leader), the
working days overdue before a case may be supervised, and the working days after
which an unsettled dispute is listed for the weekly briefing.

Only admins change it (the database's column grants, and ``set_rule``); a change is
one version further than the one the admin saw: the service refuses a stale save
naming who saved meanwhile (``ConflictError``, from the last ``ladder_changed``
event), and the database refuses any change that is not exactly one version
further (``rule_one_version_further``, migration 0016), as for the clock and notice
rules. A change appends ``ladder_changed``; a save that changes nothing appends
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.supervision.escalation import LadderRule
from db import schema as s

R = s.EscalationRule


@dataclass(frozen=True)
class LadderSaved(LadderRule):
    """The ladder as saved, and the id of its ``ladder_changed`` event."""

    event_id: int = 0

    @classmethod
    def of(cls, rule: LadderRule, event_id: int) -> LadderSaved:
        return cls(**{f.name: getattr(rule, f.name) for f in fields(LadderRule)},
                   event_id=event_id)


async def load_rule(conn: AsyncConnection, *, lock: bool = False) -> LadderRule:
    stmt = select(R.reminder_share, R.supervision_after_working_days, R.version,
                  R.leader_urge_after_working_hours, R.dispute_briefing_working_days)
    row = (await conn.execute(stmt.with_for_update() if lock else stmt)).one()
    return LadderRule(float(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]))


async def _last_changer(conn: AsyncConnection) -> str | None:
    return (await conn.execute(
        select(s.CaseEvent.actor).where(s.CaseEvent.kind == events.Kind.LADDER_CHANGED)
        .order_by(s.CaseEvent.id.desc()).limit(1))).scalar_one_or_none()


async def current_rule(store: Store) -> LadderRule:
    async with store.read() as conn:
        return await load_rule(conn)


async def set_rule(store: Store, reminder_share: float, supervision_after_working_days: int,
                   expected_version: int | None = None, *,
                   leader_urge_after_working_hours: int | None = None,
                   dispute_briefing_working_days: int | None = None) -> LadderSaved:
    """An admin changes the ladder; refused with field codes when the values are wrong,
    with ``ConflictError`` (naming who saved) when ``expected_version`` is not the
    version in force. A value not given stays as it is. The rule as saved, with the id
    of the event that tells of it (as it was, with no event, when nothing changed)."""
    require_role(store.roles, "admin")
    async with store.transaction() as conn:
        old = await load_rule(conn, lock=True)
        if expected_version is not None and old.version != expected_version:
            raise ConflictError("the ladder changed meanwhile", action="ladder_changed",
                                changed_by=await _last_changer(conn))
        rule = replace(
            old, reminder_share=reminder_share,
            supervision_after_working_days=supervision_after_working_days,
            leader_urge_after_working_hours=old.leader_urge_after_working_hours
            if leader_urge_after_working_hours is None else leader_urge_after_working_hours,
            dispute_briefing_working_days=old.dispute_briefing_working_days
            if dispute_briefing_working_days is None else dispute_briefing_working_days)
        if problems := rule.check():
            raise ValidationError([FieldError("ladder", code) for code in problems])
        if rule == old:
            return LadderSaved.of(old, 0)
        await conn.execute(update(R).values(
            reminder_share=rule.reminder_share,
            supervision_after_working_days=rule.supervision_after_working_days,
            leader_urge_after_working_hours=rule.leader_urge_after_working_hours,
            dispute_briefing_working_days=rule.dispute_briefing_working_days,
            version=old.version + 1))  # the database wants exactly this
        event_id = await events.append(conn, store.actor, events.LadderChanged(
            rule.reminder_share, rule.supervision_after_working_days,
            was=(old.reminder_share, old.supervision_after_working_days),
            leader_urge_after_working_hours=rule.leader_urge_after_working_hours,
            dispute_briefing_working_days=rule.dispute_briefing_working_days))
        return LadderSaved.of(await load_rule(conn), event_id)
