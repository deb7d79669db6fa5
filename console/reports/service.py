"""Making a report: read the catalog and the server's now, then the report's own
builder. The one entry point for the console's dialog, the command line and the
benchmark; writing files is ``output.py``'s."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from console.catalog.catalog import Catalog, load_catalog
from console.core.errors import DatabaseUnavailable
from console.core.store import Store
from console.mapview.base_map import build_base_map, read_areas, read_cells
from console.mapview.outlines import BaseMap
from console.reports import daily, monthly, special, weekly
from console.reports.common import Context
from console.reports.model import Kind, Report
from console.reports.periods import Period
from db import schema as s
from db.migrate import current_revision, head_revision


async def make_report(store: Store, kind: Kind, period: Period, *,
                      category_id: int | None = None, street_code: str | None = None,
                      catalog: Catalog | None = None) -> Report:
    """The report of ``kind`` for ``period`` (a special analysis for a category's subtree
    and/or a street), as plain data."""
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
        people = {login: name for login, name in await conn.execute(
            select(s.Staff.login, s.Staff.name)) if login}
    ctx = Context(store, catalog or await load_catalog(store), now, people)
    if kind is Kind.DAILY:
        return await daily.build(ctx, period)
    if kind is Kind.WEEKLY:
        return await weekly.build(ctx, period)
    if kind is Kind.MONTHLY:
        return await monthly.build(ctx, period)
    return await special.build(ctx, period, category_id, street_code)


async def base_map(store: Store) -> BaseMap | None:
    """The district's outlines for a report's map (None when no grid cell is stored)."""
    cells = await read_cells(store)
    if not cells:
        return None
    streets, communities = await read_areas(store)
    return await asyncio.to_thread(build_base_map, cells, streets, communities)


def schema_problem(url: str) -> str | None:
    """Why the database cannot give reports (no console schema, or an older one than
    this program's), or None. Blocking. An unreachable server raises
    ``DatabaseUnavailable``."""
    try:
        current = current_revision(url)
    except DBAPIError as exc:
        raise DatabaseUnavailable(str(exc)) from exc
    head = head_revision()
    if current is None:
        return "the database holds no console schema yet: start the console on it once"
    if current != head:
        return (f"the database's schema ({current}) is not this program's ({head}): "
                "an administrator upgrades it by starting the console or python -m db.migrate")
    return None
