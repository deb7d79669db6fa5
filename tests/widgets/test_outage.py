"""The database goes away during intake: the operator is told, nothing typed is
lost, and saving again once it is back makes exactly one case."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from console import queue
from console.queue import CaseFilter
from db.engine import make_engine
from tests.widgets.conftest import run, type_text


def test_saving_during_an_outage_keeps_the_form_and_retries_safely(qtbot: Any,
                                                                 open_seat: Any) -> None:
    seat = open_seat()
    screen, store = seat.window.call_screen, seat.console.store
    screen.phone.setText("13812345678")
    text = seat.window.findChild(QPlainTextEdit, "call.text")
    type_text(text, "停电后路灯不亮")
    screen.category.choose(next(c for c in seat.console.catalog.categories.values()
                                if c.is_leaf))
    draft_id = screen.draft().id

    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        qtbot.keyClick(text, Qt.Key.Key_Return)
        status = seat.window.findChild(QLabel, "call.status")
        qtbot.waitUntil(lambda: "数据库连接中断" in status.text(), timeout=10000)
        assert text.toPlainText() == "停电后路灯不亮"
        assert screen.draft().id == draft_id  # the same case when sent again
        assert screen.save_button.isEnabled()
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working

    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.text().startswith("已保存"), timeout=10000)
    ids = run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None)))
    assert ids.ids == [draft_id]
