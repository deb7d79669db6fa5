"""The journal and the outbox: write first, send, forget; survive a restart."""

from pathlib import Path

import pytest

from console.catalog import Catalog
from console.errors import ValidationError
from console.journal import Journal
from console.outbox import Outbox
from console.queue import CaseFilter, fetch_ids
from console.store import Store
from db.engine import make_engine
from tests.factories import draft


async def test_an_outage_keeps_drafts_across_a_restart_and_sends_them_once(
        store: Store, catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    outbox = Outbox(store, lambda: catalog, Journal(path))
    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        drafts = [draft(catalog, text=f"第{i}件 😀") for i in range(3)]
        for d in drafts:
            submission = await outbox.submit(d)
            assert submission.created is None
        assert submission.pending == 3
    finally:
        await store.engine.dispose()
        store.engine = working

    restarted = Outbox(store, lambda: catalog, Journal(path))  # a new console start
    assert [d.text for d in restarted.journal.pending()] == [d.text for d in drafts]
    sent = await restarted.flush()
    assert [s.id for s in sent] == [d.id for d in drafts]
    assert await restarted.flush() == []
    assert Journal(path).pending() == []
    found = await fetch_ids(store, CaseFilter(statuses=None))
    assert sorted(found.ids) == sorted(d.id for d in drafts)


async def test_invalid_drafts_are_refused_before_the_journal(store: Store, catalog: Catalog,
                                                             tmp_path: Path) -> None:
    outbox = Outbox(store, lambda: catalog, Journal(tmp_path / "j.json"))
    with pytest.raises(ValidationError):
        await outbox.submit(draft(catalog, caller_phone="12"))
    assert len(outbox.journal) == 0


def test_an_unreadable_journal_is_set_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text("{ not json", encoding="utf-8")
    journal = Journal(path)
    assert journal.pending() == []
    assert (tmp_path / "j.broken").read_text(encoding="utf-8") == "{ not json"
