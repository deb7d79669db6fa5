"""Ranking quick answers by Chinese text and pinyin, in memory, with no database.

Operators type fragments while the caller talks: 社保转, 积分入学, shebao, sb,
sheb. The ranking therefore works on pieces that survive half-typed input:

* a Chinese run of one character is looked up as that character; a longer run
  as its character bigrams (社保转移 -> 社保 保转 转移), so word order, filler
  words (怎么, 如何) and a wrong character cost a little instead of everything;
* a run of letters or digits is matched against the pinyin syllables of the
  question and of each keyword, every syllable typed in full or cut short to
  any prefix of it (at least its first letter): shebao, sb, sheb, gongjj and
  shebzy all find 社保转移 / 公积金. A number is found as written (12345).

Every piece is weighted by its rarity (idf over the entries, so 社保 counts
for more than 办理) and by where it matched (a keyword over the question). A
piece that no entry has is ignored, so words outside the base do not hide
the answer. A whole-phrase match and a pinyin match at the start of a field
get a bonus; equal scores put the most used entry first. Results below a
quarter of the best score are left out.

Why bigrams and not word segmentation (jieba): a segmenter needs whole words
and cuts a half-typed 积分入 into 积分/入, its dictionary takes about 0.8 s to
build at first use and the package installs some 40 MB; bigrams need nothing
and handle fragments. pypinyin (already a dependency) gives context-aware
readings (银行 -> yin hang) but costs about 0.2 ms per question, so
``AnswerIndex`` prepares an entry once and again only when its version moves.
Bigrams live in an inverted index; the pinyin of all fields is one string
scanned by one regular expression. Measured on one core: 5,000 entries take
about 2 s to prepare and 0.1-4 ms per search (15 ms for a single letter).
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

QUESTION_WEIGHT, KEYWORD_WEIGHT = 2.0, 3.0
PHRASE_BONUS, START_BONUS = 0.5, 0.5
CUTOFF = 0.25  # of the best score
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{_HAN}]+|[a-z]+|[0-9]+")
_LETTERS = re.compile("[a-z]+")
_SEP = "|"
MAX_TERM = 24  # letters of one pinyin term that count (bounds the regex's work)


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
    # Set on a service write's result: the event it appended (not part of the entry).
    event_id: int | None = field(default=None, compare=False, repr=False)


def normalise(text: str) -> str:
    """Full-width letters and digits folded to ASCII (NFKC), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def _grams(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(len(run) - 1)]


def load_pinyin() -> None:
    """Import pypinyin (half a second of dictionaries): call it in a worker thread
    before the first ``prepare`` on the GUI thread."""
    import pypinyin  # noqa: F401


@lru_cache(maxsize=8192)  # keywords repeat across entries; pypinyin is the slow part
def _syllables(text: str) -> tuple[str, ...]:
    """Pinyin syllables of the Chinese characters; runs of Latin letters as words."""
    from pypinyin import lazy_pinyin  # imported at start by load_pinyin, off the GUI thread

    out: list[str] = []
    for item in lazy_pinyin(text):
        out += _LETTERS.findall(item.lower())
    return tuple(out)


def _pinyin_pattern(term: str) -> re.Pattern[str]:
    """Letters matched against "|she|bao|": each syllable typed in full or cut short.

    Between two typed letters the syllable either goes on or is left there
    (skip to the next "|"); a match starts at a syllable and stays in one field.
    """
    return re.compile(r"\|" + r"(?:[a-z]*\|)?".join(term[:MAX_TERM]))


@dataclass(frozen=True, slots=True)
class Prepared:
    """One entry made searchable: its fields' normalised text and pinyin."""

    answer: QuickAnswer
    texts: tuple[tuple[str, float], ...]  # question and keywords, with their weights
    heads: tuple[str, ...]                # per field, "|she|bao|guan|xi|"

    @classmethod
    def of(cls, answer: QuickAnswer) -> Prepared:
        texts = [(normalise(answer.question), QUESTION_WEIGHT)]
        texts += [(normalise(k), KEYWORD_WEIGHT) for k in answer.keywords if k.strip()]
        heads = tuple(_SEP + _SEP.join(_syllables(t)) + _SEP for t, _ in texts)
        return cls(answer, tuple(texts), heads)

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


class _Haystack:
    """All fields' pinyin in one string, so a letter query is one regex scan in C."""

    def __init__(self, entries: Iterable[Prepared]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.owners: list[tuple[int, float]] = []
        offset = 0
        for entry in entries:
            for head, (_, weight) in zip(entry.heads, entry.texts, strict=True):
                self.starts.append(offset)
                self.owners.append((entry.answer.id, weight))
                parts.append(head)
                offset += len(head) + 1
        self.text = "\n".join(parts)

    def posting(self, term: str) -> dict[int, float]:
        posting: dict[int, float] = {}
        for match in _pinyin_pattern(term).finditer(self.text):
            field = bisect.bisect_right(self.starts, match.start()) - 1
            answer_id, weight = self.owners[field]
            if match.start() == self.starts[field]:
                weight += START_BONUS
            posting[answer_id] = max(posting.get(answer_id, 0.0), weight)
        return posting


class AnswerIndex:
    """The searchable entries, prepared once; ``replace`` keeps unchanged ones."""

    def __init__(self, answers: Iterable[QuickAnswer] = ()) -> None:
        self._entries: dict[int, Prepared] = {}
        self._bigrams: dict[str, dict[int, float]] = {}
        self._haystack: _Haystack | None = None
        self.stamp: object = None  # what the entries were read at (the loader's business)
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
                entry = Prepared(answer, entry.texts, entry.heads)
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
        if entries.keys() != old.keys() or any(
                e.texts is not old[i].texts for i, e in entries.items()):
            self._haystack = None
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
        order = sorted((-score, -self._entries[i].answer.hits, i)
                       for i, score in scores.items() if score >= floor)
        return [self._entries[i].answer for _, _, i in order[:limit]]

    def _postings(self, run: str) -> list[dict[int, float]]:
        """Entry id -> weight of the best field, for each piece of one run of the query."""
        if len(run) > 1 and not run.isascii():
            return [self._bigrams.get(gram, {}) for gram in _grams(run)]
        if run.isalpha() and run.isascii():
            if self._haystack is None:
                self._haystack = _Haystack(self._entries.values())
            return [self._haystack.posting(run)]
        posting = {}  # one Chinese character, or a number: found as written
        for answer_id, entry in self._entries.items():
            if (weight := entry.text_weight(run)) > 0:
                posting[answer_id] = weight
        return [posting]
