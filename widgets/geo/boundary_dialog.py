"""Admin: import the district's streets, communities and grid cells from GeoJSON.

For each level the admin picks a file (or keeps what the database has) and which
properties hold the code, the name and the parent's code, chooses the files'
coordinate system, and checks: the dialog shows how many boundaries come, go and
stay, and every problem in a table (level, feature, code, reason). Reading and
checking run off the GUI thread. "导入" imports through the feed follower: the
service checks again and, with no problem at all, replaces the boundaries in one
transaction; the dialog shows "导入中…" until the change feed brought the event
back, then the counts as read after it. A refused import changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.errors import ConsoleError
from console.core.events import Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from console.geo import boundary_import
from console.geo.boundaries import LEVELS, Checked, ImportRequest, Level, Problem
from console.geo.boundary_import import BoundaryProblems
from console.geo.crs import Crs
from widgets.common import texts
from widgets.common.feed_follower import FeedFollower
from widgets.common.tables import RecordTableModel
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.geo.boundary_words import feature_number, level_name, problem_text
from widgets.geo.layer_row import LayerRow


class BoundaryDialog(QDialog):
    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None, *,
                 feed: ChangeFeed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundaryDialog")
        self.setWindowTitle(self.tr("导入辖区边界"))
        self.resize(980, 620)
        self._store = store
        self._checks = TaskSlot(runner)
        self.rows = {level: LayerRow(level, runner, self) for level in LEVELS}
        for row in self.rows.values():
            row.changed.connect(self._choices_changed)
        self.crs = QComboBox(objectName="boundaries.crs")
        self.crs.addItem(self.tr("GCJ-02（国测局坐标，高德、腾讯地图）"), Crs.GCJ02)
        self.crs.addItem(self.tr("WGS-84（GPS 坐标，导入时转换为 GCJ-02）"), Crs.WGS84)
        self.crs.currentIndexChanged.connect(self._choices_changed)
        self.same_district = QCheckBox(self.tr("限于现有辖区（拒绝远在现有边界之外的图形）"),
                                       objectName="boundaries.sameDistrict")
        self.same_district.setChecked(True)
        self.same_district.toggled.connect(self._choices_changed)
        self.current = QLabel(objectName="boundaries.current")
        self.preview = QLabel(objectName="boundaries.preview")
        self.preview.setWordWrap(True)
        self.model = RecordTableModel([
            (self.tr("层级"), lambda p: level_name(p.level)),
            (self.tr("第几个要素"), feature_number),
            (self.tr("编码"), lambda p: p.code),
            (self.tr("问题"), problem_text),
        ], parent=self)
        self.problems = QTableView(objectName="boundaries.problems")
        self.problems.setModel(self.model)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.check_button = QPushButton(self.tr("检查"), objectName="boundaries.check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("导入"), objectName="boundaries.import")
        self.import_button.clicked.connect(self.accept)
        close = QPushButton(self.tr("关闭"), objectName="boundaries.close")
        close.clicked.connect(self.reject)
        self.message = QLabel(objectName="boundaries.message")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        for row in self.rows.values():
            layout.addWidget(row)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("文件的坐标系")))
        options.addWidget(self.crs)
        options.addWidget(self.same_district)
        options.addStretch(1)
        layout.addLayout(options)
        layout.addWidget(self.preview)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.follower = FeedFollower(runner, feed, [Kind.BOUNDARIES], self._reload, parent=self)
        self.follower.saving_changed.connect(self._saving)
        self.finished.connect(lambda _result: self.follower.stop())
        self._choices_changed()
        self.follower.reload_now()

    # ---- what is there now ------------------------------------------------------------------
    async def _reload(self) -> None:
        try:
            counts = await boundary_import.boundary_counts(self._store)
        except ConsoleError as exc:
            if not self.follower.stopped:
                self._failed(exc)
            return
        if self.follower.stopped:  # closed while it read: touch nothing of it
            return
        self.current.setText(self.tr("现有：") + "，".join(
            self.tr("{level} {count} 个（{drawn} 个有边界）").format(
                level=level_name(level), count=total, drawn=drawn)
            for level, (total, drawn) in counts.items()))

    # ---- checking -----------------------------------------------------------------------------
    def request(self) -> ImportRequest | None:
        files = tuple(layer for row in self.rows.values() if (layer := row.layer()) is not None)
        if not files:
            return None
        return ImportRequest(files, Crs(self.crs.currentData()),
                             self.same_district.isChecked())

    def _choices_changed(self) -> None:
        """Another file or property: what was checked no longer holds."""
        self._checks.supersede()
        self.preview.clear()
        self.model.set_rows([])
        chosen = self.request() is not None
        self.check_button.setEnabled(chosen and not self.follower.saving)
        self.import_button.setEnabled(chosen and not self.follower.saving)

    def check(self) -> None:
        request = self.request()
        if request is None:
            self.message.setText(self.tr("请至少选择一个文件"))
            return
        self.message.setText(self.tr("检查中…"))
        self._checks.run(boundary_import.check_import(self._store, request), self._checked,
                         self._failed)

    def _checked(self, checked: Checked) -> None:
        self._show_problems(checked.problems)
        self.preview.setText(self._summary(checked))
        self.message.setText(self.tr("检查通过，可以导入") if checked.ok else
                             self.tr("发现 {n} 处问题，修改文件后再检查；不会导入任何内容")
                             .format(n=len(checked.problems)))

    def _summary(self, checked: Checked) -> str:
        parts = []
        for level, count in checked.counts.items():
            if checked.ok:
                parts.append(self.tr("{level} {count} 个（新增 {added}，删除 {removed}）").format(
                    level=level_name(level), count=count,
                    added=len(checked.added.get(level, ())),
                    removed=len(checked.removed.get(level, ()))))
            else:
                parts.append(self.tr("{level} {count} 个").format(level=level_name(level),
                                                                  count=count))
        kept = [level_name(level) for level in LEVELS if level not in checked.counts]
        if kept:
            parts.append(self.tr("保留现有：{levels}").format(levels="、".join(kept)))
        return self.tr("文件中：") + "；".join(parts)

    def _show_problems(self, problems: tuple[Problem, ...]) -> None:
        self.model.set_rows(list(problems))

    # ---- importing ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Import (the dialog stays open to show what came of it)."""
        request = self.request()
        if request is None:
            self.message.setText(self.tr("请至少选择一个文件"))
            return
        self._checks.supersede()
        self.model.set_rows([])
        self.follower.save(boundary_import.import_boundaries(self._store, request),
                           lambda _event_id: self._imported(request), self._failed)

    def _imported(self, request: ImportRequest) -> None:
        levels = "、".join(level_name(f.level) for f in request.files)
        self.message.setText(self.tr("已导入{levels}边界，各席位的地图随之更新").format(
            levels=levels))

    def _saving(self, saving: bool) -> None:
        if saving:
            self.message.setText(self.tr("导入中…"))
        self._choices_changed()

    def _failed(self, exc: ConsoleError) -> None:
        if isinstance(exc, BoundaryProblems):
            self._show_problems(exc.problems)
            self.message.setText(self.tr("发现 {n} 处问题，未导入任何内容").format(
                n=len(exc.problems)))
        else:
            self.message.setText(texts.problem_text(exc))

    def level_row(self, level: Level) -> LayerRow:
        return self.rows[level]
