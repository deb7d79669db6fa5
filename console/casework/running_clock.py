"""The running clock's columns, said once (``countdown`` tells what they mean): the
unit's while it runs, else the case's own. A module of their own, with no numpy,
so the sweeper process (``console/supervision/sweep_child.py``) imports no more
than it needs."""

from __future__ import annotations

from sqlalchemy import func

from db import schema as s

C = s.Case
CLOCK_DUE = func.coalesce(C.unit_due_at, C.due_at)
CLOCK_STARTED = func.coalesce(C.unit_clock_at, C.accepted_at, C.created_at)
