"""Which clock the escalation ladder counts against, said once.

The running clock (``console/casework/running_clock.py``; ``countdown.py`` says
what it means): the responsible unit's own
(``unit_clock_at`` to ``unit_due_at``, migration 0008) while a unit has the case,
else the case's (from acceptance to ``due_at``). The sweep and the board come
through these two functions; efficiency inspection in the database through
``public.ladder_due_at("case")``, which reads the same (migration 0012).
"""

from __future__ import annotations

from typing import Any

from console.casework.running_clock import CLOCK_DUE, CLOCK_STARTED


def ladder_due_at() -> Any:
    """The column expression of the deadline the ladder counts against."""
    return CLOCK_DUE


def ladder_started() -> Any:
    """The column expression of when that clock started."""
    return CLOCK_STARTED
