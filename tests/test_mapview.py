"""The map's plain-Python parts: the drawing plane, outlines dissolved from cells,
grid clustering, the countdown bands for many cases at once, duty posts' places,
and merging re-read cases into the arrays."""

import dataclasses
import datetime as dt
import uuid

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from console.casework.countdown import BANDS_BY_SEVERITY, Countdown, band_codes
from console.mapview import base_map as bm
from console.mapview import outlines as ol
from console.mapview.clusters import cluster, inside, nearest
from console.mapview.duty_places import PostOnDuty, place_posts
from console.mapview.map_cases import CaseMarks, empty, merge
from console.mapview.plane import Plane
from tests.map_fixture import demo_cells

START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def test_the_plane_goes_there_and_back_in_kilometres() -> None:
    plane = Plane(114.35, 22.7)
    x, y = plane.to_xy(114.36, 22.71)
    assert x == pytest.approx(1.027, abs=0.002)  # 0.01° of longitude at 22.7° N
    assert y == pytest.approx(1.106, abs=0.002)
    assert plane.to_lonlat(float(x), float(y)) == pytest.approx((114.36, 22.71))


@pytest.fixture(scope="module")
def base() -> ol.BaseMap:
    return bm.build_base_map(*demo_cells())


def test_cells_dissolve_into_communities_streets_and_the_district(base: ol.BaseMap) -> None:
    cells, streets, communities = demo_cells()
    assert len(base.levels[ol.CELL]) == len(cells) == 667
    assert {o.code for o in base.levels[ol.COMMUNITY]} == set(communities)
    assert {o.code: o.name for o in base.levels[ol.STREET]} == streets
    assert len(base.levels[ol.DISTRICT]) == 1
    # Dissolved whole: one ring each, no cracks left between neighbouring cells.
    for level in (ol.DISTRICT, ol.STREET, ol.COMMUNITY):
        assert all(len(o.rings) == 1 for o in base.levels[level]), level
    district = Polygon(base.levels[ol.DISTRICT][0].rings[0])
    area = sum(Polygon(o.rings[0]).area for o in base.levels[ol.CELL])
    assert district.area == pytest.approx(area, rel=0.001)
    for o in base.levels[ol.COMMUNITY]:
        assert Polygon(o.rings[0]).contains(Point(o.anchor))  # the name goes inside
        assert o.parent == o.code[:3]  # its street
    x0, y0, x1, y1 = base.bounds
    assert 15 < x1 - x0 < 25 and 15 < y1 - y0 < 25  # Pingshan: some 20 km across


def test_the_outlines_are_kept_per_set_of_cells(base: ol.BaseMap) -> None:
    assert bm.build_base_map(*demo_cells()) is base
    cells, streets, communities = demo_cells()
    renamed = {**streets, "S01": "另一个名字"}
    assert bm.build_base_map(cells, renamed, communities) is not base


@pytest.mark.expected_log(r"^console\.mapview\.base_map: grid cells with unreadable geometry, "
                          r"not drawn: S01C01G001$")
def test_a_cell_with_broken_geometry_is_left_out_and_named() -> None:
    cells, streets, communities = demo_cells()
    broken = dataclasses.replace(cells[0], geometry={"type": "Polygon", "coordinates": "x"})
    made = bm.build_base_map([broken, *cells[1:40]], streets, communities)
    assert made.skipped == (cells[0].code,)
    assert len(made.levels[ol.CELL]) == 39


def test_path_arrays_break_between_rings(base: ol.BaseMap) -> None:
    outlines = base.levels[ol.STREET]
    x, y, connect = ol.path_arrays(outlines)
    assert len(x) == sum(len(o.rings[0]) for o in outlines)
    assert list(np.flatnonzero(connect == 0) + 1) == list(
        np.cumsum([len(o.rings[0]) for o in outlines]))


def test_clusters_count_every_point_once_with_its_most_pressing_band() -> None:
    rng = np.random.default_rng(3)
    x, y = rng.uniform(-5, 5, 5000), rng.uniform(-5, 5, 5000)
    severity = rng.integers(0, 4, 5000).astype(np.int8)
    found = cluster(x, y, severity, 1.0)
    assert found.count.sum() == 5000 and len(found) == 100
    assert sorted(found.members) == list(range(5000))
    for i in (0, 37, 99):
        rows = found.of(i)
        assert found.worst[i] == severity[rows].max()
        assert found.x[i] == pytest.approx(x[rows].mean())
        assert len({(int(np.floor(a)), int(np.floor(b))) for a, b in zip(x[rows], y[rows],
                                                                          strict=True)}) == 1
    # The grid is the plane's: moving the points by whole squares moves, never regroups.
    moved = cluster(x + 3.0, y - 2.0, severity, 1.0)
    assert sorted(moved.count) == sorted(found.count)
    assert len(cluster(x[:0], y[:0], severity[:0], 1.0)) == 0


def test_nearest_and_inside() -> None:
    px, py = np.array([0.0, 1.0, 5.0]), np.array([0.0, 1.0, 5.0])
    assert nearest(px, py, 0.9, 1.2, 0.5) == 1
    assert nearest(px, py, 3.0, 3.0, 0.5) is None
    assert list(inside(px, py, 2.0, 2.0, -1.0, -1.0)) == [0, 1]


@settings(max_examples=200, deadline=None)
@given(hours=st.floats(0.5, 500), elapsed=st.floats(-10, 600),
       paused=st.one_of(st.none(), st.floats(0, 500)))
def test_the_bands_for_many_are_the_countdowns_own(hours: float, elapsed: float,
                                                   paused: float | None) -> None:
    due = START + dt.timedelta(hours=hours)
    paused_at = None if paused is None else START + dt.timedelta(hours=paused)
    case = Countdown(uuid.uuid4(), "PS-1", "B", "dispatched", 1, None, START, due, paused_at)
    now = START + dt.timedelta(hours=elapsed)
    left = case.left(now).total_seconds()
    code = band_codes([left], [(due - START).total_seconds()], [paused_at is not None])[0]
    assert BANDS_BY_SEVERITY[code] == case.band(now)


def marks(*ids: uuid.UUID, due: float = 0.0) -> CaseMarks:
    n = len(ids)
    numbers = np.empty(n, dtype=object)
    numbers[:] = [str(i) for i in ids]
    id_array = np.empty(n, dtype=object)
    id_array[:] = [str(i) for i in ids]
    return CaseMarks(id_array, numbers, np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool),
                     np.full(n, 2, dtype=np.int8), np.ones(n, dtype=np.int32),
                     np.full(n, -1, dtype=np.int32), np.full(n, due), np.zeros(n),
                     np.full(n, np.nan), np.full(n, np.nan))


def test_merge_replaces_drops_and_adds() -> None:
    a, b, c, d = (uuid.uuid4() for _ in range(4))
    held = marks(a, b, c, due=1.0)
    fresh = marks(b, d, due=2.0)  # b changed, c closed (absent), d new
    merged = merge(held, [b, c, d], fresh)
    assert sorted(map(str, merged.ids)) == sorted(map(str, [a, b, d]))
    assert merged.due[merged.row_of(b)] == 2.0 and merged.due[merged.row_of(a)] == 1.0
    assert merged.row_of(c) is None
    assert len(merge(empty(), [a], empty())) == 0


def test_a_paused_case_keeps_the_time_it_had(base: ol.BaseMap) -> None:
    held = marks(uuid.uuid4(), due=START.timestamp() + 3600)
    paused = dataclasses.replace(held, paused=np.array([START.timestamp()]))
    later = START + dt.timedelta(hours=5)
    assert held.left(later)[0] == -4 * 3600 and paused.left(later)[0] == 3600
    assert BANDS_BY_SEVERITY[paused.bands(later)[0]] == "paused"


def post(post_id: int, street: str | None, community: str | None) -> PostOnDuty:
    return PostOnDuty(post_id, f"P{post_id}", f"岗位{post_id}", "community", street, community,
                      (("张三", "17000000001"),) if post_id % 2 else ())


def test_posts_stand_at_their_community_else_street_else_the_district(base: ol.BaseMap
                                                                      ) -> None:
    places = place_posts([post(1, "S01", "S01C01"), post(2, "S01", None), post(3, "S01", None),
                          post(4, None, None), post(5, "S99", None)], base)
    by_post = {p.id: place for place in places for p in place.posts}
    assert (by_post[1].x, by_post[1].y) == base.anchor(ol.COMMUNITY, "S01C01")
    assert by_post[2] is by_post[3] and by_post[2].level == ol.STREET  # one marker, two posts
    assert by_post[4] is by_post[5] and by_post[4].level == ol.DISTRICT  # unknown street too
    assert by_post[1].staffed and not by_post[2].posts[0].people
