"""The journal and the outbox: write first, send, forget; survive a restart."""

import dataclasses
import json
import logging
from pathlib import Path

import pytest

from console.casework.queue import CaseFilter, fetch_ids
from console.catalog.catalog import Catalog
from console.core.errors import ValidationError
from console.core.store import Store
from console.hotline.intake import CaseDraft
from console.hotline.journal import Journal
from console.hotline.outbox import Outbox
from db.engine import make_engine
from tests.factories import draft


@pytest.mark.expected_log(r"^console\.hotline\.outbox: database unreachable")
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


@pytest.mark.expected_log(r"^console\.hotline\.journal: journal .* is unreadable")
def test_an_unreadable_journal_is_set_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text("{ not json", encoding="utf-8")
    journal = Journal(path)
    assert journal.pending() == []
    assert (tmp_path / "j.broken").read_text(encoding="utf-8") == "{ not json"


def entry(d: CaseDraft, **changes: object) -> dict[str, object]:
    return {**dataclasses.asdict(d), "id": str(d.id), **changes}


@pytest.mark.expected_log(r"^console\.hotline\.journal: a journal entry was set aside")
async def test_a_journal_of_the_wrong_shape_sets_the_bad_entries_aside_and_sends_the_rest(
        store: Store, catalog: Catalog, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    first, second, odd = (draft(catalog, text=f"第{i}件") for i in range(3))
    bad = [entry(odd, extra="一个多余的键"), entry(odd, id="not-a-uuid"),
           entry(odd, text=5), {"text": "没有编号"}, "不是草稿", entry(odd, lon="114.3")]
    path = tmp_path / "journal.json"
    path.write_text(json.dumps([entry(first), *bad, entry(second)], ensure_ascii=False),
                    encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        journal = Journal(path)  # the start goes on
    assert [d.id for d in journal.pending()] == [first.id, second.id]
    aside = json.loads(journal.aside_path.read_text(encoding="utf-8"))
    assert [a["entry"] for a in aside] == bad  # kept as they were, for a person
    assert all(a["problem"] for a in aside)
    assert journal.set_aside_count == 6
    assert caplog.text.count("set aside") == 6
    sent = await Outbox(store, lambda: catalog, journal).flush()
    assert [s.id for s in sent] == [first.id, second.id]
    again = Journal(path)  # the next start finds nothing left and sets nothing aside twice
    assert again.pending() == [] and again.set_aside_count == 0
    assert len(json.loads(again.aside_path.read_text(encoding="utf-8"))) == 6


@pytest.mark.expected_log(r"^console\.hotline\.journal: a journal entry was set aside")
async def test_a_lone_surrogate_never_blocks_the_outbox(store: Store, catalog: Catalog,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    outbox = Outbox(store, lambda: catalog, Journal(path))
    broken = draft(catalog, text="路面破损\ud83d")  # half an emoji, from a broken paste
    with pytest.raises(ValidationError) as refused:
        await outbox.submit(broken)
    assert refused.value.for_field("text").code == "text.control"  # type: ignore[union-attr]
    assert len(outbox.journal) == 0 and not path.exists()
    # A journal an older console wrote with such a draft before two good ones.
    good = [draft(catalog, text=f"好的{i}") for i in range(2)]
    path.write_text(json.dumps([entry(broken), *map(entry, good)]), encoding="utf-8")
    restarted = Outbox(store, lambda: catalog, Journal(path))
    assert len(restarted.journal) == 3
    sent = await restarted.flush()
    assert [s.id for s in sent] == [g.id for g in good]
    assert len(restarted.journal) == 0  # not pending for ever
    aside = json.loads(restarted.journal.aside_path.read_text(encoding="utf-8"))
    assert [a["entry"]["id"] for a in aside] == [str(broken.id)]
    later = await restarted.submit(draft(catalog))
    assert later.created is not None and later.pending == 0
    found = await fetch_ids(store, CaseFilter(statuses=None))
    assert broken.id not in found.ids and set(found.ids) == {*(g.id for g in good),
                                                            later.created.id}


@pytest.mark.expected_log(r"^console\.hotline\.(outbox: database unreachable"
                          r"|journal: a journal entry was set aside)")
async def test_duplicates_and_answers_wait_in_the_journal_as_what_they_are(
        store: Store, catalog: Catalog, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """F8's and F9's saves kept through an outage and a restart, then made as the
    same saves; a save of no known kind is set aside, never sent as something else."""
    from console.casework import cases
    from console.casework.queue import fetch_case
    from console.hotline.intake import create_case
    from console.hotline.journal import ANSWER, DUPLICATE, Save

    store.roles = frozenset({"operator"})
    leaf = next(c for c in catalog.categories.values() if c.is_leaf and not c.auto_dispatch)
    master = await create_case(store, catalog, draft(catalog, category_id=leaf.id))
    path = tmp_path / "journal.json"
    outbox = Outbox(store, lambda: catalog, Journal(path))
    repeat, question, plain = (draft(catalog, category_id=leaf.id, text=f"第{i}件")
                               for i in range(3))
    with pytest.raises(ValidationError):  # refused before anything is kept
        await outbox.submit(question, Save(ANSWER, answer="答复\x07"))
    assert len(outbox.journal) == 0
    working = store.engine
    store.engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/unreachable")
    try:
        for d, save in ((repeat, Save(DUPLICATE, master_id=master.id)),
                        (question, Save(ANSWER, answer="带身份证到社保网点补办")),
                        (plain, Save())):
            assert (await outbox.submit(d, save)).created is None
    finally:
        await store.engine.dispose()
        store.engine = working

    kept = json.loads(path.read_text(encoding="utf-8"))
    assert [(e["save"], e.get("master_id"), e.get("answer")) for e in kept] == [
        (DUPLICATE, str(master.id), None), (ANSWER, None, "带身份证到社保网点补办"),
        ("new", None, None)]
    odd = draft(catalog, text="不明的保存")
    bad = [entry(odd, save="merge_all"), entry(odd, save=DUPLICATE),
           entry(odd, save=ANSWER, answer=5), entry(odd, save="new", master_id=str(master.id))]
    path.write_text(json.dumps([*kept, *bad]), encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        restarted = Outbox(store, lambda: catalog, Journal(path))  # a new console start
    assert restarted.journal.set_aside_count == 4
    assert [e.save for e in restarted.journal.entries()] == [
        Save(DUPLICATE, master_id=master.id), Save(ANSWER, answer="带身份证到社保网点补办"),
        Save()]
    sent = await restarted.flush()
    assert [s.id for s in sent] == [repeat.id, question.id, plain.id]
    assert all(s.created for s in sent) and len(restarted.journal) == 0

    async def kinds(case_id: object) -> list[str]:
        return [e.kind for e in await cases.timeline(store, case_id)]  # type: ignore[arg-type]

    assert await kinds(repeat.id) == ["created", "merge"]
    assert (await fetch_case(store, repeat.id)).merged_into == master.id
    assert await kinds(question.id) == ["created", "answer"]
    assert await kinds(plain.id) == ["created"]
    # A resend (the journal was not cleared before a crash) makes nothing twice.
    restarted.journal.add(repeat, Save(DUPLICATE, master_id=master.id))
    restarted.journal.add(question, Save(ANSWER, answer="带身份证到社保网点补办"))
    again = await restarted.flush()
    assert [s.created for s in again] == [False, False]
    assert await kinds(repeat.id) == ["created", "merge"]
    assert await kinds(question.id) == ["created", "answer"]
