"""Making the streets, communities, units and categories an admin chose to create
for names the console did not know, in the import's transaction (a cancelled import
creates nothing). Each is named as the source names it and numbered after the
existing codes of its kind (S07, S07C01, U144, C1901…); a new category is a leaf of
class B with five working days, under the first two levels of its path (found by
name, or made too), for the admin to adjust in the rules afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from console.catalog.catalog import pinyin_initials
from console.history_import.matching import CREATE, Resolver, Target
from console.history_import.rows import PATH
from db import schema as s

NEW_CATEGORY_URGENCY = "B"
NEW_CATEGORY_WORKING_DAYS = 5


def next_code(taken: Iterable[str], prefix: str, width: int) -> str:
    """``prefix`` and the number after the highest one under it, zero-padded."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    numbers = [int(m.group(1)) for code in taken if (m := pattern.match(code))]
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"


async def _codes(conn: AsyncConnection, column: object) -> set[str]:
    return set((await conn.execute(select(column))).scalars())  # type: ignore[call-overload]


async def _streets(conn: AsyncConnection, keys: list[str]) -> dict[str, Target]:
    taken = await _codes(conn, s.Street.code)
    order = (await conn.execute(select(func.coalesce(func.max(s.Street.sort_order), 0))
                                )).scalar_one()
    made = {}
    for i, key in enumerate(keys, start=1):
        code = next_code(taken, "S", 2)
        taken.add(code)
        await conn.execute(insert(s.Street).values(code=code, name=key, sort_order=order + i))
        made[key] = Target(code, key)
    return made


async def _communities(conn: AsyncConnection, keys: list[str], resolver: Resolver,
                       streets: dict[str, Target]) -> dict[str, Target]:
    taken = await _codes(conn, s.Community.code)
    made = {}
    for key in keys:
        street_key, _, name = key.rpartition(PATH)
        street = resolver.resolve("street", street_key)
        street_code = streets[street_key].code if street == CREATE else street
        assert street_code, f"community {key} has no street to be made in"
        code = next_code(taken, f"{street_code}C", 2)
        taken.add(code)
        await conn.execute(insert(s.Community).values(code=code, name=name,
                                                      street_code=street_code))
        made[key] = Target(code, key, street=street_code)
    return made


async def _units(conn: AsyncConnection, keys: list[str]) -> dict[str, Target]:
    taken = await _codes(conn, s.Unit.code)
    made = {}
    for key in keys:
        code = next_code(taken, "U", 3)
        taken.add(code)
        unit_id = (await conn.execute(insert(s.Unit).values(code=code, name=key,
                                                            kind="department")
                                      .returning(s.Unit.id))).scalar_one()
        made[key] = Target(code, key, unit_id)
    return made


async def _categories(conn: AsyncConnection, keys: list[str]) -> dict[str, Target]:
    rows = (await conn.execute(select(s.Category.id, s.Category.code, s.Category.name,
                                      s.Category.parent_id, s.Category.path,
                                      s.Category.initials))).all()
    taken = {r.code for r in rows}
    # (parent id, name) -> (id, code, path, initials) of the levels a path may reuse
    nodes = {(r.parent_id, r.name): (r.id, r.code, r.path, r.initials) for r in rows}
    made = {}
    for key in keys:
        parent: tuple[int, str, str, str] | None = None
        for level, name in enumerate(key.split(PATH), start=1):
            parent_id = parent[0] if parent else None
            found = nodes.get((parent_id, name))
            if found is not None and level < 3:
                parent = found
                continue
            code = next_code(taken, parent[1] if parent else "C", 2)
            taken.add(code)
            path = f"{parent[2]}{PATH}{name}" if parent else name
            initials = (f"{parent[3]} " if parent else "") + pinyin_initials(name)
            leaf = {"urgency": NEW_CATEGORY_URGENCY,
                    "limit_working_days": NEW_CATEGORY_WORKING_DAYS} if level == 3 else {}
            new_id = (await conn.execute(insert(s.Category).values(
                code=code, name=name, parent_id=parent_id, level=level, path=path,
                initials=initials, **leaf).returning(s.Category.id))).scalar_one()
            parent = (new_id, code, path, initials)
            nodes[(parent_id, name)] = parent
        assert parent is not None
        made[key] = Target(parent[1], parent[2], parent[0])
    return made


async def create_all(conn: AsyncConnection, resolver: Resolver) -> dict[str, dict[str, Target]]:
    """Make every name the admin chose to create; kind -> key -> what was made."""
    wanted: dict[str, list[str]] = {kind: sorted(k for k, v in resolver.chosen.get(kind, {})
                                                 .items() if v == CREATE)
                                    for kind in ("street", "community", "unit", "category")}
    made: dict[str, dict[str, Target]] = {"street": await _streets(conn, wanted["street"])}
    made["community"] = await _communities(conn, wanted["community"], resolver, made["street"])
    made["unit"] = await _units(conn, wanted["unit"])
    made["category"] = await _categories(conn, wanted["category"])
    return made
