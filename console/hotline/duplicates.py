"""Possible duplicates of a case being recorded: an open case from the same
caller, in the same grid cell and category within a few days, or with similar
text in the same street. The operator sees them while typing and can record
the new call as a duplicate of one with a single key."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from sqlalchemy import or_, select

from console.casework import cases
from console.casework.lifecycle import OPEN
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline import intake
from console.hotline.intake import CaseDraft, CreatedCase
from db import schema as s

C = s.Case
WINDOW_DAYS = 7
TEXT_SIMILARITY = 50  # rapidfuzz ratio, 0-100; unrelated complaints score under 20
TEXT_POOL = 500       # recent open cases of the street compared by text
MIN_TEXT = 6


@dataclass(frozen=True)
class Candidate:
    id: uuid.UUID
    public_no: str
    created_at: dt.datetime
    status: str
    text: str
    reasons: tuple[str, ...]  # "caller", "place", "text"
    score: float


@dataclass(frozen=True)
class Probe:
    """What is known of the new case so far (all optional)."""

    phone_e164: str = ""
    grid_code: str | None = None
    street_code: str | None = None
    category_id: int | None = None
    text: str = ""


async def candidates(store: Store, probe: Probe, limit: int = 5) -> list[Candidate]:
    since = store.clock.now() - dt.timedelta(days=WINDOW_DAYS)
    terms = []
    if probe.phone_e164:
        terms.append(C.caller_phone == probe.phone_e164)
    if probe.grid_code and probe.category_id:
        terms.append((C.grid_code == probe.grid_code) & (C.category_id == probe.category_id)
                     & (C.created_at >= since))
    columns = (C.id, C.public_no, C.created_at, C.status, C.text, C.caller_phone, C.grid_code,
               C.category_id)
    found: dict[uuid.UUID, Candidate] = {}
    async with store.read() as conn:
        if terms:
            rows = await conn.execute(select(*columns).where(C.status.in_(OPEN), or_(*terms))
                                      .order_by(C.created_at.desc()).limit(50))
            for r in rows:
                reasons = tuple(reason for reason, hit in (
                    ("caller", bool(probe.phone_e164) and r.caller_phone == probe.phone_e164),
                    ("place", r.grid_code == probe.grid_code and
                     r.category_id == probe.category_id)) if hit)
                found[r.id] = Candidate(r.id, r.public_no, r.created_at, r.status, r.text,
                                        reasons, 100.0)
        text = probe.text.strip()
        if len(text) >= MIN_TEXT and probe.street_code:
            rows = await conn.execute(select(*columns).where(
                C.status.in_(OPEN), C.street_code == probe.street_code, C.created_at >= since)
                .order_by(C.created_at.desc()).limit(TEXT_POOL))
            for r in rows:
                score = fuzz.ratio(text, r.text)
                if score < TEXT_SIMILARITY:
                    continue
                old = found.get(r.id)
                reasons = (old.reasons if old else ()) + ("text",)
                found[r.id] = Candidate(r.id, r.public_no, r.created_at, r.status, r.text,
                                        reasons, max(score, old.score if old else 0))
    ranked = sorted(found.values(), key=lambda c: (-len(c.reasons), -c.score, c.public_no))
    return ranked[:limit]


async def record_as_duplicate(store: Store, catalog: Catalog, draft: CaseDraft,
                              master_id: uuid.UUID) -> CreatedCase:
    """Save the call as a case and merge it into ``master_id`` in one transaction."""
    clean = intake.validate(draft, catalog)
    async with store.transaction() as conn:
        created = await intake.create_case_in(conn, store, catalog, clean,
                                               auto_dispatch=False)
        if created.created:
            moved = await cases.perform_in(conn, store, created.id, "merge", None,
                                           {"master_id": master_id})
            created = replace(created, event_id=moved.event_id)
    return created
