"""The case queue: filtered, database-sorted pages of case ids (keyset paging: a
page goes on after the last row's sort value and id, never by OFFSET), rows by id,
and a caller's history."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, any_, bindparam, func, or_, select, tuple_
from sqlalchemy import text as sqltext
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql import Select

from console.core.store import Store
from db import schema as s

# Ids in one page of a queue view: a screenful many times over, read in a few
# milliseconds; the view reads the next page as it is scrolled to the end.
PAGE = 1_000
# The count line counts matches up to here and then says "20,000+": past it an exact
# count costs more than it tells.
COUNT_BOUND = 20_000
C = s.Case

# Sortable columns by key; every sort ends on id, so the order is total.
SORT_COLUMNS: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {
    "public_no": C.public_no,
    "created_at": C.created_at,
    "channel": C.channel,
    "status": C.status,
    "urgency": C.urgency,
    "street": C.street_code,
    "category": C.category_id,
    "unit": C.assigned_unit_id,
    "due_at": C.due_at,
    "unit_due_at": C.unit_due_at,
    "caller": C.caller_phone,
}


def search_document() -> ColumnElement:
    """What the text filter searches; ``case.search_grams`` is generated from exactly
    this expression (migration 0020)."""
    return (C.public_no + " " + func.coalesce(C.caller_phone, "") + " " + C.text + " "
            + C.address)


NUMBER = set("0123456789+-")
NUMBER_TAIL = 5


def _matches(word: str, indexed: bool) -> ColumnElement[bool]:
    """Cases whose document holds ``word``, in any case. ``indexed``: the grams index
    finds the cases that hold all of the word's character pairs (or its one
    character), and ILIKE keeps those that hold the word itself, as the search did
    before the index; the index narrows, ILIKE decides."""
    found = search_document().ilike(f"%{_escape_like(word)}%", escape="\\")
    if not indexed:
        return found
    # A number's leading digits are shared by many (+86 138...): the index looks for
    # the pairs of its last digits, which set it apart (the ILIKE checks the rest).
    indexed_part = word[-NUMBER_TAIL:] if set(word) <= NUMBER else word
    return and_(C.search_grams.contains(func.public.case_search_word_grams(indexed_part)),
                found)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class CaseFilter:
    statuses: tuple[str, ...] | None = s.OPEN_STATUSES
    channel: str | None = None
    street_code: str | None = None
    community_code: str | None = None  # an area chosen on the map's heat layer
    grid_code: str | None = None
    category_ids: tuple[int, ...] | None = None  # a category's whole subtree
    text: str = ""
    sort_key: str = "created_at"
    descending: bool = True
    # True: only grid workers' reports (field verification); False: only cases with a
    # caller (callbacks); None: both.
    grid_reports: bool | None = None
    # Only these cases (a selection on the map); None: no such limit.
    case_ids: frozenset[uuid.UUID] | None = None

    def where(self, indexed: bool = True, text: bool = True) -> ColumnElement[bool]:
        """The filter's condition; ``indexed=False`` searches the text without the
        grams (the same rows, for a scan in the sort's order); ``text=False``: all but
        the text."""
        terms: list[ColumnElement[bool]] = []
        if self.case_ids is not None:  # one array parameter, however many
            terms.append(C.id == any_(bindparam(
                "case_ids", sorted(self.case_ids), type_=ARRAY(UUID(as_uuid=True)))))
        if self.statuses is not None:
            terms.append(C.status.in_(self.statuses))
        if self.channel:
            terms.append(C.channel == self.channel)
        if self.grid_reports is not None:
            terms.append((C.channel == s.GRID_REPORT_CHANNEL) if self.grid_reports
                         else (C.channel != s.GRID_REPORT_CHANNEL))
        if self.street_code:
            terms.append(C.street_code == self.street_code)
        if self.community_code:
            terms.append(C.community_code == self.community_code)
        if self.grid_code:
            terms.append(C.grid_code == self.grid_code)
        if self.category_ids is not None:
            terms.append(C.category_id.in_(self.category_ids))
        if text:
            terms.extend(_matches(word, indexed) for word in self.text.split())
        return and_(True, *terms)

    @property
    def numbers_only(self) -> bool:
        """The text is numbers alone (a phone number, a public number's digits)."""
        words = self.text.split()
        return bool(words) and all(set(w) <= NUMBER for w in words)

    @property
    def sort_column(self) -> ColumnElement[Any] | InstrumentedAttribute[Any]:
        return SORT_COLUMNS.get(self.sort_key, C.created_at)

    def after(self, cursor: Cursor) -> ColumnElement[bool]:
        """The rows that come after ``cursor`` in this filter's order (NULLs last)."""
        column, value = self.sort_column, cursor.value

        def beyond(a: Any, b: Any) -> ColumnElement[bool]:
            return a < b if self.descending else a > b

        if not column.nullable:  # a row comparison the sort's index serves
            return beyond(tuple_(column, C.id), tuple_(value, cursor.id))
        if value is None:
            return and_(column.is_(None), beyond(C.id, cursor.id))
        return or_(beyond(column, value), and_(column == value, beyond(C.id, cursor.id)),
                   column.is_(None))

    def ordered(self, stmt: Select) -> Select:
        column = self.sort_column
        key = column.desc() if self.descending else column.asc()
        if column.nullable:  # a NULLS clause on a NOT NULL column would miss the index
            key = key.nulls_last()
        return stmt.order_by(key, C.id.desc() if self.descending else C.id.asc())


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    public_no: str
    created_at: dt.datetime
    channel: str
    nature: str
    caller_phone: str | None
    caller_name: str | None
    text: str
    address: str
    street_code: str | None
    community_code: str | None
    grid_code: str | None
    category_id: int
    urgency: str
    status: str
    assigned_unit_id: int | None
    due_at: dt.datetime | None
    version: int
    paused_at: dt.datetime | None = None
    merged_into: uuid.UUID | None = None
    due_estimated: bool = False
    unit_clock_at: dt.datetime | None = None  # the unit's clock (migration 0008)
    unit_due_at: dt.datetime | None = None
    sign_due_at: dt.datetime | None = None  # the unit signs by then (migration 0013)
    lon: float | None = None  # where the case is (GCJ-02): picked, or its cell's centre
    lat: float | None = None

    @property
    def to_sign_by(self) -> dt.datetime | None:
        """The sign deadline while the unit's clock waits for the signing, else None."""
        waiting = self.status == "dispatched" and self.unit_clock_at is None
        return self.sign_due_at if waiting else None


# Dates are read clamped into the range the database checks, so a row stored
# before those checks (an 'infinity' deadline) shows at the range's end instead
# of stopping the whole list.
ROW_COLUMNS = (
    C.id, C.public_no, s.readable(C.created_at), C.channel, C.nature, C.caller_phone,
    C.caller_name, func.left(C.text, 300).label("text"), C.address, C.street_code,
    C.community_code, C.grid_code, C.category_id, C.urgency, C.status, C.assigned_unit_id,
    s.readable(C.due_at), C.version, s.readable(C.paused_at), C.merged_into, C.due_estimated,
    s.readable(C.unit_clock_at), s.readable(C.unit_due_at), s.readable(C.sign_due_at),
    C.lon, C.lat,
)


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: its last row's sort value and id; ``dense``: the query's
    text matches more than COUNT_BOUND cases, read in the sort's order."""
    value: Any
    id: uuid.UUID
    dense: bool = False


@dataclass(frozen=True)
class IdList:
    """One page of a query's ids, in its order."""
    ids: list[uuid.UUID]
    total: int  # matching cases, counted up to COUNT_BOUND (a page after the first: 0)
    more: bool = False  # rows follow the page's last one
    cursor: Cursor | None = None  # the page's last row; None for an empty page
    counted_all: bool = True  # False: ``total`` is the bound and more cases match


# A text that many cases hold is read newest first with ILIKE alone, until a page is
# full; one that few hold, through the grams index and a sort of its matches. The
# planner cannot choose (it multiplies the selectivities of the grams test and the
# ILIKE, though they pick the same rows, and always expects a handful), so fetch_ids
# does, from the statistics of the grams: a word is no more frequent than its rarest
# pair. Reading in order costs about PAGE / frequency rows, gathering costs
# frequency * cases: the first is cheaper past sqrt(PAGE / cases) (3 % of a million).
# The planner's cost of that scan (it expects to read every row for a handful) would
# also start JIT compilation and parallel workers, each costing more than the scan.
DENSE_PLAN = ("SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off",
              "SET LOCAL jit = off", "SET LOCAL max_parallel_workers_per_gather = 0")


GRAMS_FREQUENCY = sqltext("""
SELECT coalesce(min(coalesce(f.freq, 0)), 0), max(c.reltuples)
FROM pg_catalog.unnest(CAST(:words AS text[])) AS w(word)
CROSS JOIN pg_catalog.unnest(public.case_search_word_grams(w.word)) AS g(gram)
CROSS JOIN pg_catalog.pg_class c
LEFT JOIN (SELECT e.elem, e.freq FROM pg_catalog.pg_stats s,
           ROWS FROM (pg_catalog.unnest(s.most_common_elems::text::text[]),
                      pg_catalog.unnest(s.most_common_elem_freqs)) AS e(elem, freq)
           WHERE s.schemaname = 'public' AND s.tablename = 'case'
             AND s.attname = 'search_grams') f ON f.elem = g.gram
WHERE c.oid = 'public.case'::regclass""")


async def _probe_size(conn: Any, flt: CaseFilter) -> int:
    """How many of the newest cases to read for a page of ``flt``'s words when their
    pairs are frequent enough (a page is then likely among them); 0: read through
    the grams. The rarest pair only bounds a word's frequency (every phone number
    holds most pairs of digits), so the reading stops there and tells."""
    if not flt.text.split() or flt.sort_key != "created_at" or flt.numbers_only:
        return 0  # a number: its pairs of digits say nothing of it
    frequency, cases = (await conn.execute(GRAMS_FREQUENCY, {"words": flt.text.split()})
                        ).one()
    if not cases or frequency ** 2 * cases <= PAGE:
        return 0
    return int(math.sqrt(PAGE * cases)) + PAGE


def probe_page(flt: CaseFilter, limit: int, newest: int) -> Select:
    """The statement for ``limit`` + 1 ids of ``flt`` among its ``newest`` cases but
    for the text, in the sort's order (created_at)."""
    recent = flt.ordered(select(C.id, C.created_at, search_document().label("doc"))
                         .where(flt.where(text=False))).limit(newest).subquery()
    terms = [recent.c.doc.ilike(f"%{_escape_like(w)}%", escape="\\") for w in flt.text.split()]
    order = ((recent.c.created_at.desc(), recent.c.id.desc()) if flt.descending
             else (recent.c.created_at.asc(), recent.c.id.asc()))
    return (select(recent.c.id, recent.c.created_at.label("key")).where(*terms)
            .order_by(*order).limit(limit + 1))


def id_page(flt: CaseFilter, limit: int, after: Cursor | None = None,
            dense: bool = False) -> Select:
    """The statement for ``limit`` + 1 ids (and sort values) of ``flt`` after ``after``."""
    where = flt.where(indexed=not dense)
    if after is not None:
        where = and_(where, flt.after(after))
    return flt.ordered(select(C.id, flt.sort_column.label("key")).where(where)).limit(limit + 1)


def bounded_count(flt: CaseFilter) -> Select:
    """The statement counting ``flt``'s matches up to COUNT_BOUND + 1."""
    matching = select(C.id).where(flt.where()).limit(COUNT_BOUND + 1).subquery()
    return select(func.count()).select_from(matching)


async def fetch_ids(store: Store, flt: CaseFilter, limit: int = PAGE,
                    after: Cursor | None = None) -> IdList:
    """The first ``limit`` ids of ``flt`` (after ``after`` when given) and whether more
    follow; the first page also counts the matches, up to COUNT_BOUND."""
    total, counted_all = 0, True
    dense = after is not None and after.dense
    rows: Sequence[Any] = []
    async with store.read() as conn:
        newest = await _probe_size(conn, flt) if after is None else 0
        if newest:
            probe = await conn.begin_nested()  # its settings go when it is rolled back
            for setting in DENSE_PLAN:
                await conn.execute(sqltext(setting))
            rows = (await conn.execute(probe_page(flt, limit, newest))).all()
            dense = len(rows) > limit
            if not dense:
                await probe.rollback()
        if after is None and not dense:
            counted = (await conn.execute(bounded_count(flt))).scalar_one()
            total, counted_all = min(counted, COUNT_BOUND), counted <= COUNT_BOUND
        if after is not None and dense:
            for setting in DENSE_PLAN:
                await conn.execute(sqltext(setting))
        if not (after is None and dense):
            rows = (await conn.execute(id_page(flt, limit, after, dense))).all()
    if after is None and dense:  # counting every match of a frequent word tells nothing
        total, counted_all = limit, False
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = Cursor(rows[-1].key, rows[-1].id, dense) if rows else None
    return IdList([r.id for r in rows], total, more, cursor, counted_all)


async def fetch_rows(store: Store, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, CaseRow]:
    if not ids:
        return {}
    async with store.read() as conn:
        result = await conn.execute(select(*ROW_COLUMNS).where(C.id.in_(list(ids))))
        return {r.id: CaseRow(*r) for r in result}


@dataclass(frozen=True)
class CallerHistory:
    phone: str
    name: str | None
    total: int
    recent_30d: int
    cases: list[CaseRow]

    @property
    def is_repeat(self) -> bool:
        return self.total > 0


def history_counts(caller_id: int) -> Select:
    """A caller's cases: all, and in the last 30 days."""
    return select(func.count(),
                  func.count().filter(C.created_at > func.now() - dt.timedelta(days=30))
                  ).where(C.caller_id == caller_id)


def history_rows(caller_id: int, limit: int) -> Select:
    """A caller's latest cases."""
    return (select(*ROW_COLUMNS).where(C.caller_id == caller_id)
            .order_by(C.created_at.desc()).limit(limit))


async def caller_history(store: Store, phone_e164: str, limit: int = 50) -> CallerHistory:
    async with store.read() as conn:
        caller = (await conn.execute(select(s.Caller.id, s.Caller.name)
                                     .where(s.Caller.phone == phone_e164))).one_or_none()
        if caller is None:
            return CallerHistory(phone_e164, None, 0, 0, [])
        counts = (await conn.execute(history_counts(caller.id))).one()
        rows = await conn.execute(history_rows(caller.id, limit))
        return CallerHistory(phone_e164, caller.name, counts[0], counts[1],
                             [CaseRow(*r) for r in rows])


async def frequent_callers(store: Store, limit: int = 10) -> list[str]:
    """Phone numbers with the most cases, most first."""
    async with store.read() as conn:
        result = await conn.execute(
            select(s.Caller.phone).join(C, C.caller_id == s.Caller.id)
            .group_by(s.Caller.phone).order_by(func.count().desc(), s.Caller.phone).limit(limit))
        return list(result.scalars())


async def fetch_case(store: Store, case_id: uuid.UUID) -> CaseRow | None:
    """One case with its whole text (the queue's rows carry the first 300 characters)."""
    async with store.read() as conn:
        columns = [C.text if getattr(c, "name", None) == "text" else c for c in ROW_COLUMNS]
        row = (await conn.execute(select(*columns).where(C.id == case_id))).one_or_none()
        return None if row is None else CaseRow(*row)
