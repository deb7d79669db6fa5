"""Supervising many cases at once (督办所选案件): one order text and reply deadline
for every case chosen on the board, and a report of what was issued, what was
skipped and why.

What would refuse every case (the person may not supervise, the text or the
deadline is wrong) is checked first and raised before anything is issued. Then
each case gets its order in a transaction of its own, so one case that cannot
have one (supervised already this round, closed meanwhile at another seat, held
by another seat's lock) holds up none of the others and is named in the report.
When the database goes out of reach the cases not yet done are skipped for
that reason rather than each waiting for the link in turn.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from console.core.errors import (
    ConflictError,
    ConsoleError,
    DatabaseUnavailable,
    FieldError,
    ValidationError,
    require_role,
)
from console.core.store import Store
from console.supervision import sweeper
from console.supervision.board import BoardCase


@dataclass(frozen=True)
class Skipped:
    """A case given no order, and why (an error with a code, see texts)."""

    case_id: uuid.UUID
    public_no: str
    reason: ConsoleError

    @property
    def already_supervised(self) -> bool:
        """It has its supervision order this round already: nothing was needed."""
        return isinstance(self.reason, ConflictError) and self.reason.action == "supervision"


@dataclass(frozen=True)
class SupervisionReport:
    issued: list[BoardCase] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)  # one per order issued, in order

    @property
    def event_id(self) -> int:
        """The last event the orders appended (0 when none was issued): the seat
        waits until the change feed has applied it."""
        return max(self.event_ids, default=0)

    @property
    def already_supervised(self) -> list[Skipped]:
        return [s for s in self.skipped if s.already_supervised]

    @property
    def refused(self) -> list[Skipped]:
        """Skipped for another reason than an order already issued: the person should
        look at these."""
        return [s for s in self.skipped if not s.already_supervised]


async def supervise(store: Store, cases: Sequence[BoardCase], order_text: str,
                    reply_due_at: dt.datetime) -> SupervisionReport:
    """A supervision order for each case, in the order given; see the module's
    docstring. Raises PermissionDenied or ValidationError with nothing issued."""
    require_role(store.roles, "supervisor")
    errors: list[FieldError] = []
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
    sweeper.check_order(order_text, reply_due_at, now, errors)
    if errors:
        raise ValidationError(errors)
    report = SupervisionReport()
    link_down: DatabaseUnavailable | None = None
    for case in cases:
        if link_down is not None:
            report.skipped.append(Skipped(case.id, case.public_no, link_down))
            continue
        try:
            made = await sweeper.issue_supervision(store, case.id, order_text, reply_due_at)
        except DatabaseUnavailable as exc:
            link_down = exc
            report.skipped.append(Skipped(case.id, case.public_no, exc))
        except ConsoleError as exc:
            report.skipped.append(Skipped(case.id, case.public_no, exc))
        else:
            report.issued.append(case)
            report.event_ids.append(made.event_id)
    return report
