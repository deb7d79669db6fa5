"""The escalation ladder, as plain rules: step-by-step urging (逐级催办), then the
supervisor's order (督办), then efficiency inspection (效能监察).

1. Reminder (提醒) to the unit when a set share of the time limit is used.
2. Urge (催办) to the unit when the case is overdue.
3. Second urge, to the unit's leader (催办·单位领导), when the case is still
   overdue a set number of working hours later.
4. Then the case is a supervision candidate: once the second urge is due and the
   case is overdue by the rule's working days, a supervisor may issue a
   supervision order (only a person does; the sweep lists the candidates).
5. A case still overdue when its supervision order's reply deadline passes
   (仍旧超期), whether the unit replied or not, goes to efficiency inspection.

Reminders and urges are automatic; they are never called 督办, which is only
the supervisor's order. Orders are unique per case, level and round (a reopened
case starts a new round), so deciding twice issues nothing twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from console.calendar.workdays import WorkCalendar

REMINDER, URGE, LEADER_URGE = "reminder", "urge", "leader_urge"
SUPERVISION, INSPECTION = "supervision", "inspection"
AUTOMATIC = (REMINDER, URGE, LEADER_URGE)
LEVELS = (REMINDER, URGE, LEADER_URGE, SUPERVISION, INSPECTION)  # lowest first
MAX_LEADER_URGE_HOURS = 24 * 30
MAX_BRIEFING_DAYS = 366


@dataclass(frozen=True)
class LadderRule:
    """The admin-editable rule (one row in the database)."""

    reminder_share: float = 0.75          # of the time limit used
    supervision_after_working_days: int = 1  # overdue by this many working days
    version: int = 1
    leader_urge_after_working_hours: int = 8  # the second urge, after the first
    dispute_briefing_working_days: int = 5    # unsettled disputes older go to the briefing

    def check(self) -> list[str]:
        """Codes of what is wrong with the rule (empty when it is fine)."""
        problems = []
        if not 0 < self.reminder_share < 1:
            problems.append("ladder.reminder_share")
        if self.supervision_after_working_days < 0:
            problems.append("ladder.supervision_days")
        if not 1 <= self.leader_urge_after_working_hours <= MAX_LEADER_URGE_HOURS:
            problems.append("ladder.leader_urge_hours")
        if not 0 <= self.dispute_briefing_working_days <= MAX_BRIEFING_DAYS:
            problems.append("ladder.briefing_days")
        return problems


@dataclass(frozen=True)
class CaseClock:
    """What the ladder needs of an open case. ``due_at`` is the deadline the ladder
    counts against (``console/supervision/ladder_clock.py`` says which one)."""

    case_id: uuid.UUID
    started_at: dt.datetime
    due_at: dt.datetime
    paused: bool
    round: int
    issued: frozenset[str]  # levels already issued in this round


def leader_urge_at(case: CaseClock, rule: LadderRule, calendar: WorkCalendar) -> dt.datetime:
    """When the second urge (to the unit's leader) falls due."""
    return calendar.add_working_hours(case.due_at, rule.leader_urge_after_working_hours)


def automatic_orders(case: CaseClock, rule: LadderRule, now: dt.datetime,
                     calendar: WorkCalendar) -> list[str]:
    """The automatic levels this case has earned and not yet received, lowest first."""
    if case.paused:
        return []  # a paused clock earns nothing
    earned = []
    total = case.due_at - case.started_at
    if total > dt.timedelta(0) and now - case.started_at >= total * rule.reminder_share:
        earned.append(REMINDER)
    if now >= case.due_at:
        earned.append(URGE)
        if now >= leader_urge_at(case, rule, calendar):
            earned.append(LEADER_URGE)
    return [level for level in earned if level not in case.issued]


def supervision_candidate(case: CaseClock, rule: LadderRule, now: dt.datetime,
                          calendar: WorkCalendar) -> bool:
    """Urged twice (or due for it) and overdue by the rule's working days, and not
    yet under supervision this round."""
    if case.paused or SUPERVISION in case.issued or now < case.due_at:
        return False
    threshold = calendar.add_working_days(case.due_at, rule.supervision_after_working_days) \
        if rule.supervision_after_working_days else case.due_at
    return now >= max(threshold, leader_urge_at(case, rule, calendar))


@dataclass(frozen=True)
class OrderClock:
    """A supervision order and the case it is about."""

    order_id: int
    case_id: uuid.UUID
    round: int
    reply_due_at: dt.datetime | None
    replied: bool
    case_open: bool = True
    case_due_at: dt.datetime | None = None  # the ladder's deadline of the case
    case_paused: bool = False


def still_overdue(order: OrderClock, now: dt.datetime) -> bool:
    """The case is open, its clock running and past its deadline."""
    return (order.case_open and not order.case_paused and order.case_due_at is not None
            and now >= order.case_due_at)


def needs_inspection(order: OrderClock, now: dt.datetime) -> bool:
    """The reply deadline has passed and the case is still overdue (仍旧超期),
    replied or not. The database function ``escalate_to_inspection`` decides the
    same; this is its plain statement, for the board and the tests."""
    return (order.reply_due_at is not None and now >= order.reply_due_at
            and still_overdue(order, now))
