"""The shapes figures come in, and running one grouped query for a scope."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, text

from console.core.store import Reads
from console.stats.scope import Scope


@dataclass(frozen=True)
class Count:
    key: str    # what a filter takes: a code or an id ("" for none)
    name: str   # the database's words for it ("" where the widgets hold the words)
    value: int


@dataclass(frozen=True)
class Share:
    key: str
    name: str
    done: int
    of: int

    @property
    def share(self) -> float | None:
        """done / of, or None when there was nothing to count."""
        return self.done / self.of if self.of else None


async def rows(store: Reads, sql: str, scope: Scope, **extra: object) -> list[Row[Any]]:
    """Run one query with the scope's parameters."""
    async with store.read() as conn:
        return list((await conn.execute(text(sql), {**scope.params(), **extra})).all())


def gathered(found: Iterable[Mapping[str, Any]]) -> list[Any]:
    """A figure's rows as a statement of several gathers them (JSON objects, one a row:
    console/stats/view.py), read like the rows of its own query (a column by name)."""
    return [SimpleNamespace(**r) for r in found]


def whole(shares: list[Share]) -> Share:
    """The one group of a figure grouped by ``By.ALL`` (zeros when nothing counted)."""
    return shares[0] if shares else Share("all", "", 0, 0)
