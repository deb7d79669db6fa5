"""An admin's boundary import against a real database: a valid file replaces the
boundaries in one transaction and tells every seat; anything wrong changes
nothing and names every problem."""

from __future__ import annotations

import copy
import json
from typing import Any

import psycopg
import pytest
import shapely
import shapely.affinity
import shapely.geometry
from shapely.geometry import shape
from sqlalchemy import func, select

from console.core.errors import PermissionDenied
from console.core.events import BoundariesChanged
from console.core.store import Store
from console.demodata.files import read
from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level
from console.geo.boundary_import import BoundaryProblems, check_import, import_boundaries
from console.geo.geofile import parse_geojson
from console.geo.locate import Locator
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.db.people import a_case, person, raw

TABLES = ("street", "community", "grid_cell")


def fingerprint(url: str) -> list[str]:
    with raw(url) as conn:
        return [conn.execute(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY code), ''))"
                             f" FROM {table} t").fetchone()[0] for table in TABLES]


def demo_cells(change: Any = None) -> ImportRequest:
    collection = copy.deepcopy(read("grid_cells.geojson"))
    if change is not None:
        change(collection["features"])
    file = parse_geojson(json.dumps(collection), "grid_cells.geojson")
    return ImportRequest((LayerFile(Level.CELL, file, FieldMap("code", "name", "community")),))


async def boundary_events(store: Store) -> list[BoundariesChanged]:
    async with store.read() as conn:
        rows = (await conn.execute(select(s.CaseEvent.payload).where(
            s.CaseEvent.kind == "boundaries_changed").order_by(s.CaseEvent.id))).all()
    return [BoundariesChanged.from_json(r.payload) for r in rows]


async def test_the_demo_streets_and_communities_are_the_union_of_their_cells(
        store: Store) -> None:
    async with store.read() as conn:
        communities = {r.code: r for r in await conn.execute(select(s.Community))}
        streets = {r.code: r for r in await conn.execute(select(s.Street))}
        cells = (await conn.execute(select(s.GridCell))).all()
    assert all(c.geometry is not None for c in [*communities.values(), *streets.values()])
    for cell in cells:
        polygon, home = shape(cell.geometry), shape(communities[cell.community_code].geometry)
        assert home.buffer(1e-6).contains(polygon)
        assert polygon.contains(shapely.Point(cell.centroid_lon, cell.centroid_lat))
    street = streets["S01"]
    area = sum(shape(c.geometry).area for c in cells if c.street_code == "S01")
    assert shape(street.geometry).area == pytest.approx(area, rel=1e-4)
    assert shape(street.geometry).contains(shapely.Point(street.centroid_lon,
                                                         street.centroid_lat))


async def test_an_admin_reimports_the_cells_and_cases_keep_their_codes(
        database_url: str, login_as: MakeLogin) -> None:
    await a_case(login_as("operator"))  # in S01C01G001, the first cell
    admin = await person(login_as("admin"))
    try:
        def rename_and_drop(features: list[dict[str, Any]]) -> None:
            for f in features:
                f["properties"]["name"] = "新" + f["properties"]["name"]
            features[:] = [f for f in features if f["properties"]["code"] != "S06C04G001"]

        preview = await check_import(admin, demo_cells(rename_and_drop))
        assert preview.ok and preview.counts == {Level.CELL: 666}
        assert preview.removed == {Level.CELL: ("S06C04G001",)} and preview.added[Level.CELL] == ()
        event_id = await import_boundaries(admin, demo_cells(rename_and_drop))
        async with admin.read() as conn:
            count = (await conn.execute(select(func.count()).select_from(s.GridCell))).scalar()
            first = (await conn.execute(select(s.GridCell.name).where(
                s.GridCell.code == "S01C01G001"))).scalar()
            kept = (await conn.execute(select(s.Case.grid_code))).scalars().all()
            kind = (await conn.execute(select(s.CaseEvent.kind).where(
                s.CaseEvent.id == event_id))).scalar()
        assert (count, first, kept, kind) == (666, "新坑梓社区第1网格", ["S01C01G001"],
                                              "boundaries_changed")
        (event,) = await boundary_events(admin)
        assert event == BoundariesChanged(("cell",), (666,), 0, 1, "GCJ-02",
                                          ("grid_cells.geojson",))
    finally:
        await admin.close()


async def test_a_reimported_cell_gets_its_new_centre_and_cases_are_placed_there(
        database_url: str, login_as: MakeLogin) -> None:
    """A cell drawn anew (here: shrunk to a quarter about its first corner) keeps its
    code and gets the centre of its new shape; a case saved afterwards with that cell
    and no point is placed at the new centre, inside the new outline."""
    code = "S01C01G001"
    with raw(database_url) as conn:
        before = conn.execute("SELECT centroid_lon, centroid_lat FROM grid_cell WHERE code = %s",
                              (code,)).fetchone()

    def shrink(features: list[dict[str, Any]]) -> None:
        (feature,) = [f for f in features if f["properties"]["code"] == code]
        old = shape(feature["geometry"])
        corner = old.exterior.coords[0] if old.geom_type == "Polygon" else (
            old.geoms[0].exterior.coords[0])
        feature["geometry"] = shapely.geometry.mapping(
            shapely.affinity.scale(old, 0.5, 0.5, origin=shapely.Point(corner)))

    admin = await person(login_as("admin"))
    try:
        await import_boundaries(admin, demo_cells(shrink))
        seats_centre = (await Locator.load(admin)).centre_of(code)  # as a seat reads it again
    finally:
        await admin.close()
    with raw(database_url) as conn:
        lon, lat, geometry = conn.execute(
            "SELECT centroid_lon, centroid_lat, geometry FROM grid_cell WHERE code = %s",
            (code,)).fetchone()
    new = shape(geometry)
    assert (lon, lat) != pytest.approx(before, abs=1e-6)
    assert (lon, lat) == pytest.approx((new.centroid.x, new.centroid.y), abs=1e-6)  # to 1 cm
    assert new.contains(shapely.Point(lon, lat))
    assert seats_centre == (lon, lat)
    case_id = await a_case(login_as("operator"), grid_code=code)
    with raw(database_url) as conn:
        placed = conn.execute('SELECT lon, lat FROM "case" WHERE id = %s', (case_id,)).fetchone()
    assert placed == (lon, lat)


async def test_a_refused_import_changes_nothing_and_names_every_problem(
        database_url: str, login_as: MakeLogin) -> None:
    before = fingerprint(database_url)

    def spoil(features: list[dict[str, Any]]) -> None:
        ring = features[5]["geometry"]["coordinates"][0]
        ring[1], ring[2] = ring[2], ring[1]  # a bow tie
        features[9]["properties"]["code"] = features[8]["properties"]["code"]
        features[20]["geometry"]["coordinates"][0] = [[y, x] for x, y in
                                                      features[20]["geometry"]["coordinates"][0]]
        features[30]["geometry"] = shapely.geometry.mapping(
            shape(features[30]["geometry"]).buffer(0.01))  # spills into other communities

    admin = await person(login_as("admin"))
    try:
        with pytest.raises(BoundaryProblems) as refused:
            await import_boundaries(admin, demo_cells(spoil))
    finally:
        await admin.close()
    found = {(p.index, p.reason) for p in refused.value.problems}
    assert {(5, "geometry.invalid"), (9, "code.duplicate"), (20, "crs.not_lonlat"),
            (30, "parent.outside")} <= found
    # Besides, only the spilt cell overlapping its neighbours, each pair named once.
    others = [p for p in refused.value.problems if (p.index, p.reason) not in {
        (5, "geometry.invalid"), (9, "code.duplicate"), (20, "crs.not_lonlat"),
        (30, "parent.outside")}]
    assert others and {p.reason for p in others} == {"geometry.overlap"}
    assert all("S01C01G031" in (p.code, p.detail) for p in others)
    assert all(p.level is Level.CELL for p in refused.value.problems)
    assert fingerprint(database_url) == before
    store = Store(database_url, "t")
    try:
        assert await boundary_events(store) == []
    finally:
        await store.close()


async def test_a_code_cases_still_use_cannot_go_and_the_count_is_given(
        database_url: str, login_as: MakeLogin) -> None:
    for _ in range(2):
        await a_case(login_as("operator"))
    before = fingerprint(database_url)
    admin = await person(login_as("admin"))
    try:
        def drop_first(features: list[dict[str, Any]]) -> None:
            features[:] = [f for f in features if f["properties"]["code"] != "S01C01G001"]

        with pytest.raises(BoundaryProblems) as refused:
            await import_boundaries(admin, demo_cells(drop_first))
    finally:
        await admin.close()
    assert [(p.code, p.reason, p.detail) for p in refused.value.problems] == [
        ("S01C01G001", "code.in_use_by_cases", "2")]
    assert fingerprint(database_url) == before


async def test_only_admins_import_and_only_admins_write_boundaries(
        database_url: str, login_as: MakeLogin) -> None:
    dispatcher_url = login_as("dispatcher")
    dispatcher = await person(dispatcher_url)
    try:
        with pytest.raises(PermissionDenied):
            await import_boundaries(dispatcher, demo_cells())
    finally:
        await dispatcher.close()
    with raw(dispatcher_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE street SET geometry = NULL, centroid_lon = NULL,"
                     " centroid_lat = NULL")
    with raw(login_as("admin")) as conn:
        conn.execute("UPDATE street SET name = name WHERE code = 'S01'")  # admins may


def test_the_schema_refuses_a_shape_seats_cannot_draw(database_url: str) -> None:
    with raw(database_url) as conn:
        for statement in (
                "UPDATE street SET geometry = '{\"type\": \"Point\"}' WHERE code = 'S01'",
                "UPDATE community SET centroid_lon = NULL WHERE code = 'S01C01'",
                "UPDATE grid_cell SET geometry = '[]' WHERE code = 'S01C01G001'",
                "UPDATE grid_cell SET centroid_lat = 95 WHERE code = 'S01C01G001'"):
            with pytest.raises(psycopg.errors.CheckViolation):
                conn.execute(statement)  # type: ignore[arg-type]
        conn.execute("UPDATE street SET geometry = NULL, centroid_lon = NULL,"
                     " centroid_lat = NULL WHERE code = 'S01'")  # none drawn is allowed


def test_the_upgrade_gives_streets_and_communities_the_union_of_their_cells(
        database_url: str) -> None:
    from db.migrate import downgrade, upgrade

    with raw(database_url) as conn:
        drawn = dict(conn.execute("SELECT code, geometry FROM community").fetchall())
    downgrade(database_url, "0012")
    with raw(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM information_schema.columns WHERE"
                            " table_name = 'street' AND column_name = 'geometry'"
                            ).fetchone() == (0,)
    upgrade(database_url)
    with raw(database_url) as conn:
        rows = conn.execute("SELECT code, geometry, centroid_lon, centroid_lat"
                            " FROM community").fetchall()
        streets = conn.execute("SELECT count(*) FROM street WHERE geometry IS NOT NULL"
                               ).fetchone()
    assert streets == (6,) and len(rows) == 23
    for code, geometry, lon, lat in rows:
        made = shape(geometry)
        assert made.symmetric_difference(shape(drawn[code])).area < 1e-9
        assert made.contains(shapely.Point(lon, lat))
