"""Reading every open case as the countdown panel loads them (``countdown.page_rows``,
a page at a time on the driver) beside the floor of one raw psycopg query that
fetches the same rows at once, and the pages read through SQLAlchemy as before (a
row object per case copied into a tuple); then the rows made into the panel's list.
CPU of this process (the seat's side), on a database of cases all reopened.

    python -m bench.countdown_read [--quick]
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench._cli import run_alone
from bench._db import scratch_database
from bench._stats import ms, table
from bench.seat_memory import open_cases
from db.engine import libpq_target

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
Page = Callable[[Any, int], Awaitable[list]]


async def _cpu(read: Callable[[], Awaitable[list]]) -> tuple[float, list]:
    """CPU seconds of one read, the collector off (as the console's GUI thread runs)."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        rows = await read()
        return time.process_time() - started, rows
    finally:
        gc.enable()


async def _figures(url: str) -> tuple[int, list[list[float]]]:
    import psycopg
    from sqlalchemy import DateTime, bindparam, select, tuple_
    from sqlalchemy.dialects.postgresql import UUID

    from console.casework import countdown
    from console.casework.countdown_list import CountdownList
    from console.core.store import Store

    store = Store(url, "bench")
    query, fixed = countdown._page_statement(False)  # the same SQL, all rows at once
    whole = query.replace("LIMIT %(limit)s::INTEGER", "")

    async def through_sqlalchemy(after: countdown.Key | None, limit: int) -> list:
        """The page as it was read before (the rows of a SQLAlchemy result)."""
        q = select(*countdown.COLUMNS).where(countdown.where_open()).order_by(
            countdown.CLOCK_DUE, countdown.C.id).limit(limit)
        if after is not None:
            q = q.where(tuple_(countdown.CLOCK_DUE, countdown.C.id) > tuple_(
                bindparam("after_due", after[0], type_=DateTime(timezone=True)),
                bindparam("after_id", after[1], type_=UUID(as_uuid=True))))
        async with store.read() as conn:
            return countdown.entries(list(map(tuple, (await conn.execute(q)).all())))

    async def pages(page: Page) -> list:
        rows: list = []
        after = None
        while True:
            got = await page(after, countdown.PAGE)
            rows += got
            if len(got) < countdown.PAGE:
                return rows
            after = countdown.sort_key(got[-1])

    figures: list[list[float]] = [[], [], [], []]
    try:
        async with await psycopg.AsyncConnection.connect(libpq_target(url).conninfo) as raw:
            for _ in range(ROUNDS):
                async def floor() -> list:
                    return await (await raw.execute(whole, fixed)).fetchall()  # noqa: B023
                spent, rows = await _cpu(floor)
                figures[0].append(spent)
                spent, paged = await _cpu(lambda: pages(
                    lambda after, limit: countdown.page_rows(store, after, limit)))
                figures[1].append(spent)
                assert [r[0] for r in paged] == [r[0] for r in rows]
                figures[2].append((await _cpu(lambda: pages(through_sqlalchemy)))[0])

                async def listed() -> list:
                    CountdownList(paged)  # noqa: B023
                    return []
                figures[3].append((await _cpu(listed))[0])
    finally:
        await store.close()
    return len(rows), figures


def run(quick: bool = False) -> None:
    with scratch_database("countdown_read") as url:
        open_cases(url, 5_000 if quick else 50_000)
        count, figures = asyncio.run(_figures(url))
    floor = min(figures[0])
    names = ("floor: one raw psycopg query, every row fetched at once",
             f"page_rows on the driver, pages of {2_000:,}",
             "the same pages through SQLAlchemy (as before)",
             "then the rows made into the panel's list (CountdownList)")
    print(f"\n== Countdown read: {count:,} open cases (best of {ROUNDS}, CPU ms) ==")
    print(table("Reading every open case", ["", "CPU", "/ floor"], [
        [name, ms(min(spent)), f"{min(spent) / floor:.2f}"]
        for name, spent in zip(names, figures, strict=True)]))


if __name__ == "__main__":
    run_alone(run, __doc__)
