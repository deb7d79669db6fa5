"""Admin: the escalation ladder's rule (升级规则), a tab of the rules dialog: the share of
the time limit at which a reminder goes out, the working hours from the first urge to
the second (to the unit's leader), the working days overdue before a case may be
supervised, and the working days after which an unsettled dispute is listed for the
weekly briefing. How the tab follows the feed and saves: ``rule_tab.RuleTab``."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.supervision import ladder_rules
from console.supervision.escalation import LadderRule
from widgets.common.tasks import TaskRunner
from widgets.supervision.rule_tab import RuleTab


class LadderRuleTab(RuleTab):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, runner, feed, kind=Kind.LADDER_CHANGED, prefix="ladder",
                         parent=parent)
        self.setObjectName("ladderRuleTab")
        self.save_button.setText(self.tr("保存升级规则"))
        self.reminder_share = QLineEdit(objectName="ladder.share")
        self.reminder_share.setPlaceholderText(self.tr("如 75 表示用去 75% 时限时提醒"))
        self.leader_hours = QLineEdit(objectName="ladder.leader_hours")
        self.leader_hours.setPlaceholderText(self.tr("首次催办后几个工作小时仍超期，催办单位领导"))
        self.supervision_days = QLineEdit(objectName="ladder.days")
        self.supervision_days.setPlaceholderText(self.tr("超时几个工作日后可督办"))
        self.briefing_days = QLineEdit(objectName="ladder.briefing_days")
        self.briefing_days.setPlaceholderText(self.tr("争议几个工作日未解决，列入值班周报"))
        self.form.addRow(self.tr("提醒（时限用去 %）"), self.reminder_share)
        self.form.addRow(self.tr("二次催办（单位领导，超时工作小时）"), self.leader_hours)
        self.form.addRow(self.tr("可督办（超时工作日）"), self.supervision_days)
        self.form.addRow(self.tr("未决争议通报（工作日）"), self.briefing_days)
        self.finish_form((self.reminder_share, self.leader_hours, self.supervision_days,
                          self.briefing_days))

    async def _read(self) -> LadderRule:
        return await ladder_rules.current_rule(self._store)

    def _show(self, rule: LadderRule) -> None:
        self.current.setText(self.tr(
            "现行（第 {v} 版）：用去 {share}% 时限时提醒；超时后催办，"
            "再过 {h} 个工作小时催办单位领导；超时 {d} 个工作日可督办；"
            "争议 {b} 个工作日未解决列入周报")
            .format(v=rule.version, share=f"{rule.reminder_share * 100:g}",
                    h=rule.leader_urge_after_working_hours,
                    d=rule.supervision_after_working_days,
                    b=rule.dispute_briefing_working_days))
        if self._fill:
            self._fill = False
            self._version = rule.version
            self.reminder_share.setText(f"{rule.reminder_share * 100:g}")
            self.leader_hours.setText(str(rule.leader_urge_after_working_hours))
            self.supervision_days.setText(str(rule.supervision_after_working_days))
            self.briefing_days.setText(str(rule.dispute_briefing_working_days))

    def save(self) -> None:
        try:
            share = float(self.reminder_share.text()) / 100
            days = int(self.supervision_days.text())
            hours = int(self.leader_hours.text())
            briefing = int(self.briefing_days.text())
        except ValueError:
            self.message.setText(self.tr("请填写数字：提醒比例 1–99，二次催办工作小时 1–720，"
                                         "督办工作日 0 或以上，争议通报工作日 0–366"))
            return

        self._submit(ladder_rules.set_rule(
            self._store, share, days, self._version,
            leader_urge_after_working_hours=hours, dispute_briefing_working_days=briefing),
            self.tr("已保存升级规则"))
