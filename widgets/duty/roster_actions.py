"""The shift leader's edits of one roster entry: leave with a stand-in, swap,
replace and remove, each chosen in a dialog (widgets/duty/roster_pick_dialog.py).

The actions know the pane only as a ``RosterHost``: what they need of it is
said there, and the entry to change and the version of its day are passed to
each command. A dialog stays open while the change is saved: a refused change
is shown in the dialog (and the pane), and what was typed and chosen can be
sent again, after a lost race against the day as it is now. A change is saved
through the pane's feed follower (``RosterHost.save``): the dialog closes once
the change feed brought it back and the pane shows it; nothing is read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from console.core.errors import ConflictError, ConsoleError, ValidationError
from console.core.store import Store
from console.duty import roster, roster_edits, stand_ins
from console.duty.roster import Duty, SwapOption
from widgets.common import texts
from widgets.duty.roster_entry_model import Names
from widgets.duty.roster_pick_dialog import RosterConfirm, RosterPickDialog

REPLACED_NOTE = "换人：{old}"  # stored with the entry, in Chinese like the service's notes
Command = Callable[[Duty | None, int], object]  # the chosen entry, its day's version


class RosterHost(Protocol):
    """What the roster's commands need of the pane they act for."""

    store: Store
    names: Names

    def day_text(self, day: dt.date) -> str:
        """"11月22日 周日（今天）"."""

    def run(self, coro: Coroutine[Any, Any, Any], done: Callable[[Any], None],
            failed: Callable[[ConsoleError], object] | None = None) -> None:
        """Run ``coro`` in the background; a refusal goes to ``failed`` (default: said)."""

    def save(self, write: Coroutine[Any, Any, Any], done: Callable[[Any], None],
             failed: Callable[[ConsoleError], object] | None = None) -> None:
        """Run a roster change; ``done`` once the change feed brought it and the pane
        shows it ("保存中…" meanwhile); a refusal goes to ``failed`` (default: said)."""

    def say(self, text: str, *, error: bool = False) -> None:
        """A line under the pane."""

    def changed(self, then: Callable[[int], None] | None = None) -> None:
        """The roster is not what was shown (a lost race): read it again; ``then`` is
        told the shown day's new version."""


class RosterActions(QObject):
    """The edits of the entry chosen on the pane, declared once: buttons and keys."""

    def __init__(self, host: RosterHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.parent_widget = host, parent
        self.dialog: RosterPickDialog | None = None  # the one open now, if any
        # Each edit's key, title and roles are declared in widgets/common/commands.py.
        self.commands: list[tuple[str, Command]] = [
            ("roster.leave", self.leave), ("roster.swap", self.swap),
            ("roster.replace", self.replace), ("roster.remove", self.remove),
        ]

    def _chosen_duty(self, duty: Duty | None) -> Duty | None:
        if duty is None:
            self.host.say(self.tr("请先在当日排班中选中一条"), error=True)
        elif duty.kind != "duty":
            self.host.say(self.tr("该条是请假记录：只能对在岗的排班请假、调班或换人"), error=True)
            return None
        return duty

    def _where(self, duty: Duty) -> str:
        names = self.host.names
        return self.tr("{day} {shift}「{post}」").format(
            day=self.host.day_text(duty.day), shift=names.shift(duty.shift_id),
            post=names.post(duty.post_id))

    def _people(self, found: list[stand_ins.Candidate]) -> list[tuple[str, object]]:
        names = self.host.names
        items: list[tuple[str, object]] = []
        for candidate in found:
            person, gap = candidate.person, candidate.short_rest
            text = self.tr("{name} · {team} · {post}").format(
                name=person.name, team=names.team(person.team_id), post=names.post(person.post_id))
            if candidate.clash:
                text += self.tr(" · 当班冲突")
            elif gap is not None:
                text += self.tr(" · 休息仅 {h} 小时").format(h=f"{gap.total_seconds() / 3600:g}")
            items.append((text, person.staff_id))
        return items

    # ---- leave and replace --------------------------------------------------------------
    def leave(self, chosen: Duty | None, version: int) -> None:
        duty = self._chosen_duty(chosen)
        if duty is not None:
            self.host.run(stand_ins.candidates(self.host.store, duty),
                          lambda found: self._leave_dialog(duty, version, found))

    def _leave_dialog(self, duty: Duty, version: int, found: list[stand_ins.Candidate]) -> None:
        items = [(self.tr("（不安排顶班）"), None), *self._people(found)]
        dialog = self._open(RosterPickDialog(
            "roster.leaveDialog", self.tr("请假/顶班：{person}").format(person=duty.person),
            self.tr("{where}{person} 请假。选择顶班人员（同岗位其他班组的同事在前，休息足够的在前）：").format(  # noqa: E501
                where=self._where(duty), person=duty.person),
            items, self.parent_widget, reason=self.tr("请假事由")), version)
        dialog.submitted.connect(lambda staff, reason: self._save(
            dialog, lambda v: roster_edits.leave(self.host.store, duty.id, duty.day, v, reason,
                                                 staff),
            self.tr("已登记 {person} 请假").format(person=duty.person)))

    def replace(self, chosen: Duty | None, version: int) -> None:
        duty = self._chosen_duty(chosen)
        if duty is not None:
            self.host.run(stand_ins.candidates(self.host.store, duty),
                          lambda found: self._replace_dialog(duty, version, found))

    def _replace_dialog(self, duty: Duty, version: int,
                        found: list[stand_ins.Candidate]) -> None:
        dialog = self._open(RosterPickDialog(
            "roster.replaceDialog", self.tr("换人：{person}").format(person=duty.person),
            self.tr("{where}由谁代替 {person} 上岗：").format(where=self._where(duty),
                                                           person=duty.person),
            self._people(found), self.parent_widget), version)
        dialog.submitted.connect(lambda staff, _reason: self._save(
            dialog, lambda v: roster_edits.assign(
                self.host.store, duty.day, v, duty.shift_id, duty.post_id or 0, staff,
                replacing=duty.id, note=REPLACED_NOTE.format(old=duty.person)),
            self.tr("已换人：{person} 不再上这一班").format(person=duty.person)))

    # ---- swap and remove ----------------------------------------------------------------
    def swap(self, chosen: Duty | None, version: int) -> None:
        """``version`` is of the day the duty was chosen from; each duty offered comes
        with the version of its own day, read with it."""
        duty = self._chosen_duty(chosen)
        if duty is not None:
            self.host.run(roster.swap_options(self.host.store, duty),
                          lambda found: self._swap_dialog(duty, version, found))

    def _swap_dialog(self, duty: Duty, version: int, found: list[SwapOption]) -> None:
        names = self.host.names
        items: list[tuple[str, object]] = [(self.tr("{day} {shift} {person}（{team}）").format(
            day=self.host.day_text(o.duty.day), shift=names.shift(o.duty.shift_id),
            person=o.duty.person, team=names.team(o.duty.team_id)), o.duty) for o in found]
        versions = {**{o.duty.day: o.day_version for o in found}, duty.day: version}
        dialog = self._open(RosterPickDialog(
            "roster.swapDialog", self.tr("调班：{person}").format(person=duty.person),
            self.tr("{where}{person} 与谁调班（同岗位前后 {n} 天内的排班）：").format(
                where=self._where(duty), person=duty.person, n=roster.SWAP_WINDOW),
            items, self.parent_widget), versions)

        def save(other: Duty, _reason: str) -> None:
            self._save(dialog, lambda v: roster_edits.swap(self.host.store, duty.id, other.id, {
                duty.day: v[duty.day], other.day: v[other.day]}), self.tr(
                "已调班：{a} ⇄ {b}").format(a=duty.person, b=other.person), retry=False)

        dialog.submitted.connect(save)

    def remove(self, duty: Duty | None, version: int) -> None:
        if duty is None:
            self.host.say(self.tr("请先在当日排班中选中一条"), error=True)
            return
        host = self.host
        RosterConfirm(self.tr("撤下 {where}{person}？").format(where=self._where(duty),
                                                             person=duty.person),
                      self.tr("撤下"), lambda: host.save(
                          roster_edits.remove(host.store, duty.id, duty.day, version),
                          lambda _r: host.say(self.tr("已撤下 {person}").format(
                              person=duty.person)),
                          self.refused), self.parent_widget).open()

    # ---- saving and answers -------------------------------------------------------------
    def refused(self, exc: ConsoleError, retry: Callable[[int], None] | None = None) -> str:
        """Show a refused edit; after a lost race show the roster again (``retry`` gets
        the day's new version). Returns the text shown."""
        text = texts.problem_text(exc)
        self.host.say(text, error=True)
        if isinstance(exc, ConflictError) or (
                isinstance(exc, ValidationError) and exc.errors[0].code == "roster.entry_gone"):
            self.host.changed(then=retry)
        return text

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

        def done(_result: object) -> None:  # the pane shows the change by now
            dialog.set_busy(False)
            dialog.accept()
            self.host.say(done_text)

        def failed(exc: ConsoleError) -> None:
            dialog.set_busy(False)
            if retry:  # the same choice can be sent again, against the day as it is now
                dialog.show_problem(self.refused(exc, lambda v: setattr(dialog, "version", v)))
            elif isinstance(exc, ConflictError):  # its list is out of date: choose again
                self.refused(exc)
                dialog.reject()
            else:
                dialog.show_problem(self.refused(exc))

        self.host.save(make(dialog.version), done, failed)
