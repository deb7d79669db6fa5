"""Admin: the clock rule (单位计时), a tab of the rules dialog: when a unit's clock
starts (at dispatch or at the unit's signing), the sign limit in office hours and
the window in working days within which a unit may apply to return a case.

The tab follows the change feed (its ``FeedFollower``): the line "现行：…" always
shows the rule in force, read after each change from any seat; the fields hold
what the admin types and are filled from the rule when the tab opens, after a
save, and after a save refused because someone saved first (optimistic version:
the refusal names who, and the fields then show what they saved)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from console.casework import clocks
from console.casework.clocks import ClockRule
from console.core.errors import ConflictError, ConsoleError
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tasks import TaskRunner


class ClockRuleTab(QWidget):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockRuleTab")
        self._store = store
        self._version: int | None = None  # the version the fields were filled from
        self._fill = True  # the next reading fills the fields
        self.starts = QComboBox(objectName="clock.starts")
        names = {"dispatch": self.tr("分拨起算（派遣即开始计时）"),
                 "sign": self.tr("签收起算（单位签收后开始计时）")}
        for start in clocks.available():
            self.starts.addItem(names.get(start, start), start)
        self.sign_hours = QLineEdit(objectName="clock.sign_hours")
        self.sign_hours.setPlaceholderText(self.tr("派遣后几个工作小时内须签收（9:00–18:00 计）"))
        self.return_days = QLineEdit(objectName="clock.return_days")
        self.return_days.setPlaceholderText(self.tr("派遣后几个工作日内可申请退回"))
        self.current = QLabel(objectName="clock.current")
        self.current.setWordWrap(True)
        self.message = QLabel(objectName="clock.message")
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("保存计时规则"), objectName="clock.save")
        save.setAutoDefault(False)  # Enter in a field saves once (returnPressed)
        save.clicked.connect(self.save)
        for field in (self.sign_hours, self.return_days):
            field.returnPressed.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("单位时限起算"), self.starts)
        form.addRow(self.tr("签收时限（工作小时）"), self.sign_hours)
        form.addRow(self.tr("退回申请期（工作日）"), self.return_days)
        form.addRow("", self.current)
        form.addRow("", save)
        form.addRow("", self.message)
        note = QLabel(self.tr("已派遣的案件保留原有的计时和签收时限；新规则从下一次派遣起适用。"))
        note.setWordWrap(True)
        form.addRow("", note)
        self.follower = FeedFollower(runner, feed, (Kind.CLOCK_RULE,), self._reload, parent=self)
        self.follower.saving_changed.connect(self._saving)
        self.follower.reload_now()

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("保存中…"))

    async def _reload(self) -> None:
        self._show(await clocks.current_clock_rule(self._store))

    def _show(self, rule: ClockRule) -> None:
        start = self.starts.itemText(max(0, self.starts.findData(rule.unit_clock_starts)))
        self.current.setText(self.tr(
            "现行（第 {v} 版）：{start}；签收时限 {h} 个工作小时；退回申请期 {d} 个工作日")
            .format(v=rule.version, start=start, h=rule.sign_limit_working_hours,
                    d=rule.return_window_working_days))
        if self._fill:
            self._fill = False
            self._version = rule.version
            self.starts.setCurrentIndex(max(0, self.starts.findData(rule.unit_clock_starts)))
            self.sign_hours.setText(str(rule.sign_limit_working_hours))
            self.return_days.setText(str(rule.return_window_working_days))

    def save(self) -> None:
        try:
            hours, days = int(self.sign_hours.text()), int(self.return_days.text())
        except ValueError:
            self.message.setText(self.tr("请填写整数：签收时限 1–72 个工作小时，"
                                         "退回申请期 1–30 个工作日"))
            return

        def done(_rule: ClockRule) -> None:  # the rule in force is shown by now
            self.message.setText(self.tr("已保存计时规则"))

        self._fill = True  # what the feed brings back fills the fields
        self.follower.save(clocks.set_clock_rule(
            self._store, str(self.starts.currentData()), sign_limit_working_hours=hours,
            return_window_working_days=days, expected_version=self._version), done,
            self._failed)

    def _failed(self, exc: ConsoleError) -> None:
        self._fill = isinstance(exc, ConflictError)  # show what the other admin saved
        if self._fill:
            self.follower.reload_now()
        self.message.setText(texts.problem_text(exc))
