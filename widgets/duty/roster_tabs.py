"""The tabs beside the roster's month grid: the chosen day's entries (a filter,
the list, the edit buttons) and who is on duty now. The pane reads; these show
what it read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.clock import CENTRE_TZ
from console.duty.roster import Duty
from widgets.common import commands
from widgets.duty.roster_actions import RosterActions
from widgets.duty.roster_entry_model import Names, RosterEntryModel
from widgets.duty.roster_views import DayTable, table_look

TITLE_STYLE = "font-size: 12pt; font-weight: bold;"


def _title() -> QLabel:
    label = QLabel()
    label.setStyleSheet(TITLE_STYLE)
    label.setWordWrap(True)
    return label


class DayTab(QWidget):
    """A day's entries; the buttons (and their keys in the list) act on the current
    entry with the version of the day it was read with (``version``)."""

    def __init__(self, names: Names, actions: RosterActions, version: Callable[[], int]) -> None:
        super().__init__()
        self.model = RosterEntryModel(RosterEntryModel.COLUMNS, names, self)
        self.view = DayTable(self.model)
        self.label = _title()
        self.label.setObjectName("roster.dayLabel")
        self.filter = QLineEdit(objectName="roster.filter")
        self.filter.setPlaceholderText(self.tr("按岗位、姓名、班组或班次筛选"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.view.proxy.setFilterFixedString)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for name, command in actions.commands:
            declared = commands.command(name)
            button = QPushButton(f"{declared.title()}  {commands.key_sequence(name).toString()}",
                                 objectName=name)
            button.clicked.connect(
                lambda _checked=False, command=command: command(self.view.current_entry(),
                                                                version()))
            row.addWidget(button)
            self.buttons.append(button)
            self.view.keys[name] = button.click  # does nothing while disabled
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def show_day(self, title: str, entries: Sequence[Duty]) -> None:
        """``entries`` in the order given, the current entry kept where it still is."""
        current = self.view.current_entry()
        self.model.set_entries(entries)
        on_duty = sum(1 for e in entries if e.kind == "duty")
        text = title + self.tr(" · 排班 {n} 人").format(n=on_duty)
        if len(entries) > on_duty:
            text += self.tr(" · 请假 {n} 人").format(n=len(entries) - on_duty)
        self.label.setText(text)
        if current is not None:
            self.view.select_entry(current.id)


class OnDutyTab(QWidget):
    """Everybody on duty at a moment, by post."""

    def __init__(self, names: Names) -> None:
        super().__init__()
        self.model = RosterEntryModel(
            [c for c in RosterEntryModel.COLUMNS if c != "kind"], names, self)
        self.view = QTableView(objectName="roster.onDuty")
        self.view.setModel(self.model)
        table_look(self.view)
        self.label = _title()
        self.label.setObjectName("roster.onDutyLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)

    def show_on_duty(self, found: Sequence[Duty], shift: str, at: dt.datetime) -> None:
        """``found`` on duty at ``at``, in the shift named ``shift`` ("" for none)."""
        self.model.set_entries(found)
        self.label.setText(self.tr("{when} 在岗 {n} 人（{time} 更新，每分钟刷新）").format(
            when=shift, n=len(found), time=at.astimezone(CENTRE_TZ).strftime("%H:%M")))
