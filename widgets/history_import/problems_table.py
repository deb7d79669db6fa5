"""The rows an import cannot take, with their line and the reason in words. A table
shows the first thousand (a broken export can have a hundred thousand); all of them
can be copied as tab-separated text, so none is hidden."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.history_import.rows import Problem
from widgets.common import texts
from widgets.history_import.mapping_table import field_name

SHOWN = 1000


def _t(text: str) -> str:
    return QCoreApplication.translate("HistoryImport", text)


def reason(problem: Problem) -> str:
    error = problem.error
    named = dataclasses.replace(error, params={**error.params, "field": field_name(error.field)})
    return texts.field_error(named)


class ProblemsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("import.problems")
        self.setHorizontalHeaderLabels([_t("行"), _t("字段"), _t("原因")])
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        shown = self.problems[:SHOWN]
        self.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            line = QTableWidgetItem(str(problem.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 0, line)
            self.setItem(row, 1, QTableWidgetItem(field_name(problem.error.field)))
            self.setItem(row, 2, QTableWidgetItem(reason(problem)))

    def copy_all(self) -> None:
        header = "\t".join((_t("行"), _t("字段"), _t("原因")))
        lines = [f"{p.line}\t{field_name(p.error.field)}\t{reason(p)}" for p in self.problems]
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText("\n".join([header, *lines]))
