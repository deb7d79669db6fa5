"""One case: its facts, its whole history (全程留痕) and the moves the person may make.

The window follows the case live: an event for it from any seat reloads it.
Each move asks for the facts it needs in a small dialog, then goes to the
service with the version shown, so a move on a case someone else changed in
the meantime is refused and the person is told who did what.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import cases, lifecycle, queue
from console.cases import TimelineEntry
from console.catalog import Catalog
from console.clock import CENTRE_TZ
from console.errors import ConsoleError, FieldError, ValidationError
from console.feed import ChangeFeed, Event
from console.queue import CaseRow
from console.store import Store
from widgets import texts
from widgets.facts_dialog import FactsDialog
from widgets.tasks import TaskRunner


class TimelineModel(QAbstractTableModel):
    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._entries: list[TimelineEntry] = []
        self.category_id: int | None = None  # the case's, for automatic-dispatch reasons
        self._titles = (self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("说明"))

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        known = len(self._entries)
        if entries[:known] == self._entries and len(entries) > known:
            self.beginInsertRows(QModelIndex(), known, len(entries) - 1)  # history only grows
            self._entries = list(entries)
            self.endInsertRows()
        elif entries != self._entries:
            self.beginResetModel()
            self._entries = list(entries)
            self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._titles)):
            return self._titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == 0:
            return entry.at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            automatic = entry.actor == lifecycle.SYSTEM or entry.payload.get("auto")
            return self.tr("系统") if automatic else entry.actor
        if column == 2:
            return texts.action_name(entry.kind)
        return self.describe(entry)

    def _escalation(self, p: dict[str, Any]) -> str:
        level = _level_name(str(p.get("level", "")))
        if p.get("acknowledged"):
            return self.tr("{level}单已签收").format(level=level)
        if p.get("replied"):
            return self.tr("{level}单已回复：{text}").format(level=level, text=p.get("text", ""))
        parts = [self.tr("自动{level}").format(level=level) if p.get("auto") else level]
        if p.get("text"):
            parts.append(str(p["text"]))
        if p.get("reply_due_at"):
            due = dt.datetime.fromisoformat(p["reply_due_at"]).astimezone(CENTRE_TZ)
            parts.append(self.tr("限 {at} 前回复").format(at=due.strftime("%m-%d %H:%M")))
        return "；".join(parts)

    def describe(self, entry: TimelineEntry) -> str:
        p = entry.payload
        parts: list[str] = []
        if entry.kind == "created":
            parts.append(self.tr("编号 {no}").format(no=p.get("public_no", "")))
        if entry.kind == "imported" and p.get("occurred_at"):
            when = dt.datetime.fromisoformat(p["occurred_at"]).astimezone(CENTRE_TZ)
            parts.append(self.tr("原受理时间 {at}，导入时状态：{status}").format(
                at=when.strftime("%Y-%m-%d %H:%M"), status=texts.status_name(p.get("status", ""))))
        if entry.kind == "escalation":
            return self._escalation(p)
        unit = self._catalog.unit_name(p.get("unit_id")) if p.get("unit_id") else ""
        if p.get("auto"):
            category = self._catalog.category_path(self.category_id).split(" / ")[-1]
            if p.get("rule") == "territorial":
                parts.append(self.tr("自动分拨：分类「{c}」按属地交事发街道 {u}").format(
                    c=category, u=unit))
            else:
                parts.append(self.tr("自动分拨：分类「{c}」归属 {u}").format(c=category, u=unit))
        elif unit:
            parts.append(unit)
        for key in ("reason", "result", "answer", "note"):
            if p.get(key):
                parts.append(str(p[key]))
        if p.get("satisfaction"):
            parts.append(texts.satisfaction_name(int(p["satisfaction"])))
        if p.get("attempt"):
            parts.append(self.tr("第 {n} 次").format(n=p["attempt"]))
        if p.get("gave_up"):
            parts.append(self.tr("多次未接通，结案"))
        return "；".join(parts)


def _tl(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TimelineModel", text)


def _level_name(level: str) -> str:
    names = {"reminder": _tl("提醒"), "urge": _tl("催办"), "supervision": _tl("督办"),
             "inspection": _tl("效能监察")}
    return names.get(level, level)


class CaseDetail(QDialog):
    def __init__(self, store: Store, catalog: Catalog, feed: ChangeFeed, runner: TaskRunner,
                 case_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 640)
        self._store, self._catalog, self._feed, self._runner = store, catalog, feed, runner
        self.case_id = case_id
        self.row: CaseRow | None = None
        self.title = QLabel(objectName="case.title")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.facts = QLabel(objectName="case.facts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="case.text", readOnly=True)
        self.text.setMaximumHeight(120)
        self.timeline_model = TimelineModel(catalog, self)
        self.timeline = QTableView(objectName="case.timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 110, 130)):
            self.timeline.setColumnWidth(column, width)
        self.message = QLabel(objectName="case.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.facts, self.text):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("办理过程")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        feed.subscribe(self._on_events)
        self.finished.connect(lambda _r: self._feed.unsubscribe(self._on_events))
        self.reload()

    # ---- loading --------------------------------------------------------------------
    def reload(self) -> None:
        async def load() -> tuple[CaseRow | None, list[TimelineEntry]]:
            return (await queue.fetch_case(self._store, self.case_id),
                    await cases.timeline(self._store, self.case_id))

        self._runner.run(load(), self._show,
                         lambda exc: self.message.setText(texts.user_error(exc)))

    def _on_events(self, events: list[Event]) -> None:
        if any(e.case_id == self.case_id for e in events):
            self.reload()

    def _show(self, loaded: tuple[CaseRow | None, list[TimelineEntry]]) -> None:
        row, entries = loaded
        if row is None:
            self.message.setText(texts.transition_error("case.not_found"))
            return
        self.row = row
        self.setWindowTitle(self.tr("案件 {no}").format(no=row.public_no))
        self.title.setText(f"{row.public_no}　{texts.status_name(row.status)}　"
                           f"{row.urgency} · {self._catalog.category_path(row.category_id)}")
        due = (row.due_at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M")
               if row.due_at else self.tr("未定"))
        paused = self.tr("（计时暂停中）") if row.paused_at else ""
        if row.due_estimated:
            paused += self.tr("（估算：该年节假日安排尚未公布，只按周末计算）")
        self.facts.setText(self.tr("来源：{channel}　来电：{phone}　地点：{street} {address}\n责任单位：{unit}　办理时限：{due}{paused}").format(  # noqa: E501
            channel=texts.channel_name(row.channel), phone=row.caller_phone or "—",
            street=self._catalog.street_name(row.street_code), address=row.address,
            unit=self._catalog.unit_name(row.assigned_unit_id) or "—", due=due,
            paused=paused))
        self.text.setPlainText(row.text)
        self.timeline_model.category_id = row.category_id
        self.timeline_model.set_entries(entries)
        self._rebuild_buttons(row.status)

    def _rebuild_buttons(self, status: str) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for action in lifecycle.allowed(status, self._store.roles):
            if action == "resume" and self.row and self.row.paused_at is None:
                continue
            if action == "pause" and self.row and self.row.paused_at is not None:
                continue
            button = QPushButton(texts.action_name(action), objectName=f"case.action.{action}")
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    # ---- moves ----------------------------------------------------------------------------
    def act(self, action: str) -> FactsDialog | None:
        """Ask for the facts the move needs (if any), then make it."""
        needs = lifecycle.ACTIONS[action].needs
        if not needs:
            self._perform(action, {})
            return None
        dialog = FactsDialog(action, self._catalog, self)
        dialog.accepted.connect(lambda: self._perform(action, dialog.facts()))
        dialog.open()
        return dialog

    def _perform(self, action: str, facts: dict[str, Any]) -> None:
        version = self.row.version if self.row else None
        self.message.clear()

        async def move() -> None:
            master_no = facts.pop("master_no", None)
            if master_no is not None:
                master = await cases.find_by_public_no(self._store, master_no)
                if master is None:
                    raise ValidationError([FieldError("master", "merge.unknown")])
                facts["master_id"] = master
            await cases.perform(self._store, self.case_id, action, version, **facts)

        self._runner.run(move(), lambda _r: self.reload(), self._show_error)

    def _show_error(self, exc: ConsoleError) -> None:
        self.message.setText(texts.user_error(exc))
        self.reload()
