"""The roster pane's commands and their dialogs: generate the month, leave with a
stand-in, swap, replace and remove (each chosen from a searchable list), and the
month's export.

A dialog stays open while the pane saves: a refused change is shown in the
dialog (and the pane), and what was typed and chosen can be sent again, after
a lost race against the day as it is now.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from console.catalog.catalog import pinyin_initials
from console.core.errors import ConflictError, ConsoleError, ValidationError
from console.duty import roster, roster_export
from console.duty.roster import Duty
from console.duty.roster_export import MonthSheet
from console.duty.stand_ins import ranked_people
from widgets.common import texts
from widgets.common.forms import ERROR_STYLE

if TYPE_CHECKING:
    from widgets.duty.roster_pane import RosterPane

DATA_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class RosterPickDialog(QDialog):
    """A searchable list to choose from; optionally a reason above it."""

    submitted = Signal(object, str)  # the chosen item's data, the reason

    def __init__(self, name: str, title: str, prompt: str,
                 items: Sequence[tuple[str, object]], parent: QWidget | None = None, *,
                 reason: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.version: object = None  # what the pane saves against (a day's version…)
        self._busy = False
        self.reason = QLineEdit(objectName="roster.pick.reason")
        self.search = QLineEdit(objectName="roster.pick.search")
        self.search.setPlaceholderText(self.tr("输入姓名、班组、岗位或拼音首字母筛选"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list = QListWidget(objectName="roster.pick.list")
        self.list.setMinimumSize(460, 320)
        for text, data in items:
            item = QListWidgetItem(text)
            item.setData(DATA_ROLE, data)
            item.setData(SEARCH_ROLE, f"{text} {pinyin_initials(text)}".lower())
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._submit())
        self.problem = QLabel(objectName="roster.pick.problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if reason is not None:
            form.addRow(reason, self.reason)
        else:
            self.reason.hide()
        form.addRow(QLabel(prompt))
        form.addRow(self.tr("筛选"), self.search)
        form.addRow(self.list)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        (self.reason if reason is not None else self.search).setFocus()

    def chosen(self) -> object:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(DATA_ROLE)

    def has_choice(self) -> bool:
        item = self.list.currentItem()
        return item is not None and not item.isHidden()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """While the pane saves, the dialog stays (its answer closes it)."""
        self._busy = busy
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _submit(self) -> None:
        if not self.has_choice():
            self.show_problem(self.tr("请在列表中选中一项"))
            return
        self.show_problem("")
        self.submitted.emit(self.chosen(), self.reason.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.data(SEARCH_ROLE)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.list.setCurrentRow(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field walk the list."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(),
                                                        event.modifiers()))
            return True
        return super().eventFilter(watched, event)


REPLACED_NOTE = "换人：{old}"  # stored with the entry, in Chinese like the service's notes
SWAP_WINDOW = 7  # days before and after a duty offered for a swap


class RosterActions(QObject):
    """The shift leader's commands on the pane, declared once: buttons and keys."""

    def __init__(self, pane: RosterPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.dialog: RosterPickDialog | None = None  # the one open now, if any
        self.commands: list[tuple[str, str, Qt.Key, Callable[[], object]]] = [
            ("leave", self.tr("请假/顶班…"), Qt.Key.Key_L, self.leave),
            ("swap", self.tr("调班…"), Qt.Key.Key_T, self.swap),
            ("replace", self.tr("换人…"), Qt.Key.Key_H, self.replace),
            ("remove", self.tr("撤下"), Qt.Key.Key_Delete, self.remove),
        ]

    # ---- the selected entry -----------------------------------------------------------
    def current(self) -> Duty | None:
        index = self.pane.day_view.currentIndex()
        if not index.isValid():
            return None
        return self.pane.day_model.entry(self.pane.day_proxy.mapToSource(index).row())

    def select(self, entry_id: int) -> None:
        """Make the entry current again (after the day was read anew), if it is shown."""
        pane = self.pane
        row = pane.day_model.row_of(entry_id)
        index = pane.day_proxy.mapFromSource(pane.day_model.index(row, 0)) \
            if row is not None else None
        if index is not None and index.isValid():
            pane.day_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _chosen_duty(self) -> Duty | None:
        duty = self.current()
        if duty is None:
            self.pane.say(self.tr("请先在当日排班中选中一条"), error=True)
        elif duty.kind != "duty":
            self.pane.say(self.tr("该条是请假记录：只能对在岗的排班请假、调班或换人"), error=True)
            return None
        return duty

    def _where(self, duty: Duty) -> str:
        return self.tr("{day} {shift}「{post}」").format(
            day=self.pane.month_model.day_text(duty.day),
            shift=self.pane.names.shift(duty.shift_id), post=self.pane.names.post(duty.post_id))

    # ---- generating ---------------------------------------------------------------------
    def generate(self) -> None:
        pane, year, month = self.pane, self.pane.year, self.pane.month

        def done(count: int) -> None:
            pane.say(self.tr("已生成 {y}年{m}月排班：共 {n} 条").format(y=year, m=month, n=count))
            pane.reload()

        def failed(exc: ConsoleError) -> None:
            if isinstance(exc, ValidationError) and exc.errors[0].code == "roster.month_exists":
                pane.say("")
                self.ask(texts.problem_text(exc) + "\n\n" + self.tr("重新生成会按轮班规则重排整月，本月已登记的请假、顶班、调班和换人都将丢失。确定重新生成吗？"),  # noqa: E501
                         self.tr("重新生成"), lambda: pane.run(
                             roster.generate_month(pane.store, year, month, replace=True), done))
            else:
                pane.failed(exc)

        pane.say(self.tr("正在生成 {y}年{m}月排班…").format(y=year, m=month))
        pane.run(roster.generate_month(pane.store, year, month), done, failed)

    # ---- edits of one entry ---------------------------------------------------------------
    def leave(self) -> None:
        duty = self._chosen_duty()
        if duty is not None:
            version = self.pane.day_version
            self.pane.run(roster.month_entries(self.pane.store, duty.day.year, duty.day.month),
                          lambda month: self._leave_dialog(duty, version, month))

    def _people(self, duty: Duty, month: Sequence[Duty]) -> list[tuple[str, object]]:
        setup, items = self.pane.setup, []
        assert setup is not None
        for person, gap in ranked_people(setup, duty, month):
            text = self.tr("{name} · {team} · {post}").format(
                name=person.name, team=self.pane.names.team(person.team_id),
                post=self.pane.names.post(person.post_id))
            if gap is not None and gap < dt.timedelta(0):
                text += self.tr(" · 当班冲突")
            elif gap is not None:
                text += self.tr(" · 休息仅 {h} 小时").format(h=f"{gap.total_seconds() / 3600:g}")
            items.append((text, person.staff_id))
        return items

    def _leave_dialog(self, duty: Duty, version: int, month: Sequence[Duty]) -> None:
        items = [(self.tr("（不安排顶班）"), None), *self._people(duty, month)]
        dialog = self._open(RosterPickDialog(
            "roster.leaveDialog", self.tr("请假/顶班：{person}").format(person=duty.person),
            self.tr("{where}{person} 请假。选择顶班人员（同岗位其他班组的同事在前，休息足够的在前）：").format(  # noqa: E501
                where=self._where(duty), person=duty.person),
            items, self.pane, reason=self.tr("请假事由")), version)
        dialog.submitted.connect(lambda staff, reason: self._save(
            dialog, lambda v: roster.leave(self.pane.store, duty.id, duty.day, v, reason, staff),
            self.tr("已登记 {person} 请假").format(person=duty.person)))

    def replace(self) -> None:
        duty = self._chosen_duty()
        if duty is not None:
            version = self.pane.day_version
            self.pane.run(roster.month_entries(self.pane.store, duty.day.year, duty.day.month),
                          lambda month: self._replace_dialog(duty, version, month))

    def _replace_dialog(self, duty: Duty, version: int, month: Sequence[Duty]) -> None:
        dialog = self._open(RosterPickDialog(
            "roster.replaceDialog", self.tr("换人：{person}").format(person=duty.person),
            self.tr("{where}由谁代替 {person} 上岗：").format(where=self._where(duty),
                                                           person=duty.person),
            self._people(duty, month), self.pane), version)
        dialog.submitted.connect(lambda staff, _reason: self._save(
            dialog, lambda v: roster.assign(
                self.pane.store, duty.day, v, duty.shift_id, duty.post_id or 0, staff,
                replacing=duty.id, note=REPLACED_NOTE.format(old=duty.person)),
            self.tr("已换人：{person} 不再上这一班").format(person=duty.person)))

    def swap(self) -> None:
        duty = self._chosen_duty()
        if duty is not None:
            version = self.pane.day_version  # of the day the duty was chosen from

            def offer(found: tuple[list[Duty], dict[dt.date, int]]) -> None:
                entries, versions = found
                self._swap_dialog(duty, entries, {**versions, duty.day: version})

            self.pane.run(self._swap_options(duty), offer)

    async def _swap_options(self, duty: Duty) -> tuple[list[Duty], dict[dt.date, int]]:
        """Duties at the same post within a week either side, with their days' versions."""
        found, versions = [], {}
        for offset in range(-SWAP_WINDOW, SWAP_WINDOW + 1):
            day = duty.day + dt.timedelta(days=offset)
            entries, versions[day] = await roster.day_entries(self.pane.store, day)
            found += [e for e in entries if e.post_id == duty.post_id and e.kind == "duty"
                      and e.staff_id != duty.staff_id
                      and (e.day, e.shift_id) != (duty.day, duty.shift_id)]
        return found, versions

    def _swap_dialog(self, duty: Duty, found: list[Duty], versions: dict[dt.date, int]) -> None:
        items: list[tuple[str, object]] = [(self.tr("{day} {shift} {person}（{team}）").format(
            day=self.pane.month_model.day_text(e.day), shift=self.pane.names.shift(e.shift_id),
            person=e.person, team=self.pane.names.team(e.team_id)), e) for e in found]
        dialog = self._open(RosterPickDialog(
            "roster.swapDialog", self.tr("调班：{person}").format(person=duty.person),
            self.tr("{where}{person} 与谁调班（同岗位前后 {n} 天内的排班）：").format(
                where=self._where(duty), person=duty.person, n=SWAP_WINDOW),
            items, self.pane), versions)

        def save(other: Duty, _reason: str) -> None:
            self._save(dialog, lambda v: roster.swap(self.pane.store, duty.id, other.id, {
                duty.day: v[duty.day], other.day: v[other.day]}), self.tr(
                "已调班：{a} ⇄ {b}").format(a=duty.person, b=other.person), retry=False)

        dialog.submitted.connect(save)

    def remove(self) -> None:
        duty = self.current()
        if duty is None:
            self.pane.say(self.tr("请先在当日排班中选中一条"), error=True)
            return
        version, pane = self.pane.day_version, self.pane
        self.ask(self.tr("撤下 {where}{person}？").format(where=self._where(duty),
                                                       person=duty.person),
                 self.tr("撤下"), lambda: pane.run(
                     roster.remove(pane.store, duty.id, duty.day, version),
                     lambda _r: self._saved(self.tr("已撤下 {person}").format(person=duty.person)),
                     self.refused))

    # ---- answers ------------------------------------------------------------------------
    def refused(self, exc: ConsoleError, retry: Callable[[int], None] | None = None) -> str:
        """Show a refused edit; after a lost race show the day again (``retry`` gets
        the day's new version). Returns the text shown."""
        text = texts.problem_text(exc)
        self.pane.say(text, error=True)
        if isinstance(exc, ConflictError) or (
                isinstance(exc, ValidationError) and exc.errors[0].code == "roster.entry_gone"):
            self.pane.reload()
            self.pane.load_day(then=retry)
        return text

    def ask(self, text: str, yes: str, on_yes: Callable[[], None]) -> QMessageBox:
        """A question the leader answers before a change that loses something."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("排班"), text,
                          QMessageBox.StandardButton.NoButton, self.pane)
        box.setObjectName("roster.confirm")
        confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(confirm)
        confirm.clicked.connect(on_yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # ---- export -------------------------------------------------------------------------
    def ask_path(self, kind: str, export: Callable[[str], None]) -> None:
        pane = self.pane
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("值班表-{y}-{m:02d}").format(y=pane.year, m=pane.month) + f".{kind}"
        if kind == "xlsx":
            filters = self.tr("Excel 工作簿 (*.xlsx)")
        else:
            filters = self.tr("PDF 文件 (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(
            pane, self.tr("导出值班表"), str(Path(folder) / name), filters)
        if path:
            export(path)

    def export(self, write: Callable[[MonthSheet, str], Path], path: str) -> None:
        """Read the shown month and write it with ``write`` off the GUI thread (openpyxl,
        and QTextDocument with QPainter on a PDF writer, are fine in a worker thread)."""
        pane, year, month = self.pane, self.pane.year, self.pane.month
        pane.say(self.tr("正在导出 {y}年{m}月值班表…").format(y=year, m=month))

        async def export() -> Path:
            sheet = await roster_export.month_sheet(pane.store, year, month)
            return await asyncio.to_thread(write, sheet, path)

        def done(written: Path) -> None:
            pane.say(self.tr("已导出：{path}").format(path=str(written)))
            pane.exported.emit(str(written))

        pane.run(export(), done)

    # ---- saving -------------------------------------------------------------------------
    def _open(self, dialog: RosterPickDialog, version: object) -> RosterPickDialog:
        dialog.version = version
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: RosterPickDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _save(self, dialog: RosterPickDialog, make: Callable[[Any], Coroutine[Any, Any, object]],
              done_text: str, *, retry: bool = True) -> None:
        dialog.set_busy(True)

        def done(_result: object) -> None:
            dialog.set_busy(False)
            dialog.accept()
            self._saved(done_text)

        def failed(exc: ConsoleError) -> None:
            dialog.set_busy(False)
            if retry:  # the same choice can be sent again, against the day as it is now
                dialog.show_problem(self.refused(exc, lambda v: setattr(dialog, "version", v)))
            elif isinstance(exc, ConflictError):  # its list is out of date: choose again
                self.refused(exc)
                dialog.reject()
            else:
                dialog.show_problem(self.refused(exc))

        self.pane.run(make(dialog.version), done, failed)

    def _saved(self, text: str) -> None:
        self.pane.say(text)
        self.pane.reload()
