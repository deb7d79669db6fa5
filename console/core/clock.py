"""Clocks. The server's clock is the clock (ARCHITECTURE.md decision 7).

Domain code takes a ``Clock``; tests pass a ``FakeClock`` and move it instead
of sleeping. ``ServerClock`` is the local clock corrected by the offset to the
database's ``now()``, so a seat whose clock is wrong still counts down right.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

CENTRE_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 11, 22, 9, 0, tzinfo=CENTRE_TZ)

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, **kwargs: float) -> None:
        self._now += dt.timedelta(**kwargs)

    def set(self, when: dt.datetime) -> None:
        self._now = when


class ServerClock:
    """The seat's clock plus the measured offset to the server's: the server's time."""

    def __init__(self, local: Clock | None = None) -> None:
        self._local = local or SystemClock()
        self.offset = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return self._local.now() + self.offset

    def calibrate(self, local_before: dt.datetime, server_now: dt.datetime,
                  local_after: dt.datetime) -> None:
        """Set the offset from one round trip, assuming the server read mid-way."""
        midpoint = local_before + (local_after - local_before) / 2
        self.offset = server_now - midpoint
