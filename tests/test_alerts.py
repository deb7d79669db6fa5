"""Alerts are chosen per seat, told once, and coalesced into one notice."""

import datetime as dt
import uuid

from console.core.clock import FakeClock
from console.supervision.alerts import COALESCE, NEW_A_CLASS, OVERDUE, REPLY_DUE, Alert, Coalescer


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
