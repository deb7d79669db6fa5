"""A case's history (全程留痕) as a table: when, who, which move, and what it said."""

from __future__ import annotations

from PySide6.QtCore import QObject

from console.casework import lifecycle
from console.casework.cases import TimelineEntry
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.events import CaseCreated, CaseImported, CaseMoved, Escalation, Notice
from widgets.common import texts
from widgets.common.tables import RecordTableModel


class TimelineModel(RecordTableModel):
    """The case's events, oldest first: when, who, which move, what it said."""

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__([], parent=parent, text_tips=True, grows=True)
        self._catalog = catalog
        self.category_id: int | None = None  # the case's, for automatic-dispatch reasons
        self.set_columns([
            (self.tr("时间"),
             lambda e: e.at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M:%S")),
            (self.tr("操作人"), self._actor),
            (self.tr("操作"), lambda e: texts.action_name(e.kind)),
            (self.tr("说明"), self.describe),
        ])

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.set_rows(entries)

    def _actor(self, entry: TimelineEntry) -> str:
        data = entry.data
        automatic = entry.actor == lifecycle.SYSTEM or (
            data.auto if isinstance(data, Escalation)
            else isinstance(data, CaseMoved) and data.auto)
        return self.tr("系统") if automatic else entry.actor

    def _escalation(self, e: Escalation) -> str:
        level = _level_name(e.level or "")
        if e.acknowledged:
            return self.tr("{level}单已签收").format(level=level)
        if e.replied:
            return self.tr("{level}单已回复：{text}").format(level=level, text=e.text or "")
        parts = [self.tr("自动{level}").format(level=level) if e.auto else level]
        if e.text:
            parts.append(e.text)
        if e.reply_due_at:
            due = e.reply_due_at.astimezone(CENTRE_TZ)
            parts.append(self.tr("限 {at} 前回复").format(at=due.strftime("%m-%d %H:%M")))
        return "；".join(parts)

    def describe(self, entry: TimelineEntry) -> str:
        data = entry.data
        if isinstance(data, CaseCreated):
            return self.tr("编号 {no}").format(no=data.public_no)
        if isinstance(data, CaseImported):
            if data.occurred_at is None:
                return ""
            return self.tr("原受理时间 {at}，导入时状态：{status}").format(
                at=data.occurred_at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M"),
                status=texts.status_name(data.status or ""))
        if isinstance(data, Escalation):
            return self._escalation(data)
        if isinstance(data, CaseMoved):
            return self._move(data)
        if isinstance(data, Notice):
            return "；".join((texts.notice_name(data.notice),
                             texts.notice_channel_name(data.channel),
                             texts.notice_state_name(data.action)))
        return ""

    def _move(self, p: CaseMoved) -> str:
        parts: list[str] = []
        unit = self._catalog.unit_name(p.unit_id) if p.unit_id else ""
        if p.auto:
            category = self._catalog.category_path(self.category_id).split(" / ")[-1]
            if p.rule == "territorial":
                parts.append(self.tr("自动分拨：分类「{c}」按属地交事发街道 {u}").format(
                    c=category, u=unit))
            else:
                parts.append(self.tr("自动分拨：分类「{c}」归属 {u}").format(c=category, u=unit))
        elif unit:
            parts.append(unit)
        if p.urgency:
            due = p.due_at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M") if p.due_at else ""
            parts.append(self.tr("{was} 类改为 {new} 类，时限按新类别自受理起重算：{due}").format(
                was=p.urgency_was or "?", new=p.urgency, due=due))
        if p.text("leader"):  # the district leader's decision, recorded on their behalf
            when = p.decided_at
            parts.append(self.tr("区领导 {who}{when} 决定：{what}").format(
                who=p.text("leader"), what=p.text("decision"),
                when=when.astimezone(CENTRE_TZ).strftime(" %m-%d %H:%M") if when else ""))
        for key in ("reason", "result", "answer", "note"):
            if p.text(key):
                parts.append(p.text(key))
        if p.satisfaction:
            parts.append(texts.satisfaction_name(p.satisfaction))
        if p.attempt:
            parts.append(self.tr("第 {n} 次").format(n=p.attempt))
        if p.gave_up:
            parts.append(self.tr("多次未接通，结案"))
        return "；".join(parts)


def _tl(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TimelineModel", text)


def _level_name(level: str) -> str:
    names = {"reminder": _tl("提醒"), "urge": _tl("催办"), "leader_urge": _tl("催办（单位领导）"),
             "supervision": _tl("督办"), "inspection": _tl("效能监察")}
    return names.get(level, level)
