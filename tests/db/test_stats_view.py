"""The statistics pane's view, read in one statement (console/stats/view.py), against
each of its figures read alone by its indicator's function: the same figures, in the
same order, with and without filters, over a range, this week and today."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata import demo
from console.mapview.heat import Period
from console.stats import intake, outcomes, tiles
from console.stats.dimensions import By
from console.stats.view import RANKED, StatsQuery, read_view
from tests.db.conftest import MakeLogin
from tests.db.people import person
from tests.db.test_area_stats import top
from tests.factories import leaf


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "street and category"])
async def test_the_view_in_one_statement_is_every_figure_read_alone(
        store: Store, catalog: Catalog, login_as: MakeLogin, filtered: bool) -> None:
    assert await demo.generate_cases(store, count=1500, days=40) > 1400
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
    today = now.astimezone(CENTRE_TZ).date()
    filters = {"street_code": "S01", "category_id": top(catalog, leaf(catalog).id)} if (
        filtered) else {}
    supervisor = await person(login_as("supervisor"))
    try:
        for query in (StatsQuery(Period.RANGE, today - dt.timedelta(days=39), today, **filters),
                      StatsQuery(Period.WEEK, **filters), StatsQuery(**filters)):
            view = await read_view(supervisor, query, now)
            scope = view.scope
            assert view.tiles == await tiles.tiles(supervisor, scope), query
            assert view.series == await intake.intake_series(supervisor, scope,
                                                             hourly=view.hourly), query
            assert view.categories == (await intake.intake(supervisor, scope, By.CATEGORY_1)
                                       )[:RANKED], query
            assert view.units == [u for u in await outcomes.overdue(supervisor, scope, By.UNIT)
                                  if u.key][:RANKED], query
            assert view.streets == [s for s in await intake.intake(supervisor, scope, By.STREET)
                                    if s.key][:RANKED], query
            if query.period is Period.RANGE:  # the range holds enough to mean something
                assert view.tiles.intake > (20 if filtered else 1000)
                assert len(view.categories) >= (1 if filtered else 5) and view.units
                assert view.tiles.rates.callback.of and view.tiles.satisfaction.called
    finally:
        await supervisor.close()
