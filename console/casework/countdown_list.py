"""The open cases' countdowns as one sorted list, soonest deadline first, with the
number in each colour band at any moment.

The countdown panel shows 20,000 cases and repaints every second, so the list
answers what it is asked in O(log n): where a case is, where a re-read case
goes, which deadlines passed between two moments, and how many cases are
overdue or short at a moment (``BandCounter``). The panel loads it a page at a
time (``extend``): the first page is on screen at once, each next page is appended
on the GUI thread as it is read (a millisecond or two a page: no Python code runs
per case). No Qt here: the panel's model wraps the list and
tells its views what moved.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter, itemgetter

import numpy as np

from console.casework import countdown
from console.casework.countdown import Countdown, Row, as_countdown, sort_key

Key = tuple[dt.datetime, uuid.UUID]
MAX_ID = uuid.UUID(int=(1 << 128) - 1)  # sorts after every id with the same deadline
_ID, _STARTED_AT, _DUE_AT, _PAUSED_AT = (itemgetter(i) for i in (0, 6, 7, 8))  # Countdown
_INT = attrgetter("int")  # a uuid's 128-bit integer
_THRESHOLD_AT = 15  # Countdown.threshold_s (due_s before it)
_DUE_S, _THRESHOLD_S = itemgetter(_THRESHOLD_AT - 1), itemgetter(_THRESHOLD_AT)
Moments = tuple[np.ndarray, np.ndarray]  # (deadlines, quarter moments) as POSIX times


class BandCounter:
    """How many cases are in each band at a given moment, in O(log n).

    A running case is overdue once ``due_at`` has passed and short once its
    quarter threshold has; both moments are kept as sorted POSIX times in numpy
    arrays (no Python float per case; a load of 100,000 cases is two C loops over
    the rows' moments and a sort). Paused cases (few: a NaN threshold) are counted
    one by one.
    """

    def __init__(self, entries: Sequence[Row], moments: Moments | None = None) -> None:
        self._dues = np.empty(0, dtype=np.float64)
        self._thresholds = np.empty(0, dtype=np.float64)
        self._paused: dict[uuid.UUID, Countdown] = {}
        self.extend(entries, moments)

    def extend(self, entries: Sequence[Row], moments: Moments | None = None) -> None:
        """Count many cases at once (``moments``: theirs, as ``moment_arrays`` gives)."""
        due, thresholds = moment_arrays(entries) if moments is None else moments
        paused = np.isnan(thresholds)
        if paused.any():  # few: one by one
            self._paused.update((entries[i][0], as_countdown(entries[i]))
                                for i in np.flatnonzero(paused).tolist())
            due, thresholds = due[~paused], thresholds[~paused]
        ordered = len(due) and (not len(self._dues) or due[0] >= self._dues[-1]) and bool(
            np.all(due[1:] >= due[:-1]))
        self._dues = np.concatenate((self._dues, due))
        if not ordered:
            self._dues.sort()
        # a page's few thresholds sorted and merged in (one copy, no sort of them all)
        thresholds = np.sort(thresholds)
        self._thresholds = np.insert(self._thresholds, np.searchsorted(
            self._thresholds, thresholds), thresholds) if len(self._thresholds) else thresholds

    def add(self, entry: Row) -> None:
        if entry[8] is not None:  # paused
            self._paused[entry[0]] = as_countdown(entry)
            return
        due, threshold = _moments(entry)
        self._dues = np.insert(self._dues, np.searchsorted(self._dues, due), due)
        self._thresholds = np.insert(self._thresholds,
                                     np.searchsorted(self._thresholds, threshold), threshold)

    def remove(self, entry: Row) -> None:
        if entry[8] is not None:  # paused
            self._paused.pop(entry[0], None)
            return
        due, threshold = _moments(entry)
        self._dues = np.delete(self._dues, np.searchsorted(self._dues, due))
        self._thresholds = np.delete(self._thresholds,
                                     np.searchsorted(self._thresholds, threshold))

    def counts(self, now: dt.datetime) -> dict[str, int]:
        moment = now.timestamp()
        overdue = int(np.searchsorted(self._dues, moment, side="right"))
        # strictly past the quarter
        short = int(np.searchsorted(self._thresholds, moment, side="left")) - overdue
        paused_bands = [e.band(now) for e in self._paused.values()]
        return {countdown.OVERDUE: overdue + paused_bands.count(countdown.OVERDUE),
                countdown.SHORT: short, countdown.PAUSED: paused_bands.count(countdown.PAUSED),
                "total": len(self._dues) + len(self._paused)}


def moment_arrays(entries: Sequence[Row]) -> Moments:
    """Every row's ``_moments`` as two arrays in the rows' order: as the database gave
    them (rows of ``COLUMNS``: two C loops, no Python code per row), else worked out
    here one by one (rows made in Python without them, read as NaN)."""
    count = len(entries)
    try:
        due = np.fromiter(map(_DUE_S, entries), dtype=np.float64, count=count)
        thresholds = np.fromiter(map(_THRESHOLD_S, entries), dtype=np.float64, count=count)
    except IndexError:  # short rows: none has them
        due, thresholds = np.full(count, np.nan), np.full(count, np.nan)
    # NaN: a paused case's threshold (the database's, kept), or no moments at all
    for i in np.flatnonzero(np.isnan(due) | np.isnan(thresholds)).tolist():
        due[i], thresholds[i] = _moments(entries[i])
    return due, thresholds


def _moments(entry: Row) -> tuple[float, float]:
    """(due, the moment it falls under a quarter of its time) as POSIX times. A case
    given no time at all (not accepted yet: it counts from its deadline) is short
    from the start, as ``Countdown.band`` says (-inf); a paused case has no such
    moment (NaN: its band follows its pause)."""
    if len(entry) > _THRESHOLD_AT and entry[_THRESHOLD_AT - 1] is not None:
        return entry[_THRESHOLD_AT - 1], entry[_THRESHOLD_AT]  # the database's
    due, started = _DUE_AT(entry).timestamp(), _STARTED_AT(entry).timestamp()
    if _PAUSED_AT(entry) is not None:
        return due, math.nan
    if due <= started:
        return due, -math.inf
    return due, due - (due - started) * countdown.QUARTER


def _in_order(entries: Sequence[Row], due: np.ndarray) -> bool:
    """Whether ``entries`` are in ``sort_key`` order, ``due`` their deadlines as POSIX
    times (``moment_arrays``): compared in numpy, the keys only where two deadlines
    are the same. (A double tells microseconds apart this side of the year 2200, and
    rounding keeps their order.)"""
    steps = np.diff(due)
    if bool(np.all(steps > 0)):  # no two the same: one pass
        return True
    if bool(np.any(steps < 0)):
        return False
    return not any(sort_key(entries[i]) > sort_key(entries[i + 1])
                   for i in np.flatnonzero(steps == 0).tolist())


class CountdownList:
    """Countdowns by (deadline, id), each case at most once; rows count from 0.

    The countdowns themselves are the sorted list (searched by ``sort_key``, no
    second list of keys) and finds a case by its id's 128-bit integer (hashed in C:
    a uuid's hash is Python code)."""

    def __init__(self, entries: Sequence[Row] = ()) -> None:
        ordered = list(entries)
        moments = moment_arrays(ordered)
        if not _in_order(ordered, moments[0]):  # the database sorts
            ordered.sort(key=sort_key)
            moments = moment_arrays(ordered)
        self._entries = ordered
        self._by_id = dict(zip(map(_INT, map(_ID, ordered)), ordered, strict=True))
        self._bands = BandCounter(ordered, moments)
        self._checked: tuple[Sequence[Row], list[int]] = ((), [])  # see ``fresh_tail``

    def fresh_tail(self, entries: Sequence[Row]) -> bool:
        """Whether ``entries`` (in order) are all new and sort after every case in the
        list: the next page of a load, with no live update in its range meanwhile."""
        ids = list(map(_INT, map(_ID, entries)))
        self._checked = entries, ids  # ``extend`` of the same page takes them as they are
        if any(map(self._by_id.__contains__, ids)):
            return False
        return not entries or not self._entries or sort_key(entries[0]) > sort_key(
            self._entries[-1])

    def extend(self, entries: Sequence[Row]) -> None:
        """Append the next page (``fresh_tail`` holds for it)."""
        checked, ids = self._checked
        self._checked = (), []
        if checked is not entries:
            ids = list(map(_INT, map(_ID, entries)))
        self._entries += entries
        self._by_id.update(zip(ids, entries, strict=True))
        self._bands.extend(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, row: int) -> Countdown:
        """The case at ``row`` (a countdown made of its tuple now: only rows asked for)."""
        return as_countdown(self._entries[row])

    def row_of(self, case_id: uuid.UUID) -> int | None:
        entry = self._by_id.get(case_id.int)
        return None if entry is None else self._at(sort_key(entry))

    def _at(self, key: Key) -> int:
        return bisect_left(self._entries, key, key=sort_key)

    def stays_at(self, row: int, entry: Row) -> bool:
        """Whether ``entry``, a re-read of the case at ``row``, keeps its place."""
        return sort_key(entry) == sort_key(self._entries[row])

    def replace(self, row: int, entry: Row) -> None:
        """Put a re-read in place of the case at ``row`` (see ``stays_at``). Its band
        moments are moved only when they changed: a move of each array is a copy of
        all of them, and most re-reads (an order issued, a note) leave them as they
        were."""
        old = self._entries[row]
        if old[8] is not None or entry[8] is not None or _moments(old) != _moments(entry):
            self._bands.remove(old)
            self._bands.add(entry)
        self._entries[row] = entry
        self._by_id[entry[0].int] = entry

    def remove(self, row: int) -> None:
        entry = self._entries[row]
        self._bands.remove(entry)
        del self._entries[row], self._by_id[entry[0].int]

    def place_for(self, entry: Row) -> int:
        """The row ``insert`` would put a case (not in the list) at."""
        return self._at(sort_key(entry))

    def insert(self, entry: Row) -> int:
        """Add a case that is not in the list; its row."""
        at = self._at(sort_key(entry))
        self._entries.insert(at, entry)
        self._by_id[entry[0].int] = entry
        self._bands.add(entry)
        return at

    def newly_overdue(self, since: dt.datetime, now: dt.datetime) -> list[Countdown]:
        """Running cases whose deadline passed in (since, now]."""
        first = bisect_right(self._entries, (since, MAX_ID), key=sort_key)
        last = bisect_right(self._entries, (now, MAX_ID), key=sort_key)
        return [as_countdown(e) for e in self._entries[first:last] if e[8] is None]

    def band_counts(self, now: dt.datetime) -> dict[str, int]:
        """Cases per band at ``now`` (overdue, short, paused) and in all ("total")."""
        return self._bands.counts(now)
