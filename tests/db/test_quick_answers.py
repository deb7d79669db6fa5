"""The quick-answer base on a real PostgreSQL: hits, editing, conflicts, events, demo."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from console.answers import quick_answers as qa
from console.answers.quick_answers import AnswerConflict, AnswerDraft, AnswerIndex
from console.core.errors import ValidationError
from console.core.events import QuickAnswerChanged
from console.core.store import Store
from console.demodata.demo_answers import load_demo_answers
from db import schema as s

EDITOR = frozenset({"shift_leader"})


@pytest.fixture(autouse=True)
def editor_roles(store: Store) -> None:
    store.roles = EDITOR


async def _events(store: Store) -> list[Any]:
    async with store.read() as conn:
        return list((await conn.execute(
            select(s.CaseEvent.case_id, s.CaseEvent.actor, s.CaseEvent.kind,
                   s.CaseEvent.payload)
            .where(s.CaseEvent.kind == qa.EVENT).order_by(s.CaseEvent.id))).all())


async def _rows(store: Store) -> list[Any]:
    async with store.read() as conn:
        return list((await conn.execute(select(s.QuickAnswer).order_by(s.QuickAnswer.id))).all())


async def test_create_search_and_count_hits(store: Store) -> None:
    saved = await qa.save_answer(store, AnswerDraft(
        "  社保卡丢了怎么补办？ ", "先挂失，再到发卡银行补卡。",
        ("社保卡", " 挂失 ", "社保卡", "")))
    assert (saved.question, saved.keywords, saved.version, saved.hits) == (
        "社保卡丢了怎么补办？", ("社保卡", "挂失"), 1, 0)
    assert [a.id for a in await qa.search(store, "sbk")] == [saved.id]

    counted = await asyncio.gather(*(qa.record_hit(store, saved.id) for _ in range(5)))
    assert sorted(h.hits for h in counted) == [1, 2, 3, 4, 5]  # atomic: no increment lost
    # Each use is an event of its own (the seat that counted it sees it through the feed).
    hit_events = [e for e in await _events(store) if e.payload["action"] == qa.HIT]
    assert sorted(e.payload["count"] for e in hit_events) == [1, 2, 3, 4, 5]
    assert len({h.event_id for h in counted}) == 5
    found = await qa.search(store, "社保卡")
    assert found[0].hits == 5
    with pytest.raises(ValidationError) as info:
        await qa.record_hit(store, saved.id + 1000)
    assert info.value.for_field("id").code == "answer.unknown"  # type: ignore[union-attr]


async def test_every_change_appends_an_event(store: Store) -> None:
    created = await qa.save_answer(store, AnswerDraft("停电怎么查？", "拨打95598。", ("停电",)))
    updated = await qa.save_answer(store, AnswerDraft(
        "停电了怎么查询？", "拨打95598。", ("停电",), id=created.id, version=created.version))
    gone = await qa.deactivate_answer(store, updated.id, updated.version)
    back = await qa.save_answer(store, AnswerDraft(
        gone.question, gone.answer, gone.keywords, active=True, id=gone.id, version=gone.version))
    assert back.version == 4 and back.active
    events = await _events(store)
    assert [(e.case_id, e.actor, e.payload["action"], e.payload["version"]) for e in events] == [
        (None, "op_test", "created", 1), (None, "op_test", "updated", 2),
        (None, "op_test", "deactivated", 3), (None, "op_test", "reactivated", 4)]
    assert {e.payload["answer_id"] for e in events} == {created.id}
    # Each result names its own event (the seat waits for the feed to bring it).
    async with store.read() as conn:
        ids = list((await conn.execute(select(s.CaseEvent.id).where(s.CaseEvent.kind == qa.EVENT)
                                       .order_by(s.CaseEvent.id))).scalars())
    assert [created.event_id, updated.event_id, gone.event_id, back.event_id] == ids


async def test_deactivated_entries_leave_the_search(store: Store) -> None:
    a = await qa.save_answer(store, AnswerDraft("养狗要办证吗？", "需要登记。", ("养犬",)))
    index = AnswerIndex()
    assert [x.id for x in await qa.search(store, "yanggou", index=index)] == [a.id]
    await qa.deactivate_answer(store, a.id, a.version)
    assert await qa.search(store, "yanggou", index=index) == []
    assert [x.active for x in await qa.load_answers(store, include_inactive=True)] == [False]


async def test_a_stale_version_is_refused_and_says_who_saved_first(
        store: Store, database_url: str) -> None:
    original = await qa.save_answer(store, AnswerDraft("居住证怎么续签？", "到期前办理签注。"))
    other = Store(database_url, "op_other")
    other.roles = EDITOR
    try:
        theirs = await qa.save_answer(other, AnswerDraft(
            "居住证到期怎么续签？", "到期前线上办理签注。", id=original.id, version=1))
    finally:
        await other.close()
    await qa.record_hit(store, original.id)  # a use since is no change: op_other saved first
    before = (await _rows(store), await _events(store))
    with pytest.raises(AnswerConflict) as info:
        await qa.save_answer(store, AnswerDraft(
            "居住证如何续签？", "我的修改。", id=original.id, version=1))
    conflict = info.value
    assert conflict.code == "conflict"
    assert conflict.changed_by == "op_other" and conflict.action == "updated"
    assert conflict.at is not None and conflict.current == replace(theirs, hits=1)
    with pytest.raises(AnswerConflict):
        await qa.deactivate_answer(store, original.id, 1)
    assert (await _rows(store), await _events(store)) == before  # nothing written


@pytest.mark.parametrize(("draft", "expected"), [
    (AnswerDraft("", "答复"), [("question", "question.empty")]),
    (AnswerDraft(" \n ", "  "), [("question", "question.empty"), ("answer", "answer.empty")]),
    (AnswerDraft("问" * (qa.MAX_QUESTION + 1), "答复"), [("question", "text.too_long")]),
    (AnswerDraft("问题", "答" * (qa.MAX_ANSWER + 1)), [("answer", "text.too_long")]),
    (AnswerDraft("问\x07题", "答复"), [("question", "text.control")]),
    (AnswerDraft("问题", "答\x00复"), [("answer", "text.control")]),
    (AnswerDraft("问题", "答复", ("词" * (qa.MAX_KEYWORD + 1),)),
     [("keywords", "keyword.too_long")]),
    (AnswerDraft("问题", "答复", ("两个 词",)), [("keywords", "keyword.invalid")]),
    (AnswerDraft("问题", "答复", tuple(f"词{i}" for i in range(qa.MAX_KEYWORDS + 1))),
     [("keywords", "keywords.too_many")]),
    (AnswerDraft("问题", "答复", category_id=999_999), [("category", "category.unknown")]),
])
async def test_bad_input_is_refused_and_nothing_changes(
        store: Store, draft: AnswerDraft, expected: list[tuple[str, str]]) -> None:
    existing = await qa.save_answer(store, AnswerDraft("原来的问题", "原来的答复"))
    before = (await _rows(store), await _events(store))
    with pytest.raises(ValidationError) as info:
        await qa.save_answer(store, draft)
    assert [(e.field, e.code) for e in info.value.errors] == expected
    with pytest.raises(ValidationError):  # an update of the existing entry is refused alike
        await qa.save_answer(store, AnswerDraft(
            draft.question, draft.answer, draft.keywords, draft.category_id,
            id=existing.id, version=existing.version))
    assert (await _rows(store), await _events(store)) == before


async def test_too_long_says_the_limit_and_length() -> None:
    with pytest.raises(ValidationError) as info:
        qa.validate(AnswerDraft("问" * 250, "答复"))
    assert info.value.errors[0].params == {"limit": qa.MAX_QUESTION, "length": 250}


async def test_a_category_is_kept(store: Store) -> None:
    async with store.read() as conn:
        category_id = (await conn.execute(select(s.Category.id).where(
            s.Category.code == "C080106"))).scalar_one()
    saved = await qa.save_answer(store, AnswerDraft("公积金怎么提取？", "线上办理。",
                                                    category_id=category_id))
    assert saved.category_id == category_id


async def test_demo_loader_fills_an_empty_table_once(store: Store) -> None:
    counts = await asyncio.gather(load_demo_answers(store), load_demo_answers(store))
    assert sorted(counts)[0] == 0 and 30 <= sorted(counts)[1] <= 60
    assert await load_demo_answers(store) == 0
    async with store.read() as conn:
        total = (await conn.execute(select(func.count()).select_from(s.QuickAnswer))).scalar()
        linked = (await conn.execute(select(func.count()).select_from(s.QuickAnswer)
                                     .where(s.QuickAnswer.category_id.is_not(None)))).scalar()
    assert total == max(counts) and linked > 10
    assert [QuickAnswerChanged.from_json(e.payload) for e in await _events(store)] == [
        QuickAnswerChanged("demo_loaded", count=total)]
    assert (await qa.search(store, "shebao"))[0].question.startswith("社保")
    assert (await qa.search(store, "积分入学"))[0].question.startswith("孩子在坪山上小学")


async def test_demo_loader_leaves_an_admins_entries_alone(store: Store) -> None:
    await qa.save_answer(store, AnswerDraft("自己的问题", "自己的答复"))
    assert await load_demo_answers(store) == 0
    assert [a.question for a in await qa.load_answers(store)] == ["自己的问题"]


async def test_search_refreshes_only_what_changed(store: Store) -> None:
    await load_demo_answers(store)
    index = AnswerIndex()
    assert await qa.refresh_index(store, index) is True
    assert await qa.refresh_index(store, index) is False  # nothing moved: one small query
    first = (await qa.search(store, "停电", index=index))[0]
    await qa.record_hit(store, first.id)
    assert (await qa.search(store, "停电", index=index))[0].hits == first.hits + 1


async def test_only_editors_change_the_base(store: Store) -> None:
    saved = await qa.save_answer(store, AnswerDraft("问题", "答复"))
    store.roles = frozenset({"operator"})
    before = (await _rows(store), await _events(store))
    with pytest.raises(qa.NotAllowed):
        await qa.save_answer(store, AnswerDraft("新问题", "新答复"))
    with pytest.raises(qa.NotAllowed):
        await qa.deactivate_answer(store, saved.id, saved.version)
    assert (await qa.record_hit(store, saved.id)).hits == 1  # every seat counts its uses
    after = (await _rows(store), await _events(store))
    # Only the use was recorded: its count, and the hit's event after the earlier ones.
    assert [r.hits for r in after[0]] == [1]
    assert after[1][:-1] == before[1] and after[1][-1].payload["action"] == qa.HIT
