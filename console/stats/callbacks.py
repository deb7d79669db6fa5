"""What citizens and the field said: satisfaction from callbacks (回访满意度, five levels)
and the share unreachable (未接通率); the field verification pass rate (核查通过率).
Definitions: docs/INDICATORS.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from console.core.store import Reads
from console.stats.figures import Share, rows
from console.stats.scope import Scope

LEVELS = (5, 4, 3, 2, 1)  # 非常满意 … 非常不满意


@dataclass(frozen=True)
class Satisfaction:
    called: int                   # cases called back in the period
    unreachable: int              # … whose last call there did not reach the caller
    levels: dict[int, int]        # satisfaction level -> cases (reached and rated)

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def satisfied(self) -> Share:
        """满意率: 非常满意 and 满意 of those rated."""
        return Share("satisfied", "", self.levels[5] + self.levels[4], self.rated)

    @property
    def mean(self) -> float | None:
        return (sum(k * v for k, v in self.levels.items()) / self.rated) if self.rated else None

    @property
    def unreachable_share(self) -> Share:
        return Share("unreachable", "", self.unreachable, self.called)


def satisfaction_sql(scope: Scope) -> str:
    levels = ", ".join(f"count(*) FILTER (WHERE l.satisfaction = {n}) AS s{n}" for n in LEVELS)
    return f"""WITH last AS (
    SELECT DISTINCT ON (b.case_id) b.case_id, b.result, b.satisfaction
    FROM public.callback b JOIN public."case" c ON c.id = b.case_id
    WHERE b.at >= :start AND b.at < :end{scope.filters()}
    ORDER BY b.case_id, b.at DESC, b.id DESC)
SELECT count(*) AS called, count(*) FILTER (WHERE l.result = 'unreachable') AS unreachable,
       {levels}
FROM last l"""


async def satisfaction(store: Reads, scope: Scope) -> Satisfaction:
    """Each case called back in the period counts once, by its last callback there."""
    return satisfaction_of((await rows(store, satisfaction_sql(scope), scope))[0])


def satisfaction_of(r: Any) -> Satisfaction:
    """The row of ``satisfaction_sql``."""
    return Satisfaction(r.called, r.unreachable, {n: getattr(r, f"s{n}") for n in LEVELS})


def verification_sql(scope: Scope) -> str:
    return f"""SELECT count(*) FILTER (WHERE v.result = 'passed') AS done, count(*) AS of
FROM public.verification v JOIN public."case" c ON c.id = v.case_id
WHERE v.at >= :start AND v.at < :end{scope.filters()}"""


async def verification(store: Reads, scope: Scope) -> Share:
    """核查通过率: of the field verifications recorded in the period, those passed."""
    r = (await rows(store, verification_sql(scope), scope))[0]
    return Share("verification", "", r.done, r.of)
