"""Disputes the shift leader cannot settle (区领导协调): the records a referral
and the district leader's decision leave beside their moves.

``refer`` (disputed → referred) keeps the shift leader's note in
``dispute_referral``; ``decide`` (referred → dispatched) keeps the leader's
decision in ``dispute_decision``: who decided, when, the unit it names and its
text, recorded by a shift leader or a supervisor on the leader's behalf. Both are
written in the move's transaction, before the case changes: the database lets a
case into ``referred`` only with a referral of this transaction, and out of it
to a unit only with a decision of this transaction naming that unit
(migration 0012). ``cases.perform_in`` calls ``record`` for these two moves.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from console.casework.lifecycle import Move
from console.core.errors import FieldError, ValidationError
from db import schema as s

RECORDED = frozenset({"refer", "decide"})


async def record(conn: AsyncConnection, case_id: uuid.UUID, move: Move,
                 facts: dict[str, Any]) -> None:
    """The referral or the decision of ``move`` (one of ``RECORDED``)."""
    if move.action == "refer":
        await conn.execute(insert(s.DisputeReferral).values(
            case_id=case_id, unit_id=move.before.assigned_unit_id, note=facts["note"]))
        return
    referral = (await conn.execute(
        select(s.DisputeReferral.id).where(s.DisputeReferral.case_id == case_id)
        .order_by(s.DisputeReferral.id.desc()).limit(1))).scalar_one_or_none()
    if referral is None:  # referred before the records existed, or by hand
        raise ValidationError([FieldError("case", "decision.no_referral")])
    await conn.execute(insert(s.DisputeDecision).values(
        referral_id=referral, case_id=case_id, leader=facts["leader"],
        decided_at=move.payload["decided_at"], unit_id=move.after.assigned_unit_id,
        text=facts["decision"]))
