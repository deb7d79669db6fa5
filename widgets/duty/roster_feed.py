"""What of the roster pane a batch of change-feed events touches: the shift
templates (and with them everything), the shown month, the shown day, who is
on duty now. Payloads are read typed (``console/core/events.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from console.core.events import Event, RosterChanged, ShiftTemplateChanged

EVERYTHING = frozenset({"setup", "month", "on_duty"})  # a shift template changed


def touched(events: Iterable[Event], year: int, month: int, day: dt.date | None) -> set[str]:
    """The parts to read again: "setup", "month", "day", "on_duty"."""
    parts: set[str] = set()
    for event in events:
        if event.of(ShiftTemplateChanged) is not None:
            parts |= EVERYTHING
        elif (changed := event.of(RosterChanged)) is not None:
            if any((d.year, d.month) == (year, month) for d in changed.days):
                parts.add("month")
            if day in changed.days:
                parts.add("day")
            parts.add("on_duty")
    return parts
