"""How the period's cases ended: on time (按期办结率), closed (办结率), overdue (超期) and
overdue now (当前超期), and the cases escalated up the ladder (督办/催办), by any
dimension. Definitions: docs/INDICATORS.md; on time and overdue are area_stats's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from console.core.store import Reads
from console.geo.area_stats import ON_TIME, OVERDUE
from console.stats.dimensions import By, grouped
from console.stats.figures import Count, Share, rows
from console.stats.intake import OPEN, counts
from console.stats.scope import AT, Scope

FINISHED = "('resolved', 'closed', 'answered')"
# The running deadline (the unit's while a unit has the case, else the case's own),
# passed while the case is open and its clock is not paused.
OVERDUE_NOW = (f"c.status IN {OPEN} AND c.paused_at IS NULL"
               f" AND coalesce(c.unit_due_at, c.due_at) < {AT}")


def on_time_sql(scope: Scope, by: By) -> str:
    return grouped(by, f"count(*) FILTER (WHERE {ON_TIME}) AS done,"
                   f" count(*) FILTER (WHERE {ON_TIME} OR {OVERDUE}) AS of",
                   scope.received())


async def on_time(store: Reads, scope: Scope, by: By = By.ALL) -> list[Share]:
    """按期办结率: of the period's cases judged (on time or overdue), those on time."""
    return judged(await rows(store, on_time_sql(scope, by), scope))


def judged(found: Iterable[Any]) -> list[Share]:
    """The rows of ``on_time_sql``: the groups with a case judged."""
    return [Share(r.key, r.name, r.done, r.of) for r in found if r.of]


def closure_sql(scope: Scope, by: By) -> str:
    return grouped(by, f"count(*) FILTER (WHERE c.status IN {FINISHED}) AS done,"
                   " count(*) AS of", scope.received())


async def closure(store: Reads, scope: Scope, by: By = By.ALL) -> list[Share]:
    """办结率: of the period's cases, those finished now (resolved, closed, answered)."""
    return [Share(r.key, r.name, r.done, r.of)
            for r in await rows(store, closure_sql(scope, by), scope)]


def overdue_sql(scope: Scope, by: By) -> str:
    return grouped(by, f"count(*) FILTER (WHERE {OVERDUE}) AS n", scope.received(),
                   order="3 DESC, 1")


async def overdue(store: Reads, scope: Scope, by: By = By.UNIT) -> list[Count]:
    """超期: the period's cases whose unit missed its deadline (resolved late, or open
    past it), most first; groups without one are left out."""
    return late(await rows(store, overdue_sql(scope, by), scope))


def late(found: Iterable[Any]) -> list[Count]:
    """The rows of ``overdue_sql``: the groups with a case overdue."""
    return [Count(r.key, r.name, r.n) for r in found if r.n]


def overdue_now_sql(scope: Scope, by: By) -> str:
    return grouped(by, "count(*) AS n", OVERDUE_NOW + scope.filters(), order="3 DESC, 1")


async def overdue_now(store: Reads, scope: Scope, by: By = By.ALL) -> list[Count]:
    """当前超期: the cases open now past their running deadline, whatever their intake."""
    return counts(await rows(store, overdue_now_sql(scope, by), scope))


@dataclass(frozen=True)
class Escalated:
    unit_key: str   # the unit the orders went to ("" for none)
    unit_name: str
    level: str      # reminder, urge, leader_urge, supervision, inspection
    cases: int


def escalated_sql(scope: Scope) -> str:
    return f"""SELECT coalesce(o.target_unit_id::text, '') AS key,
       min(coalesce(u.name, '')) AS name, o.level, count(DISTINCT o.case_id) AS n
FROM public.escalation_order o
JOIN public."case" c ON c.id = o.case_id
LEFT JOIN public.unit u ON u.id = o.target_unit_id
WHERE o.issued_at >= :start AND o.issued_at < :end{scope.filters()}
GROUP BY 1, 3 ORDER BY 4 DESC, 1, 3"""


async def escalated(store: Reads, scope: Scope) -> list[Escalated]:
    """Escalated cases: the cases given an order of each level of the ladder in the
    period, by the unit it went to."""
    return [Escalated(r.key, r.name, r.level, r.n)
            for r in await rows(store, escalated_sql(scope), scope)]
