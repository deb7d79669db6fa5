"""The figures the reports read, in one place: every indicator comes from its one
definition in console/stats (docs/INDICATORS.md) or, for areas, console/geo/area_stats.
This module only reshapes their answers for the reports' tables; it defines no
indicator (a test reads its source for SQL and finds none)."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.store import Store
from console.geo.area_stats import Judged
from console.notices.rates import ThreeRates
from console.stats import callbacks, intake, outcomes, rates, times
from console.stats.callbacks import Satisfaction
from console.stats.dimensions import By
from console.stats.figures import Share, whole
from console.stats.scope import Scope

LEVELS = ("reminder", "urge", "leader_urge", "supervision", "inspection")
LEVEL_WORDS = {"reminder": "提醒", "urge": "催办", "leader_urge": "催办（领导）",
               "supervision": "督办", "inspection": "效能监察"}
__all__ = ["By", "Satisfaction", "Scope", "Share", "ThreeRates"]


@dataclass(frozen=True)
class UnitFigures(Judged):
    """A unit's line: the period's cases it has, on time and overdue of them."""

    unit_id: int | None
    name: str
    received: int
    on_time: int
    overdue: int


def _id(key: str) -> int | None:
    return int(key) if key else None


async def counts(store: Store, scope: Scope, by: By) -> list[tuple[str, str, int]]:
    """受理量 by ``by``: (key, the database's name, cases), most first."""
    return [(c.key, c.name, c.value) for c in await intake.intake(store, scope, by)]


async def received(store: Store, scope: Scope) -> int:
    return sum(n for _k, _n, n in await counts(store, scope, By.ALL))


async def by_unit(store: Store, scope: Scope) -> list[UnitFigures]:
    """Per unit: the period's cases (受理量), on time and overdue (按期办结率's parts)."""
    shares = {s.key: s for s in await outcomes.on_time(store, scope, By.UNIT)}
    out = []
    for key, name, n in await counts(store, scope, By.UNIT):
        share = shares.get(key, Share(key, name, 0, 0))
        out.append(UnitFigures(_id(key), name, n, share.done, share.of - share.done))
    return out


async def on_time(store: Store, scope: Scope) -> Share:
    return whole(await outcomes.on_time(store, scope, By.ALL))


async def closure(store: Store, scope: Scope) -> Share:
    return whole(await outcomes.closure(store, scope, By.ALL))


async def now_open(store: Store, scope: Scope) -> tuple[int, int]:
    """在办 and 当前超期, both as of now (the period is not theirs)."""
    late = await outcomes.overdue_now(store, scope, By.ALL)
    return await intake.open_now(store, scope), (late[0].value if late else 0)


async def overdue_by_unit(store: Store, scope: Scope) -> dict[int | None, tuple[int, int]]:
    """Per unit: 超期 (the period's cases overdue) and 当前超期 (open past deadline now)."""
    period = {c.key: c.value for c in await outcomes.overdue(store, scope, By.UNIT)}
    now = {c.key: c.value for c in await outcomes.overdue_now(store, scope, By.UNIT)}
    return {_id(k): (period.get(k, 0), now.get(k, 0)) for k in set(period) | set(now)}


async def escalations(store: Store, scope: Scope) -> dict[tuple[int | None, str], int]:
    """督办/催办: cases given an order of each level in the period, per (unit, level)."""
    return {(_id(e.unit_key), e.level): e.cases
            for e in await outcomes.escalated(store, scope)}


async def satisfaction(store: Store, scope: Scope) -> Satisfaction:
    return await callbacks.satisfaction(store, scope)


async def verification(store: Store, scope: Scope) -> Share:
    return await callbacks.verification(store, scope)


async def three_rates(store: Store, scope: Scope) -> ThreeRates:
    return await rates.three_rates(store, scope)


async def durations(store: Store, scope: Scope) -> times.Durations | None:
    found = await times.durations(store, scope, By.ALL)
    return found[0] if found else None
