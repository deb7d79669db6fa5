"""The map's reads against the database, as the people who use the map: open cases
as arrays (placed at their point, else at their grid cell's centre), the outlines
from the stored cells, the duty posts with who is on duty, and the queue filtered
to a selection of cases."""

import datetime as dt

import numpy as np
import psycopg

from console.casework import cases, queue
from console.casework.countdown import BANDS_BY_SEVERITY, OVERDUE
from console.casework.queue import CaseFilter
from console.catalog.catalog import Catalog
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.duty import roster
from console.hotline.intake import create_case
from console.mapview import base_map as bm
from console.mapview import map_cases
from console.mapview import outlines as ol
from console.mapview.duty_places import place_posts, read_posts
from db.engine import libpq_conninfo
from tests.db.conftest import MakeLogin
from tests.factories import draft


async def as_person(url: str, *roles: str) -> Store:
    person = Store(url, "person")
    person.roles = frozenset(roles)
    return person


async def test_open_cases_with_their_place_band_and_class(
        store: Store, catalog: Catalog, login_as: MakeLogin, database_url: str) -> None:
    cell = sorted(catalog.grid_cells.values(), key=lambda g: g.code)[0]
    at_cell = await create_case(store, catalog, draft(catalog, grid_code=cell.code))
    pointed = await create_case(store, catalog, draft(catalog))
    nowhere = await create_case(store, catalog, draft(catalog, grid_code=None))
    closed = await create_case(store, catalog, draft(catalog))
    unit = sorted(u.id for u in catalog.units.values())[0]
    store.roles = frozenset({"admin"})
    await cases.perform(store, closed.id, "dispatch", None, unit_id=unit)
    await cases.perform(store, closed.id, "resolve", None, result="已处理")
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as owner:
        centre = owner.execute("SELECT centroid_lon, centroid_lat FROM grid_cell WHERE code = %s",
                               (cell.code,)).fetchone()
        point = (centre[0] + 1e-5, centre[1] - 1e-5)  # in its cell, off the centre
        owner.execute('UPDATE "case" SET lon = %s, lat = %s, due_at = now() - interval'
                      " '1 hour' WHERE id = %s", (*point, pointed.id))
    operator = await as_person(login_as("operator"), "operator")
    try:
        marks = await map_cases.read_open_cases(operator)
        again = await map_cases.read_cases(operator, [pointed.id, closed.id])
    finally:
        await operator.close()
    assert set(marks.ids) == {str(at_cell.id), str(pointed.id)}
    assert marks.case_ids(range(2)) == [marks.case_id(0), marks.case_id(1)]
    assert marks.unplaced == 1  # ``nowhere``: no point, no cell
    row, other = marks.row_of(at_cell.id), marks.row_of(pointed.id)
    assert (marks.lon[row], marks.lat[row]) == centre and marks.at_cell[row]
    assert (marks.lon[other], marks.lat[other]) == point and not marks.at_cell[other]
    assert marks.public_no[row] == at_cell.public_no
    category = catalog.categories[int(marks.category_id[row])]
    assert "ABC"[marks.urgency[row]] == category.urgency
    now = dt.datetime.now(dt.UTC)
    assert BANDS_BY_SEVERITY[marks.bands(now)[other]] == OVERDUE
    assert marks.left(now)[other] < 0 < marks.left(now)[row]
    assert again.case_ids([0]) == [pointed.id] and len(again) == 1  # closed is not open
    assert marks.row_of(nowhere.id) is None


async def test_the_outlines_from_the_stored_cells(store: Store, catalog: Catalog,
                                                  login_as: MakeLogin) -> None:
    operator = await as_person(login_as("operator"), "operator")
    try:
        cells = await bm.read_cells(operator)
    finally:
        await operator.close()
    base = bm.build_base_map(cells, {s.code: s.name for s in catalog.streets.values()},
                             {c.code: c.name for c in catalog.communities.values()})
    assert len(base.levels[ol.CELL]) == len(catalog.grid_cells)
    assert len(base.levels[ol.COMMUNITY]) == len(catalog.communities)
    assert {o.name for o in base.levels[ol.STREET]} == {s.name for s in catalog.streets.values()}


async def test_duty_posts_stand_where_their_unit_is_with_who_is_on_duty(
        store: Store, catalog: Catalog, login_as: MakeLogin) -> None:
    at = dt.datetime(2026, 11, 20, 10, 0, tzinfo=CENTRE_TZ)  # a day shift
    store.roles = frozenset({"shift_leader"})
    await roster.generate_month(store, 2026, 11)
    operator = await as_person(login_as("operator"), "operator")
    try:
        posts = await read_posts(operator, at)
        cells = await bm.read_cells(operator)
        on_duty = await roster.on_duty(operator, at)
    finally:
        await operator.close()
    assert len(posts) == 38
    by_code = {p.code: p for p in posts}
    assert by_code["P-S01C01"].community_code == "S01C01"
    assert by_code["P-S01"].street_code == "S01" and by_code["P-S01"].community_code is None
    people = {(d.person, d.phone) for d in on_duty if d.post_id == by_code["P-S01C01"].id}
    assert people and set(by_code["P-S01C01"].people) == people
    base = bm.build_base_map(cells, {}, {})
    places = place_posts(posts, base)
    street_place = next(p for p in places if by_code["P-S01"] in p.posts)
    assert by_code["G-S01"] in street_place.posts  # the street's squad shares its marker
    assert (street_place.x, street_place.y) == base.anchor(ol.STREET, "S01")
    centre = next(p for p in places if by_code["C-LEAD"] in p.posts)
    assert centre.level == ol.DISTRICT and len(centre.posts) == 3
    assert sum(len(p.posts) for p in places) == 38


async def test_the_queue_shows_only_the_cases_selected_on_the_map(
        store: Store, catalog: Catalog) -> None:
    made = [await create_case(store, catalog, draft(catalog)) for _ in range(4)]
    chosen = frozenset({made[0].id, made[2].id})
    assert set((await queue.fetch_ids(store, CaseFilter(case_ids=chosen))).ids) == chosen
    assert (await queue.fetch_ids(store, CaseFilter(case_ids=frozenset()))).ids == []
    assert len((await queue.fetch_ids(store, CaseFilter())).ids) == 4
    many = frozenset({*chosen, *(m.id for m in made[1:2])})
    listed = await queue.fetch_ids(store, CaseFilter(case_ids=many, text=made[1].public_no))
    assert listed.ids == [made[1].id]  # with the other filters
    assert np.all(np.isin([m.id for m in made], listed.ids) == [False, True, False, False])
