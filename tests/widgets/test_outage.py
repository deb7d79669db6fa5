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
        assert window.status.pending.isVisible() and "1 件" in window.status.pending.text()
        # On disk, so a crash or a closed console loses nothing.
        on_disk = Journal(tmp_path / "op_outage.journal").pending()
        assert [(d.id, d.text) for d in on_disk] == [(draft_id, "停电后路灯不亮")]
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working

    # The link returns: the listener reports it and the journal goes out.
    seat.console._link_changed(True)  # noqa: SLF001 (what the listener calls)
    qtbot.waitUntil(lambda: not window.status.pending.isVisible(), timeout=10000)
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
    assert window.status.pending.isVisible()

    _save(qtbot, window, "小区门口的垃圾没人清")  # the link works again
    qtbot.waitUntil(lambda: "已保存" in status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not window.status.pending.isVisible(), timeout=10000)
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
        assert window.status.pending.isVisible()
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working
    qtbot.waitUntil(lambda: not window.status.pending.isVisible(), timeout=10000)
    assert len(run(qtbot, queue.fetch_ids(store, CaseFilter(statuses=None))).ids) == 1


@pytest.mark.expected_log(r"^console\.hotline\.outbox: database unreachable")
def test_f8_and_f9_during_an_outage_are_journaled_and_made_once_the_link_is_back(
        qtbot: Any, open_seat: Any, tmp_path: Path) -> None:
    """A duplicate (F8) and a question answered on the spot (F9) take the journal's
    path like Enter: kept on disk as the save they are, the form free for the next
    call, and made as that save when the link returns; nothing lost, nothing twice."""
    from PySide6.QtWidgets import QDialogButtonBox

    from console.casework import cases
    from console.hotline.intake import create_case
    from console.hotline.journal import ANSWER, DUPLICATE
    from tests.factories import draft
    from tests.widgets.call_screen_helpers import manual_leaf, saved_case

    seat = open_seat("op_keys_outage")
    window, screen, store = seat.window, seat.window.call_screen, seat.console.store
    catalog = seat.console.catalog
    leaf = manual_leaf(seat)
    master = run(qtbot, create_case(store, catalog, draft(catalog, category_id=leaf.id)))
    status = window.findChild(QLabel, "call.status")
    # The repeat call: its possible duplicates are shown while the link works.
    screen.phone.setText("13812345678")
    type_text(screen.text, "又打来催问路面破损的事")
    screen.category.choose(leaf)
    checked: list[Any] = []
    screen.duplicates.check(checked.append)
    qtbot.waitUntil(lambda: bool(checked), timeout=10000)
    assert screen.duplicates.current().id == master.id
    duplicate_id = screen.draft().id

    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        qtbot.keyClick(screen, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: "已暂存本机" in status.text(), timeout=10000)
        assert screen.text.toPlainText() == ""  # free for the next call
        assert "1 件" in window.status.pending.text()

        screen.phone.setText("13900001111")
        type_text(screen.text, "社保卡丢了怎么补办？")
        screen.nature.setCurrentIndex(screen.nature.findData("consultation"))
        screen.category.choose(leaf)
        answered_id = screen.draft().id
        screen.suggest_answer("可到就近社保服务网点补办，带身份证。")
        qtbot.keyClick(screen.text, Qt.Key.Key_F9)
        answer = screen.findChild(QPlainTextEdit, "facts.answer")
        qtbot.waitUntil(lambda: answer is not None and answer.isVisible())
        ok = answer.window().findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok)
        status.setText("")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已暂存本机" in status.text(), timeout=10000)
        assert screen.text.toPlainText() == "" and "2 件" in window.status.pending.text()
        # On disk as the saves they are, so a crash or a closed console loses nothing.
        kept = Journal(tmp_path / "op_keys_outage.journal").entries()
        on_disk = {e.draft.id: e.save for e in kept}
        assert on_disk[duplicate_id].kind == DUPLICATE
        assert on_disk[duplicate_id].master_id == master.id
        assert on_disk[answered_id].kind == ANSWER
        assert on_disk[answered_id].answer == "可到就近社保服务网点补办，带身份证。"
        assert len(on_disk) == 2
    finally:
        run(qtbot, store.engine.dispose())
        store.engine = working

    seat.console._link_changed(True)  # noqa: SLF001 (what the listener calls)
    qtbot.waitUntil(lambda: not window.status.pending.isVisible(), timeout=10000)
    assert len(seat.console.outbox.journal) == 0

    def made() -> tuple[list[str], list[str], Any, Any]:
        return (
            [e.kind for e in run(qtbot, cases.timeline(store, duplicate_id))],
            [e.kind for e in run(qtbot, cases.timeline(store, answered_id))],
            run(qtbot, queue.fetch_case(store, duplicate_id)),
            run(qtbot, queue.fetch_case(store, answered_id)))

    duplicate_kinds, answered_kinds, duplicate, answered = made()
    assert duplicate_kinds == ["created", "merge"]
    assert duplicate.status == "merged" and duplicate.merged_into == master.id
    assert answered_kinds == ["created", "answer"] and answered.status == "answered"
    assert [e.kind for e in run(qtbot, cases.timeline(store, master.id))] == ["created"]
    # Sent again (a crash after the database took them, before the journal forgot
    # them): the same saves, and nothing changes.
    for entry in kept:
        seat.console.outbox.journal.add(entry.draft, entry.save)
    again = run(qtbot, seat.console.outbox.flush())
    assert sorted(c.id for c in again) == sorted([duplicate_id, answered_id])
    assert not any(c.created for c in again)
    assert made()[:2] == (duplicate_kinds, answered_kinds)
    assert len(seat.console.outbox.journal) == 0
    assert saved_case(qtbot, seat, duplicate.public_no).id == duplicate_id
