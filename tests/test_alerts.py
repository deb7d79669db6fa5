"""Alerts are chosen per seat, told once, and coalesced into one notice."""

import datetime as dt
import uuid

from console.core.clock import FakeClock
from console.supervision.alerts import (
    COALESCE,
    NEW_A_CLASS,
    OVERDUE,
    REMEMBER,
    REPLY_DUE,
    Alert,
    Coalescer,
)
from console.supervision.highlights import Highlights


def alert(kind: str) -> Alert:
    return Alert(kind, uuid.uuid4(), "PS-20261122-000001")


def test_a_burst_becomes_one_notice() -> None:
    clock, alerts = FakeClock(), Coalescer()
    for _ in range(50):
        alerts.add(alert(OVERDUE), clock.now())
        clock.advance(milliseconds=20)
    alerts.add(alert(NEW_A_CLASS), clock.now())
    assert alerts.due(clock.now()) is None  # 1 s into the burst: still gathering
    clock.advance(seconds=COALESCE.total_seconds())
    notice = alerts.due(clock.now())
    assert notice is not None and notice.counts == {OVERDUE: 50, NEW_A_CLASS: 1}
    assert alerts.due(clock.now() + dt.timedelta(hours=1)) is None  # nothing more


def test_each_case_is_told_once_and_only_chosen_kinds() -> None:
    clock = FakeClock()
    alerts = Coalescer(wanted={REPLY_DUE})
    one = alert(REPLY_DUE)
    alerts.add(one, clock.now())
    alerts.add(one, clock.now())
    alerts.add(alert(OVERDUE), clock.now())
    clock.advance(seconds=10)
    notice = alerts.due(clock.now())
    assert notice is not None and notice.alerts == (one,)


def test_what_was_told_is_forgotten_after_a_while() -> None:
    """A seat running for weeks keeps no memory of every alert it ever gave: a case's
    alert is remembered for REMEMBER (it came from a deadline crossed once), then let go."""
    clock, alerts = FakeClock(), Coalescer()
    told = [alert(OVERDUE) for _ in range(1000)]
    for one in told:
        alerts.add(one, clock.now())
    clock.advance(seconds=10)
    assert alerts.due(clock.now()) is not None
    alerts.add(told[0], clock.now())  # told already: nothing new
    assert alerts.due(clock.now() + COALESCE) is None and alerts.remembered == 1000
    clock.advance(seconds=REMEMBER.total_seconds() - 60)
    fresh = alert(NEW_A_CLASS)
    alerts.add(fresh, clock.now())
    clock.advance(seconds=120)
    assert alerts.due(clock.now()) is not None  # the fresh one, and the old ones let go
    assert alerts.remembered == 1


def test_cases_in_bold_are_let_go_once_their_moment_has_passed() -> None:
    """A seat alerted on a burst every minute for a day holds only the bursts still
    shown (the last HIGHLIGHT's), not every case it ever showed in bold."""
    clock, bold = FakeClock(), Highlights()
    shown_for = dt.timedelta(minutes=10)
    burst: list[uuid.UUID] = []
    most = 0
    for _ in range(24 * 60):
        burst = [uuid.uuid4() for _ in range(5)]
        bold.mark(burst, clock.now() + shown_for, clock.now())
        most = max(most, len(bold))
        clock.advance(minutes=1)
    assert most == len(bold) == 5 * 10  # this burst and those of the nine minutes before
    assert bold.shown(burst[0], clock.now())
    clock.advance(minutes=10)
    assert not bold.shown(burst[0], clock.now())
    bold.mark([], clock.now(), clock.now())
    assert len(bold) == 0
