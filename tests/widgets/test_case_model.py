"""The queue model: Qt's model contract, lazy rows, and live diffs that keep selection."""

import uuid
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex, Qt

from console.casework.queue import CaseFilter
from console.hotline.intake import create_case
from tests.factories import draft
from tests.widgets.conftest import run


def test_model_passes_qt_model_tester_with_rows(qtbot: Any, open_seat: Any,
                                                qtmodeltester: Any) -> None:
    # open_seat first: its window must outlive the tester's teardown.
    seat = open_seat()
    catalog = seat.console.catalog
    for i in range(5):
        run(qtbot, create_case(seat.console.store, catalog, draft(catalog, text=f"第{i}件")))
    model = seat.window.queue.model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)
    for row in range(5):
        model.data(model.index(row, 0))  # as a view asks for visible rows
    qtbot.waitUntil(lambda: all(model.cached(model.case_id(r)) for r in range(5)), timeout=5000)
    # Quiet the live model first: a re-read after the tester has gone would reach it.
    model.shutdown()
    qtbot.waitUntil(lambda: not seat.window.runner.busy, timeout=5000)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 9)) == "第4件"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"


def test_diffs_move_persistent_indexes(qtbot: Any, open_seat: Any) -> None:
    model = open_seat().window.queue.model
    ids = [uuid.uuid4() for _ in range(5)]
    model.apply_id_list(ids)
    assert [model.case_id(r) for r in range(5)] == ids
    keep = QPersistentModelIndex(model.index(2, 0))
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    new = uuid.uuid4()
    model.apply_id_list([new, ids[0], ids[2], ids[3]])  # one in, two out
    assert removed == [(4, 4), (1, 1)]
    assert keep.row() == 2 and model.case_id(keep.row()) == ids[2]
    model.apply_id_list([ids[3], ids[2], new, ids[0]])  # reordered: a layout change
    assert model.case_id(keep.row()) == ids[2] and keep.row() == 1


def test_sorting_and_filters_are_new_database_queries(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog, queue_pane = seat.console.catalog, seat.window.queue
    made = [run(qtbot, create_case(seat.console.store, catalog,
                                   draft(catalog, text=t))) for t in ("甲", "乙", "丙")]
    model = queue_pane.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        queue_pane.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by public number
    assert [model.case_id(r) for r in range(3)] == [m.id for m in made]
    assert model.filter == CaseFilter(sort_key="public_no", descending=False)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        queue_pane.text_filter.setText(made[1].public_no)
    assert [model.case_id(r) for r in range(model.rowCount())] == [made[1].id]
    assert queue_pane.count.text() == "共 1 件"


def test_selection_survives_a_row_changing_in_place(qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    made = run(qtbot, create_case(seat.console.store, catalog, draft(catalog)))
    model, table = seat.window.queue.model, seat.window.queue.table
    qtbot.waitUntil(lambda: model.row_of(made.id) is not None, timeout=5000)
    table.selectionModel().select(model.index(0, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    assert model.apply_events([_event(made.id)])  # as the feed's follower asks: a re-read
    model.follower.request()
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)
    assert [model.case_id(i.row()) for i in table.selectionModel().selectedRows()] == [made.id]


def _event(case_id: uuid.UUID) -> Any:
    import datetime as dt

    from console.core.feed import Event

    return Event(10**9, case_id, dt.datetime.now(dt.UTC), "t", "updated", {})


def test_history_model_passes_qt_model_tester(qtbot: Any, open_seat: Any,
                                              qtmodeltester: Any) -> None:
    from console.casework import queue
    from widgets.casework.row_list_model import RowListModel

    seat = open_seat()
    catalog, store = seat.console.catalog, seat.console.store
    for text in ("一", "二"):
        run(qtbot, create_case(store, catalog, draft(catalog, text=text)))
    history = run(qtbot, queue.caller_history(store, "+8613812345678"))
    model = RowListModel(catalog)
    model.set_rows(history.cases)
    qtmodeltester.check(model, force_py=True)
    assert [model.data(model.index(r, 4)) for r in range(2)] == ["二", "一"]


def test_waiting_for_dispatch_shows_new_and_returned_cases_and_marks_the_returned(
        qtbot: Any, open_seat: Any) -> None:
    from PySide6.QtGui import QBrush

    from console.casework import cases

    seat = open_seat()
    catalog, store = seat.console.catalog, seat.console.store
    waiting, sent, back = (run(qtbot, create_case(store, catalog, draft(catalog, text=t)))
                           for t in ("待分拨", "已分拨", "被退回"))
    unit = next(u.id for u in catalog.units.values() if u.active)
    for case, moves in ((sent, [("dispatch", {"unit_id": unit})]),
                        (back, [("dispatch", {"unit_id": unit}),
                                ("return", {"reason": "不属本单位职责"})])):
        for action, facts in moves:
            run(qtbot, cases.perform(store, case.id, action, None, **facts))
    queue_pane = seat.window.queue
    model = queue_pane.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    queue_pane.status_filter.setFocus()
    with qtbot.waitSignal(model.loaded, timeout=5000):
        qtbot.keyClick(queue_pane.status_filter, Qt.Key.Key_Down)  # 未办结 → 待分拨
    assert queue_pane.status_filter.currentText() == "待分拨（含退回）"
    assert {model.case_id(r) for r in range(model.rowCount())} == {waiting.id, back.id}
    row = model.row_of(back.id)
    model.data(model.index(row, 3))  # as the view asks for a visible row
    qtbot.waitUntil(lambda: None not in (model.cached(back.id), model.cached(waiting.id)),
                    timeout=5000)
    status = model.index(row, 3)
    assert model.data(status) == "已退回"
    assert model.data(status, Qt.ItemDataRole.FontRole).bold()
    brush = model.data(status, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#c62828"
    other = model.index(model.row_of(waiting.id), 3)
    assert model.data(other, Qt.ItemDataRole.ForegroundRole) is None


def test_live_diffs_keep_the_qt_model_contract(qtbot: Any, open_seat: Any,
                                               qtmodeltester: Any) -> None:
    # Qt's own tester stays attached and checks every row signal of the diffs.
    seat = open_seat()
    model = seat.window.queue.model
    model.shutdown()
    qtbot.waitUntil(lambda: not seat.window.runner.busy, timeout=5000)
    ids = [uuid.uuid4() for _ in range(300)]
    model.apply_id_list(ids)
    qtmodeltester.check(model)
    keep = QPersistentModelIndex(model.index(150, 0))
    chosen = model.case_id(150)
    steps = [
        [uuid.uuid4(), *ids[:299]],                     # a new case on top, the last falls off
        [uuid.uuid4(), uuid.uuid4(), *ids[:100], *ids[101:298]],  # two new, one leaves
        list(reversed(ids)),                            # a new order: a layout change
    ]
    for new in steps:
        model.apply_id_list([uuid.UUID(int=c.int) for c in new])  # new objects, as re-read
        assert [model.case_id(r) for r in range(model.rowCount())] == new
        assert all(model.row_of(c) == r for r, c in enumerate(new))
        assert model.case_id(keep.row()) == chosen
    qtmodeltester.check(model)


def test_the_rows_kept_are_bounded_and_a_row_let_go_is_read_again(
        qtbot: Any, open_seat: Any) -> None:
    seat = open_seat()
    catalog = seat.console.catalog
    for i in range(5):
        run(qtbot, create_case(seat.console.store, catalog, draft(catalog, text=f"第{i}件")))
    model = seat.window.queue.model
    model.row_cache = 3
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=5000)

    def kept() -> list[int]:
        return [r for r in range(5) if model.cached(model.case_id(r)) is not None]

    for row in range(5):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: len(kept()) == 3, timeout=5000)
    qtbot.waitUntil(lambda: not seat.window.runner.busy, timeout=5000)
    assert len(kept()) == 3  # two were let go
    gone = next(r for r in range(5) if r not in kept())
    assert model.data(model.index(gone, 0)) == "…"  # painted again: read again
    qtbot.waitUntil(lambda: gone in kept(), timeout=5000)
    assert len(kept()) == 3
