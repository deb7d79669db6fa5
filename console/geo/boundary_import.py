"""An admin imports streets, communities and grid cells from GeoJSON files.

``check_import`` reads the boundaries there now and checks the request against
them (``boundary_check.check``, on a worker thread) plus what only the database
knows: a code that the import removes but cases or units still use. It changes
nothing; the dialog shows its counts and problems. ``import_boundaries`` does the
same checks again inside one transaction (the three tables locked against another
import) and, only when there is no problem at all, replaces the boundaries of the
levels given: codes kept are updated in place, so cases keep theirs; new ones
are added, those gone are deleted. It appends a ``boundaries_changed`` event,
which makes every seat reload its map and locator, and returns the event's id.
Anything wrong raises ``BoundaryProblems`` with every problem; nothing changed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.errors import ConsoleError, require_role
from console.core.store import Store
from console.geo.boundaries import LEVELS, Checked, ImportRequest, Level, Problem, Stored
from console.geo.boundary_check import check
from console.geo.geofile import GeoFile, read_geojson
from db import schema as s

TABLES: dict[Level, Any] = {Level.STREET: s.Street, Level.COMMUNITY: s.Community,
                            Level.CELL: s.GridCell}
PARENT_COLUMN = {Level.COMMUNITY: "street_code", Level.CELL: "community_code"}
# The columns of other tables that name a code of each level.
USED_BY_CASES = {Level.STREET: s.Case.street_code, Level.COMMUNITY: s.Case.community_code,
                 Level.CELL: s.Case.grid_code}
USED_BY_UNITS = {Level.STREET: s.Unit.street_code, Level.COMMUNITY: s.Unit.community_code}


class BoundaryProblems(ConsoleError):
    """The import was refused; ``problems`` lists every reason. Nothing changed."""

    code = "boundary.problems"

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the boundaries")
        self.problems = problems


async def read_file(path: str) -> GeoFile:
    """Read a GeoJSON file on a worker thread."""
    return await asyncio.to_thread(read_geojson, path)


async def check_import(store: Store, request: ImportRequest) -> Checked:
    """Check without changing anything: the counts, the codes that come and go,
    and every problem."""
    async with store.read() as conn:
        return await _checked(conn, request)


async def import_boundaries(store: Store, request: ImportRequest) -> int:
    """Replace the boundaries of the levels in ``request`` and return the event's id;
    raises ``BoundaryProblems`` (nothing changed) when anything is wrong."""
    require_role(store.roles, "admin")
    async with store.transaction() as conn:
        # One import at a time; seats that record cases meanwhile are not held up
        # (their foreign-key checks take a weaker lock than this one).
        await conn.execute(text("LOCK TABLE public.street, public.community, public.grid_cell"
                                " IN SHARE ROW EXCLUSIVE MODE"))
        checked = await _checked(conn, request)
        if not checked.ok:
            raise BoundaryProblems(checked.problems)
        await _write(conn, checked)
        levels = [f.level for f in request.files]
        return await events.append(conn, store.actor, events.BoundariesChanged(
            tuple(str(level) for level in levels),
            tuple(len(checked.boundaries[level]) for level in levels),
            sum(len(v) for v in checked.added.values()),
            sum(len(v) for v in checked.removed.values()),
            str(request.crs), tuple(f.file.name for f in request.files)))


async def boundary_counts(store: Store) -> dict[Level, tuple[int, int]]:
    """How many streets, communities and cells there are, and how many of each have
    a boundary drawn."""
    out = {}
    async with store.read() as conn:
        for level, table in TABLES.items():
            total, drawn = (await conn.execute(select(
                func.count(), func.count(table.geometry)).select_from(table))).one()
            out[level] = (int(total), int(drawn))
    return out


async def current_boundaries(conn: AsyncConnection) -> list[Stored]:
    """Every street, community and cell in the database now."""
    out = [Stored(Level.STREET, r.code, r.name, None, r.geometry, r.sort_order)
           for r in await conn.execute(select(s.Street.code, s.Street.name, s.Street.geometry,
                                              s.Street.sort_order))]
    out += [Stored(Level.COMMUNITY, r.code, r.name, r.street_code, r.geometry)
            for r in await conn.execute(select(s.Community.code, s.Community.name,
                                               s.Community.street_code,
                                               s.Community.geometry))]
    out += [Stored(Level.CELL, r.code, r.name, r.community_code, r.geometry)
            for r in await conn.execute(select(s.GridCell.code, s.GridCell.name,
                                               s.GridCell.community_code,
                                               s.GridCell.geometry))]
    return out


async def _checked(conn: AsyncConnection, request: ImportRequest) -> Checked:
    checked = await asyncio.to_thread(check, request, await current_boundaries(conn))
    if not checked.ok:
        return checked
    in_use = await _still_used(conn, checked)
    return Checked(tuple(in_use), counts=checked.counts) if in_use else checked


async def _still_used(conn: AsyncConnection, checked: Checked) -> list[Problem]:
    """Codes the import removes that cases or units still name."""
    problems = []
    for level in LEVELS:
        codes = list(checked.removed.get(level, ()))
        if not codes:
            continue
        users = [("code.in_use_by_cases", USED_BY_CASES[level])]
        if level in USED_BY_UNITS:
            users.append(("code.in_use_by_units", USED_BY_UNITS[level]))
        for reason, column in users:
            for code, count in await conn.execute(
                    select(column, func.count()).where(column.in_(codes)).group_by(column)
                    .order_by(column)):
                problems.append(Problem(level, None, str(code), reason, str(count)))
    return problems


async def _write(conn: AsyncConnection, checked: Checked) -> None:
    streets_of: dict[str, str] = {code: street for code, street in await conn.execute(
        select(s.Community.code, s.Community.street_code))}
    streets_of.update({b.code: b.parent or "" for b in
                       checked.boundaries.get(Level.COMMUNITY, ())})
    for level in LEVELS:
        made = checked.boundaries.get(level)
        if not made:
            continue
        table = TABLES[level]
        rows: list[dict[str, Any]] = []
        for b in made:
            row = {"code": b.code, "name": b.name, "geometry": b.geometry,
                   "centroid_lon": b.centre[0], "centroid_lat": b.centre[1]}
            if level is Level.STREET:
                row["sort_order"] = b.sort_order
            else:
                row[PARENT_COLUMN[level]] = b.parent
            if level is Level.CELL:
                row["street_code"] = streets_of[b.parent or ""]
            rows.append(row)
        stmt = insert(table)
        await conn.execute(stmt.on_conflict_do_update(
            index_elements=["code"],
            set_={k: stmt.excluded[k] for k in rows[0] if k != "code"}), rows)
    # Cells kept while their community moved to another street follow it.
    await conn.execute(text(
        "UPDATE public.grid_cell g SET street_code = c.street_code FROM public.community c"
        " WHERE g.community_code = c.code AND g.street_code <> c.street_code"))
    for level in reversed(LEVELS):
        gone = list(checked.removed.get(level, ()))
        if gone:
            table = TABLES[level]
            await conn.execute(delete(table).where(table.code.in_(gone)))
