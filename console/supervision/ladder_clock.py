"""Which deadline the escalation ladder counts against, said once.

Today the ladder reads the case's deadline (``case.due_at``). When the units'
own deadlines come (the fair clocks of issue 13), switching the ladder to them
is this one function on the seat's side and the database function
``public.ladder_due_at("case")`` (migration 0010) that efficiency inspection
reads; the sweep, the board and the tests all come through these two.
"""

from __future__ import annotations

from typing import Any

from db import schema as s


def ladder_due_at() -> Any:
    """The column expression of the deadline the ladder counts against."""
    return s.Case.due_at
