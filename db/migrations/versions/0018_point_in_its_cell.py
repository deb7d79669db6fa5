"""A case's point lies in its grid cell (issue 14): when a case names a grid cell and
has a point (longitude and latitude, GCJ-02 like the outlines), the point must lie
inside the cell's stored outline (``grid_cell.geometry``) or on its edge.

There is no PostGIS: ``hotline_point_in_shape(shape, lon, lat)`` tests a point
against a stored GeoJSON Polygon or MultiPolygon in plpgsql: the shape's box first
(most points outside are refused there), then even-odd over every ring (outer rings
and holes alike: rings of a valid shape never cross, so a point is inside exactly
when a ray from it crosses its rings an odd number of times), a point on an edge
counting as inside (as the seat's locator, shapely's ``intersects``, has it). Each
ring is read once into two arrays of doubles by one statement; the loop then only
does arithmetic.

``case_point_in_cell`` checks every row inserted, and every update that sets the
point or the cell, whoever writes it (the intake's save, the owner's loaders): a
point outside is refused with ``check_violation`` naming the constraint
``case_point_in_cell``, the cell and the point. Rows without a point or without a
cell are not checked (imported history has no cell; a case without a cell has
nothing to lie in). Boundaries an admin imports later are not checked against the
cases already recorded: a case keeps the place it was given.

The figures by area get an index that leads with the areas and their period: see
``FIGURES_INDEX``.

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
RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE {PIN} AS $$
DECLARE
    polygons jsonb;
    ring jsonb;
    xs double precision[];
    ys double precision[];
    n integer;
    xi double precision;
    yi double precision;
    xj double precision;
    yj double precision;
    cross_product double precision;
    inside boolean := false;
BEGIN
    IF shape ->> 'type' = 'Polygon' THEN
        polygons := pg_catalog.jsonb_build_array(shape -> 'coordinates');
    ELSIF shape ->> 'type' = 'MultiPolygon' THEN
        polygons := shape -> 'coordinates';
    ELSE
        RETURN false;
    END IF;
    -- The box of the outer rings: a point outside it is outside the shape.
    SELECT min((p ->> 0)::float8) <= x AND x <= max((p ->> 0)::float8)
           AND min((p ->> 1)::float8) <= y AND y <= max((p ->> 1)::float8)
      INTO inside
      FROM pg_catalog.jsonb_array_elements(polygons) AS polygon,
           pg_catalog.jsonb_array_elements(polygon -> 0) AS p;
    IF NOT coalesce(inside, false) THEN
        RETURN false;
    END IF;
    inside := false;
    FOR ring IN SELECT r FROM pg_catalog.jsonb_array_elements(polygons) AS polygon,
                              pg_catalog.jsonb_array_elements(polygon) AS r LOOP
        SELECT pg_catalog.array_agg((p ->> 0)::float8 ORDER BY k),
               pg_catalog.array_agg((p ->> 1)::float8 ORDER BY k)
          INTO xs, ys
          FROM pg_catalog.jsonb_array_elements(ring) WITH ORDINALITY AS e(p, k);
        n := coalesce(pg_catalog.array_length(xs, 1), 0);
        CONTINUE WHEN n = 0;
        xj := xs[n];
        yj := ys[n];
        FOR i IN 1..n LOOP
            xi := xs[i];
            yi := ys[i];
            -- On the edge from (xj, yj) to (xi, yi): inside.
            cross_product := (xi - xj) * (y - yj) - (yi - yj) * (x - xj);
            IF abs(cross_product) <= {EDGE}
               AND x BETWEEN least(xi, xj) AND greatest(xi, xj)
               AND y BETWEEN least(yi, yj) AND greatest(yi, yj) THEN
                RETURN true;
            END IF;
            IF (yi > y) <> (yj > y) AND x < (xj - xi) * (y - yi) / (yj - yi) + xi THEN
                inside := NOT inside;
            END IF;
            xj := xi;
            yj := yi;
        END LOOP;
    END LOOP;
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

# The figures by area: see the module's docstring and docs/ARCHITECTURE.md.
FIGURES_INDEX: list[str] = []
FIGURES_INDEX_DOWN: list[str] = []


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
