"""The seat's local journal of drafts not yet confirmed by the database
(ARCHITECTURE.md decision 11).

A draft is written here before it is sent and removed once the database has it.
When the link is down the operator goes on with the next call; the journal is
sent when the link returns, and the draft's UUID makes a resend harmless. The
file survives a crash or a closed console: it is read again at the next start.

Each entry is a draft and the save it waits for (``Save``): a new case (Enter), a
duplicate of a case already on record (F8) or a question answered on the spot
(F9). An entry without a save, as an older console wrote them, is a new case.

The journal is written from a worker thread (``fsync`` waits for the disk, and
the GUI must not); writes are serialised by a lock, and readers on the GUI
thread see the drafts as of the last finished write, never half a change.

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
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.hotline.intake import CaseDraft

log = logging.getLogger(__name__)

_FIELDS = {f.name for f in dataclasses.fields(CaseDraft)}
_OPTIONAL_TEXT = {"street_code", "community_code", "grid_code", "urgency"}
_OPTIONAL_NUMBER = {"lon", "lat"}  # a point picked on the map
NEW, DUPLICATE, ANSWER = "new", "duplicate", "answer"
_SAVE_KEYS = ("save", "master_id", "answer")


@dataclass(frozen=True)
class Save:
    """What a journaled draft waits for: a new case, a duplicate of ``master_id``,
    or a question answered on the spot with ``answer``."""

    kind: str = NEW
    master_id: uuid.UUID | None = None
    answer: str = ""

    def to_json(self) -> dict[str, Any]:
        if self.kind == DUPLICATE:
            return {"save": DUPLICATE, "master_id": str(self.master_id)}
        if self.kind == ANSWER:
            return {"save": ANSWER, "answer": self.answer}
        return {"save": NEW}


NEW_CASE = Save()


@dataclass(frozen=True)
class Entry:
    draft: CaseDraft
    save: Save


def save_from_entry(entry: dict[str, Any]) -> Save:
    """The save an entry waits for; ValueError says what is wrong with it."""
    kind = entry.get("save", NEW)
    if kind == NEW and "master_id" not in entry and "answer" not in entry:
        return NEW_CASE
    if kind == DUPLICATE and isinstance(entry.get("master_id"), str) and "answer" not in entry:
        return Save(DUPLICATE, master_id=uuid.UUID(entry["master_id"]))  # ValueError if bad
    if kind == ANSWER and isinstance(entry.get("answer"), str) and "master_id" not in entry:
        return Save(ANSWER, answer=entry["answer"])
    raise ValueError(f"not a save of a known kind: {kind!r}")


def entry_from_json(entry: Any) -> Entry:
    """A journal entry read back; ValueError says what is wrong with it."""
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    save = save_from_entry(entry)
    return Entry(draft_from_entry({k: v for k, v in entry.items() if k not in _SAVE_KEYS}),
                 save)


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
        elif name in _OPTIONAL_NUMBER:
            ok = value is None or (isinstance(value, (int, float))
                                   and not isinstance(value, bool))
        else:
            ok = isinstance(value, str) or (value is None and name in _OPTIONAL_TEXT)
        if not ok:
            raise ValueError(f"{name} has a value of the wrong type")
        values[name] = value
    return CaseDraft(**values)


def _entry(entry: Entry) -> dict[str, Any]:
    return {**dataclasses.asdict(entry.draft), "id": str(entry.draft.id),
            **entry.save.to_json()}


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
    """``load=False``: read nothing yet; the owner calls ``load()`` in a worker thread
    (the console's start does, so the GUI thread never waits on the file)."""

    def __init__(self, path: Path, *, load: bool = True) -> None:
        self.path = path
        self.aside_path = path.with_name(f"{path.stem}.set-aside.json")
        # Replaced whole by each write (under the lock), so a reader needs no lock.
        self._entries: dict[uuid.UUID, Entry] = {}
        self._lock = threading.RLock()
        self.set_aside_count = 0  # entries set aside since this start
        if load:
            self.load()

    def load(self) -> None:
        """Read the file (what it holds is added to the entries kept so far)."""
        with self._lock:
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
        found = dict(self._entries)
        for entry in entries:
            try:
                read = entry_from_json(entry)
            except (ValueError, TypeError) as exc:
                bad.append((entry, str(exc)))
                continue
            found[read.draft.id] = read
        self._entries = found  # whole, as every write replaces it
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
        _write_json(self.path, [_entry(e) for e in self._entries.values()])

    # Writes wait for the disk: call them from a worker thread (asyncio.to_thread).
    def add(self, draft: CaseDraft, save: Save = NEW_CASE) -> None:
        """Keep ``draft`` and the save it waits for; on disk when this returns."""
        with self._lock:
            self._entries = {**self._entries, draft.id: Entry(draft, save)}
            self._save()

    def remove(self, draft_id: uuid.UUID) -> None:
        with self._lock:
            if draft_id in self._entries:
                self._entries = {k: v for k, v in self._entries.items() if k != draft_id}
                self._save()

    def set_aside(self, draft_id: uuid.UUID, problem: str) -> None:
        """Take a draft the database can never take out of the journal, into the side file."""
        with self._lock:
            entry = self._entries.get(draft_id)
            if entry is None:
                return
            self._set_aside([(_entry(entry), problem)])
            self.remove(draft_id)

    # Reads take no lock: they see the entries of the last finished write.
    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def pending(self) -> list[CaseDraft]:
        return [e.draft for e in self._entries.values()]

    def __len__(self) -> int:
        return len(self._entries)
