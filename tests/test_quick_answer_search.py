"""Ranking quick answers in memory: Chinese text, pinyin in full and by initials."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from console.answers.quick_answers import AnswerIndex, QuickAnswer

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo" / "quick_answers.json"


def qa(id: int, question: str, keywords: tuple[str, ...] = (), hits: int = 0,
       version: int = 1, active: bool = True) -> QuickAnswer:
    return QuickAnswer(id, question, f"答复{id}", keywords, None, hits, active, version)


ENTRIES = [
    qa(1, "社保关系怎么从外地转入深圳？", ("社保", "养老保险", "关系转移")),
    qa(2, "社保卡丢了怎么补办？", ("社保卡", "挂失")),
    qa(3, "租房可以提取住房公积金吗？", ("公积金", "租房提取")),
    qa(4, "办理居住证需要什么条件？", ("居住证",)),
    qa(5, "小区垃圾分类几点投放？", ("垃圾分类", "投放时间"), hits=9),
    qa(6, "停电了怎么查询恢复时间？", ("停电", "95598")),
    qa(7, "邻居家的狗叫扰民怎么投诉？", ("宠物扰民",)),
    qa(8, "12345热线反映的问题多久答复？", ("办理时限",), hits=3),
]


@pytest.fixture(scope="module")
def index() -> AnswerIndex:
    return AnswerIndex(ENTRIES)


def ids(index: AnswerIndex, query: str, limit: int = 20) -> list[int]:
    return [a.id for a in index.search(query, limit)]


@pytest.mark.parametrize("query", ["社保", "shebao", "sb", "sheb", "SheBao", "ｓｂ"])
def test_social_insurance_in_chinese_full_pinyin_initials_and_half_typed(
        index: AnswerIndex, query: str) -> None:
    assert ids(index, query)[:2] == [1, 2]


@pytest.mark.parametrize(("query", "best"), [
    ("公积金", 3), ("gongjijin", 3), ("gjj", 3), ("gongjj", 3),
    ("居住证", 4), ("jzz", 4), ("juzhuzheng", 4),
    ("停电", 6), ("tingdian", 6), ("狗叫", 7), ("gouj", 7), ("12345", 8), ("95598", 6),
])
def test_best_match_first(index: AnswerIndex, query: str, best: int) -> None:
    assert ids(index, query)[0] == best


def test_a_sentence_with_filler_words_finds_the_entry(index: AnswerIndex) -> None:
    # 怎么, 如何 and word order cost a little; the rare words carry the match.
    assert ids(index, "请问社保如何转移到深圳")[0] == 1
    assert ids(index, "垃圾分类什么时间投放")[0] == 5


def test_mixed_chinese_and_pinyin_terms_add_up(index: AnswerIndex) -> None:
    assert ids(index, "社保 bu")[0] == 2  # 社保 in both, 补办 only in the second


def test_keywords_weigh_more_than_the_question(index: AnswerIndex) -> None:
    both = AnswerIndex([qa(1, "怎么缴纳养老保险", ()), qa(2, "灵活就业参保", ("养老保险",))])
    assert ids(both, "养老保险") == [2, 1]


def test_equal_scores_put_the_most_used_first() -> None:
    twins = AnswerIndex([qa(1, "社保查询"), qa(2, "社保查询", hits=5)])
    assert ids(twins, "社保") == [2, 1]


def test_empty_query_lists_the_most_used(index: AnswerIndex) -> None:
    assert ids(index, "", 3) == [5, 8, 1]
    assert ids(index, "  ，。 ", 3) == [5, 8, 1]


def test_no_match(index: AnswerIndex) -> None:
    assert ids(index, "天气预报") == []
    assert ids(index, "qqqq") == []


def test_limit(index: AnswerIndex) -> None:
    assert len(index.search("", 2)) == 2


def test_replace_keeps_unchanged_entries_and_drops_inactive(index: AnswerIndex) -> None:
    local = AnswerIndex(ENTRIES)
    changed = [replace(ENTRIES[0], question="医保报销比例", keywords=("医保",), version=2),
               replace(ENTRIES[1], active=False, version=2), *ENTRIES[2:]]
    local.replace(changed)
    assert len(local) == len(ENTRIES) - 1
    assert ids(local, "yibao") == [1]
    assert 2 not in ids(local, "社保卡")
    assert ids(local, "社保") == []


def test_a_hit_count_change_reorders_without_re_preparing() -> None:
    local = AnswerIndex([qa(1, "社保查询"), qa(2, "社保查询")])
    local.replace([qa(1, "社保查询"), qa(2, "社保查询", hits=1)])
    assert ids(local, "sb") == [2, 1]


def _synthetic(n: int) -> list[QuickAnswer]:
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    words = sorted({k for e in demo for k in e["keywords"]})
    out = []
    for i in range(n):
        picked = [words[(i * 7 + j * 13) % len(words)] for j in range(5)]
        out.append(qa(i + 1, "".join(picked[:3]) + "怎么办理？", tuple(picked[2:]), hits=i % 17))
    return out


def test_thousands_of_entries_search_in_milliseconds() -> None:
    index = AnswerIndex(_synthetic(5000))
    for query in ("社保转移", "shebao", "sb", "gongjijintiqu", ""):
        started = time.perf_counter()
        index.search(query)
        # Typically 1-5 ms; the bound leaves room for a slow CI machine.
        assert time.perf_counter() - started < 0.25, query
