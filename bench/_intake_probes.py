"""Probes of bench/intake.py: how many round trips one save makes, and where the
seats' backends were while saving."""

from __future__ import annotations

import asyncio
from typing import Any

# Where a seat's backend is: running (on the CPU or one of the waits below), the seat's
# turn inside a save (the client's time: its CPU and its wait for the CPU), between saves.
WHERE = ("active: CPU", "active: Lock", "active: LWLock", "active: IO", "active: other",
         "idle in transaction", "idle")


def where_row(name: str, states: dict[str, int]) -> list[str]:
    """A row of shares of ``Run.states`` by WHERE."""
    total = sum(states.values()) or 1
    shares = dict.fromkeys(WHERE, 0)
    for state, count in states.items():
        key = next((w for w in WHERE if state == w or state.startswith(w + ":")),
                   "active: other" if state.startswith("active") else state)
        shares[key] = shares.get(key, 0) + count
    return [name, *(f"{shares[w] / total * 100:.0f} %" for w in WHERE)]


def round_trips(url: str, login: str, category_and_cell: tuple[int, str]) -> int:
    """How many times one save waits for the server (a Sync or a simple query each),
    from a libpq trace of a warm seat's save (every connection of its pool traced)."""
    import tempfile

    from sqlalchemy import event

    from console.catalog.catalog import load_catalog
    from console.core.store import Store
    from console.hotline.intake import CaseDraft, create_case

    async def main(trace: Any) -> int:
        store = Store(url, login)
        store.roles = frozenset({"operator"})
        traced: list[Any] = []

        def connected(dbapi: Any, _record: Any) -> None:
            traced.append(dbapi.driver_connection.pgconn)

        event.listen(store.engine.sync_engine, "connect", connected)
        try:
            catalog = await load_catalog(store)
            category_id, cell = category_and_cell

            def draft(n: int) -> CaseDraft:
                return CaseDraft(caller_phone=f"1380000{n:04d}", text=f"往返 {n}",
                                 grid_code=cell, category_id=category_id)

            for n in range(9):  # past psycopg's preparing of the statements
                await create_case(store, catalog, draft(n))
            for pgconn in traced:
                pgconn.trace(trace.fileno())
            await create_case(store, catalog, draft(99))
            for pgconn in traced:
                pgconn.untrace()
        finally:
            await store.close()
        trace.seek(0)
        lines = [line.split("\t") for line in trace.read().splitlines()]
        return sum(1 for line in lines if len(line) > 3 and line[1] == "F"
                   and line[3] in ("Sync", "Query"))

    with tempfile.TemporaryFile("w+") as trace:
        return asyncio.run(main(trace))
