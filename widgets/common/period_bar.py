"""A row of choices that includes a period: today, this week, this month, or a range
of days whose first and last days show beside it only then (a range never ends
before it begins). The statistics' bar and the map's heat bar are such rows;
``changed`` says any of their choices changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from console.mapview.heat import Period

RANGE_DAYS = 7  # a new range: the last week


class PeriodBar(QWidget):
    changed = Signal()

    def _period_choice(self, prefix: str, name: Callable[[Period], str],
                       today: Callable[[], dt.date]) -> None:
        """Make ``period``, ``first_day``, ``to_label`` and ``last_day`` (named
        ``<prefix>.period``, ``.from``, ``.to``)."""
        self.period = self._combo(f"{prefix}.period", [(name(p), p) for p in Period])
        last = today()
        self.first_day = self._date(f"{prefix}.from", last - dt.timedelta(days=RANGE_DAYS - 1))
        self.last_day = self._date(f"{prefix}.to", last)
        self.to_label = QLabel(QCoreApplication.translate("PeriodBar", "至"))
        self.first_day.dateChanged.connect(self._first_moved)
        self.last_day.dateChanged.connect(self._last_moved)
        self.period.currentIndexChanged.connect(self._show_range)

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    @staticmethod
    def _date(name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _show_range(self) -> None:
        ranged = Period(self.period.currentData()) is Period.RANGE
        for widget in (self.first_day, self.to_label, self.last_day):
            widget.setVisible(ranged)

    def _first_moved(self, day: QDate) -> None:
        if day > self.last_day.date():
            self.last_day.setDate(day)  # says ``changed`` itself
            return
        self.changed.emit()

    def _last_moved(self, day: QDate) -> None:
        if day < self.first_day.date():
            self.first_day.setDate(day)
            return
        self.changed.emit()
