"""The generated history of one demo case, told move by move through the lifecycle
itself (``lifecycle.apply`` at each move's own time), so that the demo's cases,
events, callbacks, verifications, requests, disputes and messages agree with each
other and with the rules exactly as a seat's moves would have made them.

Nothing here touches the database: ``tell`` returns the rows; ``demo_history``
writes them. A story stops at ``now``: what would happen later has not happened
yet, so the case is left open where its history has got to (no timestamp in the
future).
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from console.casework.lifecycle import (
    DISPATCHER,
    LEADER,
    OPERATOR,
    SUPERVISOR,
    SYSTEM,
    UNIT,
)
from console.core import events
from console.demodata import demo_ladder
from console.demodata import demo_words as w
from console.demodata.demo_teller import HOUR, MINUTE, SATISFACTION, Draft, Story, Teller, World
from console.units.clocks import extended, sign_due


class _Story(Teller):
    def tell(self) -> Story:
        d, cat = self.d, self.d.category
        actor = self.who(OPERATOR) if d.channel != "grid_worker" else "grid_app"
        self.story.row["created_by"] = actor
        self.event(d.created, actor, events.Kind.CREATED, events.CaseCreated(
            d.public_no, "accepted", d.channel, cat.id, cat.urgency, d.due, d.due_estimated,
            d.created).to_json())
        if d.phone and d.nature == "consultation" and self.chance("answered"):
            self.later(2 * MINUTE, 6 * MINUTE)  # answered during the call: nobody to tell
            self.move("answer", OPERATOR, actor, answer=self.rng.choice(w.ON_THE_SPOT_ANSWERS))
            return self.finish()
        self.message("acceptance", None, d.created + 120 * MINUTE)
        if self.chance("invalid"):
            self.later(5 * MINUTE, 40 * MINUTE)
            self.move("invalidate", DISPATCHER, self.who(DISPATCHER),
                      reason=self.rng.choice(w.INVALID_REASONS))
        elif self.dispatch():
            self.work()
        return self.finish()

    def finish(self) -> Story:
        self.story.row["status"] = self.state.status
        return self.story

    def route(self) -> tuple[int, str | None]:
        cat, world = self.d.category, self.world
        if cat.territorial:
            return world.centres[self.d.street], "territorial"
        if cat.owner_unit_id is not None:
            return cat.owner_unit_id, "owner"
        return world.offices[self.d.street], None

    def dispatch(self) -> bool:
        unit, rule = self.route()
        if rule and self.d.category.auto_dispatch:
            self.later(MINUTE, 3 * MINUTE)
            if not self.move("dispatch", SYSTEM, "system", unit_id=unit, auto=True, rule=rule):
                return False
        else:
            fast = self.d.category.urgency == "A"
            self.later(2 * MINUTE if fast else 5 * MINUTE, 20 * MINUTE if fast else 100 * MINUTE)
            if not self.move("dispatch", DISPATCHER, self.who(DISPATCHER), unit_id=unit):
                return False
        community = self.world.communities.get(self.d.community)
        if (unit in self.world.centres.values() and community is not None
                and self.chance("forwarded")):
            self.later(10 * MINUTE, 90 * MINUTE)
            return self.move("forward", UNIT, self.handler(), unit_id=community)
        return True

    def work(self) -> None:
        """From the unit's desk to the end: disputes, returns, signing, extensions, the
        reply, and what decides a resolved case."""
        if self.chance("dispute") and not self.disputed():
            return
        if self.chance("return") and not self.returned():
            return
        if not self.sign():
            return
        while True:
            if not self.reply():
                return
            if not (self.call_back() if self.d.phone else self.verify()):
                return
            if self.state.status == "closed":
                return

    def disputed(self) -> bool:
        """Disputed, then settled by the shift leader or referred to the district leader."""
        self.later(30 * MINUTE, 4 * HOUR)
        if not self.move("dispute", DISPATCHER, self.who(DISPATCHER),
                         reason=self.rng.choice(w.DISPUTE_REASONS)):
            return False
        other = self.rng.choice([u.id for u in self.world.units.values()
                                 if u.kind == "department" and u.id != self.state.assigned_unit_id])
        self.later(HOUR, 8 * HOUR)
        leader = self.who(LEADER)
        if not self.chance("referred"):
            return self.move("settle", LEADER, leader, unit_id=other)
        note = self.rng.choice(w.REFERRAL_NOTES)
        held_by = self.state.assigned_unit_id
        if not self.move("refer", LEADER, leader, note=note):
            return False
        referral: dict[str, Any] = {"case_id": self.d.id, "unit_id": held_by, "note": note,
                                    "referred_by": leader, "referred_at": self.t}
        self.story.referrals.append(referral)
        # The district leader decides within days; a recent one still waits (and one
        # waiting long enough is listed for the weekly briefing).
        decided = self.world.calendar.add_working_days(self.t, self.rng.randint(1, 12))
        self.t = decided + self.rng.uniform(1, 20) * HOUR
        person, text = self.rng.choice(w.DISTRICT_LEADERS), self.rng.choice(w.LEADER_DECISIONS)
        role = self.rng.choice((LEADER, SUPERVISOR))
        recorder = self.who(role)
        if self.t >= self.world.now or not self.move(
                "decide", role, recorder, unit_id=other, leader=person, decision=text,
                decided_at=decided):
            return False
        referral["decision"] = {"case_id": self.d.id, "leader": person, "decided_at": decided,
                                "unit_id": other, "text": text, "recorded_by": recorder,
                                "recorded_at": self.t}
        return True

    def request(self, kind: str, reason: str, days: int | None, approve: bool,
                decider: str, refusal: str) -> dict[str, Any] | None:
        """The unit's application, decided some time later (if that is not still to come)."""
        if self.t >= self.world.now:
            return None
        row = {"case_id": self.d.id, "unit_id": self.state.assigned_unit_id, "kind": kind,
               "reason": reason, "days": days, "requested_by": self.handler(),
               "requested_at": self.t, "version": 1, "decision": None, "decided_by": None,
               "decided_at": None, "decision_reason": "", "previous_due_at": None,
               "granted_due_at": None, "previous_unit_due_at": None,
               "granted_unit_due_at": None}
        self.story.requests.append(row)
        decided = self.t + self.rng.uniform(0.2, 4) * HOUR
        if decided < self.world.now:
            row.update(decision="approved" if approve else "refused", decided_by=decider,
                       decided_at=decided, decision_reason="" if approve else refusal,
                       version=2)
        return row

    def returned(self) -> bool:
        """The unit applies to return it within its window; a dispatcher decides."""
        self.later(15 * MINUTE, 3 * HOUR)
        if self.t >= self.world.now:
            return False
        reason = self.rng.choice(w.RETURN_REASONS)
        approve = self.chance("return_approved")
        dispatcher = self.who(DISPATCHER)
        row = self.request("return", reason, None, approve, dispatcher,
                           self.rng.choice(w.RETURN_REFUSALS))
        if row is None or row["decided_at"] is None:
            return False
        self.t = row["decided_at"]
        if not approve:
            return True
        if not self.move("return", DISPATCHER, dispatcher, reason=reason):
            return False
        others = [u.id for u in self.world.units.values() if u.kind == "department"]
        self.later(10 * MINUTE, 60 * MINUTE)
        return self.move("dispatch", DISPATCHER, dispatcher, unit_id=self.rng.choice(others))

    def sign(self) -> bool:
        state = self.state
        due = state.sign_due_at or sign_due(self.world.calendar, self.t)
        if state.unit_clock_at is not None and state.unit_due_at is not None:
            # a short limit (an A case's hours) leaves no time to wait for office hours
            due = min(due, self.t + (state.unit_due_at - self.t) * 0.25)
        if self.chance("signed_late"):
            self.t = due + self.rng.uniform(0.2, 6) * HOUR
        else:
            self.t += (due - self.t) * self.rng.uniform(0.05, 0.9)
        return self.move("sign", UNIT, self.handler())

    def reply(self) -> bool:
        """On time or late by the unit's own record; an extension asked for on the way."""
        state, world = self.state, self.world
        start, due = state.unit_clock_at or self.t, state.unit_due_at or state.due_at
        assert due is not None
        unit = world.units[state.assigned_unit_id or 0]
        on_time = self.rng.random() < (unit.on_time or world.district_on_time)
        span = due - start
        if self.chance("extension_late" if not on_time else "extension_other"):
            self.t = max(self.t, start + span * 0.6)
            approve = self.chance("extension_approved")
            days = self.rng.randint(2, 5)
            row = self.request("extension", self.rng.choice(w.EXTENSION_REASONS), days, approve,
                               self.who(self.rng.choice((LEADER, SUPERVISOR))),
                               self.rng.choice(w.EXTENSION_REFUSALS))
            if row is not None and row["decision"] == "approved" and state.due_at is not None:
                # Both deadlines move on, each from where it fell (the unit's while its
                # clock runs), as console/units/requests.py decides.
                granted, unit_granted = extended(world.calendar, state.due_at,
                                                 state.unit_due_at, days)
                row.update(previous_due_at=state.due_at, granted_due_at=granted,
                           previous_unit_due_at=state.unit_due_at,
                           granted_unit_due_at=unit_granted)
                self.state = replace(self.state, due_at=granted,
                                     unit_due_at=unit_granted or state.unit_due_at)
                self.story.row.update(due_at=granted, unit_due_at=self.state.unit_due_at)
                on_time = True
        if on_time and due > self.t:
            at = self.t + (due - self.t) * self.rng.uniform(0.1, 0.95)
        else:
            at = max(due, self.t) + span * self.rng.expovariate(1 / 0.5) + MINUTE
        self.t = at
        demo_ladder.earn(self, until=self.t)  # what the ladder issued meanwhile
        if not self.move("reply", UNIT, self.handler(), result=self.rng.choice(w.RESULTS)):
            return False
        reply_event = len(self.story.events) - 1
        self.message("result", reply_event, self.t + 24 * HOUR,
                     result=self.story.events[-1]["payload"]["result"])
        return True

    def call_back(self) -> bool:
        self.state = replace(self.state, callback_attempts=0)
        never = self.chance("never_reached")  # a number nobody answers, try after try
        while True:
            self.later(HOUR, 30 * HOUR)
            operator = self.who(OPERATOR)
            if self.chance("reopen"):
                reason = self.rng.choice(w.REOPEN_REASONS)
                if not self.callback(operator, "reopen", "not_fixed", None, reason, reason=reason):
                    return False
                return self.sign()
            if never or self.chance("unreachable"):
                if not self.callback(operator, "callback_unreachable", "unreachable", None,
                                     "无人接听"):
                    return False
                if self.state.status == "closed":
                    return True
                continue
            rating = self.rng.choices(list(SATISFACTION), list(SATISFACTION.values()))[0]
            return self.callback(operator, "callback_closed", "satisfied", rating,
                                 w.CALLBACK_NOTES[rating], satisfaction=rating)

    def callback(self, operator: str, action: str, result: str, rating: int | None,
                 note: str, **facts: Any) -> bool:
        attempt = self.state.callback_attempts + 1
        if not self.move(action, OPERATOR, operator, **facts):
            return False
        self.story.callbacks.append({"case_id": self.d.id, "attempt": attempt, "at": self.t,
                                     "operator": operator, "result": result,
                                     "satisfaction": rating, "note": note})
        return True

    def verify(self) -> bool:
        self.later(2 * HOUR, 48 * HOUR)
        who = self.who(self.rng.choice((OPERATOR, DISPATCHER)))
        failed = self.chance("verify_failed")
        note = self.rng.choice(w.FAILED_ON_THE_SPOT) if failed else ""
        if not (self.move("verify_failed", DISPATCHER, who, reason=note) if failed
                else self.move("verify_passed", OPERATOR, who)):
            return False
        self.story.verifications.append({"case_id": self.d.id, "at": self.t, "verifier": who,
                                         "result": "failed" if failed else "passed",
                                         "note": note})
        return not failed or self.sign()



def tell(draft: Draft, world: World, rng: random.Random) -> Story:
    """The case's history up to ``world.now``: its row's moving columns and its records."""
    return _Story(draft, world, rng).tell()
