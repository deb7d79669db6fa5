"""Alerts: a new A-class case, a case going overdue, an order's reply falling
due. Each seat chooses which it gets; a burst is coalesced into one notice
(never a storm of pop-ups)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field

NEW_A_CLASS, OVERDUE, REPLY_DUE = "new_a_class", "overdue", "reply_due"
KINDS = (NEW_A_CLASS, OVERDUE, REPLY_DUE)
COALESCE = dt.timedelta(seconds=3)  # alerts within this window make one notice


@dataclass(frozen=True)
class Alert:
    kind: str
    case_id: uuid.UUID
    public_no: str


@dataclass(frozen=True)
class Notice:
    """What the seat shows at once: how many of each kind, and which cases."""

    counts: dict[str, int]
    alerts: tuple[Alert, ...]


@dataclass
class Coalescer:
    """Collects alerts; ``due(now)`` hands out one notice per quiet window."""

    wanted: set[str] = field(default_factory=lambda: set(KINDS))
    _pending: list[Alert] = field(default_factory=list)
    _first_at: dt.datetime | None = None
    _seen: set[tuple[str, uuid.UUID]] = field(default_factory=set)

    def add(self, alert: Alert, now: dt.datetime) -> None:
        key = (alert.kind, alert.case_id)
        if alert.kind not in self.wanted or key in self._seen:
            return  # not chosen at this seat, or told once already
        self._seen.add(key)
        self._pending.append(alert)
        if self._first_at is None:
            self._first_at = now

    def due(self, now: dt.datetime) -> Notice | None:
        if self._first_at is None or now - self._first_at < COALESCE:
            return None
        alerts, self._pending, self._first_at = tuple(self._pending), [], None
        return Notice(dict(Counter(a.kind for a in alerts)), alerts)
