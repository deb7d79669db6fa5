"""The escalation orders a demo case earned while its unit's clock ran, as the live
ladder would have issued them (``console/supervision/escalation.py``'s rules, the
admin's ladder rule): the sweep's reminder, urge and second urge (to the unit's
leader) at the times the ladder gives, a supervisor's supervision order on some of
the cases overdue long enough, and the efficiency inspection when such a case was
still open after the order's reply deadline. Orders only of what has happened by
``until`` (the unit's reply, or now)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from console.core import events
from console.demodata.demo_teller import HOUR, MINUTE, Teller
from console.supervision.escalation import (
    INSPECTION,
    LEADER_URGE,
    REMINDER,
    SUPERVISION,
    URGE,
    CaseClock,
    automatic_orders,
    leader_urge_at,
    supervision_candidate,
)

SWEEP = "system"  # the sweep's name in the demo's records
ORDER_TEXT = "该案件已超期，请于回复期限内办结并书面回复处理情况。"
ORDER_REPLY = "已督促承办人员加快办理，将于近日办结。"
REPLY_WORKING_DAYS = 2  # the reply deadline a supervisor gives


def earn(teller: Teller, until: dt.datetime) -> None:
    """Add the orders the running unit clock earned before ``until`` (and now)."""
    state, world, rng = teller.state, teller.world, teller.rng
    if state.unit_clock_at is None or state.unit_due_at is None:
        return
    end = min(until, world.now)
    clock = CaseClock(teller.d.id, state.unit_clock_at, state.unit_due_at, False,
                      state.clock_round, frozenset())
    rule, calendar = world.ladder, world.calendar
    when = {REMINDER: clock.started_at + (clock.due_at - clock.started_at) * rule.reminder_share,
            URGE: clock.due_at, LEADER_URGE: leader_urge_at(clock, rule, calendar)}
    for level in automatic_orders(clock, rule, end, calendar):
        issued = when[level] + rng.uniform(1, 10) * MINUTE  # the next sweep
        if issued < end:
            _order(teller, level, SWEEP, issued, end, auto=True)
    if not supervision_candidate(clock, rule, end, calendar) or not teller.chance("supervised"):
        return
    threshold = calendar.add_working_days(clock.due_at, rule.supervision_after_working_days)
    issued = max(threshold, when[LEADER_URGE]) + rng.uniform(1, 20) * HOUR
    if issued >= end:
        return
    reply_due = calendar.add_working_days(issued, REPLY_WORKING_DAYS)
    _order(teller, SUPERVISION, teller.who("supervisor"), issued, end, text=ORDER_TEXT,
           reply_due_at=reply_due)
    if until > reply_due and reply_due < world.now:  # still overdue (仍旧超期)
        _order(teller, INSPECTION, SWEEP, reply_due + rng.uniform(1, 10) * MINUTE, end,
               auto=True)


def _order(teller: Teller, level: str, issuer: str, issued: dt.datetime, end: dt.datetime,
           *, auto: bool = False, text: str = "", reply_due_at: dt.datetime | None = None
           ) -> None:
    rng, state = teller.rng, teller.state
    acknowledged = issued + rng.uniform(0.2, 4) * HOUR
    replied = (acknowledged + rng.uniform(1, 30) * HOUR) if level == SUPERVISION else None
    row: dict[str, Any] = {
        "case_id": teller.d.id, "level": level, "round": state.clock_round, "issuer": issuer,
        "target_unit_id": state.assigned_unit_id, "text": text, "issued_at": issued,
        "reply_due_at": reply_due_at,
        "acknowledged_at": acknowledged if acknowledged < end else None,
        "replied_at": replied if replied is not None and replied < end else None,
        "reply_text": ORDER_REPLY if replied is not None and replied < end else None,
        "version": 1}
    teller.story.orders.append(row)
    payload = events.Escalation(level=level, round=state.clock_round, auto=auto,
                                text=text or None, reply_due_at=reply_due_at).to_json()
    payload["_order"] = len(teller.story.orders) - 1  # its id, once written
    teller.event(issued, issuer, events.Kind.ESCALATION, payload)
