"""The open cases' countdowns as one sorted list, soonest deadline first, with the
number in each colour band at any moment.

The countdown panel shows 20,000 cases and repaints every second, so the list
answers what it is asked in O(log n): where a case is, where a re-read case
goes, which deadlines passed between two moments, and how many cases are
overdue or short at a moment (``BandCounter``). The panel loads it a page at a
time (``extend``): the first page is on screen at once, each next page is made
into countdowns in a worker thread and appended on the GUI thread (a few
milliseconds a page). No Qt here: the panel's model wraps the list and
tells its views what moved.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from itertools import compress, islice, repeat
from operator import eq, gt, is_, itemgetter, lt

import numpy as np

from console.casework import countdown
from console.casework.countdown import Countdown, sort_key

Key = tuple[dt.datetime, uuid.UUID]
MAX_ID = uuid.UUID(int=(1 << 128) - 1)  # sorts after every id with the same deadline
_ID, _STARTED_AT, _DUE_AT, _PAUSED_AT = (itemgetter(i) for i in (0, 6, 7, 8))  # Countdown


class BandCounter:
    """How many cases are in each band at a given moment, in O(log n).

    A running case is overdue once ``due_at`` has passed and short once its
    quarter threshold has; both moments are kept as sorted POSIX times (float
    arithmetic: 20,000 cases in a few milliseconds). Paused cases (few) are
    counted one by one.
    """

    def __init__(self, entries: Sequence[Countdown]) -> None:
        self._dues: list[float] = []
        self._thresholds: list[float] = []
        self._paused: dict[uuid.UUID, Countdown] = {}
        self.extend(entries)

    def extend(self, entries: Sequence[Countdown]) -> None:
        """Count many cases at once (a sort of two sorted runs: a merge)."""
        # C loops only (map, numpy): no Python code runs per case.
        is_running = list(map(is_, map(_PAUSED_AT, entries), repeat(None)))
        running = list(compress(entries, is_running))
        dues = list(map(dt.datetime.timestamp, map(_DUE_AT, running)))
        starts = np.fromiter(map(dt.datetime.timestamp, map(_STARTED_AT, running)),
                             dtype=np.float64, count=len(running))
        ordered = self._dues and dues and dues[0] >= self._dues[-1]  # a next page
        self._dues += dues
        if not ordered or any(map(gt, dues, islice(dues, 1, None))):
            self._dues.sort()
        due = np.array(dues, dtype=np.float64)  # as _moments: due - (due - start) * QUARTER
        self._thresholds += np.where(due > starts, due - (due - starts) * countdown.QUARTER,
                                     -math.inf).tolist()
        self._thresholds.sort()  # two sorted runs: a merge
        if not all(is_running):  # paused: few
            self._paused.update((e.id, e) for e in entries if e.paused_at is not None)

    def add(self, entry: Countdown) -> None:
        if entry.paused_at is not None:
            self._paused[entry.id] = entry
            return
        due, threshold = _moments(entry)
        insort(self._dues, due)
        insort(self._thresholds, threshold)

    def remove(self, entry: Countdown) -> None:
        if entry.paused_at is not None:
            self._paused.pop(entry.id, None)
            return
        due, threshold = _moments(entry)
        del self._dues[bisect_left(self._dues, due)]
        del self._thresholds[bisect_left(self._thresholds, threshold)]

    def counts(self, now: dt.datetime) -> dict[str, int]:
        moment = now.timestamp()
        overdue = bisect_right(self._dues, moment)
        short = bisect_left(self._thresholds, moment) - overdue  # strictly past the quarter
        paused_bands = [e.band(now) for e in self._paused.values()]
        return {countdown.OVERDUE: overdue + paused_bands.count(countdown.OVERDUE),
                countdown.SHORT: short, countdown.PAUSED: paused_bands.count(countdown.PAUSED),
                "total": len(self._dues) + len(self._paused)}


def _moments(entry: Countdown) -> tuple[float, float]:
    """(due, the moment it falls under a quarter of its time) as POSIX times. A case
    given no time at all (not accepted yet: it counts from its deadline) is short
    from the start, as ``Countdown.band`` says."""
    due, started = entry.due_at.timestamp(), entry.started_at.timestamp()
    if due <= started:
        return due, -math.inf
    return due, due - (due - started) * countdown.QUARTER


def _in_order(entries: Sequence[Countdown]) -> bool:
    """Whether ``entries`` are in ``sort_key`` order: their deadlines compared in C, the
    ids only where two deadlines are the same."""
    dues = list(map(_DUE_AT, entries))
    if all(map(lt, dues, islice(dues, 1, None))):  # no two the same: one pass
        return True
    if any(map(gt, dues, islice(dues, 1, None))):
        return False
    ties = compress(range(len(dues)), map(eq, dues, islice(dues, 1, None)))
    return not any(entries[i][0] > entries[i + 1][0] for i in ties)


class CountdownList:
    """Countdowns by (deadline, id), each case at most once; rows count from 0.

    The countdowns themselves are the sorted list (searched by ``sort_key``, no
    second list of keys) and finds a case by its id."""

    def __init__(self, entries: Sequence[Countdown] = ()) -> None:
        ordered = list(entries)
        if not _in_order(ordered):  # the database sorts
            ordered.sort(key=sort_key)
        self._entries = ordered
        self._by_id = dict(zip(map(_ID, ordered), ordered, strict=True))
        self._bands = BandCounter(ordered)

    def fresh_tail(self, entries: Sequence[Countdown]) -> bool:
        """Whether ``entries`` (in order) are all new and sort after every case in the
        list: the next page of a load, with no live update in its range meanwhile."""
        by_id = self._by_id
        if any(map(by_id.__contains__, map(_ID, entries))):
            return False
        return not entries or not self._entries or sort_key(entries[0]) > sort_key(
            self._entries[-1])

    def extend(self, entries: Sequence[Countdown]) -> None:
        """Append the next page (``fresh_tail`` holds for it)."""
        self._entries += entries
        self._by_id.update(zip(map(_ID, entries), entries, strict=True))
        self._bands.extend(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, row: int) -> Countdown:
        return self._entries[row]

    def row_of(self, case_id: uuid.UUID) -> int | None:
        entry = self._by_id.get(case_id)
        return None if entry is None else self._at(sort_key(entry))

    def _at(self, key: Key) -> int:
        return bisect_left(self._entries, key, key=sort_key)

    def stays_at(self, row: int, entry: Countdown) -> bool:
        """Whether ``entry``, a re-read of the case at ``row``, keeps its place."""
        return sort_key(entry) == sort_key(self._entries[row])

    def replace(self, row: int, entry: Countdown) -> None:
        """Put a re-read in place of the case at ``row`` (see ``stays_at``)."""
        self._bands.remove(self._entries[row])
        self._bands.add(entry)
        self._entries[row] = entry
        self._by_id[entry.id] = entry

    def remove(self, row: int) -> None:
        entry = self._entries[row]
        self._bands.remove(entry)
        del self._entries[row], self._by_id[entry.id]

    def place_for(self, entry: Countdown) -> int:
        """The row ``insert`` would put a case (not in the list) at."""
        return self._at(sort_key(entry))

    def insert(self, entry: Countdown) -> int:
        """Add a case that is not in the list; its row."""
        at = self._at(sort_key(entry))
        self._entries.insert(at, entry)
        self._by_id[entry.id] = entry
        self._bands.add(entry)
        return at

    def newly_overdue(self, since: dt.datetime, now: dt.datetime) -> list[Countdown]:
        """Running cases whose deadline passed in (since, now]."""
        first = bisect_right(self._entries, (since, MAX_ID), key=sort_key)
        last = bisect_right(self._entries, (now, MAX_ID), key=sort_key)
        return [e for e in self._entries[first:last] if e.paused_at is None]

    def band_counts(self, now: dt.datetime) -> dict[str, int]:
        """Cases per band at ``now`` (overdue, short, paused) and in all ("total")."""
        return self._bands.counts(now)
