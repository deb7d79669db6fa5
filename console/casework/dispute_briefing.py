"""Unsettled disputes for the weekly briefing (值班周报: the district's leaders are
told of the disputes nobody has settled, 区主要领导办公会每周通报).

A dispute is unsettled while its case is disputed (the shift leader has not
settled it) or referred (the district leader has not decided). Its age is the
number of whole working days since the day it began (the day of the last
``dispute`` move; the day itself does not count, as for time limits); a dispute
is listed once that age reaches the rule's ``dispute_briefing_working_days``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from console.calendar.workdays import WorkCalendar, to_local
from console.casework.lifecycle import UNSETTLED
from console.core.store import Store
from db import schema as s

C, E, R = s.Case, s.CaseEvent, s.DisputeReferral
MAX_LISTED = 2000


@dataclass(frozen=True)
class UnsettledDispute:
    case_id: uuid.UUID
    public_no: str
    status: str                  # disputed or referred
    unit_id: int | None          # the first unit, still handling it (首问负责制)
    disputed_at: dt.datetime
    reason: str                  # why the unit disputed it
    working_days: int            # whole working days since the day it began
    referred_at: dt.datetime | None = None
    referral_note: str = ""


def working_days_since(calendar: WorkCalendar, start: dt.datetime, now: dt.datetime) -> int:
    """Whole working days after the day of ``start`` and before the day of ``now``."""
    day, end, count = to_local(start).date() + dt.timedelta(days=1), to_local(now).date(), 0
    while day < end:
        count += calendar.is_working_day(day)
        day += dt.timedelta(days=1)
    return count


async def _briefing_days(conn: AsyncConnection) -> int:
    return int((await conn.execute(
        select(s.EscalationRule.dispute_briefing_working_days))).scalar_one())


async def unsettled(store: Store, calendar: WorkCalendar, older_than: int | None = None,
                    now: dt.datetime | None = None) -> list[UnsettledDispute]:
    """Disputes unsettled now (the statuses as read), at least ``older_than`` working
    days old (the rule's number when None) at ``now`` (the server's now when None: a
    report gives the time it is made), the oldest first."""
    async with store.read() as conn:
        if now is None:
            now = (await conn.execute(select(func.now()))).scalar_one()
        days = await _briefing_days(conn) if older_than is None else older_than
        began = (select(E.case_id, func.max(E.id).label("event_id"))
                 .where(E.kind == "dispute", s.in_range(E.at)).group_by(E.case_id).subquery())
        latest = (select(R.case_id, func.max(R.id).label("referral_id"))
                  .group_by(R.case_id).subquery())
        rows = (await conn.execute(
            select(C.id, C.public_no, C.status, C.assigned_unit_id, E.at, E.payload,
                   R.referred_at, R.note)
            .join(began, began.c.case_id == C.id)
            .join(E, E.id == began.c.event_id)
            .outerjoin(latest, latest.c.case_id == C.id)
            .outerjoin(R, R.id == latest.c.referral_id)
            .where(C.status.in_(sorted(UNSETTLED)))
            .order_by(E.at, C.id).limit(MAX_LISTED))).all()
    out = []
    for r in rows:
        age = working_days_since(calendar, r.at, now)
        if age < days:
            continue
        reason = r.payload.get("reason") if isinstance(r.payload, dict) else None
        referred = r.status == "referred"
        out.append(UnsettledDispute(
            r.id, r.public_no, r.status, r.assigned_unit_id, r.at,
            reason if isinstance(reason, str) else "", age,
            r.referred_at if referred else None, (r.note or "") if referred else ""))
    return out
