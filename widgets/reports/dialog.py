"""值班报表: make a report from the console. The person chooses the kind (daily, weekly,
monthly, special), the period (a day; any day of the week or month wanted; a range
for a special analysis), for a special analysis the category (its subtree) and/or
the street, the format and where to save. The report is read on the loop and drawn
and written in a worker thread (``produce``) through the dialog's ``TaskSlot``, so
the console never freezes; a line says what it is doing, and a failure is told in
plain words with nothing half-written left behind (the file appears only once
complete)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.errors import ConsoleError, DatabaseBusy, DatabaseUnavailable
from console.core.output_file import OutputError
from console.core.store import Store
from console.reports import periods
from console.reports.model import Kind
from console.reports.periods import Period
from widgets.common import texts
from widgets.common.pickers import CategoryPicker
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.reports.produce import produce


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class ReportDialog(QDialog):
    def __init__(self, store: Store, catalog: Catalog, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("值班报表"))
        self._store, self._catalog = store, catalog
        self._slot = TaskSlot(runner)
        self._today = today = store.clock.now().astimezone(CENTRE_TZ).date()
        self.kind = QComboBox(objectName="report.kind")
        for kind, title in ((Kind.DAILY, self.tr("值班日报")),
                            (Kind.WEEKLY, self.tr("值班周报（区领导通报）")),
                            (Kind.MONTHLY, self.tr("值班月报")),
                            (Kind.SPECIAL, self.tr("专题分析"))):
            self.kind.addItem(title, kind)
        self.first = QDateEdit(_qdate(today - dt.timedelta(days=1)), objectName="report.first")
        self.last = QDateEdit(_qdate(today - dt.timedelta(days=1)), objectName="report.last")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period_words = QLabel(objectName="report.period")
        self.category = CategoryPicker(catalog, subtrees=True)
        self.category.setObjectName("report.category")
        self.street = QComboBox(objectName="report.street")
        self.street.addItem(self.tr("全区"), None)
        for street in catalog.streets.values():
            self.street.addItem(street.name, street.code)
        self.format = QComboBox(objectName="report.format")
        self.format.addItem(self.tr("PDF 文档"), ".pdf")
        self.format.addItem(self.tr("Excel 工作簿"), ".xlsx")
        self.path = QLineEdit(objectName="report.path")
        browse = QPushButton(self.tr("另存为…"), objectName="report.browse")
        browse.clicked.connect(self.browse)
        self.progress = QProgressBar(objectName="report.progress")
        self.progress.setRange(0, 1)
        self.progress.setTextVisible(False)
        self.message = QLabel(objectName="report.message")
        self.message.setWordWrap(True)
        self.make_button = QPushButton(self.tr("生成"), objectName="report.make")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        close = QPushButton(self.tr("关闭"), objectName="report.close")
        close.clicked.connect(self.reject)
        self._rows = self._layout(browse, close)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.first.dateChanged, self.last.dateChanged,
                       self.format.currentIndexChanged):
            signal.connect(self._update)
        self._kind_changed()

    def _layout(self, browse: QPushButton, close: QPushButton) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("报表"), self.kind)
        form.addRow(self.tr("日期"), self.first)
        form.addRow(self.tr("至"), self.last)
        form.addRow(self.tr("统计期间"), self.period_words)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("街道"), self.street)
        form.addRow(self.tr("格式"), self.format)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form.addRow(self.tr("保存到"), where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 0)
        return form

    # ---- the choices ----------------------------------------------------------------------
    def chosen_kind(self) -> Kind:
        return Kind(self.kind.currentData())

    def period(self) -> Period:
        first, kind = _day(self.first.date()), self.chosen_kind()
        if kind is Kind.DAILY:
            return periods.day(first)
        if kind is Kind.WEEKLY:
            return periods.week_of(first)
        if kind is Kind.MONTHLY:
            return periods.month_of(first)
        return periods.days(first, _day(self.last.date()))

    def _kind_changed(self) -> None:
        """Each kind starts at its last whole period: yesterday, last week, last month,
        the last 30 days."""
        kind, today = self.chosen_kind(), self._today
        first = {Kind.DAILY: today - dt.timedelta(days=1),
                 Kind.WEEKLY: today - dt.timedelta(days=7),
                 Kind.MONTHLY: today.replace(day=1) - dt.timedelta(days=1),
                 Kind.SPECIAL: today - dt.timedelta(days=30)}[kind]
        self.last.setDate(_qdate(today - dt.timedelta(days=1)))
        self.first.setDate(_qdate(first))
        self._update()

    def _update(self) -> None:
        special = self.chosen_kind() is Kind.SPECIAL
        for widget in (self.last, self.category, self.street):
            self._rows.setRowVisible(widget, special)
        try:
            period = self.period()
        except periods.PeriodError:
            self.period_words.setText(self.tr("结束日期早于开始日期"))
            self.make_button.setEnabled(False)
            return
        self.make_button.setEnabled(self._slot.busy is False)
        self.period_words.setText(period.label)
        documents = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        folder = Path(self.path.text()).parent if self.path.text() else (
            documents if documents.is_dir() else Path.home())
        suffix = self.format.currentData()
        self.path.setText(str(folder / f"{self.chosen_kind().value}-{period.code}{suffix}"))

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("报表保存到"), self.path.text(),
            self.tr("PDF 文档 (*.pdf);;Excel 工作簿 (*.xlsx)"))
        if path:
            self.path.setText(path)
            self.format.setCurrentIndex(1 if path.lower().endswith(".xlsx") else 0)

    # ---- making it ------------------------------------------------------------------------
    def make(self) -> None:
        if self._slot.busy:
            return
        path = Path(self.path.text().strip())
        if path.suffix.lower() not in (".pdf", ".xlsx"):
            self.message.setText(self.tr("文件名须以 .pdf 或 .xlsx 结尾"))
            return
        kind, period = self.chosen_kind(), self.period()
        category = self.category.chosen if kind is Kind.SPECIAL else None
        street = self.street.currentData() if kind is Kind.SPECIAL else None
        self.make_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy, however long it takes
        self.message.setText(self.tr("正在生成…"))
        self._slot.run(self._work(kind, period, path, category.id if category else None,
                                  street), self._done, self._failed)

    async def _work(self, kind: Kind, period: Period, path: Path, category_id: int | None,
                    street: str | None) -> str:
        """"" when written, else what went wrong in words."""
        try:
            await produce(self._store, kind, period, path, category_id=category_id,
                          street_code=street, catalog=self._catalog,
                          progress=self._say)
        except DatabaseUnavailable:
            return self.tr("连不上数据库，报表未生成：请检查网络后再试。")
        except DatabaseBusy:
            return self.tr("数据库繁忙，报表未生成：请稍后再试。")
        except (OSError, OutputError) as exc:
            return self.tr("无法写入 {path}（{why}）：请换一个文件夹或文件名。").format(
                path=path, why=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return ""

    def _say(self, stage: str) -> None:
        words = {"read": self.tr("正在读取数据…"), "map": self.tr("正在读取地图边界…"),
                 "write": self.tr("正在绘制并写入文件…")}
        self.message.setText(words.get(stage, stage))

    def _done(self, problem: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0 if problem else 1)
        self.make_button.setEnabled(True)
        self.message.setText(problem or self.tr("已生成：{path}").format(path=self.path.text()))

    def _failed(self, error: ConsoleError) -> None:
        self._done(texts.user_error(error))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._slot.supersede()  # a report still being made is written, but not shown
        super().closeEvent(event)
