"""The countdown-timer panel: every open case with its time left, most urgent
first, in colour bands (plenty / under a quarter / overdue with the overdue
time). One one-second timer repaints only the visible rows' time column, and it
stops while the pane is hidden. Double-click or Enter opens the case.

Every read goes through the feed follower, one at a time, so an older read never
lands after a newer one: the first load and ``load()`` read every open case, a page
at a time (the first rows at once, the rest appended page by page); a change
brought by the feed re-reads only the cases it touched (after the load under way),
``LIVE_CHUNK`` of them a step."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from console.casework import countdown
from console.casework.countdown_list import CountdownList
from console.catalog.catalog import Catalog
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from widgets.casework.countdown_model import CountdownModel
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import OpenableTable
from widgets.common.tasks import TaskRunner

SUMMARY_EVERY_TICKS = 5
REREAD_DELAY_MS = 25
LIVE_CHUNK = 500  # cases re-read and applied in one step of the GUI thread


class CountdownPanel(QWidget):
    case_opened = Signal(uuid.UUID)
    fully_loaded = Signal()  # the last page of a load of every open case is in

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, *, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownPanel")
        self._store = store
        self.model = CountdownModel(catalog, store.clock, self)
        self.table = OpenableTable(objectName="countdown.table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 110, 150, 40, 100, 170, 130)):
            self.table.setColumnWidth(column, width)
        self.table.open_requested.connect(self._open)
        self.summary = QLabel(objectName="countdown.summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._ticks = 0
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.tick)
        self._pending: set[uuid.UUID] = set()
        self._everything = False  # the next read is of every open case
        self.follower = FeedFollower(runner, feed, self.apply_events, self._read,
                                     REREAD_DELAY_MS, self)
        self.model.rowsInserted.connect(self._summarise)
        self.model.rowsRemoved.connect(self._summarise)
        self.model.modelReset.connect(self._summarise)

    def load(self) -> None:
        """Read every open case (now, or right after the read under way)."""
        self._everything = True
        self.follower.reload_now()

    async def _read(self) -> None:
        everything, self._everything = self._everything, False
        ids, self._pending = list(self._pending), set()
        try:
            if everything:
                await self._read_everything()
            else:
                while ids:  # a page of ids at a time: no GUI step applies more
                    chunk = ids[:LIVE_CHUNK]
                    fresh = await countdown.countdowns_for(self._store, chunk)
                    if self.follower.stopped:
                        return
                    self.model.update_entries(chunk, fresh)
                    ids = ids[LIVE_CHUNK:]
        except BaseException:  # not read: the next read tries again
            self._everything |= everything
            self._pending.update(ids)
            raise

    async def _read_everything(self) -> None:
        """Every open case, a page at a time: the first page on screen at once, then
        each next page, made into countdowns as it is read (one C loop: no worker
        thread, whose GIL would hold the GUI as long), appended, so no frame waits
        for the whole load."""
        page = await countdown.page_rows(self._store, None, countdown.FIRST_PAGE)
        if self.follower.stopped:
            return
        self.model.set_list(CountdownList(page))
        limit, last = countdown.FIRST_PAGE, page[-1] if page else None
        while last is not None and len(page) == limit:
            limit = countdown.PAGE
            page = await countdown.page_rows(self._store, countdown.sort_key(last), limit)
            if self.follower.stopped:
                return
            self.model.append_page(page)
            last = page[-1] if page else None
        self.fully_loaded.emit()

    def visible_rows(self) -> tuple[int, int]:
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return 0, -1
        return first, last if last >= 0 else self.model.rowCount() - 1

    def tick(self) -> None:
        self.model.tick(*self.visible_rows())
        self._ticks += 1
        if self._ticks % SUMMARY_EVERY_TICKS == 0:
            self._summarise()  # cases cross into a new band as time passes

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing to repaint while nobody can see it
        super().hideEvent(event)

    def apply_events(self, events: Sequence[Event]) -> bool:
        """What the follower asks of the feed's events: the cases they touch are
        re-read; True when there are any."""
        touched = {e.case_id for e in events if e.case_id is not None}
        self._pending |= touched
        return bool(touched)

    def shutdown(self) -> None:
        self.timer.stop()
        self.follower.stop()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(self.model.entry(index.row()).id)

    def _summarise(self, *_args: object) -> None:
        counts = self.model.band_counts()
        self.summary.setText(self.tr("未办结 {n} 件：超时 {over} 件，剩余不足四分之一 {short} 件")
                             .format(n=counts["total"], over=counts[countdown.OVERDUE],
                                     short=counts[countdown.SHORT]))
