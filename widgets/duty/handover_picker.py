"""Which shift the handover pane shows: a day and a shift, the shifts before
and after, and the shift running now. Showing a shift (``select``) is not a
pick; the leader's own choice is (``picked``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from console.duty.duty_setup import Setup, ShiftRow
from widgets.duty.handover_summary import span

Key = tuple[dt.date, int]  # a shift's day and template id


class ShiftPicker(QWidget):
    picked = Signal()             # the leader chose another shift (day, list, before, after)
    current_requested = Signal()  # the leader asked for the shift running now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup: Setup | None = None
        self.day = QDateEdit(objectName="handover.day", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.shift = QComboBox(objectName="handover.shift")
        self.shift.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.prev_button = QPushButton(self.tr("上一班"), objectName="handover.prev")
        self.next_button = QPushButton(self.tr("下一班"), objectName="handover.next")
        self.current_button = QPushButton(self.tr("本班"), objectName="handover.current")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("班次")), self.day, self.shift, self.prev_button,
                       self.next_button, self.current_button):
            layout.addWidget(widget)
        self.day.dateChanged.connect(lambda _d: self._chosen())
        self.shift.currentIndexChanged.connect(lambda _i: self._chosen())
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.current_button.clicked.connect(self.current_requested)

    def set_setup(self, setup: Setup) -> None:
        """The shifts to choose from (filling the list is not a pick)."""
        self._setup = setup
        self.shift.blockSignals(True)
        self.shift.clear()
        for row in setup.shifts:
            start, end = row.shift.interval(dt.date(2000, 1, 1))
            self.shift.addItem(f"{row.shift.name} {span(start, end)}", row.id)
        self.shift.blockSignals(False)

    def select(self, day: dt.date, row: ShiftRow) -> None:
        """Show ``row`` on ``day`` as the chosen shift (not a pick)."""
        for widget in (self.day, self.shift):
            widget.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.shift.setCurrentIndex(self.shift.findData(row.id))
        for widget in (self.day, self.shift):
            widget.blockSignals(False)

    def key(self) -> Key | None:
        """The chosen shift (None before the shifts are known)."""
        if self._setup is None or self.shift.currentData() is None:
            return None
        return self.day.date().toPython(), int(self.shift.currentData())  # type: ignore[return-value]

    def step(self, direction: int) -> None:
        """Pick the shift after (1) or before (-1) the chosen one."""
        key = self.key()
        if key is None or self._setup is None:
            return
        row = self._setup.shift(key[1])
        found = (self._setup.next_shift(key[0], row) if direction > 0
                 else self._setup.previous_shift(key[0], row))
        if found is not None:
            self.select(*found)
            self.picked.emit()

    def _chosen(self) -> None:
        if self.key() is not None:
            self.picked.emit()
