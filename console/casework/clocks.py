"""The admin's clock rule: when a responsible unit's clock starts.

``dispatch`` (the default): from the moment of the dispatch, so the time the
centre spent before it is not the unit's. ``sign``: from the unit's signing for
the case (签收), which the database's clock trigger must then make the start of
the clock; until it does, choosing it is refused (``clock_rule.needs_signing``)
so that no case is left without a unit clock.
One row (``clock_rule``, migration 0008); a change appends ``clock_rule_changed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update

from console.casework.lifecycle import UNIT_CLOCK_STARTS, TransitionError
from console.core import events
from console.core.errors import require_role
from console.core.store import Store
from db import schema as s

R = s.ClockRule


@dataclass(frozen=True)
class ClockRule:
    unit_clock_starts: str
    version: int
    event_id: int = field(default=0, compare=False)  # a saved one's event (0: as read)


def available() -> tuple[str, ...]:
    """The starts this version can run. ``sign`` is a move now (0009), but the
    database's clock trigger (``case_unit_clock``, 0008) does not yet start the
    unit's clock on it: until it does, the rule stays ``dispatch``."""
    return tuple(start for start in UNIT_CLOCK_STARTS if start != "sign")


async def current_clock_rule(store: Store) -> ClockRule:
    async with store.read() as conn:
        row = (await conn.execute(select(R.unit_clock_starts, R.version)
                                  .where(R.id == 1))).one_or_none()
    return ClockRule("dispatch", 0) if row is None else ClockRule(*row)


async def set_clock_rule(store: Store, unit_clock_starts: str) -> ClockRule:
    """An admin chooses when units' clocks start; the rule as saved with its event's id.
    Cases already with a unit keep the clock they have."""
    require_role(store.roles, "admin")
    if unit_clock_starts not in UNIT_CLOCK_STARTS:
        raise TransitionError("clock.rule_unknown", rule=unit_clock_starts)
    if unit_clock_starts not in available():
        raise TransitionError("clock_rule.needs_signing")
    async with store.transaction() as conn:
        row = (await conn.execute(select(R.unit_clock_starts, R.version).where(R.id == 1)
                                  .with_for_update())).one()
        if row.unit_clock_starts == unit_clock_starts:
            return ClockRule(*row)
        version = row.version + 1
        await conn.execute(update(R).where(R.id == 1).values(
            unit_clock_starts=unit_clock_starts, version=version))
        event_id = await events.append(conn, store.actor, events.ClockRuleChanged(
            unit_clock_starts, version, row.unit_clock_starts))
    return ClockRule(unit_clock_starts, version, event_id)
