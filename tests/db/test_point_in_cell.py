"""The database keeps a case's point inside its grid cell (migration 0018): a point
outside its cell's stored outline is refused, whoever writes it, with a message
that says so; a point inside or on the edge, a cell without a point and a point
without a cell are taken. The test of the outline itself agrees with shapely."""

from __future__ import annotations

import json
import random
import uuid

import psycopg
import pytest
import shapely
from psycopg import errors
from shapely.geometry import mapping, shape

from console.catalog.catalog import load_catalog
from console.core.errors import ValidationError
from console.hotline.intake import create_case
from db.engine import normalise_url
from tests.db.conftest import MakeLogin
from tests.db.people import login_of, person, raw
from tests.factories import draft

CELL = "S01C01G006"
INSIDE = (114.3797, 22.7539)  # inside S01C01G006 (tests/db/test_locate.py)


def outline(database_url: str, code: str = CELL) -> dict:
    with raw(database_url) as conn:
        row = conn.execute("SELECT geometry FROM grid_cell WHERE code = %s", (code,)).fetchone()
    assert row is not None
    return row[0]


def elsewhere(database_url: str) -> tuple[float, float]:
    """The centre of another cell: surely outside ``CELL``."""
    with raw(database_url) as conn:
        row = conn.execute("SELECT centroid_lon, centroid_lat FROM grid_cell WHERE code <> %s"
                           " ORDER BY code DESC LIMIT 1", (CELL,)).fetchone()
    assert row is not None
    return row[0], row[1]


def insert_as(conn: psycopg.Connection, lon: float | None, lat: float | None,
              grid: str | None = CELL) -> None:
    conn.execute(
        'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency, status, due_at,'
        " accepted_at, lon, lat, street_code, community_code, grid_code)"
        " SELECT %s, 'PS-X', 'web', 't', c.id, c.urgency, 'accepted', now() + interval '1 day',"
        " now(), %s, %s, g.street_code, g.community_code, g.code"
        " FROM public.category c, public.grid_cell g WHERE c.level = 3 AND g.code = %s LIMIT 1",
        (uuid.uuid4(), lon, lat, grid))


def test_an_operator_writing_a_point_outside_its_cell_by_hand_is_refused(
        database_url: str, admin_url: str, login_as: MakeLogin) -> None:
    """The weakest role that records cases, with raw SQL: refused with the reason, by
    the check's name; the same insert with the point inside passes the check (and
    fails later only because no event was recorded with it)."""
    lon, lat = elsewhere(database_url)
    operator = login_as("operator")
    database = normalise_url(database_url).database
    with raw(admin_url) as conn:  # to try a shadow (0007 refuses staff temporary objects)
        conn.execute(f"GRANT TEMPORARY ON DATABASE {database} TO {login_of(operator)}")  # type: ignore[arg-type]
    try:
        with raw(operator) as conn:
            with pytest.raises(errors.CheckViolation, match=f"lies outside grid cell {CELL}") as e:
                insert_as(conn, lon, lat)
            assert e.value.diag.constraint_name == "case_point_in_cell"
            assert "stored outline" in (e.value.diag.message_detail or "")
            with pytest.raises(errors.CheckViolation):  # a point far off, too
                insert_as(conn, 0.0, 0.0)
            with pytest.raises(errors.InsufficientPrivilege, match="without its event"), \
                    conn.transaction():
                insert_as(conn, *INSIDE)  # the point is fine: the deferred check wants its event
            with pytest.raises(errors.CheckViolation):  # nor a point that is no number
                insert_as(conn, float("nan"), float("nan"))
            # The check cannot be switched off, around or shadowed.
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute('ALTER TABLE "case" DISABLE TRIGGER case_point_in_cell')
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SET session_replication_role = replica")
            # A temporary grid_cell with an outline round the globe shadows nothing (staff
            # may not make temporary tables where 0007 ran: this operator was let, to try).
            conn.execute("CREATE TEMP TABLE grid_cell (code text, geometry jsonb)")
            conn.execute("INSERT INTO pg_temp.grid_cell VALUES (%s, '{\"type\": \"Polygon\","
                         " \"coordinates\": [[[-180, -90], [180, -90], [180, 90], [-180, 90],"
                         " [-180, -90]]]}')", (CELL,))
            conn.execute("SET search_path = pg_temp, public")
            with pytest.raises(errors.CheckViolation, match="lies outside"):
                insert_as(conn, lon, lat)
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("UPDATE public.grid_cell SET geometry = jsonb_build_object('type',"
                             " 'Polygon', 'coordinates',"
                             " '[[[0, 0], [180, 0], [180, 80], [0, 0]]]'::jsonb)")
            # The place cannot be changed afterwards: the columns are not the desk's.
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute('UPDATE public."case" SET lon = %s, lat = %s', (lon, lat))
    finally:
        with raw(admin_url) as conn:
            conn.execute(f"REVOKE TEMPORARY ON DATABASE {database} FROM {login_of(operator)}")  # type: ignore[arg-type]


async def test_the_intake_takes_points_inside_or_on_the_edge_and_says_why_it_refuses(
        database_url: str, login_as: MakeLogin) -> None:
    operator = await person(login_as("operator"))
    ring = outline(database_url)["coordinates"][0]
    (x0, y0), (x1, y1) = ring[0], ring[1]
    try:
        catalog = await load_catalog(operator)
        for lon, lat in (INSIDE, (x0, y0), ((x0 + x1) / 2, (y0 + y1) / 2)):  # in, corner, edge
            made = await create_case(operator, catalog, draft(catalog, grid_code=CELL,
                                                              lon=lon, lat=lat))
            assert made.created
        await create_case(operator, catalog, draft(catalog, grid_code=CELL))  # at its centre
        await create_case(operator, catalog, draft(catalog, grid_code=None, lon=INSIDE[0],
                                                   lat=INSIDE[1]))  # no cell to lie in
        outside = draft(catalog, grid_code=CELL, lon=elsewhere(database_url)[0],
                        lat=elsewhere(database_url)[1])
        with pytest.raises(ValidationError) as refused:
            await create_case(operator, catalog, outside)
        assert {e.code for e in refused.value.errors} == {"point.outside_cell"}
    finally:
        await operator.close()
    with raw(database_url) as conn:
        assert conn.execute('SELECT count(*) FROM "case" WHERE id = %s',
                            (outside.id,)).fetchone() == (0,)


def test_the_owners_moves_are_checked_too(database_url: str, login_as: MakeLogin) -> None:
    """An update that moves the point or the cell is checked; one that leaves them
    alone is not (boundaries imported later do not refuse the cases recorded)."""
    with raw(database_url) as owner:
        owner.execute("SET session_replication_role = replica")  # no other rules: only this one
        insert_as(owner, *INSIDE)
        owner.execute("SET session_replication_role = DEFAULT")
        with pytest.raises(errors.CheckViolation, match="lies outside"):
            owner.execute('UPDATE "case" SET lon = lon + 0.05 WHERE grid_code = %s', (CELL,))
        with pytest.raises(errors.CheckViolation, match="lies outside"):
            owner.execute("UPDATE \"case\" SET grid_code = (SELECT min(code) FROM grid_cell"
                          " WHERE code <> %s) WHERE grid_code = %s", (CELL, CELL))


def test_the_test_of_a_point_agrees_with_shapely(database_url: str) -> None:
    """Random points about a polygon with a hole, a multipolygon and every demo cell:
    inside by plpgsql exactly when shapely says the shape holds or touches it."""
    donut = shapely.Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (3, 1), (3, 3), (1, 3)]])
    pair = shapely.MultiPolygon([donut, shapely.box(5, 5, 6, 7)])
    shapes = [donut, pair]
    with raw(database_url) as conn:
        shapes += [shape(g) for (g,) in conn.execute("SELECT geometry FROM grid_cell")]
        rng = random.Random(14)
        checked = 0
        for geometry in shapes:
            x0, y0, x1, y1 = geometry.bounds
            pad_x, pad_y = (x1 - x0) * 0.2, (y1 - y0) * 0.2
            points = [(rng.uniform(x0 - pad_x, x1 + pad_x), rng.uniform(y0 - pad_y, y1 + pad_y))
                      for _ in range(40)]
            points += list(geometry.exterior.coords if geometry.geom_type == "Polygon"
                           else geometry.geoms[0].exterior.coords)[:3]  # on the outline
            text = json.dumps(mapping(geometry))
            found = conn.execute(
                "SELECT hotline_point_in_shape(%s::jsonb, x, y)"
                " FROM unnest(%s::float8[], %s::float8[]) AS p(x, y)",
                (text, [p[0] for p in points], [p[1] for p in points])).fetchall()
            expected = [bool(shapely.intersects_xy(geometry, x, y)) for x, y in points]
            assert [f[0] for f in found] == expected
            checked += len(points)
        assert checked > 1000
        assert conn.execute("SELECT hotline_point_in_shape('{\"type\": \"Point\"}', 0, 0)"
                            ).fetchone() == (False,)
