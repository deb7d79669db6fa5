"""Streets and communities get their own boundaries (issue 14): a GeoJSON polygon
in jsonb (GCJ-02, like ``grid_cell.geometry``) and a centre, both NULL until an
admin imports boundaries (or the demo loads them). Checks keep what seats read
drawable: a Polygon or MultiPolygon, a centre on the globe, both or neither;
``grid_cell`` gets the same checks (added NOT VALID, then validated, so a
database holding odd rows still upgrades, with a warning).

A database that has grid cells already gets each community's and street's
boundary as the union of its cells, so its map is not empty after the upgrade.
The figures by area get a covering index on cases (a period's rows are read from
the index alone). Writes stay the admins' (0002 granted INSERT, UPDATE, DELETE on
the reference tables to ``hotline_admin`` only; the new columns fall under them).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import json
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POLYGONAL = "coalesce(geometry->>'type', '') IN ('Polygon', 'MultiPolygon')"
ON_THE_GLOBE = "centroid_lon BETWEEN -180 AND 180 AND centroid_lat BETWEEN -90 AND 90"


# The figures by area (console/geo/area_stats.py) read a period's cases from this
# index alone (an index-only scan), not from the whole table.
FIGURES_INDEX = (
    'CREATE INDEX ix_case_area_figures ON "case" (created_at) INCLUDE (grid_code,'
    " community_code, street_code, category_id, status, unit_due_at, first_resolved_at,"
    " paused_at)")


def _check(table: str, name: str, condition: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID",
        f"""DO $$ BEGIN
            ALTER TABLE {table} VALIDATE CONSTRAINT {name};
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING '% holds rows that break %: fix them, then VALIDATE CONSTRAINT',
                '{table}', '{name}';
        END $$""",
    ]


def _up() -> list[str]:
    steps = []
    for table in ("street", "community"):
        steps += [
            f"ALTER TABLE {table} ADD COLUMN geometry jsonb",
            f"ALTER TABLE {table} ADD COLUMN centroid_lon double precision",
            f"ALTER TABLE {table} ADD COLUMN centroid_lat double precision",
            f"ALTER TABLE {table} ADD CONSTRAINT ck_{table}_shape CHECK ("
            "(geometry IS NULL) = (centroid_lon IS NULL)"
            " AND (centroid_lon IS NULL) = (centroid_lat IS NULL)"
            f" AND (geometry IS NULL OR ({POLYGONAL} AND {ON_THE_GLOBE})))",
        ]
    steps += _check("grid_cell", "ck_grid_cell_shape", f"{POLYGONAL} AND {ON_THE_GLOBE}")
    steps.append(FIGURES_INDEX)
    return steps


def _fill_from_cells() -> None:
    """Each community and street without a boundary: the union of its cells."""
    import shapely
    from shapely.geometry import mapping, shape

    conn = op.get_bind()
    cells = conn.execute(sa.text(
        "SELECT street_code, community_code, geometry FROM grid_cell")).all()
    by: dict[tuple[str, str], list[shapely.Geometry]] = defaultdict(list)
    for street, community, geometry in cells:
        try:
            polygon = shapely.make_valid(shape(geometry))
        except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.ShapelyError):
            continue  # a cell that cannot be read adds nothing
        by[("street", street)].append(polygon)
        by[("community", community)].append(polygon)
    for (table, code), polygons in sorted(by.items()):
        union = shapely.union_all(polygons)
        parts = [p for p in shapely.get_parts(union) if p.geom_type == "Polygon"]
        if not parts:
            continue
        union = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
        point = union.centroid if union.contains(union.centroid) else union.point_on_surface()
        conn.execute(sa.text(
            f"UPDATE {table} SET geometry = CAST(:g AS jsonb), centroid_lon = :lon,"
            " centroid_lat = :lat WHERE code = :code AND geometry IS NULL"),
            {"g": json.dumps(mapping(union)), "lon": point.x, "lat": point.y, "code": code})


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)
    _fill_from_cells()


def downgrade() -> None:
    op.execute("DROP INDEX ix_case_area_figures")
    op.execute("ALTER TABLE grid_cell DROP CONSTRAINT ck_grid_cell_shape")
    for table in ("community", "street"):
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT ck_{table}_shape")
        for column in ("centroid_lat", "centroid_lon", "geometry"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
