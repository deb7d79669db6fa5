"""The roster's commands on a whole month: generate it by the rotation (asking
first when that would overwrite the month's edits) and export it to Excel or
PDF. The month is passed to each command; the pane is known only as a
``RosterHost`` (widgets/duty/roster_actions.py), through whose ``save`` a
generated month is shown from the change feed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from console.core.errors import ConsoleError, ValidationError
from console.duty import roster, roster_export
from console.duty.roster_export import MonthSheet
from widgets.common import texts
from widgets.duty.roster_actions import RosterHost
from widgets.duty.roster_pick_dialog import RosterConfirm

Writer = Callable[[MonthSheet, str], Path]


class RosterMonthActions(QObject):
    exported = Signal(str)  # the path of a finished export

    def __init__(self, host: RosterHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host, self.parent_widget = host, parent

    # ---- generating ---------------------------------------------------------------------
    def generate(self, year: int, month: int) -> None:
        host = self.host

        def done(made: roster.Generated) -> None:  # the pane shows the month by now
            host.say(self.tr("已生成 {y}年{m}月排班：共 {n} 条").format(
                y=year, m=month, n=made.entries))

        def failed(exc: ConsoleError) -> None:
            if isinstance(exc, ValidationError) and exc.errors[0].code == "roster.month_exists":
                host.say("")
                RosterConfirm(texts.problem_text(exc) + "\n\n" + self.tr("重新生成会按轮班规则重排整月，本月已登记的请假、顶班、调班和换人都将丢失。确定重新生成吗？"),  # noqa: E501
                              self.tr("重新生成"), lambda: host.save(
                                  roster.generate_month(host.store, year, month, replace=True),
                                  done), self.parent_widget).open()
            else:
                host.say(texts.problem_text(exc), error=True)

        host.say(self.tr("正在生成 {y}年{m}月排班…").format(y=year, m=month))
        host.save(roster.generate_month(host.store, year, month), done, failed)

    # ---- export -------------------------------------------------------------------------
    def ask_path(self, year: int, month: int, kind: str, export: Callable[[str], None]) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("值班表-{y}-{m:02d}").format(y=year, m=month) + f".{kind}"
        if kind == "xlsx":
            filters = self.tr("Excel 工作簿 (*.xlsx)")
        else:
            filters = self.tr("PDF 文件 (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("导出值班表"), str(Path(folder) / name), filters)
        if path:
            export(path)

    def export(self, year: int, month: int, write: Writer, path: str) -> None:
        """Read the month and write it with ``write`` off the GUI thread (openpyxl, and
        QTextDocument with QPainter on a PDF writer, are fine in a worker thread)."""
        host = self.host
        host.say(self.tr("正在导出 {y}年{m}月值班表…").format(y=year, m=month))

        async def export() -> Path:
            sheet = await roster_export.month_sheet(host.store, year, month)
            return await asyncio.to_thread(write, sheet, path)

        def done(written: Path) -> None:
            host.say(self.tr("已导出：{path}").format(path=str(written)))
            self.exported.emit(str(written))

        host.run(export(), done)
