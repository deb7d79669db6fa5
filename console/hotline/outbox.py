"""Sending cases through the journal: written locally first, then to the
database, then forgotten. What the link could not take waits in the journal
and goes out on the next ``flush()``: at start, whenever the listener sees the
link return, whenever a case goes through while others wait (the link works,
whatever the listener saw), and now and then while anything waits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError, DatabaseBusy, DatabaseUnavailable
from console.core.store import Store
from console.hotline import intake
from console.hotline.intake import CaseDraft, CreatedCase
from console.hotline.journal import Journal

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
        # Told when a save found the database out of reach (the app has the link checked).
        self.on_unavailable: Callable[[], None] = lambda: None
        self._flushing = False

    async def submit(self, draft: CaseDraft) -> Submission:
        """Validate (ValidationError: nothing kept), journal, send."""
        intake.validate(draft, self._catalog())
        self.journal.add(draft)
        self.on_pending(len(self.journal))
        try:
            created = await intake.create_case(self._store, self._catalog(), draft)
        except DatabaseUnavailable:
            log.warning("database unreachable; case %s kept in the journal", draft.id)
            self.on_unavailable()
            return Submission(None, len(self.journal))
        except ConsoleError:  # refused or busy: the form still holds it for the person
            self.journal.remove(draft.id)
            self.on_pending(len(self.journal))
            raise
        except Exception as exc:  # our bug: the draft must not stay to block the others
            self.journal.set_aside(draft.id, f"{type(exc).__name__} while saving")
            self.on_pending(len(self.journal))
            raise
        self.journal.remove(draft.id)
        self.on_pending(len(self.journal))
        if len(self.journal):
            self.on_delivered()
        return Submission(created, len(self.journal))

    async def flush(self) -> list[CreatedCase]:
        """Send what the journal holds; stops at the first sign the link is down. A
        draft the database can never take is set aside (kept in the journal's side
        file, with a logged message) so that it never holds up the drafts after it."""
        if self._flushing:
            return []
        self._flushing = True
        sent: list[CreatedCase] = []
        try:
            for draft in self.journal.pending():
                try:
                    sent.append(await intake.create_case(self._store, self._catalog(), draft))
                except (DatabaseUnavailable, DatabaseBusy):
                    break  # the link or a long wait: the next flush tries again
                except ConsoleError as exc:
                    # Refused now (bad text from an old journal, a category retired
                    # while it waited): a person has to redo it from the side file.
                    self.journal.set_aside(draft.id, f"no longer valid: {exc}")
                    continue
                except Exception as exc:
                    log.exception("journaled case %s could not be sent", draft.id)
                    self.journal.set_aside(draft.id, f"{type(exc).__name__} while sending")
                    continue
                self.journal.remove(draft.id)
        finally:
            self._flushing = False
            self.on_pending(len(self.journal))
        return sent
