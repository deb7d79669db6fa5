"""How long the stages take: to dispatch (分拨用时), to sign (签收用时), to resolve (办理用时),
the mean and the 90th percentile, in seconds. Definitions: docs/INDICATORS.md."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.store import Store
from console.stats.dimensions import By, grouped
from console.stats.figures import rows
from console.stats.scope import Scope

STAGES = {
    "dispatch": ("c.accepted_at", "c.dispatched_at"),
    "sign": ("c.dispatched_at", "c.signed_at"),
    "resolve": ("c.accepted_at", "c.first_resolved_at"),
}


@dataclass(frozen=True)
class Stage:
    cases: int
    mean_s: float | None
    p90_s: float | None


@dataclass(frozen=True)
class Durations:
    key: str
    name: str
    dispatch: Stage
    sign: Stage
    resolve: Stage


def durations_sql(scope: Scope, by: By) -> str:
    figures = []
    for stage, (begin, end) in STAGES.items():
        seconds = f"extract(epoch FROM {end} - {begin})"
        known = f"FILTER (WHERE {end} >= {begin})"
        figures.append(f"count(*) {known} AS {stage}_n, avg({seconds}) {known} AS {stage}_mean,"
                       f" percentile_cont(0.9) WITHIN GROUP (ORDER BY {seconds}) {known}"
                       f" AS {stage}_p90")
    return grouped(by, ",\n       ".join(figures), scope.received())


def _stage(row: object, stage: str) -> Stage:
    mean, p90 = getattr(row, f"{stage}_mean"), getattr(row, f"{stage}_p90")
    return Stage(getattr(row, f"{stage}_n"), None if mean is None else float(mean),
                 None if p90 is None else float(p90))


async def durations(store: Store, scope: Scope, by: By = By.ALL) -> list[Durations]:
    """The three stages of the period's cases that went through them."""
    return [Durations(r.key, r.name, _stage(r, "dispatch"), _stage(r, "sign"),
                      _stage(r, "resolve"))
            for r in await rows(store, durations_sql(scope, by), scope)]
