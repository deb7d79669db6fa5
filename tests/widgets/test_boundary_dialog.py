"""The admin's boundary import dialog, driven as an admin would: pick a file, see
the properties offered, check, read the problems, import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from console.demodata.files import read
from console.geo.boundaries import REASONS, Level, Problem
from widgets.geo import boundary_words


def write(path: Path, change: Any = None) -> str:
    collection = read("grid_cells.geojson")
    if change is not None:
        change(collection["features"])
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_an_admin_checks_a_broken_file_then_imports_a_good_one(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.import_boundaries()
    qtbot.waitUntil(lambda: "网格 667 个" in dialog.current.text(), timeout=10000)
    assert not dialog.import_button.isEnabled()  # nothing chosen yet
    row = dialog.rows[Level.CELL]

    def spoil(features: list[dict[str, Any]]) -> None:
        ring = features[4]["geometry"]["coordinates"][0]
        ring[1], ring[2] = ring[2], ring[1]  # a bow tie
        features[7]["properties"]["code"] = features[6]["properties"]["code"]

    row.load(write(tmp_path / "broken.geojson", spoil))
    qtbot.waitUntil(lambda: row.file is not None, timeout=10000)
    assert "667 个要素（Polygon 667）" in row.about.text()
    assert (row.code.currentText(), row.name.currentText(),
            row.parent_code.currentText()) == ("code", "name", "community")
    assert [row.code.itemText(i) for i in range(row.code.count())] == [
        "code", "name", "street", "community"]
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    shown = [[dialog.model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert shown[0][:3] == ["网格", "5", "S01C01G005"]
    assert shown[0][3].startswith("多边形无效：Self-intersection")
    assert shown[1] == ["网格", "8", "S01C01G007", "编码与第 7 个要素重复"]
    assert dialog.message.text() == "发现 2 处问题，修改文件后再检查；不会导入任何内容"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # refused as a whole
    qtbot.waitUntil(lambda: dialog.message.text() == "发现 2 处问题，未导入任何内容",
                    timeout=10000)
    assert dialog.model.rowCount() == 2

    def drop_last(features: list[dict[str, Any]]) -> None:
        features.pop()

    row.load(write(tmp_path / "good.geojson", drop_last))
    qtbot.waitUntil(lambda: row.file is not None and len(row.file.features) == 666,
                    timeout=10000)
    assert dialog.model.rowCount() == 0  # another file: the old problems are gone
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "检查通过，可以导入", timeout=10000)
    assert dialog.preview.text() == "文件中：网格 666 个（新增 0，删除 1）；保留现有：街道、社区"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已导入"), timeout=10000)
    assert dialog.message.text() == "已导入网格边界，各席位的地图随之更新"
    assert "网格 666 个（666 个有边界）" in dialog.current.text()  # as the feed brought it
    dialog.close()


def test_a_file_that_is_not_geojson_says_so_in_its_row(qtbot: Any, open_seat: Any,
                                                        tmp_path: Path) -> None:
    seat = open_seat()
    dialog = seat.window.dialogs.import_boundaries()
    row = dialog.rows[Level.STREET]
    bad = tmp_path / "streets.geojson"
    bad.write_text("街道,编码\n", encoding="utf-8")
    row.load(str(bad))
    qtbot.waitUntil(lambda: row.file is not None, timeout=10000)
    assert row.about.text().startswith("streets.geojson：不是 JSON 文件")
    assert not row.code.isEnabled()
    qtbot.mouseClick(row.clear, Qt.MouseButton.LeftButton)
    assert row.about.text() == "（保留现有街道）" and not dialog.check_button.isEnabled()
    dialog.close()


def test_every_reason_has_words() -> None:
    for reason in REASONS:
        for level in Level:
            text = boundary_words.problem_text(Problem(level, 0, "X", reason, "1"))
            assert reason not in text and "{" not in text, (reason, text)
