"""The band counter's moments the database reads with each open case (``due_s``,
``threshold_s``) are the figures Python works out from the same row's times."""

import math

from console.casework import countdown
from console.casework.countdown import as_countdown
from console.casework.countdown_list import CountdownList, _moments
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline.intake import create_case
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, moves, person
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


async def test_a_paused_case_has_no_quarter_moment(login_as: MakeLogin) -> None:
    """A paused case's quarter moment is NaN, in the database's figures (read as a
    dispatcher, who watches the countdown) as in Python's: the list tells paused cases
    by it and counts them by their pause, with no pass over ``paused_at``."""
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    paused_id, running_id = await a_case(operator), await a_case(operator)
    await moves(dispatcher, paused_id, ("pause", {"reason": "等现场核实"}))
    store = await person(dispatcher)
    try:
        read = await countdown.countdowns_for(store, [paused_id, running_id])
        now = store.clock.now()
    finally:
        await store.close()
    paused, running = tuple(read[paused_id]), tuple(read[running_id])
    assert paused[8] is not None and running[8] is None
    assert paused[14] == paused[7].timestamp() and math.isnan(paused[15])
    assert _moments(paused[:14])[0] == paused[14] and math.isnan(_moments(paused[:14])[1])
    assert (running[14], running[15]) == _moments(running[:14])
    counts = CountdownList([paused, running]).band_counts(now)
    bands = [as_countdown(r).band(now) for r in (paused, running)]
    assert bands.count(countdown.PAUSED) == 1
    assert (counts[countdown.PAUSED], counts[countdown.OVERDUE], counts[countdown.SHORT],
            counts["total"]) == (1, bands.count(countdown.OVERDUE),
                                 bands.count(countdown.SHORT), 2)
