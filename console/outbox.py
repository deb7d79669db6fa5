"""Sending cases through the journal: written locally first, then to the
database, then forgotten. What the link could not take waits in the journal
and goes out on the next ``flush()``: at start, whenever the listener sees the
link return, whenever a case goes through while others wait (the link works,
whatever the listener saw), and now and then while anything waits."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from console import intake
from console.catalog import Catalog
from console.errors import DatabaseUnavailable, ValidationError
from console.intake import CaseDraft, CreatedCase
from console.journal import Journal
from console.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    created: CreatedCase | None  # None: kept in the journal until the link returns
    pending: int                 # drafts waiting in the journal after this one


class Outbox:
    def __init__(self, store: Store, catalog: Callable[[], Catalog], journal: Journal) -> None:
        self._store = store
        self._catalog = catalog
        self.journal = journal
        self.on_pending: Callable[[int], None] = lambda _count: None
        # A case went through while others wait: the owner sends them (flush()).
        self.on_delivered: Callable[[], None] = lambda: None
        self._flushing = False
        self._refused: set[uuid.UUID] = set()  # journaled drafts reported as no longer valid

    async def submit(self, draft: CaseDraft) -> Submission:
        """Validate (ValidationError: nothing kept), journal, send."""
        intake.validate(draft, self._catalog())
        self.journal.add(draft)
        self.on_pending(len(self.journal))
        try:
            created = await intake.create_case(self._store, self._catalog(), draft)
        except DatabaseUnavailable:
            log.warning("database unreachable; case %s kept in the journal", draft.id)
            return Submission(None, len(self.journal))
        self.journal.remove(draft.id)
        self.on_pending(len(self.journal))
        if len(self.journal):
            self.on_delivered()
        return Submission(created, len(self.journal))

    async def flush(self) -> list[CreatedCase]:
        """Send what the journal holds; stops at the first sign the link is down."""
        if self._flushing:
            return []
        self._flushing = True
        sent: list[CreatedCase] = []
        try:
            for draft in self.journal.pending():
                try:
                    sent.append(await intake.create_case(self._store, self._catalog(), draft))
                except DatabaseUnavailable:
                    break
                except ValidationError as exc:
                    # Reference data changed while it waited (e.g. a category retired):
                    # it stays in the journal, counted as pending, for a person to redo.
                    if draft.id not in self._refused:  # said once, not at every resend
                        self._refused.add(draft.id)
                        log.error("journaled case %s no longer valid: %s", draft.id, exc)
                    continue
                self.journal.remove(draft.id)
        finally:
            self._flushing = False
            self.on_pending(len(self.journal))
        return sent
