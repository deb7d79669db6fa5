"""Admin: the clock rule (单位计时), a tab of the rules dialog: when a unit's clock
starts (at dispatch or at the unit's signing), the sign limit in office hours and
the window in working days within which a unit may apply to return a case. How the
tab follows the feed and saves: ``rule_tab.RuleTab``."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from console.casework import clocks
from console.casework.clocks import ClockRule
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from widgets.common.tasks import TaskRunner
from widgets.supervision.rule_tab import RuleTab


class ClockRuleTab(RuleTab):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, runner, feed, kind=Kind.CLOCK_RULE, prefix="clock",
                         parent=parent)
        self.setObjectName("clockRuleTab")
        self.save_button.setText(self.tr("保存计时规则"))
        self.starts = QComboBox(objectName="clock.starts")
        names = {"dispatch": self.tr("分拨起算（派遣即开始计时）"),
                 "sign": self.tr("签收起算（单位签收后开始计时）")}
        for start in clocks.available():
            self.starts.addItem(names.get(start, start), start)
        self.sign_hours = QLineEdit(objectName="clock.sign_hours")
        self.sign_hours.setPlaceholderText(self.tr("派遣后几个工作小时内须签收（9:00–18:00 计）"))
        self.return_days = QLineEdit(objectName="clock.return_days")
        self.return_days.setPlaceholderText(self.tr("派遣后几个工作日内可申请退回"))
        self.form.addRow(self.tr("单位时限起算"), self.starts)
        self.form.addRow(self.tr("签收时限（工作小时）"), self.sign_hours)
        self.form.addRow(self.tr("退回申请期（工作日）"), self.return_days)
        self.finish_form((self.sign_hours, self.return_days))
        note = QLabel(self.tr("已派遣的案件保留原有的计时和签收时限；新规则从下一次派遣起适用。"))
        note.setWordWrap(True)
        self.form.addRow("", note)

    async def _read(self) -> ClockRule:
        return await clocks.current_clock_rule(self._store)

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

        self._submit(clocks.set_clock_rule(
            self._store, str(self.starts.currentData()), sign_limit_working_hours=hours,
            return_window_working_days=days, expected_version=self._version),
            self.tr("已保存计时规则"))
