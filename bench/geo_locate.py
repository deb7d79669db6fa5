"""Point-in-polygon: 100,000 points (spread over the district's box, about half
inside a cell) against the demo's grid cells, by the console's locator, beside
shapely's own STRtree.query(predicate='intersects' / 'within') doing the same work
(the floor); and one point at a time, as a click on the map asks.

    python -m bench.geo_locate [--quick]
"""

from __future__ import annotations

import time

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from bench._cli import run_alone
from bench._stats import median_ms, percentile, table
from console.demodata.files import read
from console.geo.locate import Cell, Locator
from console.geo.shapes import centre, read_polygonal

RUNS = 7


def _cells() -> tuple[list[Cell], list[BaseGeometry]]:
    cells, shapes = [], []
    for feature in read("grid_cells.geojson")["features"]:
        props, polygon = feature["properties"], read_polygonal(feature["geometry"])
        cells.append(Cell(props["code"], props["community"], props["street"], centre(polygon)))
        shapes.append(polygon)
    return cells, shapes


def _timed(work, runs: int = RUNS) -> tuple[list[float], object]:  # type: ignore[no-untyped-def]
    result = work()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return times, result


def run(quick: bool = False) -> None:
    count = 20_000 if quick else 100_000
    cells, shapes = _cells()
    print(f"\n== Point-in-polygon: {count:,} points against {len(cells)} grid cells ==")
    features = read("grid_cells.geojson")["features"]
    parse, _shapes = _timed(lambda: [read_polygonal(f["geometry"]) for f in features], 3)
    build, locator = _timed(lambda: Locator(cells, shapes), 3)
    assert isinstance(locator, Locator)
    west, south, east, north = shapely.total_bounds(shapes)
    rng = np.random.default_rng(14)
    lon, lat = rng.uniform(west, east, count), rng.uniform(south, north, count)

    mine, found = _timed(lambda: locator.locate_many(lon, lat))
    tree = STRtree(shapes)  # shapely's own, unprepared, as a caller would make it

    def floor(predicate: str) -> int:
        points, _cells = tree.query(shapely.points(lon, lat), predicate=predicate)
        return len(np.unique(points))

    intersects, n_intersects = _timed(lambda: floor("intersects"))
    within, n_within = _timed(lambda: floor("within"))
    inside = int((np.asarray(found) >= 0).sum())
    assert inside == n_intersects, (inside, n_intersects)  # the same work, the same answer
    singles = []
    for x, y in zip(lon[:2000], lat[:2000], strict=True):
        started = time.perf_counter()
        locator.locate(float(x), float(y))
        singles.append(time.perf_counter() - started)
    print(table(f"{inside:,} of {count:,} points inside a cell (median of {RUNS}, ms)",
                ["", "ms", "per point, µs"],
                [["Locator.locate_many", median_ms(mine), f"{_per(mine, count):.2f}"],
                 ["floor: STRtree.query(intersects)", median_ms(intersects),
                  f"{_per(intersects, count):.2f}"],
                 ["floor: STRtree.query(within)", median_ms(within),
                  f"{_per(within, count):.2f}"],
                 ["reading the cells' GeoJSON into shapely", median_ms(parse), ""],
                 ["building the locator (STRtree, prepare)", median_ms(build), ""]]))
    if n_within != inside:
        print(f"(within found {n_within:,}: a point on a cell's edge is not within it)")
    print(table("One point at a time, as a click asks (Locator.locate, µs)",
                ["", "p50", "p90", "p99", "max"],
                [[f"{len(singles)} points",
                  *(f"{percentile(singles, p) * 1e6:.0f}" for p in (50, 90, 99, 100))]]))


def _per(times: list[float], count: int) -> float:
    return float(np.median(times)) / count * 1e6


if __name__ == "__main__":
    run_alone(run, __doc__)
