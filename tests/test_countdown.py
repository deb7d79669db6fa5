"""Countdowns against a clock: bands, paused clocks, a seat whose clock is off."""

import datetime as dt
import uuid

from console.casework.countdown import (
    OVERDUE,
    PAUSED,
    PLENTY,
    SHORT,
    Countdown,
    as_countdown,
    entries,
    format_left,
)
from console.casework.countdown_list import CountdownList
from console.core.clock import FakeClock, ServerClock

START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def entry(hours: float = 24, paused_at: dt.datetime | None = None) -> Countdown:
    return Countdown(uuid.uuid4(), "PS-1", "B", "dispatched", 1, None, START,
                     START + dt.timedelta(hours=hours), paused_at)


def test_bands_follow_the_share_of_time_left() -> None:
    e = entry(hours=24)
    assert e.band(START + dt.timedelta(hours=1)) == PLENTY
    assert e.band(START + dt.timedelta(hours=19)) == SHORT  # 5 h of 24 left: under a quarter
    assert e.band(START + dt.timedelta(hours=25)) == OVERDUE
    assert e.left(START + dt.timedelta(hours=25)) == dt.timedelta(hours=-1)


def test_hours_across_midnight() -> None:
    late = Countdown(uuid.uuid4(), "PS-2", "A", "dispatched", 1, None,
                     dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC),
                     dt.datetime(2026, 11, 21, 2, 30, tzinfo=dt.UTC), None)
    assert late.left(dt.datetime(2026, 11, 21, 0, 30, tzinfo=dt.UTC)) == dt.timedelta(hours=2)


def test_a_paused_clock_stands_still() -> None:
    e = entry(hours=24, paused_at=START + dt.timedelta(hours=4))
    assert e.left(START + dt.timedelta(hours=10)) == dt.timedelta(hours=20)
    assert e.left(START + dt.timedelta(days=9)) == dt.timedelta(hours=20)
    assert e.band(START + dt.timedelta(days=9)) == PAUSED


def test_a_seat_whose_clock_is_an_hour_off_shows_the_right_time_left() -> None:
    server_now = START + dt.timedelta(hours=6)
    wrong_local = FakeClock(server_now - dt.timedelta(hours=1))  # the seat is an hour slow
    clock = ServerClock(wrong_local)
    clock.calibrate(wrong_local.now(), server_now, wrong_local.now())
    assert entry(hours=24).left(clock.now()) == dt.timedelta(hours=18)
    wrong_local.advance(minutes=30)
    assert entry(hours=24).left(clock.now()) == dt.timedelta(hours=17, minutes=30)


def test_format() -> None:
    assert format_left(dt.timedelta(days=2, hours=3, minutes=15, seconds=20)) == (
        False, "2天 03:15:20")
    assert format_left(dt.timedelta(minutes=-61)) == (True, "01:01:00")


def test_band_counts_match_counting_one_by_one() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from console.casework.countdown import OVERDUE, SHORT
    from console.casework.countdown_list import BandCounter

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.integers(-500, 500), st.integers(1, 400),
                              st.booleans()), max_size=40),
           st.integers(-600, 600))
    def check(specs: list[tuple[int, int, bool]], offset: int) -> None:
        entries = []
        for started, length, paused in specs:
            begin = START + dt.timedelta(hours=started)
            entries.append(Countdown(uuid.uuid4(), "PS", "B", "dispatched", 1, None, begin,
                                     begin + dt.timedelta(hours=length),
                                     begin + dt.timedelta(hours=1) if paused else None))
        now = START + dt.timedelta(hours=offset)
        counter = BandCounter(entries[: len(entries) // 2])
        for e in entries[len(entries) // 2:]:
            counter.add(e)
        if entries:
            counter.remove(entries[0])
            counter.add(entries[0])
        counts = counter.counts(now)
        bands = [e.band(now) for e in entries]
        assert counts[OVERDUE] == bands.count(OVERDUE)
        assert counts[SHORT] == bands.count(SHORT)
        assert counts["total"] == len(entries)

    check()


def test_the_list_stays_sorted_through_re_reads_and_finds_what_fell_due() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from console.casework.countdown_list import CountdownList

    def made(hours: int, paused: bool) -> Countdown:
        due = START + dt.timedelta(hours=hours)
        return Countdown(uuid.uuid4(), "PS", "B", "dispatched", 1, None, START - dt.timedelta(
            days=1), due, START if paused else None)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.tuples(st.integers(-50, 50), st.booleans()), max_size=30),
           st.lists(st.tuples(st.integers(0, 40), st.integers(-50, 50), st.booleans()),
                    max_size=20),
           st.integers(-60, 60), st.integers(0, 30))
    def check(initial: list[tuple[int, bool]], changes: list[tuple[int, int, bool]],
              since: int, span: int) -> None:
        entries = [made(h, p) for h, p in initial]
        listed = CountdownList(entries)  # built unsorted: it sorts itself
        held = {e.id: e for e in entries}
        for pick, hours, gone in changes:  # a re-read: closed, moved, or the same place
            if not held:
                break
            old = sorted(held)[pick % len(held)]
            row = listed.row_of(old)
            assert row is not None and listed.entry(row).id == old
            if gone:
                listed.remove(row)
                del held[old]
                continue
            new = Countdown(old, "PS", "B", "in_progress", 1, None, START - dt.timedelta(
                days=1), START + dt.timedelta(hours=hours), None)
            if listed.stays_at(row, new):
                listed.replace(row, new)
            else:
                listed.remove(row)
                at = listed.place_for(new)
                assert listed.insert(new) == at
            held[old] = new
        order = [listed.entry(r) for r in range(len(listed))]
        assert order == sorted(held.values(), key=lambda e: (e.due_at, e.id))
        assert all(listed.row_of(e.id) == r for r, e in enumerate(order))
        begin = START + dt.timedelta(hours=since)
        end = begin + dt.timedelta(hours=span)
        assert {e.id for e in listed.newly_overdue(begin, end)} == {
            e.id for e in held.values() if begin < e.due_at <= end and e.paused_at is None}
        bands = [e.band(end) for e in held.values()]
        counts = listed.band_counts(end)
        assert (counts[OVERDUE], counts[SHORT], counts[PAUSED], counts["total"]) == (
            bands.count(OVERDUE), bands.count(SHORT), bands.count(PAUSED), len(bands))

    check()


def test_a_list_loaded_in_pages_equals_one_built_at_once() -> None:
    """The panel's paged load: each page appended (``extend``) while it sorts after
    every case in the list; a page whose range a live update already touched is put
    in place case by case. The bands are counted the same either way."""
    def made(hours: float, paused: bool = False) -> Countdown:
        return Countdown(uuid.uuid4(), "PS", "B", "dispatched", 1, None, START,
                         START + dt.timedelta(hours=hours), START if paused else None)

    everything = sorted([made(h, h % 7 == 0) for h in range(-20, 40)],
                        key=lambda e: (e.due_at, e.id))
    paged = CountdownList(everything[:5])
    for first in range(5, len(everything), 9):
        page = everything[first:first + 9]
        assert paged.fresh_tail(page)
        paged.extend(page)
    whole = CountdownList(everything)
    assert [paged.entry(r) for r in range(len(paged))] == everything
    for hours in (-30, 0, 10, 50):
        moment = START + dt.timedelta(hours=hours)
        assert paged.band_counts(moment) == whole.band_counts(moment)
    # A live update put a case of the next page's range in first: not a fresh tail.
    started = CountdownList(everything[:5])
    started.insert(everything[7])
    assert not started.fresh_tail(everything[5:14])
    assert not started.fresh_tail(everything[6:7])  # sorts before the live one


def test_a_list_given_out_of_order_sorts_by_deadline_then_id() -> None:
    """The database sorts, but a list given out of order (equal deadlines included,
    their ids the wrong way round) is sorted by (deadline, id) and finds every case."""
    due = START + dt.timedelta(hours=5)
    low, high = uuid.UUID(int=1), uuid.UUID(int=2)
    tied = [Countdown(i, "PS", "B", "dispatched", 1, None, START, due, None) for i in (high, low)]
    later = entry(hours=9)
    for given in ([*tied, later], [later, *tied]):
        listed = CountdownList(given)
        assert [listed.entry(r).id for r in range(3)] == [low, high, later.id]
        assert [listed.row_of(i) for i in (low, high, later.id)] == [0, 1, 2]
    assert CountdownList([*reversed(tied), later]).row_of(uuid.uuid4()) is None


def test_rows_become_countdowns_and_a_row_with_no_start_counts_from_its_deadline() -> None:
    """``entries`` on rows of ``COLUMNS`` as the database gives them (plain tuples)."""
    due = START + dt.timedelta(hours=4)
    started = (uuid.uuid4(), "PS-1", "B", "in_progress", 1, 7, START, due, None, False,
               START, None, due, None)
    unstarted = (uuid.uuid4(), "PS-2", "B", "new", 1, None, None, due, None, True,
                 START, None, due, None)
    made = entries([started, unstarted])
    assert made == [Countdown(*started), Countdown(*unstarted[:6], due, *unstarted[7:])]
    # The panel keeps the tuples; a countdown is made of one when asked.
    first, kept = as_countdown(made[0]), as_countdown(made[1])
    assert kept.started_at == due and kept.estimated
    assert kept.band(START) == SHORT  # given no time at all: short from the start
    assert first.assigned_unit_id == 7 and first.band(START) == PLENTY


def test_rows_with_the_databases_moments_list_as_rows_worked_out_here() -> None:
    """Rows as the database gives them carry their moments (``due_s``, ``threshold_s``:
    NaN while paused, -inf given no time); the list orders, finds and counts them by
    those alone, as it does rows whose moments it works out, equal deadlines and rows
    of both kinds in one list included."""
    import math
    import random

    from hypothesis import given, settings
    from hypothesis import strategies as st

    def as_read(e: Countdown) -> Countdown:  # the database's arithmetic, done here
        due, started = e.due_at.timestamp(), e.started_at.timestamp()
        threshold = (math.nan if e.paused_at is not None else
                     due - (due - started) * 0.25 if due > started else -math.inf)
        return e._replace(due_s=due, threshold_s=threshold)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.tuples(st.integers(-6, 6), st.integers(-3, 8), st.booleans(),
                              st.booleans()), max_size=40),
           st.integers(-10, 10), st.randoms(use_true_random=False))
    def check(specs: list[tuple[int, int, bool, bool]], offset: int,
              rng: random.Random) -> None:
        plain, read = [], []
        for n, (due_hours, length, paused, worked_out) in enumerate(specs):
            due = START + dt.timedelta(hours=due_hours)
            case_id = uuid.UUID(int=rng.getrandbits(120) << 8 | n)  # in any order, unique
            made = Countdown(case_id, "PS", "B", "dispatched", 1,
                             None, due - dt.timedelta(hours=length), due,
                             START if paused else None)
            plain.append(made)
            read.append(made if worked_out else as_read(made))
        key = sorted(range(len(plain)), key=lambda i: (plain[i].due_at, plain[i].id))
        for given_rows in ([read[i] for i in key], read):  # as the database sorts; shuffled
            listed = CountdownList(given_rows)
            assert [listed.entry(r).id for r in range(len(listed))] == [plain[i].id for i in key]
            assert all(listed.row_of(plain[i].id) == r for r, i in enumerate(key))
            now = START + dt.timedelta(hours=offset)
            bands = [e.band(now) for e in plain]
            counts = listed.band_counts(now)
            assert (counts[OVERDUE], counts[SHORT], counts[PAUSED], counts["total"]) == (
                bands.count(OVERDUE), bands.count(SHORT), bands.count(PAUSED), len(bands))
        paged = CountdownList([read[i] for i in key[:3]])
        paged.extend([read[i] for i in key[3:]])
        assert paged.band_counts(now) == listed.band_counts(now)

    check()
