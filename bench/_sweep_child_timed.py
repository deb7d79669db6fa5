"""The seat's sweeper process as ``bench.sweep`` starts it: the same child
(``console.supervision.sweep_child``), with each sweep's pages and batches of orders
timed and the times logged at its end, so they reach the bench with the reply."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from console.supervision import sweep_child, sweep_pages, sweeper

log = logging.getLogger("bench.sweep_timings")


def _timed(module: Any, name: str, into: list[float]) -> None:
    real: Callable[..., Any] = getattr(module, name)

    async def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await real(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - started)

    setattr(module, name, timed)


def main() -> None:
    pages: list[float] = []
    batches: list[float] = []
    _timed(sweeper, "_sweep_page", pages)
    _timed(sweep_pages, "issue_batch", batches)
    real = sweeper.sweep

    async def sweep(*args: Any, **kwargs: Any) -> sweeper.SweepReport:
        pages.clear()
        batches.clear()
        try:
            return await real(*args, **kwargs)
        finally:
            log.info("%s", json.dumps({"pages": pages, "batches": batches}))

    sweeper.sweep = sweep  # type: ignore[assignment]
    sweep_child.main()


if __name__ == "__main__":
    main()
