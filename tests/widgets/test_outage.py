"""The database goes away during intake: the case waits in the seat's journal,
the operator goes on with the next call, and the journal is sent once the link
returns, making each case exactly once."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from console.casework import queue
from console.casework.queue import CaseFilter
from console.hotline.journal import Journal
from db.engine import make_engine
from tests.widgets.conftest import run, type_text


@pytest.mark.expected_log(r"^console\.hotline\.outbox: database unreachable")
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


def _save(qtbot: Any, window: Any, text: str) -> None:
    screen = window.call_screen
    screen.phone.setText("13812345678")
    type_text(window.findChild(QPlainTextEdit, "call.text"), text)
    screen.category.choose(next(c for c in window.catalog.categories.values()
                                if c.is_leaf and not c.auto_dispatch))
    screen.save()


@pytest.mark.expected_log(r"^console\.hotline\.outbox: database unreachable")
def test_the_waiting_count_clears_when_the_link_was_never_seen_down(
        qtbot: Any, open_seat: Any) -> None:
    """The seat's writes failed while its listening connection stayed up (a
    short cut of new connections, a pool of broken ones): no reconnect is ever
    reported, yet what waits in the journal goes out and the count clears."""
    seat = open_seat("op_blip")
    window, store = seat.window, seat.console.store
    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        _save(qtbot, window, "停电后路灯不亮")
        status = window.findChild(QLabel, "call.status")
        qtbot.waitUntil(lambda: "已暂存本机" in status.text(), timeout=10000)
        waiting = seat.console.outbox.journal.pending()[0].id
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working
    assert window.pending.isVisible()

    _save(qtbot, window, "小区门口的垃圾没人清")  # the link works again
    qtbot.waitUntil(lambda: "已保存" in status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not window.pending.isVisible(), timeout=10000)
    ids = run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None))).ids
    assert waiting in ids and len(ids) == 2
    assert len(seat.console.outbox.journal) == 0


@pytest.mark.expected_log(r"^console\.hotline\.outbox: database unreachable")
def test_what_waits_goes_out_by_itself_when_nobody_saves_again(
        qtbot: Any, open_seat: Any, monkeypatch: Any) -> None:
    from console import app

    monkeypatch.setattr(app, "RESEND_EVERY_S", 0.2)
    seat = open_seat("op_quiet")
    window, store = seat.window, seat.console.store
    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        _save(qtbot, window, "停电后路灯不亮")
        status = window.findChild(QLabel, "call.status")
        qtbot.waitUntil(lambda: "已暂存本机" in status.text(), timeout=10000)
        assert window.pending.isVisible()
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working
    qtbot.waitUntil(lambda: not window.pending.isVisible(), timeout=10000)
    assert len(run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None))).ids) == 1
