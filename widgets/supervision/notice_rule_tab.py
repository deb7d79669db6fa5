"""Admin: the notice rule (市民告知), a tab of the rules dialog: how many minutes
after intake the acceptance notice (受理告知) is due and after the unit's result the
feedback (办理反馈), how often a failed SMS is tried, and the two templates, each
with a preview of its placeholders filled from a sample case as the admin types.

How the tab follows the feed and saves: ``rule_tab.RuleTab``."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.notices import rule
from console.notices.rule import NoticeRule, Sample
from widgets.common.tasks import TaskRunner
from widgets.supervision.rule_tab import RuleTab


class NoticeRuleTab(RuleTab):
    def __init__(self, store: Store, runner: TaskRunner, feed: ChangeFeed | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, runner, feed, kind=Kind.NOTICE_RULE, prefix="notice",
                         parent=parent)
        self.setObjectName("noticeRuleTab")
        self.save_button.setText(self.tr("保存告知规则"))
        self._sample = rule.MADE_UP
        self.acceptance_minutes = QLineEdit(objectName="notice.acceptance_minutes")
        self.result_minutes = QLineEdit(objectName="notice.result_minutes")
        self.max_attempts = QLineEdit(objectName="notice.max_attempts")
        self.templates: dict[str, QPlainTextEdit] = {}
        self.previews: dict[str, QLabel] = {}
        for kind in ("acceptance", "result"):
            edit = QPlainTextEdit(objectName=f"notice.{kind}_template")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            preview = QLabel(objectName=f"notice.{kind}_preview")
            preview.setWordWrap(True)
            edit.textChanged.connect(lambda k=kind: self._preview(k))
            self.templates[kind], self.previews[kind] = edit, preview
        self.sample_line = QLabel(objectName="notice.sample")
        self.form.addRow(self.tr("受理告知时限（受理后分钟）"), self.acceptance_minutes)
        self.form.addRow(self.tr("办理反馈时限（办结后分钟）"), self.result_minutes)
        self.form.addRow(self.tr("短信最多发送次数"), self.max_attempts)
        self.form.addRow(self.tr("受理告知模板"), self.templates["acceptance"])
        self.form.addRow(self.tr("预览"), self.previews["acceptance"])
        self.form.addRow(self.tr("办理反馈模板"), self.templates["result"])
        self.form.addRow(self.tr("预览"), self.previews["result"])
        self.form.addRow("", QLabel(self.tr(
            "占位符：{no} 案件编号　{category} 事项分类　{due} 承诺办结时间　{result} 办理结果")))
        self.form.addRow("", self.sample_line)
        self.finish_form((self.acceptance_minutes, self.result_minutes, self.max_attempts))

    async def _read(self) -> NoticeRule:
        if not self._sample.real:  # a case to show the placeholders with, once there is one
            self._sample = await rule.sample_case(self._store)
        return await rule.current_notice_rule(self._store)

    def _show(self, notice: NoticeRule) -> None:
        self.current.setText(self.tr(
            "现行（第 {v} 版）：受理后 {a} 分钟内告知，办结后 {r} 分钟内反馈，短信最多发送 {n} 次")
            .format(v=notice.version, a=notice.acceptance_minutes, r=notice.result_minutes,
                    n=notice.max_attempts))
        self.sample_line.setText(
            self.tr("预览所用示例案件：{no}").format(no=self._sample.no) if self._sample.real
            else self.tr("预览所用示例：尚无案件，以虚构案件示意"))
        if self._fill:
            self._fill = False
            self._version = notice.version
            self.acceptance_minutes.setText(str(notice.acceptance_minutes))
            self.result_minutes.setText(str(notice.result_minutes))
            self.max_attempts.setText(str(notice.max_attempts))
            self.templates["acceptance"].setPlainText(notice.acceptance_template)
            self.templates["result"].setPlainText(notice.result_template)
        for kind in self.templates:
            self._preview(kind)

    def _preview(self, kind: str) -> None:
        template = self.templates[kind].toPlainText().strip()
        sample = self._sample if kind == "result" else Sample(
            self._sample.no, self._sample.category, self._sample.due_at, "", self._sample.real)
        whole = rule.fill(template, sample, cut=False)
        notes = [self.tr("{n} 字").format(n=len(whole))]
        if len(whole) > rule.SMS_MAX:
            notes.append(self.tr("超过 {max} 字的部分不会发出").format(max=rule.SMS_MAX))
        if unknown := rule.unknown_placeholders(template):
            notes.append(self.tr("无法识别的占位符：{names}").format(names="、".join(unknown)))
        self.previews[kind].setText(f"{rule.fill(template, sample)}\n（{'；'.join(notes)}）")

    def save(self) -> None:
        try:
            minutes = (int(self.acceptance_minutes.text()), int(self.result_minutes.text()),
                       int(self.max_attempts.text()))
        except ValueError:
            self.message.setText(self.tr("请填写整数：告知与反馈时限 1–10080 分钟，发送次数 1–20"))
            return

        self._submit(rule.set_notice_rule(
            self._store, *minutes, self.templates["acceptance"].toPlainText(),
            self.templates["result"].toPlainText(), self._version), self.tr("已保存告知规则"))
