"""Changing a case's class (A/B/C) on one case: a shift leader, with a reason.

The class came from the category's standard at intake; the new class's rule gives
a new deadline, counted from the case's acceptance (estimated or not, as that
computation says), and the ``reclass`` event says the new class, the one before,
the new deadline and the one before.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from console.casework.cases import CaseNotFound, MadeMove, perform_in
from console.catalog.catalog import Catalog
from console.core.errors import FieldError, ValidationError
from console.core.store import Store
from db import schema as s


async def reclass(store: Store, catalog: Catalog, case_id: uuid.UUID,
                  expected_version: int | None, urgency: str, reason: str) -> MadeMove:
    """Give the case another class and the deadline its rule gives from acceptance.
    Raises TransitionError (role, status, same class), ValidationError, ConflictError."""
    async with store.transaction() as conn:
        row = (await conn.execute(select(
            s.Case.category_id, func.coalesce(s.Case.accepted_at, s.Case.created_at))
            .where(s.Case.id == case_id))).one_or_none()
        if row is None:
            raise CaseNotFound(str(case_id))
        category_id, accepted = row
        deadline = (catalog.deadline(category_id, urgency, accepted)
                    if urgency in s.URGENCIES else None)
        if urgency in s.URGENCIES and deadline is None:
            raise ValidationError([FieldError("urgency", "category.no_limit")])
        return await perform_in(conn, store, case_id, "reclass", expected_version, {
            "urgency": urgency, "reason": reason,
            "due_at": None if deadline is None else deadline.at,
            "due_estimated": deadline is not None and deadline.estimated})
