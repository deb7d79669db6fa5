"""The admin's clock rule: when a responsible unit's clock starts, how soon the unit
signs for a case, and how long it may apply to return one.

- ``unit_clock_starts``: ``dispatch`` (the default: from the moment of the dispatch,
  so the time the centre spent before it is not the unit's) or ``sign`` (from the
  unit's signing for the case, 签收; the database's clock trigger starts it then).
- ``sign_limit_working_hours``: signing is due that many office hours (09:00–18:00 of
  working days) after the unit got the case.
- ``return_window_working_days``: a unit applies to return a case (退回申请) until the
  end of that many working days after the day it got it.

One row (``clock_rule``, migrations 0008 and 0013); only admins change it (the
database's grants, and ``set_clock_rule``); a change is one version further than
the one the admin saw (a stale save is refused, naming who saved meanwhile) and
appends ``clock_rule_changed``. Cases already with a unit keep the clock and the
sign deadline they have; a return window counts by the rule when the unit applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework.lifecycle import TransitionError
from console.casework.unit_clock import UNIT_CLOCK_STARTS
from console.core import events
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from db import schema as s

R = s.ClockRule
SIGN_LIMIT_HOURS = (1, 72)  # the database's checks (migration 0013)
RETURN_WINDOW_DAYS = (1, 30)


@dataclass(frozen=True)
class ClockRule:
    unit_clock_starts: str
    version: int
    sign_limit_working_hours: int = 2
    return_window_working_days: int = 1
    event_id: int = field(default=0, compare=False)  # a saved one's event (0: as read)


def available() -> tuple[str, ...]:
    """The starts an admin may choose: both (the database starts the unit's clock at
    the signing by the rule ``sign``, migration 0013)."""
    return UNIT_CLOCK_STARTS


_COLUMNS = (R.unit_clock_starts, R.version, R.sign_limit_working_hours,
            R.return_window_working_days)


async def _read(conn: AsyncConnection, *, lock: bool = False) -> ClockRule:
    stmt = select(*_COLUMNS).where(R.id == 1)
    row = (await conn.execute(stmt.with_for_update() if lock else stmt)).one_or_none()
    return ClockRule("dispatch", 0) if row is None else ClockRule(*row)


async def current_clock_rule(store: Store) -> ClockRule:
    async with store.read() as conn:
        return await _read(conn)


def _checked(value: object, name: str, bounds: tuple[int, int]) -> list[FieldError]:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return [FieldError(name, f"clock_rule.{name}", {"min": low, "max": high})]
    return []


async def _last_changer(conn: AsyncConnection) -> str | None:
    return (await conn.execute(
        select(s.CaseEvent.actor).where(s.CaseEvent.kind == events.Kind.CLOCK_RULE)
        .order_by(s.CaseEvent.id.desc()).limit(1))).scalar_one_or_none()


async def set_clock_rule(store: Store, unit_clock_starts: str, *,
                         sign_limit_working_hours: int | None = None,
                         return_window_working_days: int | None = None,
                         expected_version: int | None = None) -> ClockRule:
    """An admin changes the clock rule; a value not given stays as it is. The rule as
    saved with its event's id (the rule as it was, with no event, when nothing changed).
    Raises TransitionError (an unknown start), ValidationError (a number out of range),
    ConflictError (``expected_version`` is not the version in force)."""
    require_role(store.roles, "admin")
    if unit_clock_starts not in available():
        raise TransitionError("clock.rule_unknown", rule=unit_clock_starts)
    async with store.transaction() as conn:
        old = await _read(conn, lock=True)
        if expected_version is not None and old.version != expected_version:
            raise ConflictError("the clock rule changed meanwhile", action="clock_rule_changed",
                                changed_by=await _last_changer(conn))
        hours = (old.sign_limit_working_hours if sign_limit_working_hours is None
                 else sign_limit_working_hours)
        days = (old.return_window_working_days if return_window_working_days is None
                else return_window_working_days)
        problems = (_checked(hours, "sign_limit", SIGN_LIMIT_HOURS)
                    + _checked(days, "return_window", RETURN_WINDOW_DAYS))
        if problems:
            raise ValidationError(problems)
        if (unit_clock_starts, hours, days) == (
                old.unit_clock_starts, old.sign_limit_working_hours,
                old.return_window_working_days):
            return old
        version = old.version + 1
        await conn.execute(update(R).where(R.id == 1).values(
            unit_clock_starts=unit_clock_starts, sign_limit_working_hours=hours,
            return_window_working_days=days, version=version))
        event_id = await events.append(conn, store.actor, events.ClockRuleChanged(
            unit_clock_starts, version, old.unit_clock_starts, hours, days))
    return ClockRule(unit_clock_starts, version, hours, days, event_id)
