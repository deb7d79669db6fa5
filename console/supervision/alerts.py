"""Alerts: a new A-class case, a case going overdue, an order's reply falling
due. Each seat chooses which it gets; a burst is coalesced into one notice
(never a storm of pop-ups).

An event only says where to look: whoever may append events could write any
payload, so what an alert tells (the class, the number) is read from the case
itself (``new_a_class``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select

from console.core.store import Store
from console.supervision.alert_kinds import KINDS, NEW_A_CLASS
from console.supervision.alert_kinds import OVERDUE as OVERDUE  # named here too
from console.supervision.alert_kinds import REPLY_DUE as REPLY_DUE
from db import schema as s

COALESCE = dt.timedelta(seconds=3)  # alerts within this window make one notice
# A case's alert of one kind is told once; the memory of it is kept this long (an
# alert comes from a deadline crossed or a case made, each once), so that a seat
# that runs for weeks does not keep every case it ever alerted on.
REMEMBER = dt.timedelta(hours=1)


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
    _seen: dict[tuple[str, uuid.UUID], dt.datetime] = field(default_factory=dict)
    _forgot_at: dt.datetime | None = None

    def add(self, alert: Alert, now: dt.datetime) -> None:
        key = (alert.kind, alert.case_id)
        if alert.kind not in self.wanted or key in self._seen:
            return  # not chosen at this seat, or told once already
        self._seen[key] = now
        self._pending.append(alert)
        if self._first_at is None:
            self._first_at = now

    @property
    def remembered(self) -> int:
        """How many alerts are remembered as told."""
        return len(self._seen)

    def _forget(self, now: dt.datetime) -> None:
        """Drop what was told more than REMEMBER ago (looked at once a minute)."""
        if self._forgot_at is not None and now - self._forgot_at < dt.timedelta(minutes=1):
            return
        self._forgot_at = now
        self._seen = {k: at for k, at in self._seen.items() if now - at < REMEMBER}

    def due(self, now: dt.datetime) -> Notice | None:
        self._forget(now)
        if self._first_at is None or now - self._first_at < COALESCE:
            return None
        alerts, self._pending, self._first_at = tuple(self._pending), [], None
        return Notice(dict(Counter(a.kind for a in alerts)), alerts)


async def new_a_class(store: Store, case_ids: Collection[uuid.UUID],
                      since: dt.datetime) -> list[Alert]:
    """Of the cases some events call new, those that the database holds as A-class
    cases created at or after ``since`` (when the seat began to watch), made here (an
    imported case is history, whatever its events say)."""
    if not case_ids:
        return []
    async with store.read() as conn:
        rows = (await conn.execute(
            select(s.Case.id, s.Case.public_no)
            .where(s.among_ids(s.Case.id, case_ids), s.Case.urgency == "A",
                   s.Case.created_at >= since, s.Case.imported_from.is_(None))
            .order_by(s.Case.created_at))).all()
    return [Alert(NEW_A_CLASS, case_id, public_no) for case_id, public_no in rows]
