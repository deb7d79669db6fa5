"""WGS-84 <-> GCJ-02: the published test points, the inverse to well under a metre."""

import numpy as np
import pytest
import shapely

from console.geo.crs import (
    Crs,
    gcj02_to_wgs84,
    geometry_to_gcj02,
    geometry_to_wgs84,
    wgs84_to_gcj02,
)
from console.geo.shapes import metres_between

# (WGS-84 lat, lon) -> (GCJ-02 lat, lon): the test points published with the formula's
# open implementations (Shanghai, Shenzhen, Beijing).
PUBLISHED = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),
]


@pytest.mark.parametrize(("wgs", "gcj"), PUBLISHED)
def test_the_published_points_convert_both_ways(wgs: tuple[float, float],
                                                gcj: tuple[float, float]) -> None:
    lon, lat = wgs84_to_gcj02(wgs[1], wgs[0])
    assert (float(lat), float(lon)) == pytest.approx(gcj, abs=1e-9)
    lon, lat = gcj02_to_wgs84(gcj[1], gcj[0])
    assert metres_between(float(lon), float(lat), wgs[1], wgs[0]) < 0.01
    # The offset is hundreds of metres: the conversion did something.
    assert metres_between(wgs[1], wgs[0], gcj[1], gcj[0]) > 100


def test_a_point_converted_and_back_lands_within_a_centimetre_across_china() -> None:
    rng = np.random.default_rng(14)
    lon, lat = rng.uniform(75, 134, 20_000), rng.uniform(18, 53, 20_000)
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    worst = max(metres_between(a, b, c, d) for a, b, c, d in
                zip(lon, lat, back_lon, back_lat, strict=True))
    assert worst < 0.01
    g_lon, g_lat = wgs84_to_gcj02(*gcj02_to_wgs84(lon, lat))
    assert np.max(np.abs(g_lon - lon)) < 1e-8 and np.max(np.abs(g_lat - lat)) < 1e-8


def test_outside_china_nothing_moves() -> None:
    lon, lat = wgs84_to_gcj02([-73.98, 2.35, 139.69], [40.75, 48.86, 35.69])
    assert list(lon) == [-73.98, 2.35, 139.69] and list(lat) == [40.75, 48.86, 35.69]
    lon, lat = gcj02_to_wgs84([-73.98], [40.75])
    assert (float(lon[0]), float(lat[0])) == (-73.98, 40.75)


def test_a_polygon_converts_vertex_by_vertex_and_back() -> None:
    square = shapely.box(114.30, 22.68, 114.34, 22.70)
    moved = geometry_to_gcj02(square, Crs.WGS84)
    assert geometry_to_gcj02(square, Crs.GCJ02) is square
    shift = np.asarray(shapely.get_coordinates(moved)) - shapely.get_coordinates(square)
    assert 0.004 < shift[:, 0].mean() < 0.006 and -0.004 < shift[:, 1].mean() < -0.002
    back = geometry_to_wgs84(moved, Crs.GCJ02)
    assert np.max(np.abs(shapely.get_coordinates(back)
                         - shapely.get_coordinates(square))) < 1e-8
