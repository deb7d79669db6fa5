"""Repeat callers (重复来电): callers with more than one case received in the period.
Definition: docs/INDICATORS.md."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.store import Store
from console.stats.figures import rows
from console.stats.scope import Scope


@dataclass(frozen=True)
class Caller:
    caller_id: int
    phone: str
    cases: int


@dataclass(frozen=True)
class RepeatCallers:
    callers: int   # callers with two or more of the period's cases
    cases: int     # those callers' cases in the period
    top: list[Caller]


def repeat_callers_sql(scope: Scope) -> str:
    return f"""WITH per AS (
    SELECT c.caller_id, count(*) AS n FROM public."case" c
    WHERE c.caller_id IS NOT NULL AND {scope.received()}
    GROUP BY c.caller_id HAVING count(*) >= 2)
SELECT p.caller_id, k.phone, p.n, count(*) OVER () AS callers, sum(p.n) OVER () AS cases
FROM per p JOIN public.caller k ON k.id = p.caller_id
ORDER BY p.n DESC, p.caller_id LIMIT :limit"""


async def repeat_callers(store: Store, scope: Scope, limit: int = 10) -> RepeatCallers:
    """Counted over the cases received in the period (merged duplicates are not: they
    count as the case they were merged into); the most frequent first."""
    found = await rows(store, repeat_callers_sql(scope), scope, limit=limit)
    if not found:
        return RepeatCallers(0, 0, [])
    return RepeatCallers(int(found[0].callers), int(found[0].cases),
                         [Caller(r.caller_id, r.phone, r.n) for r in found])
