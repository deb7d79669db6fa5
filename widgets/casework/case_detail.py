"""One case: its facts, its whole history (全程留痕) and the moves the person may make.

The window follows the case live: an event for it from any seat reloads it
(``follower``: one reload per burst, one at a time, and a closed window's reload
lands nowhere). Each move asks for the facts it needs in a small dialog (deleted
once closed), then goes to the service with the version shown, so a move on a
case someone else changed in the meantime is refused and the person is told who
did what. A move is saved through the follower: "保存中…" until the change feed
has brought it, then the window shows what the feed brought, as for a move made
at another seat (no second reload after its own write).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from PySide6.QtCore import Qt
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

from console.casework import cases, lifecycle, queue
from console.casework.cases import TimelineEntry
from console.casework.queue import CaseRow
from console.casework.reclass import reclass
from console.catalog import routing
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError
from console.core.feed import ChangeFeed, Event
from console.core.store import Store
from console.hotline import phone
from console.hotline.channels import GRID_REPORT_CHANNEL
from console.notices import messages
from console.notices.messages import Message
from widgets.casework.case_notices import OutboxModel, TellDialog
from widgets.casework.timeline_model import TimelineModel
from widgets.common import texts
from widgets.common.facts_dialog import FactsDialog
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner

Loaded = tuple[CaseRow | None, list[TimelineEntry], list[Message]]
TELLERS = frozenset({lifecycle.OPERATOR, lifecycle.DISPATCHER, lifecycle.LEADER,
                     lifecycle.ADMIN})
TELL = "tell"  # not a move: record that the citizen was told by phone


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
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(120)
        self.timeline_model = TimelineModel(catalog, self)
        self.timeline = QTableView(objectName="case.timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setTabKeyNavigation(False)  # Tab goes on to the moves, not cell by cell
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 110, 130)):
            self.timeline.setColumnWidth(column, width)
        # What the citizen was told (受理告知, 办理反馈): read, not stepped through by Tab.
        self.outbox_model = OutboxModel(self)
        self.outbox = QTableView(objectName="case.outbox")
        self.outbox.setModel(self.outbox_model)
        self.outbox.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.outbox.verticalHeader().hide()
        self.outbox.horizontalHeader().setStretchLastSection(True)
        self.outbox.setMaximumHeight(110)
        for column, width in enumerate((80, 50, 150, 90, 90)):
            self.outbox.setColumnWidth(column, width)
        self.messages: list[Message] = []
        self.message = QLabel(objectName="case.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.saving = QLabel(self.tr("保存中…"), objectName="case.saving")
        self.saving.hide()
        self.buttons = QHBoxLayout()
        self._actions: list[str] = []  # the moves the buttons offer, in their order
        layout = QVBoxLayout(self)
        for widget in (self.title, self.facts, self.text):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("办理过程")))
        layout.addWidget(self.timeline, 1)
        layout.addWidget(QLabel(self.tr("告知市民")))
        layout.addWidget(self.outbox)
        layout.addWidget(self.message)
        layout.addWidget(self.saving)
        layout.addLayout(self.buttons)
        self.timeline.setFocus()  # Tab: the moves; Shift+Tab: the text; Enter moves nothing
        self._closed = False
        self._slot = TaskSlot(runner)  # what a closed window's reload brings lands nowhere
        # Not the window's child: a reload or save under way when the window is deleted
        # finishes on a live follower.
        self.follower = FeedFollower(runner, feed, self._about_this_case, self._reload)
        self.follower.saving_changed.connect(self.saving.setVisible)
        self.finished.connect(self._closing)
        self.reload()

    # ---- loading --------------------------------------------------------------------
    def reload(self) -> None:
        """Reload now (or right after the reload under way)."""
        self.follower.reload_now()

    def _about_this_case(self, events: list[Event]) -> bool:
        return any(e.case_id == self.case_id for e in events)

    async def _load(self) -> Loaded:
        return (await queue.fetch_case(self._store, self.case_id),
                await cases.timeline(self._store, self.case_id),
                await messages.messages_of(self._store, self.case_id))

    async def _reload(self) -> None:
        """The follower's reload: its result is shown by the slot (its errors too), and
        the follower waits for it before the next."""
        if self._closed:  # closed after this reload was asked for
            return
        await asyncio.wait([self._slot.run(self._load(), self._show, self._load_failed)])

    def _load_failed(self, exc: ConsoleError) -> None:
        self.message.setText(texts.user_error(exc))

    def _closing(self, _result: int) -> None:
        self._closed = True
        self.follower.stop()
        self._slot.supersede()

    def _show(self, loaded: Loaded) -> None:
        row, entries, sent = loaded
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
        if row.unit_due_at is not None and row.status in lifecycle.OPEN:
            paused += self.tr("　单位时限：{due}").format(
                due=row.unit_due_at.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M"))
        elif row.to_sign_by is not None:
            paused += self.tr("　单位时限：签收后起算（须于 {due} 前签收）").format(
                due=row.to_sign_by.astimezone(CENTRE_TZ).strftime("%Y-%m-%d %H:%M"))
        caller = phone.display(row.caller_phone) or "—"
        if row.caller_name:
            caller += f"（{row.caller_name}）"
        self.facts.setText(self.tr("来源：{channel}　来电：{phone}\n街道：{street}　社区：{community}　网格：{grid}\n地址：{address}\n责任单位：{unit}　办理时限：{due}{paused}").format(  # noqa: E501
            channel=texts.channel_name(row.channel), phone=caller,
            **self._place(row), address=row.address or "—",
            unit=self._catalog.unit_name(row.assigned_unit_id) or "—", due=due,
            paused=paused))
        self.text.setPlainText(row.text)
        self.timeline_model.category_id = row.category_id
        self.timeline_model.set_entries(entries)
        self.messages = sent
        self.outbox_model.set_messages(sent)
        self._rebuild_buttons(row.status)

    def _place(self, row: CaseRow) -> dict[str, str]:
        """The street, community and grid cell (with its code) the case is in."""
        catalog = self._catalog
        community = catalog.communities.get(row.community_code or "")
        cell = catalog.grid_cells.get(row.grid_code or "")
        return {"street": catalog.street_name(row.street_code) or "—",
                "community": community.name if community else "—",
                "grid": f"{cell.name}（{cell.code}）" if cell else row.grid_code or "—"}

    def _rebuild_buttons(self, status: str) -> None:
        """One button per move allowed now, after the history in the Tab order.
        The same moves keep their buttons (and the focus); when they change, a
        focused button hands the focus back to the history."""
        grid_report = self.row is not None and self.row.channel == GRID_REPORT_CHANNEL
        actions = [a for a in lifecycle.allowed(status, self._store.roles,
                                                grid_report=grid_report)
                   if not (a == "resume" and self.row and self.row.paused_at is None)
                   and not (a == "pause" and self.row and self.row.paused_at is not None)]
        if self.to_tell():
            actions.append(TELL)
        if actions == self._actions:
            return
        focused = self.focusWidget()
        had_focus = focused is not None and focused.objectName().startswith("case.action.")
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # hidden at once: Tab must not reach it any more
                item.widget().deleteLater()
        self._actions = actions
        previous: QWidget = self.timeline
        for action in actions:
            title = self.tr("电话告知") if action == TELL else texts.action_name(action)
            button = QPushButton(title, objectName=f"case.action.{action}")
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.buttons.addWidget(button)
            button.show()  # now, not when the layout gets round to it: Tab reaches it at once
            QWidget.setTabOrder(previous, button)
            previous = button
        self.buttons.addStretch(1)
        if had_focus:  # back to the history: Enter there never makes the next move by mistake
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- moves ----------------------------------------------------------------------------
    def to_tell(self) -> list[str]:
        """The notices desk staff may still record as told by phone on this case."""
        row = self.row
        if (row is None or not row.caller_phone or row.channel == "grid_worker"
                or not (self._store.roles & TELLERS)):
            return []
        told = {m.kind for m in self.messages if m.result == "sent"}
        kinds = [] if "acceptance" in told else ["acceptance"]
        if row.status in ("resolved", "closed") and "result" not in told:
            kinds.append("result")
        return kinds

    def tell(self) -> TellDialog:
        """Ask when and what the citizen was told by phone, then record it."""
        dialog = TellDialog(self.to_tell(), self._store.clock.now(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def record() -> None:
            kind, at, said = dialog.facts()
            self.message.clear()
            self.follower.save(messages.tell_by_phone(self._store, self.case_id, kind, at, said),
                               None, self._show_problem)
        dialog.accepted.connect(record)
        dialog.open()
        return dialog

    def act(self, action: str) -> FactsDialog | TellDialog | None:
        """Ask for the facts the move needs (if any), then make it."""
        if action == TELL:
            return self.tell()
        needs = lifecycle.ACTIONS[action].needs
        if not needs:
            self._perform(action, {})
            return None
        suggestion = (routing.suggest_unit(self._catalog, self.row.category_id,
                                           self.row.street_code)
                      if "unit_id" in needs and action != "decide" and self.row is not None
                      else None)  # the district leader's decision names its own unit
        dialog = FactsDialog(action, self._catalog, self, suggestion=suggestion)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per move, not a pile
        dialog.accepted.connect(lambda: self._perform(action, dialog.facts()))
        dialog.open()
        return dialog

    def _perform(self, action: str, facts: dict[str, Any]) -> None:
        """Save the move; the feed's reload shows it (see the module's docstring)."""
        version = self.row.version if self.row else None
        self.message.clear()
        if action == "reclass":  # the new class's deadline comes from the catalog's rules
            self.follower.save(reclass(self._store, self._catalog, self.case_id, version,
                                       facts.get("urgency"), facts.get("reason")),
                               None, self._show_error)
            return
        self.follower.save(cases.perform(self._store, self.case_id, action, version, **facts),
                           None, self._show_error)

    def _show_problem(self, exc: ConsoleError) -> None:
        """A phone call not recorded: every field's problem in words."""
        self._show_error(exc)
        if not self._closed:
            self.message.setText(texts.problem_text(exc))

    def _show_error(self, exc: ConsoleError) -> None:
        if self._closed:
            return
        self.message.setText(texts.user_error(exc))
        self.reload()  # nothing was saved; the case may have moved at another seat
