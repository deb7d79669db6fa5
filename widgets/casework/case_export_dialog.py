"""Export the cases the queue shows (its current filter, without the queue's cap) to a
file: CSV for Excel, or Open311 GeoReport v2 as JSON or XML (导出案件, Ctrl+E).

The format and the place come first (a file dialog offers both); the export itself
runs off the GUI thread (the service streams the rows and formats them in a worker
thread) with a progress bar, Cancel stops it, and a cancelled or failed export leaves
no file: the file appears under its name only when whole. The person's own login
reads, so a unit's handler exports their unit's cases only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.case_export import query, service
from console.case_export.query import Selection
from console.casework.queue import CaseFilter
from console.core.errors import ConsoleError, DatabaseBusy, DatabaseUnavailable
from console.core.store import Store
from widgets.common import texts
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.common.work_dialog import WorkDialog


class CaseExportDialog(WorkDialog):
    def __init__(self, store: Store, runner: TaskRunner, cases: CaseFilter,
                 parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseExportDialog")
        self.setWindowTitle(self.tr("导出案件"))
        self._store, self._runner, self._slot = store, runner, TaskSlot(runner)
        self._selection = Selection(cases)
        self._progress: service.Progress | None = None
        self.what = QLabel(self.tr("案件队列当前筛选的全部案件"), objectName="export.what")
        self.format = QComboBox(objectName="export.format")
        for fmt, name in ((service.CSV, self.tr("CSV（Excel，UTF-8）")),
                          (service.OPEN311_JSON, self.tr("Open311 GeoReport v2（JSON）")),
                          (service.OPEN311_XML, self.tr("Open311 GeoReport v2（XML）"))):
            self.format.addItem(name, fmt)
        self.path = QLineEdit(objectName="export.path")
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        where = folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        name = self.tr("案件导出")
        self.path.setText(str(where / f"{name}-{stamp}.csv"))
        self.format.currentIndexChanged.connect(self._format_changed)
        browse = QPushButton(self.tr("选择位置…"), objectName="export.browse")
        browse.clicked.connect(self.browse)
        self._work_controls("export", self.tr("导出"))
        self.start.setDefault(True)
        self._layout(browse)
        self.setMinimumWidth(560)
        self._slot.run(query.count(store, self._selection), self._counted)

    def _layout(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(self.tr("导出内容："), self.what)
        form.addRow(self.tr("格式："), self.format)
        place = QHBoxLayout()
        place.addWidget(self.path, 1)
        place.addWidget(browse)
        form.addRow(self.tr("保存到："), place)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _counted(self, total: int) -> None:
        self.what.setText(self.tr("案件队列当前筛选的全部案件：{n} 件").format(n=f"{total:,}"))

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(service.SUFFIXES[self.chosen_format()])))

    def browse(self) -> None:
        filters = [self.format.itemText(i) + f" (*{service.SUFFIXES[self.format.itemData(i)]})"
                   for i in range(self.format.count())]
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("导出到文件"), self.path.text(), ";;".join(filters),
            filters[self.format.currentIndex()])
        if path:
            if chosen in filters:
                self.format.setCurrentIndex(filters.index(chosen))
            suffix = service.SUFFIXES[self.chosen_format()]
            self.path.setText(path if path.lower().endswith(suffix) else path + suffix)

    # ---- exporting ---------------------------------------------------------------------------
    def run(self) -> None:
        if self._progress is not None:
            return
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("请选择保存位置"))
            return
        self._progress = service.Progress()
        self.start.setEnabled(False)
        self.cancel_button.setText(self.tr("取消"))
        self.message.setText(self.tr("正在导出…"))
        self._timer.start()
        self._runner.run(service.export(self._store, self._selection, self.chosen_format(),
                                        Path(text), self._progress), self._done, self._failed)

    def _done(self, exported: service.Exported) -> None:
        self._end()
        self.message.setText(self.tr("已导出 {n} 件到 {path}").format(
            n=f"{exported.cases:,}", path=str(exported.path)))

    def _failed(self, error: ConsoleError) -> None:
        self._end()
        if isinstance(error, service.ExportCancelled):
            self.message.setText(self.tr("导出已取消，未留下任何文件"))
        elif isinstance(error, service.ExportFailed):
            self.message.setText(self.tr(
                "无法写入 {path}：{reason}。未留下任何文件；请换一个位置再试").format(
                path=str(error.path), reason=error.reason))
        elif isinstance(error, DatabaseUnavailable | DatabaseBusy):
            self.message.setText(self.tr(
                "数据库连接中断或正忙，导出未完成，未留下任何文件；请稍后再试"))
        else:
            self.message.setText(texts.problem_text(error))

    def _end(self) -> None:
        self._progress = None
        self._timer.stop()
        self.start.setEnabled(True)
        self.cancel_button.setText(self.tr("关闭"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        if self._close_when_done:
            self.close()

    def _show_progress(self) -> None:
        progress = self._progress
        if progress is None:
            return
        self.progress.setRange(0, progress.total)  # 0 to 0: busy, not counted yet
        self.progress.setValue(min(progress.done, progress.total))
        self.progress.setFormat("%v / %m" if progress.total else "")
        if progress.cancelled:
            self.message.setText(self.tr("正在取消…"))

