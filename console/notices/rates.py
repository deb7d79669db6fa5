"""The inputs of 12345's three rates for a period (the statistics show them).

- 受理告知率: of the cases accepted in the period that have a citizen to tell (a
  caller's phone, not a grid worker's report, not answered on the spot during the
  call), those whose acceptance notice went out (SMS sent or told by phone) by its
  due time.
- 办理反馈率: of the resolutions recorded in the period on such cases, those whose
  result feedback went out (at any time so far).
- 回访率: of the cases resolved in the period that have a caller, those whose
  caller a callback reached after the resolution (satisfied or not fixed; not
  "unreachable").

The period is [start, end) by the database's clock; ``cases`` narrows every count to
the cases that a further condition on the case ``c`` keeps (the statistics' filters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from console.core.store import Reads

CITIZEN = "c.caller_phone IS NOT NULL AND c.channel <> 'grid_worker'"
RATES = f"""
WITH accepted AS (
    SELECT c.id FROM public."case" c
    WHERE c.accepted_at >= :start AND c.accepted_at < :end AND {CITIZEN}{{cases}}
      AND c.status <> 'answered'),
resolutions AS (
    SELECT e.id, e.case_id, e.at FROM public.case_event e
    JOIN public."case" c ON c.id = e.case_id
    WHERE e.kind IN ('resolve', 'reply') AND e.at >= :start AND e.at < :end AND {CITIZEN}{{cases}}),
resolved AS (
    SELECT r.case_id, min(r.at) AS at FROM resolutions r GROUP BY r.case_id)
SELECT
    (SELECT count(*) FROM accepted) AS accepted,
    (SELECT count(*) FROM accepted a WHERE EXISTS (
        SELECT 1 FROM public.citizen_message m WHERE m.case_id = a.id
          AND m.kind = 'acceptance' AND m.result = 'sent' AND m.sent_at <= m.due_by))
      AS notified,
    (SELECT count(*) FROM resolutions) AS resolutions,
    (SELECT count(*) FROM resolutions r WHERE EXISTS (
        SELECT 1 FROM public.citizen_message m WHERE m.source_event_id = r.id
          AND m.kind = 'result' AND m.result = 'sent')) AS fed_back,
    (SELECT count(*) FROM resolved) AS resolved,
    (SELECT count(*) FROM resolved r WHERE EXISTS (
        SELECT 1 FROM public.callback b WHERE b.case_id = r.case_id AND b.at >= r.at
          AND b.result IN ('satisfied', 'not_fixed'))) AS called_back
"""


@dataclass(frozen=True)
class Rate:
    done: int
    of: int

    @property
    def share(self) -> float | None:
        """done / of, or None when there was nothing to count."""
        return self.done / self.of if self.of else None


@dataclass(frozen=True)
class ThreeRates:
    start: dt.datetime
    end: dt.datetime
    acceptance_notice: Rate  # 受理告知率
    result_feedback: Rate    # 办理反馈率
    callback: Rate           # 回访率


def rates_sql(cases: str = "") -> str:
    return RATES.format(cases=cases)


async def three_rates(store: Reads, start: dt.datetime, end: dt.datetime, *, cases: str = "",
                      params: Mapping[str, object] | None = None) -> ThreeRates:
    """Count the three rates' inputs for [start, end) (``cases``: " AND ..." on ``c``,
    with its ``params``)."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("the period's bounds must be timezone-aware")
    async with store.read() as conn:
        row = (await conn.execute(text(rates_sql(cases)),
                                  {**(params or {}), "start": start, "end": end})).one()
    return rates_of(row, start, end)


def rates_of(row: Any, start: dt.datetime, end: dt.datetime) -> ThreeRates:
    """The three rates from a row of ``rates_sql`` (a row, or its columns by name)."""
    return ThreeRates(start, end, Rate(row.notified, row.accepted),
                      Rate(row.fed_back, row.resolutions), Rate(row.called_back, row.resolved))
