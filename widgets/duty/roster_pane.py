"""The duty roster pane (排班): the month at a glance (a row per day: the team on
each shift with its head count and leave, the team resting), the selected
day's entries with the edits a shift leader makes (leave with a stand-in,
swap, replace, remove), who is on duty now, and the month's export to Excel
and PDF.

Every read and write goes through the TaskRunner. An edit is saved against the
version of the day that was read with the entries it was chosen from; a lost
race says who changed the day first and shows the day again. Changes from
other seats arrive as ``roster_changed`` events and are applied after a short
pause, so a burst causes one reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.feed import Event
from console.core.store import Store
from console.duty import roster, roster_export
from console.duty.duty_setup import SHIFT_EVENT, Setup, load_setup
from console.duty.roster import Duty, MonthCell
from console.duty.rotation import month_days
from widgets.common import forms, texts
from widgets.common.tasks import TaskRunner
from widgets.duty.roster_dialogs import RosterActions
from widgets.duty.roster_model import Names, RosterEntryModel, RosterMonthModel
from widgets.duty.roster_pdf import write_pdf

RELOAD_DELAY_MS = 200
ON_DUTY_EVERY_MS = 60_000
EDITORS = frozenset({"shift_leader", "admin"})
ENTRY_ROWS, MONTH_ROWS = 3, 8  # the least worth showing when the entries go under the grid
ERROR_STYLE = forms.ERROR_STYLE + " font-weight: bold;"
MonthRead = tuple[Setup, dict[tuple[dt.date, int], MonthCell]]


class DayTable(QTableView):
    """The day's entries; the edit keys act on the current entry."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("roster.day")
        self.keys: dict[int, Callable[[], object]] = {}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.keys.get(event.key())
        if action is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            action()
            return
        super().keyPressEvent(event)


class RosterPane(QWidget):
    month_loaded = Signal()        # the month grid shows the month read last
    day_loaded = Signal(object)    # dt.date: the day table shows that day
    exported = Signal(str)         # the path of a finished export

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPane")
        self.store, self.runner = store, runner
        self.setup: Setup | None = None
        self.names = Names(store.clock.now)  # of self.setup, for the lists
        self.year, self.month = 2000, 1
        self.today = dt.date(2000, 1, 1)
        self.day: dt.date | None = None
        self.day_version = 0
        self._month_seq = self._day_seq = 0
        self._pending: set[str] = set()
        self._after_day: list[Callable[[int], None]] = []  # told the next day version read
        self._loaded = False
        self._empty_note = ""  # the message saying the shown month has no roster yet
        self._grid_width = 0  # the whole month grid's width, once its columns are known
        self.actions = RosterActions(self)
        self._build()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_pending)
        self._minute = QTimer(self, interval=ON_DUTY_EVERY_MS)
        self._minute.timeout.connect(self._tick)

    # ---- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = QPushButton(self.tr("◀ 上月"), objectName="roster.prev")
        self.prev_button.clicked.connect(lambda: self.show_month(-1))
        self.next_button = QPushButton(self.tr("下月 ▶"), objectName="roster.next")
        self.next_button.clicked.connect(lambda: self.show_month(+1))
        self.this_button = QPushButton(self.tr("本月"), objectName="roster.thisMonth")
        self.this_button.clicked.connect(lambda: self.show_month(0))
        self.month_label = QLabel(objectName="roster.monthLabel")
        self.month_label.setStyleSheet("font-size: 15pt; font-weight: bold; padding: 0 8px;")
        self.generate_button = QPushButton(self.tr("生成本月排班"), objectName="roster.generate")
        self.generate_button.clicked.connect(self.actions.generate)
        excel = QPushButton(self.tr("导出 Excel…"), objectName="roster.exportExcel")
        excel.clicked.connect(lambda: self.actions.ask_path("xlsx", self.export_excel))
        pdf = QPushButton(self.tr("导出 PDF…"), objectName="roster.exportPdf")
        pdf.clicked.connect(lambda: self.actions.ask_path("pdf", self.export_pdf))
        top = QHBoxLayout()
        for widget in (self.prev_button, self.month_label, self.next_button, self.this_button):
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (self.generate_button, excel, pdf):
            top.addWidget(widget)

        self.month_model = RosterMonthModel(self)
        self.month_view = QTableView(objectName="roster.month")
        self.month_view.setModel(self.month_model)
        self._table_look(self.month_view)
        self.month_view.setAlternatingRowColors(False)  # weekends are tinted instead
        self.month_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._day_chosen(self.month_model.day(current.row())))
        self.month_model.modelReset.connect(self._size_month_columns)

        self.day_model = RosterEntryModel(RosterEntryModel.COLUMNS, self.names, self)
        self.day_proxy = QSortFilterProxyModel(self)
        self.day_proxy.setSourceModel(self.day_model)
        self.day_proxy.setFilterKeyColumn(-1)
        self.day_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.day_view = DayTable()
        self.day_view.setModel(self.day_proxy)
        self._table_look(self.day_view)
        self.day_label = QLabel(objectName="roster.dayLabel")
        self.day_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.day_label.setWordWrap(True)
        self.filter = QLineEdit(objectName="roster.filter")
        self.filter.setPlaceholderText(self.tr("按岗位、姓名、班组或班次筛选"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.day_proxy.setFilterFixedString)
        self.edit_buttons: list[QPushButton] = []
        buttons = QHBoxLayout()
        for name, title, key, run in self.actions.commands:
            button = QPushButton(f"{title}  {QKeySequence(key).toString()}",
                                 objectName=f"roster.{name}")
            button.clicked.connect(run)
            buttons.addWidget(button)
            self.edit_buttons.append(button)
            self.day_view.keys[key] = button.click  # does nothing while disabled
        buttons.addStretch(1)
        day_box = QWidget()
        day_layout = QVBoxLayout(day_box)
        day_layout.addWidget(self.day_label)
        day_layout.addWidget(self.filter)
        day_layout.addWidget(self.day_view, 1)
        day_layout.addLayout(buttons)

        self.on_duty_model = RosterEntryModel(
            [c for c in RosterEntryModel.COLUMNS if c != "kind"], self.names, self)
        self.on_duty_view = QTableView(objectName="roster.onDuty")
        self.on_duty_view.setModel(self.on_duty_model)
        self._table_look(self.on_duty_view)
        self.on_duty_label = QLabel(objectName="roster.onDutyLabel")
        self.on_duty_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.on_duty_label.setWordWrap(True)
        duty_box = QWidget()
        duty_layout = QVBoxLayout(duty_box)
        duty_layout.addWidget(self.on_duty_label)
        duty_layout.addWidget(self.on_duty_view, 1)

        self.tabs = QTabWidget(objectName="roster.tabs")
        self.tabs.addTab(day_box, self.tr("当日排班"))
        self.tabs.addTab(duty_box, self.tr("当前在岗"))
        self.split = split = QSplitter(objectName="roster.split")
        split.addWidget(self.month_view)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        self.message = QLabel(objectName="roster.message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self._update_enabled()

    @staticmethod
    def _table_look(view: QTableView) -> None:
        """Rows read across (alternating), columns as wide as their contents."""
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(64)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)

    def _size_month_columns(self) -> None:
        """Wide enough for a day with leave and today's bold row, fixed as the data change."""
        count = self.month_model.columnCount()
        if not count:
            return
        font = self.month_view.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        day, cell, rest = (metrics.horizontalAdvance(t) + 24
                           for t in self.month_model.widest_texts())
        header = self.month_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([day, *[cell] * (count - 2), rest]):
            header.resizeSection(column, width)
        frame = 2 * self.month_view.frameWidth() + 4
        scroll = self.month_view.verticalScrollBar().sizeHint().width()
        self._grid_width = day + cell * (count - 2) + rest + frame + scroll
        self._fit_split()

    def _fit_split(self) -> None:
        """The whole month grid beside the day's entries when the pane is wide enough;
        in a narrow pane the day's entries go under the grid if it is tall enough,
        else the two share the width (more than one shift column shows)."""
        if not self._grid_width:
            return
        width, height = self.split.width(), self.split.height()
        day = self.tabs.minimumSizeHint()
        row = self.month_view.verticalHeader().defaultSectionSize()
        entries = day.height() + ENTRY_ROWS * row
        if width >= self._grid_width + day.width() or height < entries + (MONTH_ROWS + 1) * row:
            self.split.setOrientation(Qt.Orientation.Horizontal)
            grid = min(self._grid_width, max(width - day.width(), width * 11 // 20))
            self.split.setSizes([grid, width - grid])
        else:
            self.split.setOrientation(Qt.Orientation.Vertical)
            below = max(height // 2, entries)
            self.split.setSizes([height - below, below])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def _update_enabled(self) -> None:
        editor = bool(EDITORS & self.store.roles)
        for button in (self.generate_button, *self.edit_buttons):
            button.setEnabled(editor)

    # ---- messages ---------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def failed(self, exc: ConsoleError) -> None:
        self.say(texts.problem_text(exc), error=True)

    # ---- loading ----------------------------------------------------------------------
    def load(self) -> None:
        """Show the current month (by the centre's clock), today selected."""
        now = self.store.clock.now().astimezone(CENTRE_TZ)
        self.today, self.day = now.date(), now.date()
        self.year, self.month = now.year, now.month
        self._loaded = True
        self._update_enabled()
        self._load_month(with_setup=True)  # then who is on duty now
        if self.isVisible():
            self._minute.start()

    def show_month(self, step: int) -> None:
        """The month before (-1), after (+1), or the current month (0)."""
        if step == 0:
            self.year, self.month = self.today.year, self.today.month
        else:
            index = self.year * 12 + self.month - 1 + step
            self.year, self.month = index // 12, index % 12 + 1
        self.day = self.today if (self.today.year, self.today.month) == (
            self.year, self.month) else dt.date(self.year, self.month, 1)
        self._load_month()

    def reload(self) -> None:
        """Read the shown month and the selected day again."""
        self._load_month()

    def _load_month(self, *, with_setup: bool = False) -> None:
        self._month_seq += 1
        seq, year, month = self._month_seq, self.year, self.month
        self.month_label.setText(self.tr("{y}年{m}月").format(y=year, m=month))

        async def read() -> MonthRead:
            setup = self.setup if self.setup and not with_setup else await load_setup(self.store)
            cells, _versions = await roster.month_plan(self.store, year, month)
            return setup, cells

        def done(result: MonthRead) -> None:
            if seq == self._month_seq:
                self._show_month(*result)

        self.runner.run(read(), done, self.failed)

    def _show_month(self, setup: Setup, cells: dict[tuple[dt.date, int], MonthCell]) -> None:
        days = month_days(self.year, self.month)
        if setup == self.setup and self.month_model.shows(days):
            self.month_model.update_cells(cells)
        else:
            changed, self.setup = setup != self.setup, setup
            self.names.setup = setup
            self.month_model.set_month(setup, days, cells, self.today)
            if changed:  # names and shifts as the lists show them
                self.day_view.viewport().update()
                self.load_on_duty()
        self.month_model.set_today(self.today)
        note = self.tr("{y}年{m}月尚未排班：按「生成本月排班」按轮班规则生成").format(
            y=self.year, m=self.month) if self.month_model.is_empty() else ""
        if note or self.message.text() == self._empty_note:
            self.say(note)
        self._empty_note = note
        row = self.month_model.row_of(self.day)
        if row is not None and self.month_view.currentIndex().row() != row:
            self.month_view.setCurrentIndex(self.month_model.index(row, 0))  # loads the day
            self.month_view.scrollTo(self.month_model.index(row, 0))
        else:
            self.load_day()
        self.month_loaded.emit()

    def _day_chosen(self, day: dt.date | None) -> None:
        if day is not None and day != self.day:
            self.day = day
        self.load_day()

    def load_day(self, then: Callable[[int], None] | None = None) -> None:
        """Read the selected day's entries (and its version) again."""
        if then is not None:
            self._after_day.append(then)
        if self.day is None:
            return
        self._day_seq += 1
        seq, day = self._day_seq, self.day

        def done(result: tuple[list[Duty], int]) -> None:
            if seq != self._day_seq:
                return  # a later read is under way
            entries, self.day_version = result
            self._show_day(day, entries)
            waiting, self._after_day = self._after_day, []
            for told in waiting:
                told(self.day_version)
            self.day_loaded.emit(day)

        self.runner.run(roster.day_entries(self.store, day), done, self.failed)

    def _show_day(self, day: dt.date, entries: list[Duty]) -> None:
        setup = self.setup
        shifts = {r.id: i for i, r in enumerate(roster_export.display_order(setup.shifts))} \
            if setup else {}
        posts = {p.id: i for i, p in enumerate(setup.posts)} if setup else {}
        ordered = sorted(entries, key=lambda e: (posts.get(e.post_id or -1, 1 << 30),
                                                 shifts.get(e.shift_id, 99), e.kind, e.person))
        current = self.actions.current()
        self.day_model.set_entries(ordered)
        on_duty = sum(1 for e in entries if e.kind == "duty")
        text = self.month_model.day_text(day) + self.tr(" · 排班 {n} 人").format(n=on_duty)
        if len(entries) > on_duty:
            text += self.tr(" · 请假 {n} 人").format(n=len(entries) - on_duty)
        self.day_label.setText(text)
        if current is not None:
            self.actions.select(current.id)

    def load_on_duty(self) -> None:
        """Read who is on duty now (once the shift templates are known)."""
        if self.setup is None:
            return  # asked again when the month (and the setup) has been read
        now, setup = self.store.clock.now(), self.setup

        def done(found: list[Duty]) -> None:
            self.on_duty_model.set_entries(found)
            current = setup.current_shift(now)
            when = "" if current is None else self.tr("{day} {shift} {hours}").format(
                day=self.month_model.day_text(current[0]), shift=current[1].shift.name,
                hours=roster_export.shift_hours(current[1].shift))
            self.on_duty_label.setText(self.tr("{when} 在岗 {n} 人（{time} 更新，每分钟刷新）").format(  # noqa: E501
                when=when, n=len(found), time=now.astimezone(CENTRE_TZ).strftime("%H:%M")))

        self.runner.run(roster.on_duty(self.store, now), done, self.failed)

    # ---- live updates -----------------------------------------------------------------
    def apply_events(self, events: Sequence[Event]) -> None:
        """Change-feed subscriber: reload what a roster or shift change touched."""
        prefix = f"{self.year:04d}-{self.month:02d}-"
        for event in events:
            if event.kind == SHIFT_EVENT:
                self._pending |= {"setup", "month", "on_duty"}
            elif event.kind == roster.EVENT:
                days = [str(d) for d in event.payload.get("days", [])]
                if any(d.startswith(prefix) for d in days):
                    self._pending.add("month")
                if self.day is not None and self.day.isoformat() in days:
                    self._pending.add("day")
                self._pending.add("on_duty")
        if self._pending and self._loaded and not self._reload_timer.isActive():
            self._reload_timer.start()

    def _reload_pending(self) -> None:
        pending, self._pending = self._pending, set()
        if pending & {"setup", "month"}:
            self._load_month(with_setup="setup" in pending)  # reads the day too
        elif "day" in pending:
            self.load_day()
        if "on_duty" in pending:
            self.load_on_duty()

    def _tick(self) -> None:
        today = self.store.clock.now().astimezone(CENTRE_TZ).date()
        if today != self.today:
            self.today = today
            self.month_model.set_today(today)
        self.day_model.clock_moved()  # who of the day's list is on duty now
        self.load_on_duty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded:
            self._minute.start()
            self.load_on_duty()

    def hideEvent(self, event: QHideEvent) -> None:
        self._minute.stop()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self._loaded = False
        self._reload_timer.stop()
        self._minute.stop()

    # ---- export -----------------------------------------------------------------------
    def export_excel(self, path: str) -> None:
        """Write the shown month to ``path`` as an Excel workbook (``exported`` when done)."""
        self.actions.export(roster_export.write_excel, path)

    def export_pdf(self, path: str) -> None:
        """Write the shown month to ``path`` as an A4 landscape PDF (``exported`` when done)."""
        self.actions.export(write_pdf, path)

    # ---- used by the actions ------------------------------------------------------------
    def run(self, coro: Coroutine[Any, Any, Any], done: Callable[[Any], None],
            failed: Callable[[ConsoleError], None] | None = None) -> None:
        self.runner.run(coro, done, failed or self.failed)
