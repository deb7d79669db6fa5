"""The roster's commands on a whole month: generate it by the rotation (asking
first when that would overwrite the month's edits) and export it to Excel or
PDF. The month is passed to each command; the pane is known only as a
``RosterHost`` (widgets/duty/roster_actions.py), through whose ``save`` a
generated month is shown from the change feed. An export is written whole or not
at all (``console/core/output_file.py``); the PDF is drawn in a child process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from console.core.errors import ConsoleError, ValidationError
from console.core.output_file import OutputError, write_atomically
from console.core.store import Store
from console.duty import roster, roster_export
from console.duty.roster_export import MonthSheet
from widgets.common import texts
from widgets.common.pdf_child import PdfChild
from widgets.duty import roster_page, roster_pdf
from widgets.duty.roster_actions import RosterHost
from widgets.duty.roster_pick_dialog import RosterConfirm


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

    def export(self, year: int, month: int, kind: str, path: str) -> None:
        """Write the month to ``path`` ("xlsx" or "pdf": ``write_month``); a file that
        cannot be written is said in words, anything else is a bug (the runner logs and
        reports it), and the pane says the export failed."""
        host = self.host
        host.say(self.tr("正在导出 {y}年{m}月值班表…").format(y=year, m=month))

        async def export() -> str:
            try:
                await write_month(host.store, year, month, kind, Path(path))
            except (OSError, OutputError) as exc:
                words = self.tr("无法写入 {path}：{reason}。未留下任何文件；请换一个位置再试")
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                return words.format(path=path, reason=reason)
            except Exception:  # a bug: the runner logs and reports it; the pane says so
                host.say(self.tr("导出失败（程序错误，已记入日志），未留下任何文件"), error=True)
                raise
            return ""

        def done(problem: str) -> None:
            if problem:
                host.say(problem, error=True)
                return
            host.say(self.tr("已导出：{path}").format(path=path))
            self.exported.emit(path)

        host.run(export(), done)


async def write_month(store: Store, year: int, month: int, kind: str, path: Path) -> Path:
    """Read the month and write it to ``path`` ("xlsx" or "pdf"), whole or not at all,
    off the GUI thread: the workbook by a worker thread (openpyxl lets the GUI thread
    in), the PDF by a child process that thread waits for (Qt's layout and drawing hold
    Python's lock for long: widgets/common/pdf_child.py), started before the month is
    read so that its start overlaps the reading. Raises OSError or OutputError when
    the file cannot be written."""
    child = await asyncio.to_thread(PdfChild, roster_page.DRAWING) if kind == "pdf" else None
    try:
        sheet = await roster_export.month_sheet(store, year, month)
        return await asyncio.to_thread(write_atomically, path, partial(_write, sheet, child))
    finally:
        if child is not None:
            child.close()


def _write(sheet: MonthSheet, child: PdfChild | None, temporary: Path) -> None:
    """In a worker thread: the workbook, or the PDF by ``child``."""
    if child is None:
        from console.duty.roster_excel import write_excel  # openpyxl: only when exporting

        write_excel(sheet, temporary)
    else:
        child.draw(roster_pdf.page(sheet), temporary)
