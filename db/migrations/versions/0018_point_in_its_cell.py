"""A case's point lies in its grid cell (issue 14): when a case names a grid cell and
has a point (longitude and latitude, GCJ-02 like the outlines), the point must lie
inside the cell's stored outline (``grid_cell.geometry``) or on its edge.

There is no PostGIS: ``hotline_point_in_shape(shape, lon, lat)`` tests a point
against a stored GeoJSON Polygon or MultiPolygon in one SQL statement: even-odd over
every ring (outer rings and holes alike: rings of a valid shape never cross, so a
point is inside exactly when a ray from it crosses its rings an odd number of
times), a point on an edge counting as inside (as the seat's locator, shapely's
``intersects``, has it). The vertices are read from the jsonb as rows and each edge
is a vertex with the one before it (``lag``; the first vertex's is the ring's last,
so a ring that does not repeat its first point is closed all the same): the
executor does the arithmetic, not a plpgsql loop (whose array subscripts copied the
array each time: 28 ms for a ring of 2,000 vertices), and the statement sits in a
plpgsql body, which keeps its plan (an SQL function with ``SET search_path`` is
planned at every call). JIT is off for it: the planner guesses a million vertices
(100 elements per ``jsonb_array_elements``, three deep) and compiled the statement
at every call, 15 ms and more for a handful of rows.

``case_point_in_cell`` checks every row inserted, and every update that sets the
point or the cell, whoever writes it (the intake's save, the owner's loaders): a
point outside is refused with ``check_violation`` naming the constraint
``case_point_in_cell``, the cell and the point. Rows without a point or without a
cell are not checked (imported history has no cell; a case without a cell has
nothing to lie in). Boundaries an admin imports later are not checked against the
cases already recorded: a case keeps the place it was given.

The figures by area get a narrower covering index in place of 0014's: the cases
they count (not merged, not invalid: a partial index, so no status in it and no
filter on it per row), the fixed-width columns first (``FIGURES_INDEX``).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, public, pg_temp"
EDGE = "1e-12"  # how near an edge (in squared degrees of the cross product) counts as on it

POINT_IN_SHAPE = f"""
CREATE FUNCTION public.hotline_point_in_shape(shape jsonb, x double precision,
                                              y double precision)
RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE {PIN} SET jit = off AS $$
DECLARE
    inside boolean;
BEGIN
    -- One statement, planned once per session (plpgsql keeps its plan).
    WITH vertex AS (
        SELECT CAST(v ->> 0 AS double precision) AS vx, CAST(v ->> 1 AS double precision) AS vy,
               polygon.n AS polygon_no, ring.n AS ring_no, vertex.n AS k
          FROM pg_catalog.jsonb_array_elements(CASE shape ->> 'type'
                   WHEN 'Polygon' THEN pg_catalog.jsonb_build_array(shape -> 'coordinates')
                   WHEN 'MultiPolygon' THEN shape -> 'coordinates'
                   ELSE '[]'::jsonb END) WITH ORDINALITY AS polygon(p, n),
               pg_catalog.jsonb_array_elements(polygon.p) WITH ORDINALITY AS ring(r, n),
               pg_catalog.jsonb_array_elements(ring.r) WITH ORDINALITY AS vertex(v, n)
    ), edge AS (  -- each vertex and the one before it (the first: the ring's last)
        SELECT vx AS xi, vy AS yi,
               coalesce(pg_catalog.lag(vx) OVER w, pg_catalog.last_value(vx) OVER whole) AS xj,
               coalesce(pg_catalog.lag(vy) OVER w, pg_catalog.last_value(vy) OVER whole) AS yj
          FROM vertex
        WINDOW w AS (PARTITION BY polygon_no, ring_no ORDER BY k),
               whole AS (PARTITION BY polygon_no, ring_no ORDER BY k
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    SELECT coalesce(pg_catalog.bool_or(  -- on an edge: inside
               abs((xi - xj) * (y - yj) - (yi - yj) * (x - xj)) <= {EDGE}
               AND x BETWEEN least(xi, xj) AND greatest(xi, xj)
               AND y BETWEEN least(yi, yj) AND greatest(yi, yj)), false)
           OR pg_catalog.count(*) FILTER (  -- a ray eastwards crosses the rings an odd number
               WHERE CASE WHEN (yi > y) <> (yj > y)  -- (never divides by zero)
                          THEN x < (xj - xi) * (y - yi) / (yj - yi) + xi END) % 2 = 1
      INTO inside
      FROM edge;
    RETURN inside;
END $$"""

POINT_IN_CELL = f"""
CREATE FUNCTION public.case_point_in_cell() RETURNS trigger LANGUAGE plpgsql {PIN} AS $$
DECLARE
    outline jsonb;
BEGIN
    SELECT g.geometry INTO outline FROM public.grid_cell g WHERE g.code = NEW.grid_code;
    IF outline IS NULL OR NOT public.hotline_point_in_shape(outline, NEW.lon, NEW.lat) THEN
        RAISE EXCEPTION 'the point (%, %) lies outside grid cell %', NEW.lon, NEW.lat,
            NEW.grid_code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'case_point_in_cell',
                  DETAIL = 'A case''s point must lie inside its grid cell''s stored outline'
                           ' (or on its edge).',
                  HINT = 'Pick the place again on the map, or give the cell without a point'
                         ' (the case is then placed at the cell''s centre).';
    END IF;
    RETURN NEW;
END $$"""

WHEN_PLACED = "NEW.lon IS NOT NULL AND NEW.lat IS NOT NULL AND NEW.grid_code IS NOT NULL"

# The figures by area (console/geo/area_stats.py) read a period's counted cases from
# this index alone: 0014's without the status (the predicate leaves out the merged and
# invalid, which the query never counts), the fixed-width columns first.
FIGURES_INDEX = [
    "DROP INDEX ix_case_area_figures",
    'CREATE INDEX ix_case_figures ON "case" (created_at) INCLUDE (unit_due_at,'
    " first_resolved_at, paused_at, category_id, grid_code, community_code, street_code)"
    " WHERE status NOT IN ('merged', 'invalid')",
]
FIGURES_INDEX_DOWN = [
    "DROP INDEX ix_case_figures",
    'CREATE INDEX ix_case_area_figures ON "case" (created_at) INCLUDE (grid_code,'
    " community_code, street_code, category_id, status, unit_due_at, first_resolved_at,"
    " paused_at)",
]


def _up() -> list[str]:
    return [
        POINT_IN_SHAPE,
        "ALTER FUNCTION public.hotline_point_in_shape(jsonb, double precision,"
        " double precision) OWNER TO hotline_owner",
        POINT_IN_CELL,
        "ALTER FUNCTION public.case_point_in_cell() OWNER TO hotline_owner",
        "REVOKE ALL ON FUNCTION public.case_point_in_cell() FROM PUBLIC",
        'CREATE TRIGGER case_point_in_cell BEFORE INSERT ON "case"'
        f" FOR EACH ROW WHEN ({WHEN_PLACED})"
        " EXECUTE FUNCTION public.case_point_in_cell()",
        'CREATE TRIGGER case_point_in_cell_moved BEFORE UPDATE OF lon, lat, grid_code'
        f' ON "case" FOR EACH ROW WHEN ({WHEN_PLACED} AND (NEW.lon IS DISTINCT FROM OLD.lon'
        " OR NEW.lat IS DISTINCT FROM OLD.lat OR NEW.grid_code IS DISTINCT FROM OLD.grid_code))"
        " EXECUTE FUNCTION public.case_point_in_cell()",
        *FIGURES_INDEX,
    ]


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    for statement in FIGURES_INDEX_DOWN:
        op.execute(statement)
    op.execute('DROP TRIGGER case_point_in_cell_moved ON "case"')
    op.execute('DROP TRIGGER case_point_in_cell ON "case"')
    op.execute("DROP FUNCTION public.case_point_in_cell()")
    op.execute("DROP FUNCTION public.hotline_point_in_shape(jsonb, double precision,"
               " double precision)")
