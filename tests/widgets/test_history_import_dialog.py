"""The admin's history import dialog: read a file off the GUI thread, see what cannot
be imported and what must be mapped, map the rest by creating it, import with a
progress bar; cancel leaves nothing. Only admins have the command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from sqlalchemy import func, select

from console.history_import.matching import CREATE
from db import schema as s
from tests.db.import_fixture import leaf_path, pingshan_csv
from tests.widgets.conftest import run
from widgets.common.commands import allowed
from widgets.history_import.import_dialog import HistoryImportDialog


def _click(qtbot: Any, dialog: HistoryImportDialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _file(qtbot: Any, seat: Any, folder: Path) -> Path:
    _id, path = run(qtbot, leaf_path(seat.console.store))
    known = ",".join(path.split(" / "))
    return pingshan_csv(folder, [
        f"301,2018-09-01 10:00:00,坑梓街道,坑梓社区,@坪山,投诉,{known},界面测试单位,1,0",
        f"302,2018-09-02 10:00:00,坑梓街道,坑梓社区,12345,咨询,{known},-,0,1",
        f"303,2018-13-02 10:00:00,坑梓街道,坑梓社区,12345,咨询,{known},-,0,1"])


def _read(qtbot: Any, dialog: HistoryImportDialog, path: Path) -> None:
    qtbot.waitUntil(lambda: dialog.profile.count() >= 2, timeout=5000)
    dialog.profile.setCurrentIndex(dialog.profile.findText("坪山区事件导出（2018）"))
    dialog.path.setText(str(path))
    _click(qtbot, dialog, "import.read")
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("共 3 行"), timeout=10000)


async def _cases(seat: Any) -> int:
    async with seat.console.store.read() as conn:
        return int((await conn.execute(select(func.count()).select_from(s.Case).where(
            s.Case.imported_from.is_not(None)))).scalar_one())


def test_an_admin_reads_maps_and_imports(qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.import_history()
    _read(qtbot, dialog, _file(qtbot, seat, tmp_path))
    assert "可导入 2 行" in dialog.summary.text() and "不能导入 1 行" in dialog.summary.text()
    assert dialog.problems.item(0, 0).text() == "4"
    assert dialog.problems.item(0, 2).text() == "登记时间无法识别：2018-13-02 10:00:00"
    assert dialog.mapping.rowCount() == 1
    assert dialog.mapping.item(0, 1).text() == "界面测试单位"
    assert dialog.message.text() == "还有 1 个名称需要选择对应或新建"
    _click(qtbot, dialog, "import.start")  # refused in words until every name is chosen
    assert run(qtbot, _cases(seat)) == 0
    _click(qtbot, dialog, "import.create_rest")
    box = dialog.mapping.cellWidget(0, 3)
    assert isinstance(box, QComboBox) and box.currentData() == CREATE
    assert dialog.message.text() == "可以导入"
    _click(qtbot, dialog, "import.start")
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已导入"), timeout=15000)
    assert dialog.message.text().startswith(
        "已导入 2 件；此前已导入 0 件；不能导入 1 行；新建名称 1 个")
    assert not dialog.busy and not dialog.start.isEnabled()
    assert run(qtbot, _cases(seat)) == 2
    dialog.close()


def test_cancel_leaves_nothing_and_only_admins_have_the_command(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.import_history()
    _read(qtbot, dialog, _file(qtbot, seat, tmp_path))
    dialog.mapping.create_the_rest()
    _click(qtbot, dialog, "import.start")
    assert dialog.busy and dialog.cancel_button.text() == "取消"
    _click(qtbot, dialog, "import.cancel")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert dialog.message.text() == "导入已取消，未写入任何内容"
    assert run(qtbot, _cases(seat)) == 0 and dialog.start.isEnabled()
    dialog.close()
    assert allowed("admin.import_history", {"admin"})
    assert not allowed("admin.import_history", {"dispatcher", "shift_leader", "supervisor"})
