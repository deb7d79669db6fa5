"""Duty figures (值班): roll calls by channel and result (the duty pane's counts,
console/duty/roll_call_stats.py), and the handovers of the period.
Definitions: docs/INDICATORS.md."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.store import Store
from console.duty.roll_call_stats import StatRow, statistics
from console.stats.figures import rows
from console.stats.scope import Scope


async def roll_calls(store: Store, scope: Scope) -> list[StatRow]:
    """查岗点名: per channel (phone, video, radio), the roll calls started in the period
    and their posts' results (answered, late, absent, no answer). The case filters do
    not apply."""
    return await statistics(store, scope.start, scope.end, "channel")


@dataclass(frozen=True)
class Handovers:
    made: int     # handovers written in the period
    signed: int   # … signed for by the incoming leader


HANDOVERS = """SELECT count(*) AS made, count(h.signed_at) AS signed FROM public.handover h
WHERE h.created_at >= :start AND h.created_at < :end"""


async def handovers(store: Store, scope: Scope) -> Handovers:
    """交接班: the handovers written in the period and how many were signed for."""
    r = (await rows(store, HANDOVERS, scope))[0]
    return Handovers(r.made, r.signed)
