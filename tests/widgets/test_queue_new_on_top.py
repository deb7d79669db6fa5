"""A new case arriving on top of the queue (issue 16): its row appears, the
operator's selection stays on the case chosen, and an operator who has scrolled
down keeps looking at the same rows; what a paint asks of a cell in one call
(``multiData``) is what ``data`` answers, and a row read again is painted anew."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelRoleData, QModelRoleDataSpan, Qt

from console.casework import cases
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.casework.case_cells import CellTexts
from widgets.casework.case_columns import case_columns

PAINTED_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                 Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
                 Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
                 Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.UserRole)


def _queue_of(qtbot: Any, open_seat: Any, count: int) -> Any:
    seat = open_seat()
    store, catalog = seat.console.store, seat.console.catalog
    for i in range(count):
        run(qtbot, create_case(store, catalog, draft(catalog, text=f"第{i}件")))
    pane = seat.window.queue
    with qtbot.waitSignal(pane.model.loaded, timeout=5000):
        pane.apply_filter()
    qtbot.waitUntil(lambda: pane.model.rowCount() == count, timeout=5000)
    return seat


def _select(table: Any, row: int) -> None:
    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def _arrive(qtbot: Any, seat: Any) -> Any:
    store, catalog = seat.console.store, seat.console.catalog
    model = seat.window.queue.model
    new = run(qtbot, create_case(store, catalog, draft(catalog, text="新来的")))
    qtbot.waitUntil(lambda: model.case_id(0) == new.id, timeout=5000)
    return new


def test_at_the_top_the_new_case_shows_on_top_and_the_selection_stays(
        qtbot: Any, open_seat: Any) -> None:
    seat = _queue_of(qtbot, open_seat, 30)
    pane = seat.window.queue
    model, table = pane.model, pane.table
    _select(table, 3)
    chosen = model.case_id(3)
    assert table.verticalScrollBar().value() == 0
    new = _arrive(qtbot, seat)
    assert model.rowCount() == 31 and table.rowAt(0) == 0  # seen on top, at once
    assert model.case_id(table.currentIndex().row()) == chosen
    assert [model.case_id(i.row()) for i in table.selectionModel().selectedRows()] == [chosen]
    qtbot.waitUntil(lambda: model.cached(new.id) is not None, timeout=5000)
    assert model.data(model.index(0, 9)) == "新来的"  # its text, read once it showed


def test_scrolled_down_the_rows_looked_at_do_not_move(qtbot: Any, open_seat: Any) -> None:
    seat = _queue_of(qtbot, open_seat, 80)
    pane = seat.window.queue
    model, table = pane.model, pane.table
    table.verticalScrollBar().setValue(40)
    top_row = table.rowAt(0)
    assert top_row > 0
    looked_at = model.case_id(top_row)
    _select(table, top_row + 2)
    chosen = model.case_id(top_row + 2)
    where = table.visualRect(model.index(top_row + 2, 0)).top()
    for _ in range(3):  # each arrival, one after the other
        _arrive(qtbot, seat)
    # The same cases at the same height on screen, three rows further down the list.
    assert model.case_id(table.rowAt(0)) == looked_at
    assert table.rowAt(0) == top_row + 3
    assert model.case_id(table.currentIndex().row()) == chosen
    assert table.visualRect(table.currentIndex()).top() == where
    assert [model.case_id(i.row()) for i in table.selectionModel().selectedRows()] == [chosen]
    # Back at the top, the newest show again on arrival.
    table.verticalScrollBar().setValue(0)
    newest = _arrive(qtbot, seat)
    assert table.rowAt(0) == 0 and model.case_id(0) == newest.id


def test_a_cell_answers_a_paint_in_one_call_as_data_does(qtbot: Any, open_seat: Any) -> None:
    seat = _queue_of(qtbot, open_seat, 3)
    store, catalog = seat.console.store, seat.console.catalog
    model = seat.window.queue.model
    unit = next(u.id for u in catalog.units.values() if u.active)
    sent = model.case_id(1)
    run(qtbot, cases.perform(store, sent, "dispatch", None, unit_id=unit))
    run(qtbot, cases.perform(store, sent, "return", None, reason="不属本单位职责"))
    status = model.index(model.row_of(sent), 3)
    qtbot.waitUntil(lambda: model.data(status) == "已退回", timeout=5000)  # read again
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            answers = []
            for role in PAINTED_ROLES:
                asked = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(asked))
                answers.append(asked.data())
            expected = [model.data(index, role) for role in PAINTED_ROLES]
            assert answers == expected, (row, column)
    assert model.data(status, Qt.ItemDataRole.FontRole).bold()


def test_a_row_read_again_gets_its_texts_made_again(qtbot: Any, open_seat: Any) -> None:
    seat = _queue_of(qtbot, open_seat, 1)
    model = seat.window.queue.model
    qtbot.waitUntil(lambda: model.cached(model.case_id(0)) is not None, timeout=5000)
    row = model.cached(model.case_id(0))
    columns = case_columns(seat.console.catalog)
    catalog = seat.console.catalog
    texts = CellTexts(columns, catalog)
    text = next(i for i, c in enumerate(columns) if c.key == "text")
    street = next(i for i, c in enumerate(columns) if c.key == "street")
    assert texts.text(row, text) == "第0件"
    assert texts.text(dataclasses.replace(row, text="改过的"), text) == "改过的"
    # The streets read again (boundaries imported at some seat): their names anew.
    named = texts.text(row, street)
    assert named and row.street_code is not None
    renamed = dataclasses.replace(catalog.streets[row.street_code], name="新街道")
    catalog.streets = {**catalog.streets, row.street_code: renamed}
    assert texts.text(row, street) == "新街道"
