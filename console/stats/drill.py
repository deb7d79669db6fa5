"""The cases behind a figure the pane shows: a click on a bar or a point asks for the
very cases it counted (the same definitions, docs/INDICATORS.md), which the queue
then shows."""

from __future__ import annotations

import enum
import uuid

from console.core.store import Reads
from console.geo.area_stats import OVERDUE
from console.stats.dimensions import DIMENSIONS, By
from console.stats.figures import rows
from console.stats.scope import Scope

LIMIT = 20_000  # as many as the queue holds


class Figure(enum.StrEnum):
    INTAKE = "intake"    # the period's cases
    OVERDUE = "overdue"  # … overdue


def case_ids_sql(scope: Scope, by: By, figure: Figure) -> str:
    d = DIMENSIONS[by]
    extra = f" AND ({OVERDUE})" if figure is Figure.OVERDUE else ""
    return (f'SELECT c.id FROM public."case" c{d.joins}\nWHERE {scope.received()}{extra}'
            f"\n  AND {d.key} = :key\nORDER BY c.created_at DESC, c.id DESC LIMIT {LIMIT}")


async def case_ids(store: Reads, scope: Scope, by: By, key: str,
                   figure: Figure = Figure.INTAKE) -> list[uuid.UUID]:
    """The cases counted in the group ``key`` of ``figure`` by ``by``, newest first."""
    return [r.id for r in await rows(store, case_ids_sql(scope, by, figure), scope, key=key)]
