"""The statistics pane (统计): today's figures in tiles, the intake over time by channel,
and ranked bars (categories, units by overdue, streets) for a period and filters
(``StatsBar``). Every read runs off the GUI thread in a ``TaskSlot`` (a newer choice
voids an older read); a ``FeedFollower`` reads again when the change feed brings case
events, one read per burst, and a timer every ``REREAD_MS`` (cases fall overdue with
no event); a hidden pane reads when it is shown again. A click on a bar or a point
(or Enter on a bar picked with the arrow keys) reads the very cases it counts and
asks the queue to show them (``cases_chosen``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.mapview.heat import Period
from console.stats.dimensions import By
from console.stats.drill import Figure, case_ids
from console.stats.view import StatsQuery, StatsView, read_view
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.stats.charts import IntakeChart, RankedBars
from widgets.stats.controls import StatsBar
from widgets.stats.tiles import TileBoard
from widgets.stats.words import period_name

READ_DELAY_MS = 1500  # a burst of changes: one read, this long after its first event
REREAD_MS = 60_000


class StatsPane(QWidget):
    cases_chosen = Signal(list, str)  # the case ids, what they are (the queue's chip)

    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 feed: ChangeFeed | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsPane")
        self._store = store
        self.view: StatsView | None = None
        self.reads = 0  # views read so far (tests)
        self._stale = False
        self.bar = StatsBar(catalog, lambda: store.clock.now().astimezone(CENTRE_TZ).date())
        self.tiles = TileBoard()
        self.chart = IntakeChart()
        self.categories = RankedBars("stats.categories")
        self.units = RankedBars("stats.units")
        self.streets = RankedBars("stats.streets")
        self.status = QLabel(objectName="stats.status")
        self._slot, self._drill = TaskSlot(runner), TaskSlot(runner)
        self.follower = FeedFollower(runner, feed, self._wants, self._reread, READ_DELAY_MS,
                                     self)
        self.timer = QTimer(self, interval=REREAD_MS, objectName="stats.timer")
        self.timer.timeout.connect(self.follower.request)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.tiles, 0, 0, 1, 3)
        grid.addWidget(self.chart, 1, 0, 1, 3)
        for column, bars in enumerate((self.categories, self.units, self.streets)):
            grid.addWidget(bars, 2, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        self.scroller = scroll = QScrollArea(objectName="stats.scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

        self.bar.changed.connect(self.load)
        self.chart.point_clicked.connect(self._point_clicked)
        self.categories.bar_clicked.connect(
            lambda key, name: self._drill_to(By.CATEGORY_1, key, name, Figure.INTAKE))
        self.units.bar_clicked.connect(
            lambda key, name: self._drill_to(By.UNIT, key, name, Figure.OVERDUE))
        self.streets.bar_clicked.connect(
            lambda key, name: self._drill_to(By.STREET, key, name, Figure.INTAKE))

    # ---- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Read the view of the choice shown now."""
        query = self.bar.query()
        self._stale = False
        self.status.setText(self.tr("统计中…"))
        self._slot.run(self._fetch(query), self._landed)
        self.timer.start()

    def _wants(self, events: Sequence[Event]) -> bool:
        return any(e.case_id is not None for e in events)

    async def _fetch(self, query: StatsQuery) -> StatsView:
        self.reads += 1
        return await read_view(self._store, query, self._store.clock.now())

    async def _reread(self) -> None:
        """The follower's read, while the pane is shown (else once it is shown again)."""
        if not self.on_screen():
            self._stale = True
            return
        query = self.bar.query()
        view = await self._fetch(query)
        if query != self.bar.query() or self._slot.busy:
            self.follower.request()  # another choice began meanwhile: once more after it
            return
        self._landed(view)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def on_screen(self) -> bool:
        """Shown, and not behind another tab (a tab behind stays 'visible' to Qt)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def set_shown(self, shown: bool) -> None:
        """Its dock came to the front: a pane that was behind reads what it missed."""
        if shown and self._stale:
            self.load()

    def _landed(self, view: StatsView) -> None:
        if view.query != self.bar.query():
            return
        self.view = view
        period = self.period_text(view)
        self.tiles.show_tiles(view.tiles, period)
        self.chart.show_series(
            self.tr("受理量（按小时）") if view.hourly else self.tr("受理量（按日）"),
            view.buckets, view.series, view.hourly)
        self.categories.show_rows(self.tr("分类排行（受理量）"), view.categories,
                                  [c.name or self.tr("未分类") for c in view.categories])
        self.units.show_rows(self.tr("承办单位超期排行"), view.units,
                             [u.name for u in view.units])
        self.streets.show_rows(self.tr("街道排行（受理量）"), view.streets,
                               [s.name for s in view.streets])
        now = self._store.clock.now().astimezone(CENTRE_TZ)
        filters = self.bar.filters_text()
        self.status.setText(self.tr("{period}{filters} · 更新于 {time}").format(
            period=period, filters=f" · {filters}" if filters else "", time=f"{now:%H:%M:%S}"))

    def period_text(self, view: StatsView) -> str:
        first = view.scope.start.astimezone(CENTRE_TZ).date()
        last = view.scope.end.astimezone(CENTRE_TZ).date() - dt.timedelta(days=1)
        span = f"{first:%Y-%m-%d}" if first == last else f"{first:%m-%d} — {last:%m-%d}"
        if view.query.period is Period.RANGE:
            return span
        return f"{period_name(view.query.period)} {span}"

    # ---- from a figure to its cases ----------------------------------------------------------
    def _drill_to(self, by: By, key: str, name: str, figure: Figure) -> None:
        view = self.view
        if view is None:
            return
        words = (self.tr("统计：{name}超期（{period}）") if figure is Figure.OVERDUE
                 else self.tr("统计：{name}（{period}）"))
        label = words.format(name=name, period=self.period_text(view))
        self._drill.run(case_ids(self._store, view.scope, by, key, figure),
                        lambda ids: self._chosen(ids, label))

    def _point_clicked(self, at: dt.datetime, channel: str) -> None:
        view = self.view
        if view is None:
            return
        step = dt.timedelta(hours=1) if view.hourly else dt.timedelta(days=1)
        end = at + step if view.hourly else dt.datetime.combine(at.date() + step, dt.time(),
                                                                CENTRE_TZ)
        scope = dataclasses.replace(view.scope, start=max(at, view.scope.start),
                                    end=min(end, view.scope.end), channel=channel)
        when = self.tr("{d} {h}时").format(d=f"{at:%m-%d}", h=at.hour) if view.hourly else (
            f"{at:%Y-%m-%d}")
        label = self.tr("统计：{when} {channel}").format(when=when,
                                                        channel=texts.channel_name(channel))
        self._drill.run(case_ids(self._store, scope, By.ALL, "all"),
                        lambda ids: self._chosen(ids, label))

    def _chosen(self, ids: list[uuid.UUID], label: str) -> None:
        self.status.setText(self.tr("队列只显示{label}的 {n} 件案件（点队列上方的标签恢复全部）")
                            .format(label=label, n=f"{len(ids):,}"))
        self.cases_chosen.emit(ids, label)

    def focus(self) -> None:
        """The keyboard to the ranked bars (the arrows pick a bar, Enter shows its cases)."""
        self.categories.setFocus()
        self.scroller.ensureWidgetVisible(self.categories)

    def shutdown(self) -> None:
        self.timer.stop()
        self.follower.stop()
        self._slot.supersede()
        self._drill.supersede()
