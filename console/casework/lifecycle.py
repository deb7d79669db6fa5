"""The case lifecycle as an explicit state machine (ARCHITECTURE.md section 4).

Every move a person (or the system) can make on a case is a named action with
the statuses it starts from, the status it leads to, the roles allowed to take
it and the facts it needs. ``check`` is the only way to ask whether a move is
allowed; the services call it inside the transaction that makes the move.

    new -> accepted -> dispatched -> in_progress -> resolved -> closed
    a unit handler signs for a dispatched case (签收: dispatched -> in_progress,
    stamping signed_at) and replies with the result (in_progress -> resolved);
    a street sub-centre's handler dispatches a case on to a community of its
    street (forward: dispatched -> dispatched, another unit; two-level dispatch);
    side roads: returned (to the dispatcher, with a reason), disputed (the
    first unit keeps handling it until the shift leader settles the owner),
    referred (a dispute the shift leader cannot settle, sent to the district
    leader's coordination 区领导协调; the first unit still handles it until the
    leader's decision, recorded by a shift leader or a supervisor, names the
    unit it goes to), merged (into a master case), answered (on the spot), invalid.

A resolved case with a caller waits for the callback (callback_*, reopen); a
grid worker's report has nobody to call and waits for the field verification
(verify_passed closes it, verify_failed reopens it to the same unit).

Two clocks run on a case: ``due_at``, the citizen's, from intake; and the unit's
(``unit_clock_at`` to ``unit_due_at``), which a dispatch, a dispute settled to
another unit, a reopening and a failed verification start afresh by the
category's rule and a return stops. A pause moves both on by the time it lasted.
By the admin's clock rule ``sign`` the unit's clock waits for the signing (or the
desk's start on the unit's behalf) instead. Whenever a unit takes the case it is
to sign for it by ``sign_due_at`` (the rule's sign limit), whichever rule runs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

from console.casework.unit_clock import UNIT_CLOCK_STARTS, clocks_after, resumed
from console.core.errors import ConsoleError, FieldError, ValidationError
from console.core.text_rules import check_text

ADMIN = "admin"
SYSTEM = "system"  # automatic moves (auto-dispatch); never a person's role

OPEN = frozenset({"new", "accepted", "dispatched", "in_progress", "returned", "disputed",
                  "referred"})
WITH_UNIT = frozenset({"dispatched", "in_progress", "disputed", "referred"})
UNSETTLED = frozenset({"disputed", "referred"})  # whose unit is not settled yet
TERMINAL = frozenset({"closed", "merged", "answered", "invalid"})

OPERATOR, DISPATCHER, LEADER, SUPERVISOR = "operator", "dispatcher", "shift_leader", "supervisor"
UNIT = "unit_handler"  # a person of the responsible unit (承办单位), at their own seat
DESK = frozenset({OPERATOR, DISPATCHER, LEADER})  # those who record what units report
VERIFIERS = frozenset({OPERATOR, DISPATCHER})  # record the grid squad's field verification


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str | None  # None: the status does not change
    roles: frozenset[str]
    needs: tuple[str, ...] = ()
    # True: only a case with a caller (callbacks); False: only a grid worker's report
    # (field verification); None: any case.
    caller: bool | None = None


ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("accept", frozenset({"new"}), "accepted", frozenset({OPERATOR, DISPATCHER})),
    Action("answer", frozenset({"new", "accepted"}), "answered", frozenset({OPERATOR}),
           ("answer",)),
    Action("invalidate", frozenset({"new", "accepted", "returned"}), "invalid",
           frozenset({OPERATOR, DISPATCHER}), ("reason",)),
    Action("dispatch", frozenset({"accepted", "returned"}), "dispatched",
           frozenset({DISPATCHER, SYSTEM}), ("unit_id",)),
    Action("start", frozenset({"dispatched"}), "in_progress", DESK),
    Action("sign", frozenset({"dispatched"}), "in_progress", frozenset({UNIT})),
    Action("reply", frozenset({"in_progress"}), "resolved", frozenset({UNIT}), ("result",)),
    Action("forward", frozenset({"dispatched"}), "dispatched", frozenset({UNIT}),
           ("unit_id",)),
    Action("return", frozenset({"dispatched", "in_progress"}), "returned", DESK, ("reason",)),
    Action("dispute", frozenset({"dispatched", "in_progress"}), "disputed",
           frozenset({DISPATCHER, LEADER}), ("reason",)),
    Action("settle", frozenset({"disputed"}), "dispatched", frozenset({LEADER}),
           ("unit_id",)),
    Action("resolve", WITH_UNIT, "resolved", DESK, ("result",)),
    Action("merge", OPEN - UNSETTLED, "merged", frozenset({OPERATOR, DISPATCHER}),
           ("master_id",)),
    Action("callback_closed", frozenset({"resolved"}), "closed", frozenset({OPERATOR}),
           ("satisfaction",), caller=True),
    # Unreachable: stays resolved for another try; the last allowed try closes it.
    Action("callback_unreachable", frozenset({"resolved"}), None, frozenset({OPERATOR}),
           caller=True),
    Action("reopen", frozenset({"resolved"}), "dispatched", frozenset({OPERATOR}),
           ("reason",), caller=True),
    Action("pause", OPEN, None, frozenset({DISPATCHER, LEADER, SUPERVISOR}), ("reason",)),
    Action("resume", OPEN, None, frozenset({DISPATCHER, LEADER, SUPERVISOR})),
    # The grid's squad checks the result on the spot; the centre records what it found.
    Action("verify_passed", frozenset({"resolved"}), "closed", VERIFIERS, caller=False),
    Action("verify_failed", frozenset({"resolved"}), "dispatched", VERIFIERS, ("reason",),
           caller=False),
    # The class (A/B/C) comes from the category; on one case only a shift leader
    # changes it, with a reason; the deadline is worked out again (``due_at`` fact).
    Action("reclass", OPEN, None, frozenset({LEADER}), ("urgency", "reason")),
    # A dispute the shift leader cannot settle goes to the district leader (区领导协调);
    # the leader's decision, recorded on their behalf, sends the case to the unit named.
    Action("refer", frozenset({"disputed"}), "referred", frozenset({LEADER}), ("note",)),
    Action("decide", frozenset({"referred"}), "dispatched", frozenset({LEADER, SUPERVISOR}),
           ("unit_id", "leader", "decision")),
)}


class TransitionError(ConsoleError):
    """The move is not allowed; ``code`` says why (status, role, or a missing fact)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code} {params}")
        self.code = code
        self.params = params


TEXT_FACTS = ("reason", "result", "answer", "note", "attachments", "decision")
LEADER_NAME_LIMIT = 64
MAX_FACT_TEXT = 20_000


def _whole_number(value: object) -> int | None:
    """An int, or a string of digits; None for anything else (a float, a bool…)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    return None


def clean_facts(action_name: str, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts with their text checked (no control characters, no lone
    surrogates, within length) and their numbers and ids parsed; a bad value is a
    code (ValidationError, or TransitionError for a rating), never a crash."""
    clean = dict(facts)
    errors: list[FieldError] = []
    for key in TEXT_FACTS:
        if clean.get(key) is not None:
            clean[key] = check_text(clean[key], key, MAX_FACT_TEXT, errors, required=False)
    if clean.get("leader") is not None:
        clean["leader"] = check_text(clean["leader"], "leader", LEADER_NAME_LIMIT, errors,
                                     required=False)
    if clean.get("decided_at") is not None:
        when = clean["decided_at"]
        if not isinstance(when, dt.datetime) or when.tzinfo is None:
            errors.append(FieldError("decided_at", "decision.when"))
    if clean.get("unit_id") is not None:
        unit = _whole_number(clean["unit_id"])
        if unit is None:
            errors.append(FieldError("unit", "unit.unknown"))
        clean["unit_id"] = unit
    if clean.get("master_id") is not None and not isinstance(clean["master_id"], uuid.UUID):
        try:
            clean["master_id"] = uuid.UUID(str(clean["master_id"]))
        except ValueError:
            errors.append(FieldError("master", "merge.unknown"))
    if errors:
        raise ValidationError(errors)
    if clean.get("satisfaction") is not None:
        rating = _whole_number(clean["satisfaction"])
        if rating is None or not 1 <= rating <= 5:
            raise TransitionError("callback.satisfaction", action=action_name)
        clean["satisfaction"] = rating
    return clean


def may(roles: frozenset[str], action: Action) -> bool:
    """An admin does every desk's work, but is no unit's handler: a unit's own moves
    are its handlers' alone."""
    return bool(roles & action.roles) or (ADMIN in roles and not action.roles <= {UNIT})


def fits(action: Action, grid_report: bool) -> bool:
    """Whether the move is for this kind of case (callbacks need a caller)."""
    return action.caller is None or action.caller != grid_report


def check(action_name: str, status: str, roles: frozenset[str],
          facts: dict[str, object] | None = None, *, grid_report: bool = False) -> str:
    """Return the status the move leads to, or raise TransitionError."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise TransitionError("transition.unknown", action=action_name)
    if status not in action.sources:
        raise TransitionError("transition.not_from", action=action_name, status=status)
    if not fits(action, grid_report):
        raise TransitionError("transition.grid_report" if grid_report
                              else "transition.needs_grid_report", action=action_name)
    if not may(roles, action):
        raise TransitionError("transition.forbidden", action=action_name,
                              roles=sorted(action.roles - {SYSTEM}))
    facts = facts or {}
    for need in action.needs:
        value = facts.get(need)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise TransitionError(f"transition.needs_{need}", action=action_name)
    return action.target or status


def allowed(status: str, roles: frozenset[str], *, grid_report: bool = False) -> list[str]:
    """Actions these roles may take on a case in this status (for menus and buttons)."""
    return [a.name for a in ACTIONS.values()
            if status in a.sources and may(roles, a) and fits(a, grid_report)]


MAX_CALLBACK_ATTEMPTS = 3


@dataclass(frozen=True)
class CaseState:
    """What the lifecycle needs to know of a case."""

    status: str
    version: int = 1
    assigned_unit_id: int | None = None
    merged_into: uuid.UUID | None = None
    due_at: dt.datetime | None = None
    paused_at: dt.datetime | None = None
    callback_attempts: int = 0
    grid_report: bool = False  # a grid worker's report: verified in the field, no callback
    unit_clock_at: dt.datetime | None = None  # the unit's clock: started at …
    unit_due_at: dt.datetime | None = None  # … and runs out at (None: not running)
    clock_round: int = 1  # the escalation round of the running clock
    first_resolved_at: dt.datetime | None = None
    urgency: str | None = None
    sign_due_at: dt.datetime | None = None  # the unit that has it signs by then
    due_estimated: bool = False  # due_at counts a year whose holidays are unpublished


@dataclass(frozen=True)
class Move:
    """One allowed move: the state after it, the columns to write, the event payload."""

    action: str
    before: CaseState
    after: CaseState
    changes: dict[str, Any]
    payload: dict[str, Any]


def apply(state: CaseState, action_name: str, roles: frozenset[str],
          facts: dict[str, Any], now: dt.datetime, *, unit_due: dt.datetime | None = None,
          clock_starts: str = "dispatch", sign_due: dt.datetime | None = None) -> Move:
    """Compute a move without touching anything; raises TransitionError (or
    ValidationError for a bad fact). ``unit_due``: when a unit's clock started
    ``now`` runs out by the case's category rule (the caller computes it; None: the
    case has no rule and its own deadline counts). ``clock_starts``: the admin's
    clock rule, ``dispatch`` or ``sign`` (then the unit's signing starts it).
    ``sign_due``: when a unit that takes the case ``now`` is to sign for it."""
    target = check(action_name, state.status, roles, facts, grid_report=state.grid_report)
    if clock_starts not in UNIT_CLOCK_STARTS:
        raise TransitionError("clock.rule_unknown", rule=clock_starts)
    facts = clean_facts(action_name, facts)
    changes: dict[str, Any] = {}
    after = replace(state, status=target, version=state.version + 1)
    payload: dict[str, Any] = {"action": action_name, "from": state.status, "to": target}
    for key in (*ACTIONS[action_name].needs, "note", "attachments"):
        if key not in ("unit_id", "master_id") and facts.get(key) is not None:
            payload[key] = facts[key]

    if action_name == "decide":
        decided_at = facts.get("decided_at") or now
        if decided_at > now:
            raise ValidationError([FieldError("decided_at", "decision.future")])
        payload["decided_at"] = decided_at
    if action_name in ("dispatch", "settle", "forward", "decide"):
        after = replace(after, assigned_unit_id=int(facts["unit_id"]))
        changes["dispatched_at"] = now
        changes["signed_at"] = None  # the unit it goes to signs for it
        if action_name == "forward":
            payload["from_unit_id"] = state.assigned_unit_id
        payload["unit_id"] = int(facts["unit_id"])
        if facts.get("auto"):
            payload["auto"] = True
            payload["rule"] = facts.get("rule")
    elif action_name == "return":
        payload["unit_id"] = state.assigned_unit_id
        after = replace(after, assigned_unit_id=None)
        changes["signed_at"] = None
    elif action_name == "sign":
        changes["signed_at"] = now
        payload["unit_id"] = state.assigned_unit_id
    elif action_name in ("resolve", "reply"):
        changes["resolved_at"] = now
        if state.first_resolved_at is None:
            after = replace(after, first_resolved_at=now)
        if state.unit_due_at is not None:  # for the units' on-time statistics
            unit_due = resumed(state, now).unit_due_at if state.paused_at else state.unit_due_at
            payload["unit_due_at"] = unit_due
            payload["on_time"] = unit_due is not None and now <= unit_due
    elif action_name in ("answer", "invalidate"):
        changes["resolved_at" if action_name == "answer" else "closed_at"] = now
        if action_name == "answer":
            changes["closed_at"] = now
    elif action_name == "verify_passed":
        changes["closed_at"] = now
    elif action_name in ("reopen", "verify_failed"):
        changes["resolved_at"] = None
        payload["unit_id"] = state.assigned_unit_id
    elif action_name == "merge":
        after = replace(after, merged_into=facts["master_id"])
        payload["master_id"] = str(facts["master_id"])
    elif action_name == "callback_closed":
        changes["closed_at"] = now  # the rating was checked by clean_facts
    elif action_name == "callback_unreachable":
        attempts = state.callback_attempts + 1
        after = replace(after, callback_attempts=attempts)
        payload["attempt"] = attempts
        if attempts >= MAX_CALLBACK_ATTEMPTS:
            after = replace(after, status="closed")
            payload["to"] = "closed"
            payload["gave_up"] = True
            changes["closed_at"] = now
    elif action_name == "pause":
        if state.paused_at is not None:
            raise TransitionError("clock.already_paused")
        after = replace(after, paused_at=now)
    elif action_name == "resume":
        if state.paused_at is None:
            raise TransitionError("clock.not_paused")
        after = resumed(after, now)
    after = clocks_after(action_name, state, after, now, unit_due, clock_starts, sign_due,
                         payload)
    if after.status not in OPEN and after.paused_at is not None:
        after = resumed(after, now)  # leaving the open statuses ends a pause
    if action_name == "reclass":
        after = _reclassed(after, state, facts, payload)
    for column in CHANGING:
        if getattr(after, column) != getattr(state, column):
            changes[column] = getattr(after, column)
    changes["version"] = after.version
    return Move(action_name, state, after, changes, payload)


CHANGING = ("status", "assigned_unit_id", "merged_into", "due_at", "paused_at",
            "unit_clock_at", "unit_due_at", "clock_round", "first_resolved_at", "urgency",
            "sign_due_at", "due_estimated")
URGENCIES = ("A", "B", "C")


def _reclassed(after: CaseState, state: CaseState, facts: dict[str, Any],
               payload: dict[str, Any]) -> CaseState:
    """A new class and the deadline its rule gives from acceptance (``due_at``, worked
    out by the caller from the catalog, estimated or not: ``due_estimated``); the event
    says both and what they were."""
    urgency = facts["urgency"]
    if urgency not in URGENCIES:
        raise TransitionError("reclass.unknown_class", action="reclass")
    if urgency == state.urgency:
        raise TransitionError("reclass.same_class", action="reclass")
    due = facts.get("due_at")
    if not isinstance(due, dt.datetime):
        raise TransitionError("reclass.no_deadline", action="reclass")
    estimated = bool(facts.get("due_estimated"))
    payload.update(was=state.urgency, due_at=due.isoformat(), due_was=(
        None if state.due_at is None else state.due_at.isoformat()), due_from="accepted_at",
        due_estimated=estimated)
    return replace(after, urgency=urgency, due_at=due, due_estimated=estimated)
