"""Admin: time-limit rules per category and urgency class, the working-day
calendar (holidays and make-up working days), and, in tabs of their own
(``LadderRuleTab``, ``ClockRuleTab``, ``NoticeRuleTab``), the escalation ladder, the
unit's clock rule and the citizen notice rule. Every change is a service call
that records who changed what; bad values are refused at the field. The rules
and the calendar shown follow the change feed (a ``FeedFollower``): a change
saved here says "保存中…" until the feed brought it back, then "已保存", and
shows the rule in force as read after it, as for a change from another seat."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.calendar import deadlines
from console.catalog.catalog import Catalog
from console.core.errors import ConsoleError, FieldError
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.pickers import CategoryPicker
from widgets.common.tasks import TaskRunner
from widgets.supervision.clock_rule_tab import ClockRuleTab
from widgets.supervision.ladder_rule_tab import LadderRuleTab
from widgets.supervision.notice_rule_tab import NoticeRuleTab

DEADLINE_KINDS = (Kind.RULE_CHANGED, Kind.CALENDAR_CHANGED, Kind.CALENDAR_SEEDED)


class RulesDialog(QDialog):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None, feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.setWindowTitle(self.tr("办理时限与工作日"))
        self._store, self._catalog, self._runner = store, catalog, runner
        self._book = deadlines.RuleBook(catalog.rules, catalog.categories)
        self._calendar = catalog.calendar  # both as read last: the feed's reloads renew them
        self.follower = FeedFollower(runner, feed, DEADLINE_KINDS, self._reload, parent=self)
        self.ladder_tab = LadderRuleTab(store, runner, feed)
        self.clock_tab = ClockRuleTab(store, runner, feed)
        self.notice_tab = NoticeRuleTab(store, runner, feed)
        self.finished.connect(lambda _result: self._stop())
        self.tabs = tabs = QTabWidget(objectName="rules.tabs")
        tabs.addTab(self._rules_tab(), self.tr("时限规则"))
        tabs.addTab(self._calendar_tab(), self.tr("工作日历"))
        tabs.addTab(self.ladder_tab, self.tr("升级规则"))
        tabs.addTab(self.clock_tab, self.tr("单位计时"))
        tabs.addTab(self.notice_tab, self.tr("市民告知"))
        self.message = QLabel(objectName="rules.message")
        self.message.setWordWrap(True)
        self.saving = QLabel(self.tr("保存中…"), objectName="rules.saving", visible=False)
        self.follower.saving_changed.connect(self.saving.setVisible)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(self.saving)

    def _stop(self) -> None:
        for tab in (self.ladder_tab, self.clock_tab, self.notice_tab):
            tab.follower.stop()
        self.follower.stop()

    # ---- rules -------------------------------------------------------------------------
    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        self.category = CategoryPicker(self._catalog, tab)
        self.category.setObjectName("rules.category")
        self.urgency = QComboBox(objectName="rules.urgency")
        for code in ("A", "B", "C"):
            self.urgency.addItem(code, code)
        self.kind = QComboBox(objectName="rules.kind")
        self.kind.addItem(self.tr("小时（昼夜连续计算）"), "hours")
        self.kind.addItem(self.tr("工作日（跳过周末和法定节假日）"), "working_days")
        self.value = QLineEdit(objectName="rules.value")
        self.value.setPlaceholderText(self.tr("正整数"))
        self.current = QLabel(objectName="rules.current")
        save = QPushButton(self.tr("保存规则"), objectName="rules.save")
        save.setAutoDefault(False)  # Enter in the value saves once (returnPressed), not twice
        save.clicked.connect(self.save_rule)
        self.value.returnPressed.connect(self.save_rule)
        self.category.category_chosen.connect(lambda _c: self._show_current())
        self.urgency.currentIndexChanged.connect(lambda _i: self._show_current())
        form = QFormLayout(tab)
        form.addRow(self.tr("事项分类"), self.category)
        form.addRow(self.tr("紧急程度"), self.urgency)
        form.addRow(self.tr("计时方式"), self.kind)
        form.addRow(self.tr("时限"), self.value)
        form.addRow("", self.current)
        form.addRow("", save)
        return tab

    def _show_current(self) -> None:
        chosen = self.category.chosen
        if chosen is None:
            self.current.clear()
            return
        limit = deadlines.rule_for(self._book, chosen.id, self.urgency.currentData())
        if limit is None:
            self.current.setText(self.tr("现行：未设时限"))
        elif limit.limit_hours:
            self.current.setText(self.tr("现行：{n} 小时").format(n=limit.limit_hours))
        else:
            self.current.setText(self.tr("现行：{n} 个工作日").format(n=limit.limit_working_days))

    def save_rule(self) -> None:
        chosen = self.category.chosen
        if chosen is None:
            self.message.setText(texts.field_error(FieldError("category", "category.empty")))
            return
        raw = self.value.text().strip()
        try:
            number = int(raw)
        except ValueError:
            self.message.setText(self.tr("时限须为正整数，例如 24 或 5"))
            return
        hours = number if self.kind.currentData() == "hours" else None
        days = number if self.kind.currentData() == "working_days" else None

        urgency = self.urgency.currentData()

        def done(_rule: deadlines.Rule) -> None:  # the rule in force is shown by now
            self.message.setText(self.tr("已保存：{path} {u} 类").format(
                path=chosen.path, u=urgency))

        self.follower.save(deadlines.set_rule(self._store, chosen.id, urgency,
                                              limit_hours=hours, limit_working_days=days),
                           done, self._failed)

    async def _reload(self) -> None:
        """The rules and the calendar as they are now: what the chosen category and day
        show (the day's fields keep what is typed there; its state line follows)."""
        self._book = await deadlines.load_rules(self._store)
        self._calendar = await deadlines.load_calendar(self._store)
        if self.follower.stopped:  # closed while it read: touch nothing of it
            return
        self._show_current()
        self._show_day(fill=False)

    # ---- calendar ------------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
        tab = QWidget()
        self.day = QDateEdit(objectName="calendar.day", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.working = QCheckBox(self.tr("上班（工作日）"), objectName="calendar.working")
        self.note = QLineEdit(objectName="calendar.note")
        self.note.setPlaceholderText(self.tr("说明，如：春节 / 春节调休上班"))
        save = QPushButton(self.tr("保存该日"), objectName="calendar.save")
        save.clicked.connect(self.save_day)
        self.day_state = QLabel(objectName="calendar.state")
        self.day.dateChanged.connect(lambda _d: self._show_day(fill=True))
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.working)
        form = QFormLayout(tab)
        form.addRow(self.tr("日期"), row)
        form.addRow(self.tr("说明"), self.note)
        form.addRow("", self.day_state)
        form.addRow("", save)
        self._show_day(fill=True)
        return tab

    def _chosen_day(self) -> dt.date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    def _show_day(self, *, fill: bool) -> None:
        """The chosen day's state; ``fill``: its fields too (another day was chosen)."""
        day = self._chosen_day()
        info = self._calendar.day(day)
        if fill:
            self.working.setChecked(info.is_working)
            self.note.setText(info.note or "")
        state = self.tr("工作日") if info.is_working else self.tr("休息日")
        if self._calendar.is_estimated(day):
            state += self.tr("（该年安排未公布，按周末估算）")
        self.day_state.setText(state)

    def save_day(self) -> None:
        day = self._chosen_day()

        def done(_saved: deadlines.CalendarDay) -> None:  # its state is shown by now
            self.message.setText(self.tr("已保存 {day}").format(day=day.isoformat()))

        self.follower.save(deadlines.set_day(self._store, day, self.working.isChecked(),
                                             self.note.text()), done, self._failed)

    def _failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.problem_text(exc))
