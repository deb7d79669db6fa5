"""Ranking quick answers by Chinese text and pinyin, in memory, with no database.

Operators type fragments while the caller talks: 社保转, 积分入学, shebao, sb,
sheb. The ranking therefore works on pieces that survive half-typed input:

* a Chinese run of one character is looked up as that character; a longer run
  as its character bigrams (社保转移 -> 社保 保转 转移), so word order, filler
  words (怎么, 如何) and a wrong character cost a little instead of everything;
* a run of letters or digits is matched against the pinyin syllables of the
  text, each syllable typed in full, by its initial (zh/ch/sh count as one),
  or, for the last one, cut short: shebao, sb, sheb, shebzy all find 社保转移.

Every piece is weighted by its rarity (idf over the entries, so 社保 counts
for more than 办理) and by where it matched (keywords over the question). A
piece that no entry has is ignored, so words outside the base do not hide
the answer. A whole-phrase match and a match at the start of the question get
a bonus. Results below a quarter of the best score are left out.

Why bigrams and not word segmentation (jieba): a segmenter needs whole words
and cuts a half-typed 积分入 into 积分/入, its dictionary costs about 0.8 s to
build at first use and the package installs 40 MB; bigrams need nothing and
handle fragments. pypinyin (already a dependency) gives context-aware readings
(银行 -> yin hang). Converting text to pinyin costs about 0.2 ms per question,
so ``AnswerIndex`` keeps the prepared entries and re-prepares only those whose
version changed (``replace``), while a search costs a few milliseconds even for
thousands of entries.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

QUESTION_WEIGHT, KEYWORD_WEIGHT = 2.0, 3.0
PHRASE_BONUS, START_BONUS = 0.5, 0.5
CUTOFF = 0.25  # of the best score
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_LATIN = re.compile("[a-z0-9]+")
_TWO_LETTER_INITIALS = ("zh", "ch", "sh")
_SEP = "|"  # between the syllables of two fields; never matches a letter or digit


@dataclass(frozen=True)
class QuickAnswer:
    id: int
    question: str
    answer: str
    keywords: tuple[str, ...]
    category_id: int | None
    hits: int
    active: bool
    version: int


def normalise(text: str) -> str:
    """Full-width letters and digits folded to ASCII (NFKC), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def _grams(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=8192)  # keywords repeat across entries; pypinyin is the slow part
def _syllables(text: str) -> tuple[str, ...]:
    """Pinyin syllables of the Chinese characters; runs of letters or digits as words."""
    out: list[str] = []
    for item in lazy_pinyin(text):
        out += _LATIN.findall(item.lower())
    return tuple(out)


def _match_from(term: str, pos: int, syllables: tuple[str, ...], i: int) -> bool:
    """Does term[pos:] match the syllables from i on (full, initial, or cut short last)?"""
    if pos == len(term):
        return True
    if i == len(syllables):
        return False
    syllable, rest = syllables[i], term[pos:]
    if syllable.startswith(rest):  # the last syllable, typed in full or cut short
        return True
    if rest.startswith(syllable) and _match_from(term, pos + len(syllable), syllables, i + 1):
        return True
    if syllable[:2] in _TWO_LETTER_INITIALS and rest.startswith(syllable[:2]) and _match_from(
            term, pos + 2, syllables, i + 1):
        return True
    return rest[0] == syllable[0] and _match_from(term, pos + 1, syllables, i + 1)


@dataclass(frozen=True, slots=True)
class Prepared:
    """One entry made searchable: its fields' text and all their syllables in a row."""

    answer: QuickAnswer
    texts: tuple[tuple[str, float], ...]  # normalised question and keywords, with weights
    syllables: tuple[str, ...]
    initials: str                         # first letter of each syllable
    heads: str                            # "|she|bao|…|", for a quick first test
    start_weights: tuple[float, ...]      # what a match starting at syllable i is worth

    @classmethod
    def of(cls, answer: QuickAnswer) -> Prepared:
        texts = [(normalise(answer.question), QUESTION_WEIGHT)]
        texts += [(normalise(k), KEYWORD_WEIGHT) for k in answer.keywords if k.strip()]
        syllables: list[str] = []
        weights: list[float] = []
        for text, weight in texts:
            field = _syllables(text)
            if field:
                if syllables:
                    syllables.append(_SEP)
                    weights.append(0.0)
                syllables += field
                weights += [weight + START_BONUS] + [weight] * (len(field) - 1)
        return cls(answer, tuple(texts), tuple(syllables), "".join(s[0] for s in syllables),
                   _SEP + _SEP.join(syllables) + _SEP, tuple(weights))

    def bigrams(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for text, weight in self.texts:
            for run in _RUNS.findall(text):
                if not run.isascii():
                    for gram in _grams(run):
                        out[gram] = max(out.get(gram, 0.0), weight)
        return out

    def text_weight(self, part: str) -> float:
        return max((w for text, w in self.texts if part in text), default=0.0)

    def pinyin_weight(self, term: str) -> float:
        """What the best match of ``term`` (letters or digits) is worth; 0 for none."""
        # Any match begins with two initials in a row or a syllable starting with term[:2].
        if term[:2] not in self.initials and _SEP + term[:2] not in self.heads:
            return 0.0
        best = 0.0
        start = self.initials.find(term[0])
        while start != -1:
            weight = self.start_weights[start]
            if weight > best and _match_from(term, 0, self.syllables, start):
                best = weight
            start = self.initials.find(term[0], start + 1)
        return best


class AnswerIndex:
    """The searchable entries, prepared once; ``replace`` keeps unchanged ones."""

    def __init__(self, answers: Iterable[QuickAnswer] = ()) -> None:
        self._entries: dict[int, Prepared] = {}
        self._bigrams: dict[str, dict[int, float]] = {}
        self.replace(answers)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, answer_id: int) -> QuickAnswer | None:
        entry = self._entries.get(answer_id)
        return entry.answer if entry else None

    def versions(self) -> dict[int, int]:
        return {i: e.answer.version for i, e in self._entries.items()}

    @staticmethod
    def prepare(answers: Iterable[QuickAnswer]) -> list[Prepared]:
        """The costly part of ``replace`` (pinyin), for callers that spread it out."""
        return [Prepared.of(a) for a in answers if a.active]

    def replace(self, answers: Iterable[QuickAnswer], *,
                prepared: Iterable[Prepared] = ()) -> None:
        """Make the index hold exactly the active ones of ``answers``.

        An entry whose version is unchanged keeps its prepared text (only its hit
        count is taken over); ``prepared`` may bring entries made with ``prepare``.
        """
        old, fresh = self._entries, {e.answer.id: e for e in prepared}
        entries: dict[int, Prepared] = {}
        for answer in answers:
            if not answer.active:
                continue
            entry = fresh.get(answer.id) or old.get(answer.id)
            if entry is None or entry.answer.version != answer.version:
                entry = Prepared.of(answer)
            elif entry.answer != answer:  # the hit count moved
                entry = Prepared(answer, entry.texts, entry.syllables, entry.initials,
                                 entry.heads, entry.start_weights)
            entries[answer.id] = entry
        for answer_id, entry in old.items():
            if answer_id not in entries or entries[answer_id].texts is not entry.texts:
                for gram in entry.bigrams():
                    posting = self._bigrams[gram]
                    del posting[answer_id]
                    if not posting:
                        del self._bigrams[gram]
        for answer_id, entry in entries.items():
            if answer_id not in old or old[answer_id].texts is not entry.texts:
                for gram, weight in entry.bigrams().items():
                    self._bigrams.setdefault(gram, {})[answer_id] = weight
        self._entries = entries

    def search(self, query: str, limit: int = 20) -> list[QuickAnswer]:
        """Best first; an empty query gives the most used entries."""
        runs = _RUNS.findall(normalise(query))
        if not runs:
            ranked = sorted(self._entries.values(), key=lambda e: (-e.answer.hits, e.answer.id))
            return [e.answer for e in ranked[:limit]]
        total = len(self._entries)
        scores: dict[int, float] = {}
        for run in runs:
            idfs = []
            for posting in self._postings(run):
                if posting:
                    idf = math.log(1 + total / len(posting))
                    idfs.append(idf)
                    for answer_id, weight in posting.items():
                        scores[answer_id] = scores.get(answer_id, 0.0) + idf * weight
            if len(run) > 2 and not run.isascii() and idfs:
                bonus = PHRASE_BONUS * sum(idfs)
                for answer_id in scores:
                    scores[answer_id] += bonus * self._entries[answer_id].text_weight(run)
        if not scores:
            return []
        floor = CUTOFF * max(scores.values())
        ranked = sorted((-score, -self._entries[i].answer.hits, i)
                        for i, score in scores.items() if score >= floor)
        return [self._entries[i].answer for _, _, i in ranked[:limit]]

    def _postings(self, run: str) -> list[dict[int, float]]:
        """Entry id -> weight of the best field, for each piece of one run of the query."""
        if len(run) > 1 and not run.isascii():
            return [self._bigrams.get(gram, {}) for gram in _grams(run)]
        weigh = Prepared.pinyin_weight if run.isascii() else Prepared.text_weight
        posting = {}
        for answer_id, entry in self._entries.items():
            if (weight := weigh(entry, run)) > 0:
                posting[answer_id] = weight
        return [posting]
