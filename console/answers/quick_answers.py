"""The quick-answer base (秒回知识库): search, hits, admin editing, demo entries.

Seats search an in-memory ``AnswerIndex`` (see ``console.answer_search`` for
the ranking). ``search`` keeps an index fresh with one cheap query: a
fingerprint of the active rows; only when it moved are (id, version, hits)
read, and only entries with a new version are fetched and prepared again.

Every change to an entry is one transaction that also appends a
``quick_answer_changed`` event (case_id NULL, ``events.QuickAnswerChanged``), so
other seats and the audit trail see it; the result carries the event's id
(``QuickAnswer.event_id``) for the seat that made it to wait for. A hit is a
counter: ``record_hit`` is one atomic UPDATE with an event of action ``hit``
(``HIT``), so the seat that counted it sees the count through the change feed;
other seats' panes ignore hits and pick the new counts up at their next search.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, replace
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.answers.answer_search import AnswerIndex, QuickAnswer, load_pinyin, normalise
from console.core import events
from console.core.errors import ConflictError, ConsoleError, FieldError, ValidationError
from console.core.store import Store
from console.core.text_rules import CONTROL, check_text
from db import schema as s

__all__ = ["EDITORS", "HIT", "AnswerConflict", "AnswerDraft", "AnswerIndex", "Hit", "NotAllowed",
           "QuickAnswer", "deactivate_answer", "load_answers", "may_edit", "record_hit",
           "refresh_index", "save_answer", "search", "split_keywords", "validate"]

Q = s.QuickAnswer
EVENT = events.Kind.QUICK_ANSWER
HIT = "hit"  # the action of a hit's event: a use counted, the base unchanged
EDITORS = frozenset({"admin", "shift_leader"})  # who may add, change or deactivate entries
MAX_QUESTION, MAX_ANSWER = 200, 2000
MAX_KEYWORDS, MAX_KEYWORD = 20, 32
PREPARE_CHUNK = 100  # entries prepared between two returns to the event loop
_KEYWORD_SPLIT = re.compile(r"[\s,，、;；]+")
_COLUMNS = (Q.id, Q.question, Q.answer, Q.keywords, Q.category_id, Q.hits, Q.active, Q.version)
_locks: WeakKeyDictionary[AnswerIndex, asyncio.Lock] = WeakKeyDictionary()


class NotAllowed(ConsoleError):
    """Only admins and shift leaders change the base."""

    code = "quick_answer.not_allowed"


def may_edit(roles: frozenset[str]) -> bool:
    return bool(roles & EDITORS)


def _require_editor(store: Store) -> None:
    if not may_edit(store.roles):
        raise NotAllowed(f"{store.actor} may not change quick answers")


@dataclass(frozen=True)
class AnswerDraft:
    """An entry as the admin typed it; ``id``/``version`` None for a new one."""

    question: str = ""
    answer: str = ""
    keywords: tuple[str, ...] = ()
    category_id: int | None = None
    active: bool = True
    id: int | None = None
    version: int | None = None


class AnswerConflict(ConflictError):
    """Someone saved the entry after it was opened; ``current`` is what they saved."""

    def __init__(self, message: str, *, current: QuickAnswer | None = None,
                 **who: Any) -> None:
        super().__init__(message, **who)
        self.current = current


def split_keywords(typed: str) -> tuple[str, ...]:
    """Keywords as typed in one line: spaces, commas or 、 between them."""
    return tuple(k for k in _KEYWORD_SPLIT.split(typed) if k)


def validate(draft: AnswerDraft) -> AnswerDraft:
    """The cleaned draft, or ValidationError naming every bad field."""
    errors: list[FieldError] = []
    question = check_text(draft.question, "question", MAX_QUESTION, errors)
    answer = check_text(draft.answer, "answer", MAX_ANSWER, errors)
    keywords: list[str] = []
    seen: set[str] = set()
    for raw in draft.keywords:
        keyword = raw.strip()
        if not keyword or normalise(keyword) in seen:
            continue
        seen.add(normalise(keyword))
        if len(keyword) > MAX_KEYWORD:
            errors.append(FieldError("keywords", "keyword.too_long",
                                     {"limit": MAX_KEYWORD, "keyword": keyword[:10]}))
        elif CONTROL.search(keyword) or _KEYWORD_SPLIT.search(keyword):
            errors.append(FieldError("keywords", "keyword.invalid", {"keyword": keyword[:10]}))
        keywords.append(keyword)
    if len(keywords) > MAX_KEYWORDS:
        errors.append(FieldError("keywords", "keywords.too_many",
                                 {"limit": MAX_KEYWORDS, "count": len(keywords)}))
    if (draft.id is None) != (draft.version is None):
        raise ValueError("an existing entry needs both its id and the version it was read at")
    if errors:
        raise ValidationError(errors)
    return replace(draft, question=question, answer=answer, keywords=tuple(keywords))


def _answer(row: Any) -> QuickAnswer:
    return QuickAnswer(row.id, row.question, row.answer, tuple(row.keywords or ()),
                       row.category_id, row.hits, row.active, row.version)


async def load_answers(store: Store, *, include_inactive: bool = False) -> list[QuickAnswer]:
    """Entries by id (the admin list shows inactive ones too)."""
    stmt = select(*_COLUMNS).order_by(Q.id)
    if not include_inactive:
        stmt = stmt.where(Q.active)
    async with store.read() as conn:
        return [_answer(r) for r in (await conn.execute(stmt)).all()]


async def refresh_index(store: Store, index: AnswerIndex) -> bool:
    """Bring ``index`` up to date with the active rows; True if anything changed."""
    lock = _locks.setdefault(index, asyncio.Lock())
    async with lock:  # searches typed during a slow first load wait for it, not redo it
        return await _refresh(store, index)


async def _refresh(store: Store, index: AnswerIndex) -> bool:
    async with store.read() as conn:
        fingerprint = tuple((await conn.execute(select(
            func.count(), func.coalesce(func.sum(Q.version), 0),
            func.coalesce(func.sum(Q.hits), 0), func.coalesce(func.max(Q.id), 0),
        ).where(Q.active))).one())
        if fingerprint == index.stamp:
            return False
        states = (await conn.execute(select(Q.id, Q.version, Q.hits).where(Q.active))).all()
        known = index.versions()
        stale = [r.id for r in states if known.get(r.id) != r.version]
        fetched = {}
        if stale:
            rows = (await conn.execute(select(*_COLUMNS).where(Q.id.in_(stale)))).all()
            fetched = {r.id: _answer(r) for r in rows}
    prepared = []
    fresh = list(fetched.values())
    if fresh:
        await asyncio.to_thread(load_pinyin)  # its import is slow; a no-op once done
    for start in range(0, len(fresh), PREPARE_CHUNK):  # pinyin is slow: let the GUI breathe
        prepared += AnswerIndex.prepare(fresh[start:start + PREPARE_CHUNK])
        if len(fresh) > PREPARE_CHUNK:
            await asyncio.sleep(0)
    answers = []
    for r in states:
        current = fetched.get(r.id) or index.get(r.id)
        assert current is not None  # every row not in the index was fetched
        answers.append(replace(current, hits=r.hits) if current.hits != r.hits else current)
    index.replace(answers, prepared=prepared)
    index.stamp = fingerprint
    return True


_shared: WeakKeyDictionary[Store, AnswerIndex] = WeakKeyDictionary()


async def search(store: Store, query: str, limit: int = 20, *,
                 index: AnswerIndex | None = None) -> list[QuickAnswer]:
    """Active entries best first (an empty query: the most used ones)."""
    if index is None:
        index = _shared.setdefault(store, AnswerIndex())
    await refresh_index(store, index)
    return index.search(query, limit)


@dataclass(frozen=True)
class Hit:
    """A use counted: the entry's new count, and the event that says so."""

    answer_id: int
    hits: int
    event_id: int


async def record_hit(store: Store, answer_id: int) -> Hit:
    """Count one use of an entry (any seat may)."""
    async with store.transaction() as conn:
        hits = (await conn.execute(update(Q).where(Q.id == answer_id).values(hits=Q.hits + 1)
                                   .returning(Q.hits))).scalar_one_or_none()
        if hits is None:
            raise ValidationError([FieldError("id", "answer.unknown")])
        event_id = await events.append(conn, store.actor, events.QuickAnswerChanged(
            HIT, answer_id=answer_id, count=int(hits)))
    return Hit(answer_id, int(hits), event_id)


async def _event(conn: AsyncConnection, store: Store, answer: QuickAnswer,
                 action: str) -> QuickAnswer:
    """Append the change's event; ``answer`` with its id."""
    event_id = await events.append(conn, store.actor, events.QuickAnswerChanged(
        action, answer_id=answer.id, version=answer.version, question=answer.question[:60]))
    return replace(answer, event_id=event_id)


async def _conflict(conn: AsyncConnection, answer_id: int, version: int) -> AnswerConflict:
    row = (await conn.execute(select(*_COLUMNS).where(Q.id == answer_id))).one()
    last = (await conn.execute(
        select(s.CaseEvent.actor, s.CaseEvent.at, s.CaseEvent.payload)
        .where(s.CaseEvent.case_id.is_(None), s.CaseEvent.kind == EVENT,
               s.CaseEvent.payload["answer_id"].as_integer() == answer_id,
               s.CaseEvent.payload["action"].as_string() != HIT)  # a use changes nothing
        .order_by(s.CaseEvent.id.desc()).limit(1))).one_or_none()
    change = events.QuickAnswerChanged.from_json(last.payload) if last else None
    return AnswerConflict(
        f"quick answer {answer_id} is at version {row.version}, not {version}",
        current=_answer(row), changed_by=last.actor if last else None,
        action=change.action if change else None, at=last.at if last else None)


async def _check_category(conn: AsyncConnection, category_id: int | None) -> None:
    if category_id is not None and not (await conn.execute(
            select(s.Category.active).where(s.Category.id == category_id))).scalar():
        raise ValidationError([FieldError("category", "category.unknown")])


async def _update(conn: AsyncConnection, answer_id: int, version: int,
                  values: dict[str, Any]) -> tuple[QuickAnswer, bool]:
    """Write ``values`` if the row is still at ``version``; (new row, was active)."""
    was = (await conn.execute(select(Q.version, Q.active).where(Q.id == answer_id)
                              .with_for_update())).one_or_none()
    if was is None:
        raise ValidationError([FieldError("id", "answer.unknown")])
    if was.version != version:
        raise await _conflict(conn, answer_id, version)
    row = (await conn.execute(update(Q).where(Q.id == answer_id)
                              .values(**values, version=Q.version + 1)
                              .returning(*_COLUMNS))).one()
    return _answer(row), was.active


async def save_answer(store: Store, draft: AnswerDraft) -> QuickAnswer:
    """Create (``id`` None) or update an entry; the result carries its event's id.

    Raises NotAllowed, ValidationError (nothing saved) or AnswerConflict.
    """
    _require_editor(store)
    clean = validate(draft)
    values = {"question": clean.question, "answer": clean.answer,
              "keywords": list(clean.keywords), "category_id": clean.category_id,
              "active": clean.active}
    async with store.transaction() as conn:
        await _check_category(conn, clean.category_id)
        if clean.id is None or clean.version is None:
            row = (await conn.execute(insert(Q).values(values).returning(*_COLUMNS))).one()
            saved, action = _answer(row), "created"
        else:
            saved, was_active = await _update(conn, clean.id, clean.version, values)
            action = ("updated" if saved.active == was_active
                      else "reactivated" if saved.active else "deactivated")
        return await _event(conn, store, saved, action)


async def deactivate_answer(store: Store, answer_id: int, version: int) -> QuickAnswer:
    """Take an entry out of the search (kept for the record); raises AnswerConflict.
    The result carries its event's id."""
    _require_editor(store)
    async with store.transaction() as conn:
        saved, was_active = await _update(conn, answer_id, version, {"active": False})
        return await _event(conn, store, saved, "deactivated" if was_active else "updated")
