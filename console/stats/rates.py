"""12345's three rates (受理告知率, 办理反馈率, 回访率) for a scope: console/notices/rates.py's
definitions, narrowed by the scope's filters. Definitions: docs/INDICATORS.md."""

from __future__ import annotations

from console.core.store import Store
from console.notices.rates import ThreeRates
from console.notices.rates import three_rates as notice_rates
from console.stats.scope import Scope


async def three_rates(store: Store, scope: Scope) -> ThreeRates:
    """The three rates of the period, of the cases the filters keep."""
    return await notice_rates(store, scope.start, scope.end, cases=scope.filters(),
                              params=scope.params())
