"""The band counter's moments the database reads with each open case (``due_s``,
``threshold_s``) are the figures Python works out from the same row's times."""

import math

from sqlalchemy import select

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


async def test_pages_read_on_the_driver_are_the_query_sqlalchemy_reads(
        login_as: MakeLogin) -> None:
    """``page_rows`` sends the page query to the driver itself: its rows, page after
    page and read as a dispatcher, are plain tuples equal to what the same query
    gives through SQLAlchemy (the same values and types, the same order)."""
    operator, dispatcher = login_as("operator"), login_as("dispatcher")
    made = {await a_case(operator) for _ in range(5)}
    await moves(dispatcher, min(made), ("pause", {"reason": "等现场核实"}))
    store = await person(dispatcher)
    try:
        async with store.read() as conn:
            query = select(*countdown.COLUMNS).where(countdown.where_open()).order_by(
                countdown.CLOCK_DUE, countdown.C.id)
            expected = [tuple(r) for r in (await conn.execute(query)).all()]
        paged: list[tuple[object, ...]] = []
        after = None
        while True:
            page = await countdown.page_rows(store, after, 2)
            assert all(type(r) is tuple for r in page)
            paged += page
            if len(page) < 2:
                break
            after = countdown.sort_key(page[-1])
    finally:
        await store.close()
    assert made <= {r[0] for r in paged} and len(paged) == len(expected)
    for got, want in zip(paged, expected, strict=True):
        assert [type(v) for v in got] == [type(v) for v in want]
        assert got[:15] == want[:15] and (got[15] == want[15] or (
            math.isnan(got[15]) and math.isnan(want[15])))
