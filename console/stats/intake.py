"""Intake (受理量): the cases received in the period, by any dimension, and over time by
channel; and the cases open now (在办). Definitions: docs/INDICATORS.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from console.core.clock import CENTRE_TZ
from console.core.store import Reads
from console.stats.dimensions import By, grouped
from console.stats.figures import Count, rows
from console.stats.scope import CENTRE_ZONE, Scope
from db.schema import OPEN_STATUSES

OPEN = "(" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def intake_sql(scope: Scope, by: By) -> str:
    return grouped(by, "count(*) AS n", scope.received(), order="3 DESC, 1")


async def intake(store: Reads, scope: Scope, by: By = By.ALL) -> list[Count]:
    """受理量: cases received in [start, end), not merged, not invalid, most first."""
    return counts(await rows(store, intake_sql(scope, by), scope))


def counts(found: Iterable[Any]) -> list[Count]:
    """The rows of a count by a dimension (key, name, n), as they come."""
    return [Count(r.key, r.name, r.n) for r in found]


@dataclass(frozen=True)
class Point:
    at: dt.datetime  # the bucket's start, the centre's time
    channel: str
    value: int


def series_sql(scope: Scope, hourly: bool) -> str:
    step = "hour" if hourly else "day"
    return (f"SELECT date_trunc('{step}', timezone('{CENTRE_ZONE}', c.created_at)) AS at,"
            f' c.channel, count(*) AS n\nFROM public."case" c\nWHERE {scope.received()}'
            "\nGROUP BY 1, 2 ORDER BY 1, 2")


async def intake_series(store: Reads, scope: Scope, *, hourly: bool = False) -> list[Point]:
    """受理量走势: the intake per day (or hour) of the centre's calendar and channel;
    a bucket without cases of a channel is absent."""
    return points(await rows(store, series_sql(scope, hourly), scope))


def points(found: Iterable[Any]) -> list[Point]:
    """The rows of ``series_sql`` (``at``: the centre's time without its zone, as a
    datetime or, gathered as JSON, in ISO 8601)."""
    return [Point((r.at if isinstance(r.at, dt.datetime) else dt.datetime.fromisoformat(r.at))
                  .replace(tzinfo=CENTRE_TZ), r.channel, r.n) for r in found]


def open_sql(scope: Scope) -> str:
    return f'SELECT count(*) AS n FROM public."case" c WHERE c.status IN {OPEN}{scope.filters()}'


async def open_now(store: Reads, scope: Scope) -> int:
    """在办: the cases open now whatever their intake, filtered (the period is not used)."""
    return int((await rows(store, open_sql(scope), scope))[0].n)
