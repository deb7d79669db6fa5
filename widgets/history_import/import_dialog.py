"""Admin: import past cases from another system's export (导入历史案件).

Choose a profile (the Pingshan 2018 export's shape, Open311 GeoReport v2, or one an
admin saved) and a file, read and check it, map or create the names the console does
not know, and import. Reading and importing run off the GUI thread (the service's
file work in a worker thread, its database work on the loop, through this dialog's
``TaskSlot`` and ``TaskRunner``); a timer shows how far they have come. Cancel stops
either between steps, and an import stopped or failed leaves nothing behind (one
transaction). Closing the dialog while it works cancels, and closes once stopped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import ConsoleError
from console.core.store import Store
from console.history_import import profiles, service
from console.history_import.matching import Resolver
from console.history_import.profile import Profile
from console.history_import.progress import ImportCancelled, Progress
from widgets.common import texts
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.common.work_dialog import WorkDialog
from widgets.history_import.mapping_table import MappingTable
from widgets.history_import.problems_table import SHOWN, ProblemsTable


class HistoryImportDialog(WorkDialog):
    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyImportDialog")
        self.setWindowTitle(self.tr("导入历史案件"))
        self.resize(900, 640)
        self._store, self._runner, self._slot = store, runner, TaskSlot(runner)
        self._preview: service.Preview | None = None
        self._progress: Progress | None = None
        self.profile = QComboBox(objectName="import.profile")
        self.path = QLineEdit(objectName="import.path")
        self.path.setPlaceholderText(self.tr("要导入的文件（CSV，或 Open311 的 JSON/XML）"))
        browse = QPushButton(self.tr("选择文件…"), objectName="import.browse")
        browse.clicked.connect(self.browse)
        self.read_button = QPushButton(self.tr("读取并检查"), objectName="import.read")
        self.read_button.clicked.connect(self.read)
        self.summary = QLabel(objectName="import.summary")
        self.summary.setWordWrap(True)
        self.mapping = MappingTable()
        self.mapping.changed.connect(self._mapping_changed)
        self.problems = ProblemsTable()
        self.tabs = QTabWidget(objectName="import.tabs")
        self.tabs.addTab(self._with_buttons(self.mapping, "import.create_rest",
                                            self.tr("其余全部新建"), self.create_the_rest),
                         self.tr("需要对应的名称"))
        self.tabs.addTab(self._with_buttons(self.problems, "import.copy_problems",
                                            self.tr("复制全部"), self.problems.copy_all),
                         self.tr("不能导入的行"))
        self._work_controls("import", self.tr("导入"))
        self.stage = QLabel(objectName="import.stage")
        self.start.setEnabled(False)
        self._layout(browse)
        self._slot.run(profiles.load_all(store), self._profiles, self._failed)

    def _with_buttons(self, table: QWidget, name: str, title: str, action: object) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(table)
        button = QPushButton(title, objectName=name)
        button.clicked.connect(action)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(button)
        box.addLayout(row)
        return page

    def _layout(self, browse: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("导入方案")))
        top.addWidget(self.profile, 1)
        top.addWidget(self.path, 2)
        top.addWidget(browse)
        top.addWidget(self.read_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.stage)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.start)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    # ---- profiles and the file ------------------------------------------------------------
    def _profiles(self, found: list[Profile]) -> None:
        chosen = self.profile.currentText()
        self.profile.clear()
        for profile in found:
            self.profile.addItem(profile.name, profile)
        if (index := self.profile.findText(chosen)) >= 0:
            self.profile.setCurrentIndex(index)

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的文件"), self.path.text(),
            self.tr("导出文件 (*.csv *.json *.xml);;所有文件 (*)"))
        if path:
            self.path.setText(path)

    def read(self) -> None:
        profile = self.profile.currentData()
        if not isinstance(profile, Profile) or not self.path.text().strip():
            self.message.setText(self.tr("请选择导入方案和文件"))
            return
        self._preview = None
        self.start.setEnabled(False)
        self._begin()
        self._slot.run(service.read_file(self._store, Path(self.path.text().strip()), profile,
                                         self._progress), self._read, self._failed)

    def _read(self, preview: service.Preview) -> None:
        self._end()
        self._preview = preview
        resolver = Resolver(preview.profile, preview.targets)
        self.mapping.show_unknowns(
            preview.unknowns, preview.targets, resolver.can_create,
            lambda kind: resolver.allowed(kind, ""))
        self.problems.show_problems(preview.problems)
        self.tabs.setTabText(0, self.tr("需要对应的名称（{n}）").format(n=len(preview.unknowns)))
        self.tabs.setTabText(1, self.tr("不能导入的行（{n}）").format(n=len(preview.problems)))
        self.tabs.setCurrentIndex(0 if preview.unknowns or not preview.problems else 1)
        self.summary.setText(self.tr(
            "共 {n} 行：可导入 {ok} 行，此前已导入 {already} 行（跳过），不能导入 {bad} 行")
            .format(n=preview.records, ok=len(preview.rows), already=preview.already,
                    bad=len(preview.problems)))
        if len(preview.problems) > SHOWN:
            self.summary.setText(self.summary.text() + self.tr(
                "；表中列出前 {shown} 行，可复制全部").format(shown=SHOWN))
        self.start.setEnabled(bool(preview.rows))
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        if self._preview is None:
            return
        left = self.mapping.unchosen()
        self.message.setText(self.tr("还有 {n} 个名称需要选择对应或新建").format(n=left)
                             if left else self.tr("可以导入"))

    def create_the_rest(self) -> None:
        self.mapping.create_the_rest()
        self._mapping_changed()

    # ---- importing ---------------------------------------------------------------------------
    def run(self) -> None:
        if self._preview is None:
            return
        if left := self.mapping.unchosen():
            self.tabs.setCurrentIndex(0)
            self.message.setText(self.tr("还有 {n} 个名称需要选择对应或新建").format(n=left))
            return
        self.start.setEnabled(False)
        self._begin()
        self._runner.run(service.run(self._store, self._preview, self.mapping.choices(),
                                     self._progress), self._done, self._failed)

    def _done(self, result: service.Result) -> None:
        self._end()
        self._preview = None
        made = sum(result.created.values())
        self.message.setText(self.tr(
            "已导入 {n} 件；此前已导入 {already} 件；不能导入 {bad} 行；新建名称 {made} 个。"
            "导入方案「{name}」已保存（第 {version} 版）").format(
                n=result.imported, already=result.already, bad=len(result.problems),
                made=made, name=result.profile.name, version=result.profile.version))
        self.mapping.clear_unknowns()  # mapped and kept in the profile
        self.problems.show_problems(result.problems)
        self.tabs.setTabText(0, self.tr("需要对应的名称"))
        self.tabs.setTabText(1, self.tr("不能导入的行（{n}）").format(n=len(result.problems)))
        self._slot.run(profiles.load_all(self._store), self._profiles, self._failed)

    def _failed(self, error: ConsoleError) -> None:
        self._end()
        if isinstance(error, ImportCancelled):
            self.start.setEnabled(self._preview is not None and bool(self._preview.rows))
        self.message.setText(texts.problem_text(error))

    # ---- progress and cancel -----------------------------------------------------------------
    def _begin(self) -> None:
        self._progress = Progress()
        self.read_button.setEnabled(False)
        self.cancel_button.setText(self.tr("取消"))
        self.message.clear()
        self._timer.start()
        self._show_progress()

    def _end(self) -> None:
        self._progress = None
        self._timer.stop()
        self.read_button.setEnabled(True)
        self.cancel_button.setText(self.tr("关闭"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.stage.clear()
        if self._close_when_done:
            self.close()

    def _show_progress(self) -> None:
        progress = self._progress
        if progress is None:
            return
        stages = {"reading": self.tr("读取文件"), "checking": self.tr("检查各行"),
                  "creating": self.tr("新建名称"), "writing": self.tr("写入案件"),
                  "events": self.tr("记录历史"), "done": self.tr("完成")}
        self.stage.setText(self.tr("正在取消…") if progress.cancelled
                           else stages.get(progress.stage, progress.stage))
        self.progress.setRange(0, progress.total)  # 0 to 0: busy, size unknown
        self.progress.setValue(min(progress.done, progress.total))
        self.progress.setFormat("%v / %m" if progress.total else "")

