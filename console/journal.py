"""The seat's local journal of drafts not yet confirmed by the database
(ARCHITECTURE.md decision 11).

A draft is written here before it is sent and removed once the database has it.
When the link is down the operator goes on with the next call; the journal is
sent when the link returns, and the draft's UUID makes a resend harmless. The
file survives a crash or a closed console: it is read again at the next start.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import uuid
from pathlib import Path

from console.intake import CaseDraft

log = logging.getLogger(__name__)


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._drafts: dict[uuid.UUID, CaseDraft] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            # Keep the unreadable file for a person to look at; start a new one.
            broken = self.path.with_suffix(".broken")
            log.error("journal %s is unreadable (%s); kept as %s", self.path, exc, broken)
            self.path.replace(broken)
            return
        for entry in entries:
            draft = CaseDraft(**{**entry, "id": uuid.UUID(entry["id"])})
            self._drafts[draft.id] = draft

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entries = [{**dataclasses.asdict(d), "id": str(d.id)} for d in self._drafts.values()]
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".journal-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entries, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)  # atomic: the old or the new journal, never half

    def add(self, draft: CaseDraft) -> None:
        self._drafts[draft.id] = draft
        self._save()

    def remove(self, draft_id: uuid.UUID) -> None:
        if self._drafts.pop(draft_id, None) is not None:
            self._save()

    def pending(self) -> list[CaseDraft]:
        return list(self._drafts.values())

    def __len__(self) -> int:
        return len(self._drafts)
