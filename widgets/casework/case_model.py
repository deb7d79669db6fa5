"""The case queue's table model: an ordered list of case ids plus a lazy row cache.

- A new filter or sort is a new query: the id list is fetched by the database,
  then the model is reset.
- A change (from this seat or another, through the change feed) marks the
  affected rows stale and reads what changed (``follower``: one read per burst, at
  most one in flight; a save at this seat lands the same way): the cases the
  events named and rows from past the window's end (``queue_live``), never the
  held ids again, so its cost does not grow with the rows held (a burst naming
  more than ``queue_live.LIVE_MAX`` cases reads the held ids again). The
  difference is applied as row removals, insertions or a layout change with
  persistent indexes moved (``held_ids``), so selection and scroll position
  survive. Stale rows are re-read and ``dataChanged`` is emitted for them alone.
- Ids come in pages (keyset paging, ``queue.fetch_ids``): the first page with a
  new query, the next one when the view is scrolled to the end (``fetchMore``),
  after the last held row's sort value and id. A live update keeps as many rows
  as are held, so the rows the operator scrolled to stay.
- Rows are fetched only when the view asks for them (visible rows), in
  batches around the first missing one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal

from console.casework import queue, queue_live
from console.casework.queue import CaseFilter, CaseRow, Cursor, IdList
from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.supervision.highlights import Highlights
from widgets.casework.case_cells import CaseCells, CellTexts
from widgets.casework.case_columns import case_columns
from widgets.casework.held_ids import FEW_SCANS
from widgets.casework.id_diff import IdPlan, plan_id_list, plan_live, ranges
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
PREFETCH_BEFORE = 20
ROW_CACHE = 5_000  # rows kept as fetched; those fetched longest ago are let go first
PREFETCH_AFTER = 120
REQUERY_DELAY_MS = 25  # coalesces a burst of events into one re-read


class CaseTableModel(CaseCells):
    loaded = Signal()            # a new query's id list is in
    rows_refreshed = Signal()    # fetched rows arrived (for tests and benchmarks)
    # matching cases (counted up to queue.COUNT_BOUND), ids held, all counted
    total_changed = Signal(int, int, bool)

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QObject | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._columns = case_columns(catalog, store.clock.now)
        self._texts = CellTexts(self._columns, catalog)
        self._filter = CaseFilter()
        self._named: set[uuid.UUID] = set()  # cases the feed named since the last re-read
        self._wanted: set[uuid.UUID] = set()
        self._in_flight: set[uuid.UUID] = set()
        self.highlighted = Highlights()
        self._fetching = False
        self.total = 0
        self.counted_all = True
        self._cursor: Cursor | None = None  # the last held row, where a next page starts
        self._more = False  # the query has rows after the held ones
        self._paging = False  # a next page is being read
        self.page_size = queue.PAGE
        # New cases arrive on top all day and push rows read before down the list: the
        # rows kept are bounded, a row let go is read again if it is painted again.
        self.row_cache = ROW_CACHE
        self._fetch_timer = self._single_shot(0, self._fetch_wanted)
        self._query = TaskSlot(runner)  # a new query voids the one before
        self._pages = TaskSlot(runner)  # a next page; a new query or a re-read voids it
        self.follower = FeedFollower(runner, feed, self.apply_events, self._requery,
                                     REQUERY_DELAY_MS, self)

    def _single_shot(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # ---- Qt model interface (data, multiData: case_cells.CaseCells) -------------
    def _now(self) -> dt.datetime:
        return self._store.clock.now()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The view reached the last held row: read the next page after it."""
        if parent.isValid() or not self._more or self._paging or self._cursor is None:
            return
        cursor, self._paging = self._cursor, True

        def failed(exc: Exception) -> None:
            self._paging = False
            self._runner.user_error.emit(exc)

        self._pages.run(queue.fetch_ids(self._store, self._filter, self.page_size, cursor),
                        lambda page: self._on_page(cursor, page), failed)

    def _on_page(self, cursor: Cursor, page: IdList) -> None:
        self._paging = False
        if cursor is not self._cursor:  # a re-read moved the end meanwhile: from there
            self.fetchMore()
            return
        new = [case_id for case_id in page.ids if case_id.int not in self._held]
        if new:
            first, keys = len(self._ids), [case_id.int for case_id in new]
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            # New objects throughout: a plan in the making reads the old ones.
            self._ids, self._keys = self._ids + new, self._keys + keys
            self._held = self._held | set(keys)
            if self._index is not None:
                self._index = {**self._index, **dict(zip(
                    keys, range(first, first + len(keys)), strict=True))}
            self.endInsertRows()
        self._cursor, self._more = page.cursor or cursor, page.more
        if self._more:
            self._set_total(max(self.total, len(self._ids)), self.counted_all)
        else:  # all read: counted
            self._set_total(len(self._ids), True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key if 0 <= column < len(self._columns) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_filter(CaseFilter(**{**self._filter.__dict__, "sort_key": key,
                                      "descending": descending}))

    # ---- queries ---------------------------------------------------------------
    @property
    def filter(self) -> CaseFilter:
        return self._filter

    def cached(self, case_id: uuid.UUID) -> CaseRow | None:
        return self._rows.get(case_id)

    def set_filter(self, flt: CaseFilter) -> None:
        """A new query: fetch the id list, then reset the model."""
        self._filter = flt
        self._pages.supersede()
        # No next page until the new query's first lands: the held rows' end is the
        # old query's (its sort value, read with the new filter, is of another type).
        self._paging, self._more, self._cursor = False, False, None
        self._query.run(queue.fetch_ids(self._store, flt, self.page_size), self._on_new_query)

    def _on_new_query(self, ids: IdList) -> None:
        self.beginResetModel()
        self._set_ids(ids.ids)
        self._cursor, self._more = ids.cursor, ids.more
        self._rows.clear()
        self._texts.clear()
        self._stale.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self.endResetModel()
        self._set_total(ids.total, ids.counted_all)
        self.loaded.emit()

    def _set_total(self, total: int, counted_all: bool) -> None:
        self.total, self.counted_all = total, counted_all
        self.total_changed.emit(total, len(self._ids), counted_all)

    def highlight(self, ids: set[uuid.UUID], until: dt.datetime) -> None:
        """Show these cases in bold until a moment (the cases an alert was about)."""
        self.highlighted.mark(ids, until, self._store.clock.now())
        for row in self._held_rows(ids):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def shutdown(self) -> None:
        """Stop following the feed and drop results still in flight (the pane is closing)."""
        self.follower.stop()
        self._fetch_timer.stop()
        self._query.supersede()
        self._pages.supersede()
        self._paging = False

    # ---- live updates -------------------------------------------------------------
    def apply_events(self, events: Sequence[Event]) -> bool:
        """What the follower asks of the feed's events: the rows they touch are marked
        stale; True (re-read the id list) when any case changed."""
        touched = {e.case_id for e in events if e.case_id is not None}
        self._stale |= touched & self._rows.keys()
        self._named |= touched
        return bool(touched)

    async def _requery(self) -> None:
        """The follower's re-read: what the feed's events changed in the held rows
        (``queue_live``), or, after a burst of many, as many ids as are held."""
        named, self._named = self._named, set()
        flt, held = self._filter, self._ids
        if self._query.busy:  # the held rows are the old query's: after it lands
            self._named |= named
            self.follower.request()
            return
        size = max(self.page_size, len(held))
        if len(named) > queue_live.LIVE_MAX or (self._more and self._cursor is None):
            await self._reread(flt, held, size)
            return
        end = self._cursor if self._more else None
        held_named = [i for i in named if i.int in self._held]
        tail = held[-(2 * len(named) + 2):]
        changes = await queue_live.read_changes(
            self._store, flt, named, held_named, tail, len(held), size, end, self.counted_all)
        if flt is not self._filter or self._query.busy or held is not self._ids:
            self._named |= named  # read again, after what began or landed meanwhile
            self.follower.request()
            return
        refill = changes.refill.ids if changes.refill is not None else []
        if 3 * len(named) + len(refill) > FEW_SCANS:
            self._row_index()  # many lookups: by the index made again, not by scans
        plan = plan_live(held, self._keys, self._row_of_key, {i.int for i in named},
                         [(p.id, p.before) for p in changes.placed], refill, size)
        if plan is None:  # a change the feed has not told yet: read the held ids
            await self._reread(flt, held, size)
            return
        self.apply_plan(plan)
        grown = len(held) - len(held_named) + len(changes.placed) > size
        dense = self._cursor is not None and self._cursor.dense
        window_end = self._live_end(changes, plan, end, grown, dense)
        if window_end is None:  # its last row's sort value was not read: read them all
            await self._reread(flt, self._ids, size)
            return
        self._cursor, self._more = window_end
        self._set_total(self.total if changes.total is None else changes.total,
                        changes.counted_all)
        for row in self._held_rows(self._stale):  # on screen, the view asks for them again
            self._want(row)

    @staticmethod
    def _live_end(changes: queue_live.LiveChanges, plan: IdPlan, end: Cursor | None,
                  grown: bool, dense: bool) -> tuple[Cursor | None, bool] | None:
        """Where the window ends after a live update and whether rows follow it
        (``grown``: more rows than its size came in); None: not known here."""
        refill = changes.refill
        more = grown if refill is None else refill.more
        if not plan.new:
            return None, more
        last = plan.new[-1]
        if refill is not None and refill.ids and refill.cursor is not None and (
                last == refill.ids[-1]):
            return refill.cursor, more
        keys = {**changes.keys, **{p.id: p.key for p in changes.placed}}
        if last in keys:
            return Cursor(keys[last], last, dense), more
        if end is not None and last == end.id:
            return Cursor(end.value, end.id, end.dense), more  # a page in flight: again
        return None

    async def _reread(self, flt: CaseFilter, held: list[uuid.UUID], size: int) -> None:
        """Every held id again (a new query's rows: after a burst of many changes)."""
        ids = await queue.fetch_ids(self._store, flt, size)
        if flt is not self._filter or self._query.busy or held is not self._ids:
            # A new query or page began or landed meanwhile; it may have read before
            # the change that asked for this re-read: read once more after it.
            self.follower.request()
            return
        self.apply_plan(plan_id_list(held, self._keys, self._row_index(), ids.ids))
        self._cursor, self._more = ids.cursor, ids.more  # a page in flight reads again
        self._set_total(ids.total, ids.counted_all)
        # Re-read stale rows that are on screen (the view asks for them again).
        for row in self._held_rows(self._stale):
            self._want(row)

    # ---- lazy row fetching -------------------------------------------------------
    def _want(self, row: int) -> None:
        start, end = max(0, row - PREFETCH_BEFORE), min(len(self._ids), row + PREFETCH_AFTER)
        for case_id in self._ids[start:end]:
            if (case_id not in self._rows or case_id in self._stale) and (
                    case_id not in self._in_flight):
                self._wanted.add(case_id)
        if self._wanted and not self._fetching:
            self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        if self._fetching or not self._wanted:
            return
        batch = list(self._wanted)
        self._wanted.clear()
        self._stale -= set(batch)
        self._fetching = True
        self._in_flight = set(batch)

        def done(rows: dict[uuid.UUID, CaseRow]) -> None:
            self._fetching = False
            self._in_flight = set()
            for case_id in rows:  # the latest fetched go last
                self._rows.pop(case_id, None)
            self._rows.update(rows)
            if (extra := len(self._rows) - self.row_cache) > 0:
                for case_id in list(itertools.islice(self._rows, extra)):
                    del self._rows[case_id]
            changed = self._held_rows(rows)
            for first, last in ranges(changed):
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last, len(self._columns) - 1))
            self.rows_refreshed.emit()
            if self._wanted:
                self._fetch_timer.start()

        def failed(exc: Exception) -> None:
            self._fetching = False
            self._in_flight = set()
            self._stale |= set(batch) & self._rows.keys()
            self._runner.user_error.emit(exc)

        self._runner.run(queue.fetch_rows(self._store, batch), done, failed)

