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

from console.casework import countdown
from console.casework.countdown import Countdown

Key = tuple[dt.datetime, uuid.UUID]
MAX_ID = uuid.UUID(int=(1 << 128) - 1)  # sorts after every id with the same deadline


def sort_key(entry: Countdown) -> Key:
    return entry.due_at, entry.id


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
        running = [e for e in entries if e.paused_at is None]
        dues = [e.due_at.timestamp() for e in running]
        starts = [e.started_at.timestamp() for e in running]
        ordered = self._dues and dues and dues[0] >= self._dues[-1]  # a next page
        self._dues += dues
        if not ordered or any(a > b for a, b in zip(dues, dues[1:], strict=False)):
            self._dues.sort()
        self._thresholds += [due - (due - start) * countdown.QUARTER if due > start
                             else -math.inf for due, start in zip(dues, starts, strict=True)]
        self._thresholds.sort()  # two sorted runs: a merge
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


class CountdownList:
    """Countdowns by (deadline, id), each case at most once; rows count from 0."""

    def __init__(self, entries: Sequence[Countdown] = ()) -> None:
        ordered = list(entries)
        keys = [(e.due_at, e.id) for e in ordered]
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):  # the database sorts
            pairs = sorted(zip(keys, ordered, strict=True), key=lambda p: p[0])
            keys, ordered = [k for k, _ in pairs], [e for _, e in pairs]
        self._entries = ordered
        self._keys = keys
        self._key_of = {e.id: k for e, k in zip(ordered, keys, strict=True)}
        self._bands = BandCounter(ordered)

    def fresh_tail(self, entries: Sequence[Countdown]) -> bool:
        """Whether ``entries`` (in order) are all new and sort after every case in the
        list: the next page of a load, with no live update in its range meanwhile."""
        if any(e.id in self._key_of for e in entries):
            return False
        return not entries or not self._keys or sort_key(entries[0]) > self._keys[-1]

    def extend(self, entries: Sequence[Countdown]) -> None:
        """Append the next page (``fresh_tail`` holds for it)."""
        keys = [(e.due_at, e.id) for e in entries]
        self._entries += entries
        self._keys += keys
        self._key_of.update(zip((e.id for e in entries), keys, strict=True))
        self._bands.extend(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, row: int) -> Countdown:
        return self._entries[row]

    def row_of(self, case_id: uuid.UUID) -> int | None:
        key = self._key_of.get(case_id)
        return None if key is None else bisect_left(self._keys, key)

    def stays_at(self, row: int, entry: Countdown) -> bool:
        """Whether ``entry``, a re-read of the case at ``row``, keeps its place."""
        return sort_key(entry) == self._keys[row]

    def replace(self, row: int, entry: Countdown) -> None:
        """Put a re-read in place of the case at ``row`` (see ``stays_at``)."""
        self._bands.remove(self._entries[row])
        self._bands.add(entry)
        self._entries[row] = entry

    def remove(self, row: int) -> None:
        entry = self._entries[row]
        self._bands.remove(entry)
        del self._entries[row], self._keys[row], self._key_of[entry.id]

    def place_for(self, entry: Countdown) -> int:
        """The row ``insert`` would put a case (not in the list) at."""
        return bisect_left(self._keys, sort_key(entry))

    def insert(self, entry: Countdown) -> int:
        """Add a case that is not in the list; its row."""
        key = sort_key(entry)
        at = bisect_left(self._keys, key)
        self._entries.insert(at, entry)
        self._keys.insert(at, key)
        self._key_of[entry.id] = key
        self._bands.add(entry)
        return at

    def newly_overdue(self, since: dt.datetime, now: dt.datetime) -> list[Countdown]:
        """Running cases whose deadline passed in (since, now]."""
        first = bisect_right(self._keys, (since, MAX_ID))
        last = bisect_right(self._keys, (now, MAX_ID))
        return [e for e in self._entries[first:last] if e.paused_at is None]

    def band_counts(self, now: dt.datetime) -> dict[str, int]:
        """Cases per band at ``now`` (overdue, short, paused) and in all ("total")."""
        return self._bands.counts(now)
