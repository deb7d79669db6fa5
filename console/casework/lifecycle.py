"""The case lifecycle as an explicit state machine (ARCHITECTURE.md section 4).

Every move a person (or the system) can make on a case is a named action with
the statuses it starts from, the status it leads to, the roles allowed to take
it and the facts it needs. ``check`` is the only way to ask whether a move is
allowed; the services call it inside the transaction that makes the move.

    new -> accepted -> dispatched -> in_progress -> resolved -> closed
    side roads: returned (to the dispatcher, with a reason), disputed (the
    first unit keeps handling it until the shift leader settles the owner),
    referred (a dispute the shift leader cannot settle, sent to the district
    leader's coordination 区领导协调; the first unit still handles it until the
    leader's decision, recorded by a shift leader or a supervisor, names the
    unit it goes to), merged (into a master case), answered (on the spot), invalid.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import Any

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
DESK = frozenset({OPERATOR, DISPATCHER, LEADER})  # those who record what units report


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str | None  # None: the status does not change
    roles: frozenset[str]
    needs: tuple[str, ...] = ()


ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("accept", frozenset({"new"}), "accepted", frozenset({OPERATOR, DISPATCHER})),
    Action("answer", frozenset({"new", "accepted"}), "answered", frozenset({OPERATOR}),
           ("answer",)),
    Action("invalidate", frozenset({"new", "accepted", "returned"}), "invalid",
           frozenset({OPERATOR, DISPATCHER}), ("reason",)),
    Action("dispatch", frozenset({"accepted", "returned"}), "dispatched",
           frozenset({DISPATCHER, SYSTEM}), ("unit_id",)),
    Action("start", frozenset({"dispatched"}), "in_progress", DESK),
    Action("return", frozenset({"dispatched", "in_progress"}), "returned", DESK, ("reason",)),
    Action("dispute", frozenset({"dispatched", "in_progress"}), "disputed",
           frozenset({DISPATCHER, LEADER}), ("reason",)),
    Action("settle", frozenset({"disputed"}), "dispatched", frozenset({LEADER}),
           ("unit_id",)),
    Action("resolve", WITH_UNIT, "resolved", DESK, ("result",)),
    Action("merge", OPEN - UNSETTLED, "merged", frozenset({OPERATOR, DISPATCHER}),
           ("master_id",)),
    Action("callback_closed", frozenset({"resolved"}), "closed", frozenset({OPERATOR}),
           ("satisfaction",)),
    # Unreachable: stays resolved for another try; the last allowed try closes it.
    Action("callback_unreachable", frozenset({"resolved"}), None, frozenset({OPERATOR})),
    Action("reopen", frozenset({"resolved"}), "dispatched", frozenset({OPERATOR}),
           ("reason",)),
    Action("pause", OPEN, None, frozenset({DISPATCHER, LEADER, SUPERVISOR}), ("reason",)),
    Action("resume", OPEN, None, frozenset({DISPATCHER, LEADER, SUPERVISOR})),
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


TEXT_FACTS = ("reason", "result", "answer", "note", "decision")
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
    return ADMIN in roles or bool(roles & action.roles)


def check(action_name: str, status: str, roles: frozenset[str],
          facts: dict[str, object] | None = None) -> str:
    """Return the status the move leads to, or raise TransitionError."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise TransitionError("transition.unknown", action=action_name)
    if status not in action.sources:
        raise TransitionError("transition.not_from", action=action_name, status=status)
    if not may(roles, action):
        raise TransitionError("transition.forbidden", action=action_name,
                              roles=sorted(action.roles - {SYSTEM}))
    facts = facts or {}
    for need in action.needs:
        value = facts.get(need)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise TransitionError(f"transition.needs_{need}", action=action_name)
    return action.target or status


def allowed(status: str, roles: frozenset[str]) -> list[str]:
    """Actions these roles may take on a case in this status (for menus and buttons)."""
    return [a.name for a in ACTIONS.values() if status in a.sources and may(roles, a)]


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


@dataclass(frozen=True)
class Move:
    """One allowed move: the state after it, the columns to write, the event payload."""

    action: str
    before: CaseState
    after: CaseState
    changes: dict[str, Any]
    payload: dict[str, Any]


def apply(state: CaseState, action_name: str, roles: frozenset[str],
          facts: dict[str, Any], now: dt.datetime) -> Move:
    """Compute a move without touching anything; raises TransitionError (or
    ValidationError for a bad fact)."""
    target = check(action_name, state.status, roles, facts)
    facts = clean_facts(action_name, facts)
    changes: dict[str, Any] = {}
    after = replace(state, status=target, version=state.version + 1)
    payload: dict[str, Any] = {"action": action_name, "from": state.status, "to": target}
    for key in (*ACTIONS[action_name].needs, "note"):
        if key not in ("unit_id", "master_id") and facts.get(key) is not None:
            payload[key] = facts[key]

    if action_name == "decide":
        decided_at = facts.get("decided_at") or now
        if decided_at > now:
            raise ValidationError([FieldError("decided_at", "decision.future")])
        payload["decided_at"] = decided_at
    if action_name in ("dispatch", "settle", "decide"):
        after = replace(after, assigned_unit_id=int(facts["unit_id"]))
        changes["dispatched_at"] = now
        payload["unit_id"] = int(facts["unit_id"])
        if facts.get("auto"):
            payload["auto"] = True
            payload["rule"] = facts.get("rule")
    elif action_name == "return":
        payload["unit_id"] = state.assigned_unit_id
        after = replace(after, assigned_unit_id=None)
    elif action_name == "resolve":
        changes["resolved_at"] = now
    elif action_name in ("answer", "invalidate"):
        changes["resolved_at" if action_name == "answer" else "closed_at"] = now
        if action_name == "answer":
            changes["closed_at"] = now
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
    elif action_name == "reopen":
        changes["resolved_at"] = None
    elif action_name == "pause":
        if state.paused_at is not None:
            raise TransitionError("clock.already_paused")
        after = replace(after, paused_at=now)
    elif action_name == "resume":
        if state.paused_at is None:
            raise TransitionError("clock.not_paused")
        after = _resumed(after, now)
    if after.status not in OPEN and after.paused_at is not None:
        after = _resumed(after, now)  # leaving the open statuses ends a pause
    for column in ("status", "assigned_unit_id", "merged_into", "due_at", "paused_at"):
        if getattr(after, column) != getattr(state, column):
            changes[column] = getattr(after, column)
    changes["version"] = after.version
    return Move(action_name, state, after, changes, payload)


def _resumed(state: CaseState, now: dt.datetime) -> CaseState:
    """End a pause: the deadline moves on by the time the clock stood still."""
    assert state.paused_at is not None
    due = state.due_at + (now - state.paused_at) if state.due_at is not None else None
    return replace(state, paused_at=None, due_at=due)
