"""The seat's local journal of drafts not yet confirmed by the database
(ARCHITECTURE.md decision 11).

A draft is written here before it is sent and removed once the database has it.
When the link is down the operator goes on with the next call; the journal is
sent when the link returns, and the draft's UUID makes a resend harmless. The
file survives a crash or a closed console: it is read again at the next start.

One bad entry never holds up the others: an entry of the wrong shape (a key a
draft does not have, a bad id, a value of the wrong type) found at start, or a
draft the database can never take, is set aside — moved, as it was, to a side
file beside the journal (``<name>.set-aside.json``) with a logged message — and
the rest are sent.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from console.hotline.intake import CaseDraft

log = logging.getLogger(__name__)

_FIELDS = {f.name for f in dataclasses.fields(CaseDraft)}
_OPTIONAL_TEXT = {"street_code", "community_code", "grid_code", "urgency"}


def draft_from_entry(entry: Any) -> CaseDraft:
    """A draft from one journal entry; ValueError says what is wrong with it."""
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown keys {unknown}")
    if not isinstance(entry.get("id"), str):
        raise ValueError("no id")
    values: dict[str, Any] = {"id": uuid.UUID(entry["id"])}  # ValueError when malformed
    for name, value in entry.items():
        if name == "id":
            continue
        if name == "category_id":
            ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
        else:
            ok = isinstance(value, str) or (value is None and name in _OPTIONAL_TEXT)
        if not ok:
            raise ValueError(f"{name} has a value of the wrong type")
        values[name] = value
    return CaseDraft(**values)


def _entry(draft: CaseDraft) -> dict[str, Any]:
    return {**dataclasses.asdict(draft), "id": str(draft.id)}


def _write_json(path: Path, data: object) -> None:
    """Atomically: the old file or the new one, never half. ASCII escapes keep any
    text (even a lone surrogate) writable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.aside_path = path.with_name(f"{path.stem}.set-aside.json")
        self._drafts: dict[uuid.UUID, CaseDraft] = {}
        self.set_aside_count = 0  # entries set aside since this start
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(entries, list):
                raise ValueError("the journal is not a list of drafts")
        except (OSError, ValueError) as exc:
            # Keep the unreadable file for a person to look at; start a new one.
            broken = self.path.with_suffix(".broken")
            log.error("journal %s is unreadable (%s); kept as %s", self.path, exc, broken)
            self.path.replace(broken)
            return
        bad: list[tuple[object, str]] = []
        for entry in entries:
            try:
                draft = draft_from_entry(entry)
            except (ValueError, TypeError) as exc:
                bad.append((entry, str(exc)))
                continue
            self._drafts[draft.id] = draft
        if bad:
            self._set_aside(bad)
            self._save()

    def _set_aside(self, entries: list[tuple[object, str]]) -> None:
        """Move entries, as they were, to the side file (added to what it holds)."""
        kept: list[object] = []
        if self.aside_path.exists():
            try:
                kept = json.loads(self.aside_path.read_text(encoding="utf-8"))
                if not isinstance(kept, list):
                    raise ValueError("not a list")
            except (OSError, ValueError):  # someone edited it: keep that too, apart
                self.aside_path.replace(self.aside_path.with_suffix(".broken"))
                kept = []
        kept.extend({"entry": entry, "problem": problem} for entry, problem in entries)
        _write_json(self.aside_path, kept)
        self.set_aside_count += len(entries)
        for _entry_value, problem in entries:
            log.error("a journal entry was set aside in %s: %s", self.aside_path, problem)

    def _save(self) -> None:
        _write_json(self.path, [_entry(d) for d in self._drafts.values()])

    def add(self, draft: CaseDraft) -> None:
        self._drafts[draft.id] = draft
        self._save()

    def remove(self, draft_id: uuid.UUID) -> None:
        if self._drafts.pop(draft_id, None) is not None:
            self._save()

    def set_aside(self, draft_id: uuid.UUID, problem: str) -> None:
        """Take a draft the database can never take out of the journal, into the side file."""
        draft = self._drafts.get(draft_id)
        if draft is None:
            return
        self._set_aside([(_entry(draft), problem)])
        self.remove(draft_id)

    def pending(self) -> list[CaseDraft]:
        return list(self._drafts.values())

    def __len__(self) -> int:
        return len(self._drafts)
