"""The desk of a demo story: the case's state as the lifecycle moves it, the rows
the moves leave, and who does what when (demo_stories tells the story with it)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from console.calendar.workdays import WorkCalendar, to_local
from console.casework import lifecycle
from console.casework.lifecycle import (
    CaseState,
)
from console.core import events
from console.supervision.escalation import LadderRule
from console.units.clocks import sign_due

MINUTE, HOUR = dt.timedelta(minutes=1), dt.timedelta(hours=1)
SATISFACTION = {5: 62, 4: 24, 3: 9, 2: 3, 1: 2}
# Rates of the side roads, per case (chosen to look like a district's year:
# a few in a hundred returned or extended, about one in seventy disputed).
RATES = {"answered": 0.55, "invalid": 0.01, "forwarded": 0.45, "dispute": 0.015,
         "referred": 0.3, "return": 0.04, "return_approved": 0.65,
         "extension_late": 0.3, "extension_other": 0.01, "extension_approved": 0.75,
         "signed_late": 0.12, "reopen": 0.06, "unreachable": 0.2,
         "never_reached": 0.09, "verify_failed": 0.08,
         "sms_failed": 0.03, "supervised": 0.5}


@dataclass(frozen=True)
class Unit:
    id: int
    kind: str
    street: str | None
    community: str | None
    on_time: float | None


@dataclass
class World:
    """What every story reads: the calendar, the units, who is at which desk."""

    calendar: WorkCalendar
    now: dt.datetime
    units: dict[int, Unit]
    centres: dict[str, int]  # street -> its sub-centre
    communities: dict[str, int]  # community -> its workstation
    offices: dict[str, int]  # street -> its street office
    handlers: dict[int, str]  # unit -> a handler's login
    desk: dict[str, list[str]]  # role -> logins
    district_on_time: float
    templates: dict[str, str]
    ladder: LadderRule


@dataclass(frozen=True)
class Draft:
    """A case as intake recorded it."""

    id: uuid.UUID
    public_no: str
    created: dt.datetime
    channel: str
    nature: str
    phone: str | None
    street: str
    community: str
    category: Any  # id, name, urgency, limits, owner_unit_id, territorial, auto_dispatch
    due: dt.datetime
    due_estimated: bool


@dataclass
class Story:
    row: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    verifications: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)  # with their decision
    messages: list[dict[str, Any]] = field(default_factory=list)  # "event": its index
    orders: list[dict[str, Any]] = field(default_factory=list)  # escalation orders


class Teller:
    def __init__(self, draft: Draft, world: World, rng: random.Random) -> None:
        self.d, self.world, self.rng = draft, world, rng
        cat = draft.category
        self.state = CaseState("accepted", due_at=draft.due, grid_report=draft.phone is None,
                               urgency=cat.urgency)
        self.story = Story(row={"status": "accepted", "due_at": draft.due, "version": 1,
                                "updated_at": draft.created, "signed_at": None,
                                "dispatched_at": None, "resolved_at": None, "closed_at": None,
                                "assigned_unit_id": None, "unit_clock_at": None,
                                "unit_due_at": None, "clock_round": 1,
                                "first_resolved_at": None, "paused_at": None,
                                "sign_due_at": None})
        self.t = draft.created

    # ---- helpers -----------------------------------------------------------------------
    def later(self, low: dt.timedelta, high: dt.timedelta) -> dt.datetime:
        self.t += low + (high - low) * self.rng.random()
        return self.t

    def who(self, role: str) -> str:
        return self.rng.choice(self.world.desk[role])

    def chance(self, what: str) -> bool:
        return self.rng.random() < RATES[what]

    def event(self, at: dt.datetime, actor: str, kind: str, payload: dict[str, Any]) -> int:
        self.story.events.append({"case_id": self.d.id, "at": at, "actor": actor,
                                  "kind": kind, "payload": payload})
        return len(self.story.events) - 1

    def move(self, action: str, role: str, actor: str, **facts: Any) -> bool:
        """Make the move at ``self.t`` unless that is still to come."""
        if self.t >= self.world.now:
            return False
        cat = self.d.category  # a unit's clock started now runs out by the category's rule
        unit_due = self.world.calendar.due_at(self.t, limit_hours=cat.limit_hours,
                                              limit_working_days=cat.limit_working_days).at
        made = lifecycle.apply(self.state, action, frozenset({role}), facts, self.t,
                               unit_due=unit_due, sign_due=sign_due(self.world.calendar, self.t))
        self.state = made.after
        self.story.row.update(made.changes, updated_at=self.t)
        self.event(self.t, actor, action, events.CaseMoved(action, made.payload).to_json())
        return True

    def handler(self) -> str:
        return self.world.handlers[self.state.assigned_unit_id or 0]

    def message(self, kind: str, event: int | None, due_by: dt.datetime, **fill: str) -> None:
        if self.d.phone is None:
            return
        template = self.world.templates[kind]
        text = template
        for key, value in {"no": self.d.public_no, "category": self.d.category.name,
                           "due": f"{to_local(self.d.due):%-m月%-d日%H:%M}", **fill}.items():
            text = text.replace("{" + key + "}", value)
        queued = self.t
        sent = queued + self.rng.uniform(0.5, 8) * MINUTE
        failed = self.chance("sms_failed")
        done = sent < self.world.now
        self.story.messages.append({
            "case_id": self.d.id, "kind": kind, "channel": "sms", "recipient": self.d.phone,
            "text": text, "template": template, "event": event, "queued_at": queued,
            "queued_by": self.story.events[-1]["actor"], "due_by": due_by,
            "next_try_at": sent, "sent_at": sent if done and not failed else None,
            "sent_by": "hotline_sender" if done and not failed else None,
            "result": ("failed" if failed else "sent") if done else "pending",
            "attempts": (5 if failed else 1) if done else 0,
            "last_error": "网关返回：号码不可达" if done and failed else ""})

