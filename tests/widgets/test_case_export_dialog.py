"""Exporting the queue's cases from the console (issue 15, item 5): Ctrl+E opens the
export of what the queue's filter shows, the format and the place are chosen by
keyboard, the export runs off the GUI thread with its progress, and a place that
cannot be written says so and leaves no file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.case_export import service
from console.demodata.demo import generate_cases
from tests.widgets.conftest import run
from tests.widgets.test_main_window import press
from widgets.casework.case_export_dialog import CaseExportDialog


def _dialog(qtbot: Any, seat: Any) -> CaseExportDialog:
    press(qtbot, seat.window, "Ctrl+E")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CaseExportDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CaseExportDialog)
    return dialog


def test_ctrl_e_exports_what_the_queue_shows(qtbot: Any, open_seat: Any,
                                             tmp_path: Path) -> None:
    seat = open_seat()
    run(qtbot, generate_cases(seat.console.store, count=120, days=30))
    queue = seat.window.queue
    with qtbot.waitSignal(queue.model.loaded, timeout=10000):
        queue.apply_filter()  # the queue's default view: the open cases
    shown = int(queue.count.text().split()[1].replace(",", ""))
    assert shown > 0
    dialog = _dialog(qtbot, seat)
    qtbot.waitUntil(lambda: dialog.what.text().endswith(f"{shown} 件"), timeout=10000)
    dialog.format.setFocus()
    qtbot.keyClick(dialog.format, Qt.Key.Key_Down)  # Open311 JSON
    assert dialog.chosen_format() == service.OPEN311_JSON
    assert dialog.path.text().endswith(".json")
    target = tmp_path / "queue.json"
    dialog.path.setText(str(target))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # the default button: 导出
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已导出"), timeout=20000)
    assert dialog.message.text() == f"已导出 {shown} 件到 {target}"
    requests = json.loads(target.read_text(encoding="utf-8"))
    assert len(requests) == shown and {r["status"] for r in requests} == {"open"}
    assert not dialog.busy and dialog.start.isEnabled()
    dialog.close()


def test_a_place_that_cannot_be_written_says_so_and_leaves_nothing(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat()
    dialog = _dialog(qtbot, seat)
    target = tmp_path / "missing folder" / "cases.csv"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("无法写入"), timeout=10000)
    assert "未留下任何文件" in dialog.message.text()
    assert not (tmp_path / "missing folder").exists()
    assert [p for p in tmp_path.iterdir() if "cases" in p.name] == []
    dialog.close()
