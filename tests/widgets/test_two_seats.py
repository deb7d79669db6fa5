"""Two seats on one database, each with its own connections (end to end)."""

from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QItemSelectionModel

from console.hotline.intake import create_case
from db.engine import libpq_conninfo
from tests.factories import draft
from tests.widgets.conftest import run


def rows_of(window: Any) -> Any:
    return window.queue.model


@pytest.mark.expected_log(r"^db\.listen: change feed link lost")
def test_a_case_saved_at_one_seat_appears_at_the_other(qtbot: Any, open_seat: Any,
                                                       database_url: str) -> None:
    a, b = open_seat("op_a"), open_seat("op_b")
    catalog = a.console.catalog
    first = run(qtbot, create_case(a.console.store, catalog, draft(catalog, text="第一件")))
    model_b = rows_of(b.window)
    qtbot.waitUntil(lambda: model_b.row_of(first.id) is not None, timeout=5000)

    # B selects the first case; more cases arrive above it.
    table = b.window.queue.table
    table.selectionModel().select(model_b.index(model_b.row_of(first.id), 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
    second = run(qtbot, create_case(a.console.store, catalog, draft(catalog, text="第二件")))
    qtbot.waitUntil(lambda: model_b.row_of(second.id) is not None, timeout=5000)
    selected = {model_b.case_id(i.row()) for i in table.selectionModel().selectedRows()}
    assert selected == {first.id}
    assert model_b.row_of(second.id) == 0 and model_b.row_of(first.id) == 1

    # B's listening connection is killed; a case saved meanwhile still arrives.
    listener = b.console.listener
    old_pid = listener.backend_pid
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (old_pid,))
    qtbot.waitUntil(lambda: "中断" in b.window.status.link.text(), timeout=5000)
    third = run(qtbot, create_case(a.console.store, catalog, draft(catalog, text="第三件")))
    qtbot.waitUntil(lambda: model_b.row_of(third.id) is not None, timeout=10000)
    assert listener.backend_pid != old_pid
    assert "已连接" in b.window.status.link.text()
    assert [model_b.case_id(r) for r in range(3)] == [third.id, second.id, first.id]
