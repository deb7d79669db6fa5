"""Today's figures for the statistics pane's tiles: each is one indicator of this
package (docs/INDICATORS.md), read in turn over one scope."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.store import Store
from console.notices.rates import ThreeRates
from console.stats.callbacks import Satisfaction, satisfaction
from console.stats.dimensions import By
from console.stats.figures import Share, whole
from console.stats.intake import intake, open_now
from console.stats.outcomes import on_time, overdue_now
from console.stats.rates import three_rates
from console.stats.scope import Scope


@dataclass(frozen=True)
class Tiles:
    intake: int          # 受理量
    open: int            # 在办 (now)
    overdue_now: int     # 当前超期 (now)
    on_time: Share       # 按期办结率
    rates: ThreeRates    # 受理告知率, 办理反馈率, 回访率
    satisfaction: Satisfaction


async def tiles(store: Store, scope: Scope) -> Tiles:
    received = await intake(store, scope)
    late = await overdue_now(store, scope)
    return Tiles(received[0].value if received else 0, await open_now(store, scope),
                 late[0].value if late else 0, whole(await on_time(store, scope, By.ALL)),
                 await three_rates(store, scope), await satisfaction(store, scope))
