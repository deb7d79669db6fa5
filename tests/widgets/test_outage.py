"""The database goes away during intake: the case waits in the seat's journal,
the operator goes on with the next call, and the journal is sent once the link
returns, making each case exactly once."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from console import queue
from console.journal import Journal
from console.queue import CaseFilter
from db.engine import make_engine
from tests.widgets.conftest import run, type_text


def test_saving_during_an_outage_journals_the_case_and_sends_it_later(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    seat = open_seat("op_outage")
    window, screen, store = seat.window, seat.window.call_screen, seat.console.store
    screen.phone.setText("13812345678")
    text = window.findChild(QPlainTextEdit, "call.text")
    type_text(text, "停电后路灯不亮")
    screen.category.choose(next(c for c in seat.console.catalog.categories.values()
                                if c.is_leaf))
    draft_id = screen.draft().id

    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        qtbot.keyClick(text, Qt.Key.Key_Return)
        status = window.findChild(QLabel, "call.status")
        qtbot.waitUntil(lambda: "已暂存本机" in status.text(), timeout=10000)
        assert text.toPlainText() == ""  # free for the next call
        assert window.pending.isVisible() and "1 件" in window.pending.text()
        # On disk, so a crash or a closed console loses nothing.
        on_disk = Journal(tmp_path / "op_outage.journal").pending()
        assert [(d.id, d.text) for d in on_disk] == [(draft_id, "停电后路灯不亮")]
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working

    # The link returns: the listener reports it and the journal goes out.
    seat.console._link_changed(True)  # noqa: SLF001 (what the listener calls)
    qtbot.waitUntil(lambda: not window.pending.isVisible(), timeout=10000)
    ids = run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None)))
    assert ids.ids == [draft_id]
    assert len(seat.console.outbox.journal) == 0
    run(qtbot, seat.console.outbox.flush())  # a second send changes nothing
    assert run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None))).ids == [draft_id]
