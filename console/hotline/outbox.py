"""Sending cases through the journal: written locally first, then to the
database, then forgotten. What the link could not take waits in the journal
and goes out on the next ``flush()``: at start, whenever the listener sees the
link return, whenever a case goes through while others wait (the link works,
whatever the listener saw), and now and then while anything waits.

Every save of the call screen takes this path: a new case (Enter), a duplicate
(F8) and a question answered on the spot (F9); the journal keeps which, and a
resend makes the same save. Each is idempotent on the draft's UUID: a resend of
a case already made changes nothing (no second merge, no second answer).

The journal's writes wait for the disk; they run in a worker thread, awaited, so
a draft is on disk before it is sent and before the save is reported."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from console.casework import lifecycle
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError, DatabaseBusy, DatabaseUnavailable
from console.core.store import Store
from console.hotline import duplicates, intake
from console.hotline.intake import CaseDraft, CreatedCase
from console.hotline.journal import ANSWER, DUPLICATE, NEW_CASE, Journal, Save

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    created: CreatedCase | None  # None: kept in the journal until the link returns
    pending: int                 # drafts waiting in the journal after this one


def check(draft: CaseDraft, catalog: Catalog, save: Save) -> None:
    """Refuse what the database would refuse anyway, before anything is kept
    (ValidationError): the draft, and the answer of an answered call."""
    intake.validate(draft, catalog)
    if save.kind == ANSWER:
        lifecycle.clean_facts("answer", {"answer": save.answer})


async def perform(store: Store, catalog: Catalog, draft: CaseDraft, save: Save) -> CreatedCase:
    """Make the save the draft waits for (idempotent on the draft's UUID)."""
    if save.kind == DUPLICATE:
        assert save.master_id is not None  # the journal reads no duplicate without one
        return await duplicates.record_as_duplicate(store, catalog, draft, save.master_id)
    if save.kind == ANSWER:
        return await intake.answer_on_the_spot(store, catalog, draft, save.answer)
    return await intake.create_case(store, catalog, draft)


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

    async def submit(self, draft: CaseDraft, save: Save = NEW_CASE) -> Submission:
        """Validate (ValidationError: nothing kept), journal, send."""
        check(draft, self._catalog(), save)
        await asyncio.to_thread(self.journal.add, draft, save)
        self.on_pending(len(self.journal))
        try:
            created = await perform(self._store, self._catalog(), draft, save)
        except DatabaseUnavailable:
            log.warning("database unreachable; case %s kept in the journal", draft.id)
            self.on_unavailable()
            return Submission(None, len(self.journal))
        except ConsoleError:  # refused or busy: the form still holds it for the person
            await asyncio.to_thread(self.journal.remove, draft.id)
            self.on_pending(len(self.journal))
            raise
        except Exception as exc:  # our bug: the draft must not stay to block the others
            await asyncio.to_thread(self.journal.set_aside, draft.id,
                                    f"{type(exc).__name__} while saving")
            self.on_pending(len(self.journal))
            raise
        await asyncio.to_thread(self.journal.remove, draft.id)
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
            for entry in self.journal.entries():
                draft = entry.draft
                try:
                    sent.append(await perform(self._store, self._catalog(), draft, entry.save))
                except (DatabaseUnavailable, DatabaseBusy):
                    break  # the link or a long wait: the next flush tries again
                except ConsoleError as exc:
                    # Refused now (bad text from an old journal, a category retired
                    # while it waited): a person has to redo it from the side file.
                    await asyncio.to_thread(self.journal.set_aside, draft.id,
                                            f"no longer valid: {exc}")
                    continue
                except Exception as exc:
                    log.exception("journaled case %s could not be sent", draft.id)
                    await asyncio.to_thread(self.journal.set_aside, draft.id,
                                            f"{type(exc).__name__} while sending")
                    continue
                await asyncio.to_thread(self.journal.remove, draft.id)
        finally:
            self._flushing = False
            self.on_pending(len(self.journal))
        return sent
