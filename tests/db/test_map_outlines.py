"""The map's outlines from the database, read as an operator: streets and communities
as stored (migration 0014), a community without a stored boundary as the union of
its cells; and the queue filtered to an area the map chose."""

import numpy as np
import psycopg
import pytest
import shapely
from shapely.geometry import Polygon, shape

from console.casework import queue
from console.casework.queue import CaseFilter
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline.intake import create_case
from console.mapview import base_map as bm
from console.mapview import outlines as ol
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.factories import draft


async def _outlines(url: str) -> ol.BaseMap:
    operator = Store(url, "operator")
    try:
        cells = await bm.read_cells(operator)
        streets, communities = await bm.read_areas(operator)
    finally:
        await operator.close()
    return bm.build_base_map(cells, streets, communities)


async def test_stored_boundaries_are_drawn_and_a_missing_one_dissolved(
        catalog: Catalog, login_as: MakeLogin, database_url: str) -> None:
    url = login_as("operator")
    base = await _outlines(url)
    assert base.dissolved == ()  # the demo stores every street's and community's
    assert {o.code: o.name for o in base.levels[ol.STREET]} == {
        s.code: s.name for s in catalog.streets.values()}
    assert len(base.levels[ol.COMMUNITY]) == len(catalog.communities)
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as owner:
        stored = owner.execute("SELECT geometry FROM community WHERE code = 'S01C01'"
                               ).fetchone()[0]  # type: ignore[index]
        smaller = shape(stored).buffer(-0.003)  # some 300 m inside: not its cells' union
        owner.execute("UPDATE community SET geometry = %s::jsonb WHERE code = 'S01C01'",
                      (psycopg.types.json.Json(smaller.__geo_interface__),))
        owner.execute("UPDATE community SET geometry = NULL, centroid_lon = NULL,"
                      " centroid_lat = NULL WHERE code = 'S01C02'")
    again = await _outlines(url)
    assert again is not base  # other boundaries: drawn anew
    drawn = {o.code: o for o in again.levels[ol.COMMUNITY]}
    before = {o.code: o for o in base.levels[ol.COMMUNITY]}
    projected = shapely.transform(smaller, lambda xy: np.column_stack(
        again.plane.to_xy(xy[:, 0], xy[:, 1])))
    assert Polygon(drawn["S01C01"].rings[0]).area == pytest.approx(projected.area, rel=1e-3)
    assert projected.area < 0.9 * Polygon(before["S01C01"].rings[0]).area
    assert again.dissolved == (("community", "S01C02"),)
    assert Polygon(drawn["S01C02"].rings[0]).area == pytest.approx(
        Polygon(before["S01C02"].rings[0]).area, rel=1e-3)  # the union of its cells


async def test_the_queue_shows_the_cases_of_a_community_or_a_cell(
        store: Store, catalog: Catalog) -> None:
    cells = sorted(catalog.grid_cells.values(), key=lambda g: g.code)
    first = cells[0]
    neighbour = next(g for g in cells if g.community_code != first.community_code)
    same_community = next(g for g in cells[1:] if g.community_code == first.community_code)
    made = {g.code: await create_case(store, catalog, draft(catalog, grid_code=g.code))
            for g in (first, same_community, neighbour)}
    in_community = await queue.fetch_ids(store, CaseFilter(community_code=first.community_code))
    assert set(in_community.ids) == {made[first.code].id, made[same_community.code].id}
    in_cell = await queue.fetch_ids(store, CaseFilter(grid_code=first.code))
    assert in_cell.ids == [made[first.code].id]
    in_street = await queue.fetch_ids(store, CaseFilter(street_code=neighbour.street_code))
    assert made[neighbour.code].id in in_street.ids
