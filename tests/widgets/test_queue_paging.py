"""The queue reads its ids a page at a time (keyset paging): scrolling to the end
reads the next page; a live change keeps the selection and the rows read so far;
the count line is bounded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from console.casework import queue
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run


def _ids(model: Any) -> list:
    return [model.case_id(r) for r in range(model.rowCount())]


def test_scrolling_to_the_end_reads_the_next_pages_and_a_live_case_keeps_them(
        qtbot: Any, open_seat: Any, monkeypatch: Any) -> None:
    seat = open_seat()
    store, catalog, pane = seat.console.store, seat.console.catalog, seat.window.queue
    made = [run(qtbot, create_case(store, catalog, draft(catalog, text=f"第{i}件")))
            for i in range(40)]
    newest_first = [m.id for m in reversed(made)]
    model, table = pane.model, pane.table
    model.page_size = 10
    monkeypatch.setattr(queue, "COUNT_BOUND", 30)  # 40 cases: more than the count's bound
    with qtbot.waitSignal(model.loaded, timeout=5000):
        pane.apply_filter()
    # The view reads pages while its last row shows (about 25 rows fit): three.
    qtbot.waitUntil(lambda: model.rowCount() == 30, timeout=5000)
    assert _ids(model) == newest_first[:30] and model.canFetchMore()
    assert pane.count.text() == "共 30+ 件，已载入 30 件"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the end
    qtbot.waitUntil(lambda: model.rowCount() == 40, timeout=5000)
    assert _ids(model) == newest_first and not model.canFetchMore()
    assert pane.count.text() == "共 40 件"  # all read: counted

    table.selectionModel().setCurrentIndex(
        model.index(35, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    chosen, top = model.case_id(35), table.verticalScrollBar().value()
    new = run(qtbot, create_case(store, catalog, draft(catalog, text="新来的")))
    # The re-read reads as many ids as were held: the new case on top, the oldest
    # one now after the held rows (read again by scrolling); the selection is kept.
    qtbot.waitUntil(lambda: model.case_id(0) == new.id, timeout=5000)
    assert _ids(model) == [new.id, *newest_first[:39]] and model.canFetchMore()
    assert model.case_id(table.currentIndex().row()) == chosen
    assert table.selectionModel().isRowSelected(36) and table.verticalScrollBar().value() >= top
    assert pane.count.text() == "共 40+ 件，已载入 40 件"
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 41, timeout=5000)
    assert _ids(model) == [new.id, *newest_first]
