"""The names an import does not know, one row each with how many rows use it and a
box to choose what it is: one the console knows, a new one (新建), or, where the
field may be empty, nothing (留空). A likely match is chosen already, marked as a
suggestion, for the admin to confirm or change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from console.history_import.matching import CREATE, Targets, Unknown
from console.history_import.profile import NONE
from widgets.common import texts


def _t(text: str) -> str:
    return QCoreApplication.translate("HistoryImport", text)


def field_name(name: str) -> str:
    """A field or a kind of name, in words (for the problems and the mapping table)."""
    names = {
        "source_id": _t("编号"), "created_at": _t("登记时间"), "accepted_at": _t("受理时间"),
        "dispatched_at": _t("分拨时间"), "resolved_at": _t("办结时间"),
        "closed_at": _t("归档时间"), "due_at": _t("应办结时间"), "channel": _t("来源渠道"),
        "nature": _t("诉求性质"), "status": _t("状态"), "category": _t("事项分类"),
        "street": _t("街道"), "community": _t("社区"), "unit": _t("承办单位"),
        "text": _t("诉求内容"), "address": _t("地址"), "lon": _t("经度"), "lat": _t("纬度"),
        "on_time": _t("按期标志"), "file": _t("文件"),
    }
    return names.get(name, name)


def target_name(kind: str, code: str, name: str) -> str:
    words = {"channel": texts.channel_name, "nature": texts.nature_name,
             "status": texts.status_name}.get(kind)
    return words(code) if words else f"{name}（{code}）"


class MappingTable(QTableWidget):
    changed = Signal()  # a choice was made or changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("import.mapping")
        self.setHorizontalHeaderLabels([_t("类别"), _t("来源中的名称"), _t("行数"), _t("对应为")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._unknowns: list[Unknown] = []

    def show_unknowns(self, unknowns: list[Unknown], targets: Targets,
                      can_create: Callable[[str, str], bool],
                      may_be_empty: Callable[[str], bool]) -> None:
        self._unknowns = list(unknowns)
        self.setRowCount(len(unknowns))
        options = {kind: sorted(((target_name(kind, t.code, t.name), t.code)
                                 for t in by_code.values()), key=lambda o: o[0])
                   for kind, by_code in targets.by_kind.items()}
        for row, u in enumerate(unknowns):
            key = u.key or _t("（空）")
            shown = f"{key}（{u.label}）" if u.label else key
            for column, text in enumerate((field_name(u.kind), shown, str(u.rows))):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
            self.setCellWidget(row, 3, self._box(u, options[u.kind], can_create(u.kind, u.key),
                                                 may_be_empty(u.kind)))

    def clear_unknowns(self) -> None:
        self._unknowns = []
        self.setRowCount(0)

    def _box(self, u: Unknown, options: list[tuple[str, str]], create: bool,
             empty: bool) -> QComboBox:
        box = QComboBox(objectName=f"import.choice.{u.kind}")
        box.addItem(_t("（请选择）"), None)
        if create:
            box.addItem(_t("新建：{name}").format(name=u.key), CREATE)
        if empty:
            box.addItem(_t("留空（不填）"), NONE)
        for text, code in options:
            box.addItem(_t("{name}（建议）").format(name=text) if code == u.suggestion else text,
                        code)
        if u.suggestion is not None:
            box.setCurrentIndex(box.findData(u.suggestion))
        box.setEditable(True)  # type to find one of hundreds of units or categories
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.currentIndexChanged.connect(self.changed)
        return box

    def _choice(self, row: int) -> object:
        box = self.cellWidget(row, 3)
        return box.currentData() if isinstance(box, QComboBox) else None

    def choices(self) -> dict[str, dict[str, str]]:
        chosen: dict[str, dict[str, str]] = {}
        for row, u in enumerate(self._unknowns):
            if isinstance(target := self._choice(row), str):
                chosen.setdefault(u.kind, {})[u.key] = target
        return chosen

    def unchosen(self) -> int:
        return sum(self._choice(row) is None for row in range(len(self._unknowns)))

    def create_the_rest(self) -> int:
        """Choose 新建 for every name still unchosen that can be made; how many."""
        made = 0
        for row in range(len(self._unknowns)):
            box = self.cellWidget(row, 3)
            if isinstance(box, QComboBox) and box.currentData() is None \
                    and (index := box.findData(CREATE)) >= 0:
                box.setCurrentIndex(index)
                made += 1
        return made
