"""The escalation ladder (提醒 → 催办 → 督办 → 效能监察), as plain rules.

A case that has used a set share of its time limit earns a reminder to its
unit; an overdue case an urge; a case overdue by a set number of working days
becomes a candidate for a supervision order, which only a supervisor issues;
a supervision order left unanswered past its reply deadline goes to efficiency
inspection. Orders are unique per case, level and round (a reopened case starts
a new round), so deciding twice issues nothing twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from console.calendar.workdays import WorkCalendar

REMINDER, URGE, SUPERVISION, INSPECTION = "reminder", "urge", "supervision", "inspection"
AUTOMATIC = (REMINDER, URGE)


@dataclass(frozen=True)
class LadderRule:
    """The admin-editable rule (one row in the database)."""

    reminder_share: float = 0.75          # of the time limit used
    supervision_after_working_days: int = 1  # overdue by this many working days
    version: int = 1

    def check(self) -> list[str]:
        """Codes of what is wrong with the rule (empty when it is fine)."""
        problems = []
        if not 0 < self.reminder_share < 1:
            problems.append("ladder.reminder_share")
        if self.supervision_after_working_days < 0:
            problems.append("ladder.supervision_days")
        return problems


@dataclass(frozen=True)
class CaseClock:
    """What the ladder needs of an open case."""

    case_id: uuid.UUID
    started_at: dt.datetime
    due_at: dt.datetime
    paused: bool
    round: int
    issued: frozenset[str]  # levels already issued in this round


def automatic_orders(case: CaseClock, rule: LadderRule, now: dt.datetime) -> list[str]:
    """The automatic levels this case has earned and not yet received."""
    if case.paused:
        return []  # a paused clock earns nothing
    earned = []
    total = case.due_at - case.started_at
    if total > dt.timedelta(0) and now - case.started_at >= total * rule.reminder_share:
        earned.append(REMINDER)
    if now >= case.due_at:
        earned.append(URGE)
    return [level for level in earned if level not in case.issued]


def supervision_candidate(case: CaseClock, rule: LadderRule, now: dt.datetime,
                          calendar: WorkCalendar) -> bool:
    """Overdue by the rule's working days, and not yet under supervision this round."""
    if case.paused or SUPERVISION in case.issued or now < case.due_at:
        return False
    threshold = calendar.add_working_days(case.due_at, rule.supervision_after_working_days) \
        if rule.supervision_after_working_days else case.due_at
    return now >= threshold


@dataclass(frozen=True)
class OrderClock:
    """A supervision order waiting for its reply."""

    order_id: int
    case_id: uuid.UUID
    round: int
    reply_due_at: dt.datetime | None
    replied: bool


def needs_inspection(order: OrderClock, now: dt.datetime) -> bool:
    return (not order.replied and order.reply_due_at is not None
            and now >= order.reply_due_at)
