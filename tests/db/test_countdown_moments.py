"""The band counter's moments the database reads with each open case (``due_s``,
``threshold_s``) are the figures Python works out from the same row's times."""

from console.casework import countdown
from console.casework.countdown_list import _moments
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline.intake import create_case
from tests.factories import draft


async def test_the_databases_moments_are_pythons(store: Store, catalog: Catalog) -> None:
    leaves = sorted((c for c in catalog.categories.values() if c.is_leaf), key=lambda c: c.id)
    for category in leaves[:12]:
        await create_case(store, catalog, draft(catalog, category_id=category.id))
    rows = await countdown.page_rows(store, None, 100)
    assert len(rows) == 12
    for row in rows:
        worked_out = _moments(row[:14])  # the times alone: Python's arithmetic
        assert (row[14], row[15]) == worked_out
