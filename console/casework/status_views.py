"""The sets of statuses people look at cases by, derived from the state machine
(console/casework/lifecycle.py), so that a new move changes them in one place.

``STATUS_VIEWS`` are the queue's choices, in the order it offers them: open
cases, cases waiting to be sent to a unit, cases waiting for a callback, every
case, then each status on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.casework.lifecycle import ACTIONS
from db.schema import CASE_STATUSES, OPEN_STATUSES


def _in_order(statuses: frozenset[str]) -> tuple[str, ...]:
    return tuple(status for status in CASE_STATUSES if status in statuses)


# Waiting for a dispatcher (or, for a dispute, the shift leader) to send the case to a
# unit: the statuses the moves to a unit start from, first-time and returned alike.
WAITING_FOR_DISPATCH = _in_order(ACTIONS["dispatch"].sources | ACTIONS["settle"].sources)
# Came back from a unit (returned, disputed): someone at the centre must act on it.
CAME_BACK = frozenset(target for move in ("return", "dispute")
                      if (target := ACTIONS[move].target) is not None)
# Resolved by the unit, waiting for the operator's callback to the citizen.
AWAITING_CALLBACK = _in_order(ACTIONS["callback_closed"].sources)


@dataclass(frozen=True)
class StatusView:
    """A choice of the queue: ``key`` names it (a status's own view is keyed by the
    status), ``statuses`` are those it shows (None: every status)."""

    key: str
    statuses: tuple[str, ...] | None


STATUS_VIEWS: tuple[StatusView, ...] = (
    StatusView("open", OPEN_STATUSES),
    StatusView("waiting_for_dispatch", WAITING_FOR_DISPATCH),
    StatusView("awaiting_callback", AWAITING_CALLBACK),
    StatusView("all", None),
    *(StatusView(status, (status,)) for status in CASE_STATUSES),
)
