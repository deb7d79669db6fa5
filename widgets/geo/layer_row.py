"""One level's file in the boundary import: the file chosen, and which of its
properties hold the code, the name and the parent's code (combo boxes filled
with the file's property names). Reading the file runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from console.core.errors import ConsoleError
from console.geo.boundaries import FieldMap, LayerFile, Level
from console.geo.boundary_import import read_file
from console.geo.geofile import GeoFile
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner
from widgets.geo.boundary_words import level_name, reason_words

PARENT_PROPERTY = {Level.COMMUNITY: "street", Level.CELL: "community"}


def _t(text: str) -> str:
    return QCoreApplication.translate("LayerRow", text)


class LayerRow(QWidget):
    changed = Signal()  # a file read, cleared, or another property chosen

    def __init__(self, level: Level, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.setObjectName(f"boundaries.{level}")
        self.file: GeoFile | None = None
        self._slot = TaskSlot(runner)
        self.choose = QPushButton(_t("选择{level}文件…").format(level=level_name(level)),
                                  objectName=f"boundaries.{level}.choose")
        self.choose.clicked.connect(self.pick)
        self.clear = QPushButton(_t("不导入"), objectName=f"boundaries.{level}.clear")
        self.clear.clicked.connect(self.drop)
        self.about = QLabel(_t("（保留现有{level}）").format(level=level_name(level)),
                            objectName=f"boundaries.{level}.file")
        self.code = QComboBox(objectName=f"boundaries.{level}.code")
        self.name = QComboBox(objectName=f"boundaries.{level}.name")
        self.parent_code = QComboBox(objectName=f"boundaries.{level}.parent")
        boxes = [self.code, self.name, self.parent_code]  # a street's parent box stays empty
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choose)
        layout.addWidget(self.about, 1)
        for label, box in zip((_t("编码"), _t("名称"), _t("所属上级")), boxes, strict=True):
            layout.addWidget(QLabel(label))
            layout.addWidget(box)
            box.setMinimumContentsLength(8)
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addWidget(self.clear)
        self._fill(None)

    def pick(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _t("选择{level}边界文件").format(level=level_name(self.level)), "",
            _t("GeoJSON 文件 (*.geojson *.json);;所有文件 (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read ``path`` on a worker thread; the row shows it once read."""
        self.about.setText(_t("读取中…"))
        self._slot.run(read_file(path), self._read, self._failed)

    def drop(self) -> None:
        self._slot.supersede()
        self._fill(None)

    def _read(self, file: GeoFile) -> None:
        self._fill(file)

    def _failed(self, exc: ConsoleError) -> None:  # reading raises none; a bug otherwise
        self.about.setText(str(exc.code))

    def _fill(self, file: GeoFile | None) -> None:
        self.file = file
        boxes = (self.code, self.name, self.parent_code)
        for box in boxes:
            box.blockSignals(True)
            box.clear()
        if file is None:
            self.about.setText(_t("（保留现有{level}）").format(level=level_name(self.level)))
        elif not file.usable:
            words = reason_words().get(file.problem, file.problem)
            self.about.setText(f"{file.name}：" + words.format(detail=file.detail, parent=""))
        else:
            types = "、".join(f"{k} {v}" for k, v in sorted(file.geometry_types.items()))
            self.about.setText(_t("{name}：{count} 个要素（{types}）").format(
                name=Path(file.name).name, count=len(file.features), types=types))
            for box in (self.code, self.name):
                box.addItems(list(file.properties))
            if self.level in PARENT_PROPERTY:
                self.parent_code.addItem(_t("（按位置判断）"), "")
                for prop in file.properties:
                    self.parent_code.addItem(prop, prop)
            self._choose(self.code, file.likely("code"))
            self._choose(self.name, file.likely("name"))
            if self.level in PARENT_PROPERTY:
                self._choose(self.parent_code, file.likely(PARENT_PROPERTY[self.level]))
        for box in boxes:
            box.setEnabled(file is not None and file.usable
                           and (box is not self.parent_code or self.level in PARENT_PROPERTY))
            box.blockSignals(False)
        self.clear.setEnabled(file is not None)
        self.changed.emit()

    @staticmethod
    def _choose(box: QComboBox, text: str) -> None:
        index = box.findText(text) if text else -1
        if index >= 0:
            box.setCurrentIndex(index)

    def layer(self) -> LayerFile | None:
        """What the admin chose for this level (None: keep the database's)."""
        if self.file is None:
            return None
        parent = self.parent_code.currentData() if self.level in PARENT_PROPERTY else ""
        return LayerFile(self.level, self.file, FieldMap(
            self.code.currentText(), self.name.currentText(), parent or ""))
