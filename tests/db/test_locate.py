"""Locating a point in its grid cell, community and street, from the database's cells;
rebuilt when an admin imports boundaries; and the real Pingshan outline end to end."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from console.core.feed import ChangeFeed
from console.core.store import Store
from console.demodata.files import read
from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level
from console.geo.boundary_import import current_boundaries, import_boundaries
from console.geo.crs import Crs
from console.geo.geofile import parse_geojson
from console.geo.locate import LiveLocator, Locator
from console.geo.shapes import metres_between
from db.migrate import upgrade
from tests.db.conftest import MakeLogin
from tests.db.people import login_of, person
from tests.geo_real import layers, outline
from tests.geo_real import request as real_request


async def test_every_cells_centre_is_located_in_that_cell(store: Store) -> None:
    locator = await Locator.load(store)
    assert len(locator) == 667
    for cell in locator.cells:
        place = locator.locate(*cell.centre)
        assert place is not None
        assert (place.cell, place.community, place.street) == (cell.code, cell.community,
                                                               cell.street)
    assert locator.centre_of("S01C01G001") == locator.cells[0].centre
    assert locator.centre_of("nope") is None


async def test_a_point_outside_the_district_is_none(store: Store) -> None:
    locator = await Locator.load(store)
    for lon, lat in ((114.0, 22.5), (0.0, 0.0), (22.69, 114.33), (float("nan"), 22.7)):
        assert locator.locate(lon, lat) is None
    found = locator.locate_many(np.array([114.0, 114.3797]), np.array([22.5, 22.7539]))
    assert found[0] == -1 and locator.cells[found[1]].code == "S01C01G006"


async def test_a_point_on_the_edge_of_two_cells_goes_to_the_first_in_code_order(
        store: Store) -> None:
    locator = await Locator.load(store)
    cells = {f["properties"]["code"]: shape(f["geometry"])
             for f in read("grid_cells.geojson")["features"]}
    a, b = "S01C01G001", next(code for code, polygon in cells.items()
                              if code != "S01C01G001"
                              and polygon.intersection(cells["S01C01G001"]).length > 0)
    edge = cells[a].intersection(cells[b])
    point = edge.interpolate(0.5, normalized=True)
    place = locator.locate(point.x, point.y)
    assert place is not None and place.cell == min(a, b)


async def test_the_live_locator_follows_an_import_made_anywhere(
        database_url: str, login_as: MakeLogin) -> None:
    admin = await person(login_as("admin"))
    seat = Store(database_url, "seat")
    feed = ChangeFeed(seat)
    live = LiveLocator(seat)
    try:
        await feed.start()
        await live.start(feed)
        gone = live.locator.centre_of("S06C04G001")
        assert gone is not None and live.locator.locate(*gone) is not None
        collection = read("grid_cells.geojson")
        collection["features"] = [f for f in collection["features"]
                                  if f["properties"]["code"] != "S06C04G001"]
        file = parse_geojson(json.dumps(collection), "cells.geojson")
        event_id = await import_boundaries(admin, ImportRequest((LayerFile(
            Level.CELL, file, FieldMap("code", "name", "community")),)))
        await feed.applied(event_id)
        await live.settled()
        assert len(live.locator) == 666
        assert live.locator.locate(*gone) is None  # now a hole in the district
    finally:
        await live.stop()
        await admin.close()
        await seat.close()


async def test_the_live_locator_locates_nothing_until_it_is_started(store: Store) -> None:
    """A seat's locator is read once the window shows: before, it knows no cell (and
    says so), and is read again when started again."""
    feed = ChangeFeed(store)
    live = LiveLocator(store)
    try:
        assert not live.loaded
        assert live.centre_of("S01C01G001") is None
        assert live.locate(114.3797, 22.7539) is None
        await feed.start()
        await live.start(feed)
        assert live.loaded
        built = live.locator
        assert live.locate(114.3797, 22.7539) == built.locate(114.3797, 22.7539) is not None
        assert live.centre_of("S01C01G001") == built.centre_of("S01C01G001") is not None
        await live.start(feed)
        assert live.locator is not built  # read again, as asked
    finally:
        await live.stop()


async def _empty_district(empty_database_url: str) -> Store:
    upgrade(empty_database_url)
    store = Store(empty_database_url, "admin_t")
    store.roles = frozenset({"admin"})
    return store


async def test_the_real_outline_imports_and_locates(empty_database_url: str) -> None:
    district = outline()  # skips when the real data is absent
    store = await _empty_district(empty_database_url)
    try:
        await import_boundaries(store, real_request())
        locator = await Locator.load(store)
        assert len(locator) == len(layers()[Level.CELL])
        inside = district.representative_point()
        place = locator.locate(inside.x, inside.y)
        assert place is not None and place.street == "R01"
        west, south, east, north = district.bounds
        assert locator.locate(west - 0.01, south - 0.01) is None
        # The cells cover the district: 1,000 points inside it all find a cell.
        rng = np.random.default_rng(7)
        xs, ys = rng.uniform(west, east, 4000), rng.uniform(south, north, 4000)
        inside_ = shapely.contains_xy(district, xs, ys)
        found = locator.locate_many(xs[inside_], ys[inside_])
        assert inside_.sum() > 1000 and (found >= 0).all()
    finally:
        await store.close()


async def test_the_real_outline_in_wgs84_is_stored_in_gcj02_within_a_metre(
        empty_database_url: str) -> None:
    district = outline()
    store = await _empty_district(empty_database_url)
    try:
        await import_boundaries(store, real_request(Crs.WGS84))
        async with store.read() as conn:
            stored = {b.code: b for b in await current_boundaries(conn)}
        kept = shape(stored["R01"].geometry)
        assert len(shapely.get_coordinates(kept)) == len(shapely.get_coordinates(district))
        # Every vertex came back to within a metre of where the GCJ-02 outline has it
        # (a degree is over 100 km here; the vertices may start elsewhere on the ring).
        assert shapely.hausdorff_distance(district, kept) * 111_000 < 1.0
        first: Any = shapely.get_coordinates(district)[0]
        nearest = min(metres_between(*first, *q) for q in shapely.get_coordinates(kept))
        assert nearest < 1.0
    finally:
        await store.close()


async def test_another_seat_follows_an_import_its_locator_and_its_forms(
        database_url: str, login_as: MakeLogin, tmp_path: Any) -> None:
    from console.app import ConsoleApp

    operator = login_as("operator")
    seat = ConsoleApp(operator, login_of(operator), journal_path=tmp_path / "o.json")
    await seat.open()
    await seat.load_places()  # as the start does once the window shows
    admin = await person(login_as("admin"))
    try:
        assert len(seat.locator.locator) == 667 and "S06C04G001" in seat.catalog.grid_cells
        collection = read("grid_cells.geojson")
        collection["features"] = [f for f in collection["features"]
                                  if f["properties"]["code"] != "S06C04G001"]
        for f in collection["features"]:
            f["properties"]["name"] = "新" + f["properties"]["name"]
        file = parse_geojson(json.dumps(collection), "cells.geojson")
        await import_boundaries(admin, ImportRequest((LayerFile(
            Level.CELL, file, FieldMap("code", "name", "community")),)))
        for _ in range(200):  # the seat hears of it through the database, as seats do
            if len(seat.locator.locator) == 666 and "S06C04G001" not in seat.catalog.grid_cells:
                break
            await asyncio.sleep(0.05)
        assert len(seat.locator.locator) == 666
        assert seat.catalog.grid_cells["S01C01G001"].name == "新坑梓社区第1网格"
        assert "S06C04G001" not in seat.catalog.grid_cells
    finally:
        await admin.close()
        await seat.close()
