"""How a case's moves run the responsible unit's clock, in plain rules (used by
``console/casework/lifecycle.py``'s ``apply``; the database's clock trigger,
``case_unit_clock``, keeps the same rules for whatever a login writes).

A unit that takes the case (a dispatch, a dispute settled to another unit, a
reopening, a failed verification, a leader's decision) gets a fresh clock, the
next escalation round, and a sign deadline (``sign_due_at``). By the admin's clock
rule ``dispatch`` the clock runs from that moment; by ``sign`` it waits, and the
move out of ``dispatched`` at the unit (its signing, or the desk's start on its
behalf) starts it, a round of its own. A street sub-centre's forward gives its
community a sign deadline and keeps the clock running (forwarding is no way to a
longer limit); a return stops the clock and takes the sign deadline away. Ending a
pause moves each running deadline on by the time its clock stood still.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # lifecycle imports this module
    from console.casework.lifecycle import CaseState

# Moves that hand the case to a unit: each starts the unit's clock afresh (a settling
# only when it names another unit).
FRESH_CLOCK = frozenset({"dispatch", "settle", "reopen", "verify_failed", "decide"})
SIGNING = frozenset({"sign", "start"})  # out of 'dispatched' at the unit: its clock may start
UNIT_CLOCK_STARTS = ("dispatch", "sign")  # the admin's clock rule (console/casework/clocks.py)


def waits_for_signing(state: CaseState) -> bool:
    """The unit's clock waits for the signing: a unit has the case to sign for (by the
    rule ``sign``, or a category without a limit at dispatch) and no clock runs."""
    return (state.status == "dispatched" and state.unit_clock_at is None
            and state.sign_due_at is not None)


def clocks_after(action: str, state: CaseState, after: CaseState, now: dt.datetime,
                 unit_due: dt.datetime | None, clock_starts: str,
                 sign_due: dt.datetime | None, payload: dict[str, Any]) -> CaseState:
    """``after`` with the unit's clock and sign deadline the move ``action`` leaves
    (``payload`` gets the new deadlines). ``clock_starts`` is checked by the caller."""
    if action in FRESH_CLOCK and (action != "settle"
                                  or after.assigned_unit_id != state.assigned_unit_id):
        running = clock_starts == "dispatch" and unit_due is not None
        after = replace(after, clock_round=after.clock_round + 1, sign_due_at=sign_due,
                        unit_clock_at=now if running else None,
                        unit_due_at=unit_due if running else None)
        payload["unit_due_at"] = after.unit_due_at
        payload["sign_due_at"] = sign_due
    elif action == "forward":  # the community signs; the clock runs on
        after = replace(after, sign_due_at=sign_due)
        payload["sign_due_at"] = sign_due
    elif action == "return":
        after = replace(after, unit_clock_at=None, unit_due_at=None, sign_due_at=None)
    elif action in SIGNING and waits_for_signing(state) and unit_due is not None:
        after = replace(after, unit_clock_at=now, unit_due_at=unit_due,
                        clock_round=state.clock_round + 1)
        payload["unit_due_at"] = unit_due
    return after


def resumed(state: CaseState, now: dt.datetime) -> CaseState:
    """End a pause: each running deadline moves on by the time its clock stood still
    (a unit's clock started during the pause stood still from its start)."""
    assert state.paused_at is not None
    due = state.due_at + (now - state.paused_at) if state.due_at is not None else None
    unit_due = state.unit_due_at
    if unit_due is not None and state.unit_clock_at is not None:
        unit_due += now - max(state.paused_at, state.unit_clock_at)
    return replace(state, paused_at=None, due_at=due, unit_due_at=unit_due)
