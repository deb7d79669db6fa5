"""The shared table of records: a history that grows gets its new rows inserted (the
selection and scroll stay), the same rows change nothing, anything else is read anew;
a long text shows whole on hover when the model says so."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from widgets.common.tables import RecordTableModel

COLUMNS = [("名称", lambda r: r[0]), ("说明", lambda r: r[1])]


def _signals(model: RecordTableModel) -> list[str]:
    seen: list[str] = []
    model.rowsInserted.connect(lambda _p, first, last: seen.append(f"insert {first}-{last}"))
    model.modelReset.connect(lambda: seen.append("reset"))
    return seen


def test_a_growing_history_inserts_its_new_rows(qapp: Any) -> None:
    model = RecordTableModel(COLUMNS, grows=True, text_tips=True)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    seen = _signals(model)
    model.set_rows([("受理", "编号 1")])
    model.set_rows([("受理", "编号 1"), ("分拨", "坪山街道")])
    model.set_rows([("受理", "编号 1"), ("分拨", "坪山街道")])  # nothing new
    model.set_rows([("受理", "编号 2")])  # another case
    assert seen == ["insert 0-0", "insert 1-1", "reset"]
    assert model.rowCount() == 1
    cell = model.index(0, 1)
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == model.data(cell) == "编号 2"


def test_a_list_read_anew_is_reset_and_has_no_tooltip_unless_asked(qapp: Any) -> None:
    model = RecordTableModel(COLUMNS)
    seen = _signals(model)
    model.set_rows([("甲", "一")])
    model.set_rows([("甲", "一"), ("乙", "二")])
    assert seen == ["reset", "reset"]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "说明"
