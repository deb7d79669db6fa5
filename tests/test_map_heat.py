"""The heat layer's plain-Python parts: periods as the centre's days, the colour
scales and the classes they give (no cases is never 0), the hotspots' order, finding
the area under a point, and outlines from stored street and community boundaries
with the cells' union where one has none."""

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box, mapping

from console.core.clock import CENTRE_TZ
from console.geo.area_stats import AreaFigures
from console.geo.boundaries import Level
from console.mapview import base_map as bm
from console.mapview import outlines as ol
from console.mapview.areas import AreaIndex, contains
from console.mapview.heat import HeatQuery, HeatRead, Period, period_bounds
from console.mapview.heat_scale import (
    MIN_FOR_RATE,
    NO_CASES,
    NOT_JUDGED,
    TOO_FEW,
    Measure,
    count_scale,
    rate_scale,
)
from tests.map_fixture import demo_cells

# 05:30 on Tuesday 1 December 2026 in the centre; still 30 November in UTC.
NOW = dt.datetime(2026, 11, 30, 21, 30, tzinfo=dt.UTC)


def day(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, tzinfo=CENTRE_TZ)


@pytest.mark.parametrize(("query", "start", "end"), [
    (HeatQuery(period=Period.TODAY), day(2026, 12, 1), day(2026, 12, 2)),
    (HeatQuery(period=Period.WEEK), day(2026, 11, 30), day(2026, 12, 7)),  # from Monday
    (HeatQuery(period=Period.MONTH), day(2026, 12, 1), day(2027, 1, 1)),
    (HeatQuery(period=Period.RANGE, first_day=dt.date(2026, 11, 2),
               last_day=dt.date(2026, 12, 1)), day(2026, 11, 2), day(2026, 12, 2)),
    (HeatQuery(period=Period.RANGE, first_day=dt.date(2026, 2, 28),
               last_day=dt.date(2026, 2, 28)), day(2026, 2, 28), day(2026, 3, 1)),
])
def test_periods_are_whole_days_of_the_centre(query: HeatQuery, start: dt.datetime,
                                             end: dt.datetime) -> None:
    assert period_bounds(query, NOW) == (start, end)


def test_a_range_backwards_or_without_its_days_is_refused() -> None:
    with pytest.raises(ValueError, match="before it begins"):
        period_bounds(HeatQuery(period=Period.RANGE, first_day=dt.date(2026, 12, 2),
                                last_day=dt.date(2026, 12, 1)), NOW)
    with pytest.raises(ValueError, match="first and last day"):
        period_bounds(HeatQuery(period=Period.RANGE), NOW)


def test_a_count_scale_holds_every_value_in_one_class_lightest_to_darkest() -> None:
    values = [1, 2, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144]
    scale = count_scale(Measure.CASES, values)
    assert len(scale.steps) == 5
    assert scale.steps[0].low == 1 and scale.steps[-1].high == 144
    for before, after in zip(scale.steps, scale.steps[1:], strict=False):
        assert after.low == before.high + 1  # whole numbers, no gap, no overlap
    classes = scale.classes(values)
    for value, k in zip(values, classes, strict=True):
        assert scale.steps[k].low <= value <= scale.steps[k].high
    assert list(classes) == sorted(classes)
    assert [s.label for s in scale.steps][-1] == f"{scale.steps[-1].low}–144"
    assert len({s.colour for s in scale.steps}) == 5


def test_overdue_zero_has_its_own_class_and_no_cases_none() -> None:
    scale = count_scale(Measure.OVERDUE, [0, 0, 3, 7])
    assert scale.steps[0].label == "0" and scale.steps[0].high == 0
    assert list(scale.classes([0, 3, 7, math.nan])) == [0, 1, len(scale.steps) - 1, NO_CASES]
    single = count_scale(Measure.CASES, [4, 4])
    assert [s.label for s in single.steps] == ["4"]
    assert count_scale(Measure.CASES, []).steps == ()


def test_the_rate_scale_is_diverging_with_fixed_breaks() -> None:
    scale = rate_scale()
    assert scale.diverging
    assert [s.label for s in scale.steps] == ["<80%", "80%–90%", "90%–95%", "95%–99%", "≥99%"]
    assert list(scale.classes([0.0, 0.7999, 0.8, 0.9499, 0.95, 0.99, 1.0, math.nan])) == [
        0, 0, 1, 2, 3, 4, 4, NO_CASES]
    ends = scale.steps[0].colour, scale.steps[-1].colour
    assert ends[0] != ends[1] and scale.steps[2].colour not in ends


def test_a_reading_classes_areas_and_lists_hotspots_by_cases_then_code() -> None:
    figures = {c: AreaFigures(c, n, o, t) for c, n, o, t in (
        ("B", 9, 1, 4), ("A", 9, 0, 0), ("C", 5, 5, 0), ("D", 20, 0, 10), ("F", 4, 1, 1),
        ("G", 6, 4, 0))}
    read = HeatRead(HeatQuery(level=Level.CELL, measure=Measure.ON_TIME_RATE),
                    day(2026, 11, 1), day(2026, 12, 1), figures)
    classes = read.classes(["A", "B", "C", "D", "E", "F", "G"])
    assert classes[0] == NOT_JUDGED  # cases, none judged yet
    assert classes[1] == 1 and classes[2] == 0  # 80% (4 of 5), 0% (0 of 5)
    assert classes[3] == 4 and classes[4] == NO_CASES  # 100%; no case at all
    # A rate from fewer than MIN_FOR_RATE judged cases takes no colour (50%, 0 of 4).
    assert MIN_FOR_RATE == 5 and classes[5] == TOO_FEW and classes[6] == TOO_FEW
    assert [f.code for f in read.hotspots()] == ["D", "A", "B", "G", "C", "F"]
    assert [f.code for f in read.hotspots(2)] == ["D", "A"]
    counts = dataclasses.replace(read, query=HeatQuery(measure=Measure.CASES))
    assert counts.classes(["E"])[0] == NO_CASES and counts.classes(["F"])[0] == 0
    assert TOO_FEW not in counts.classes(list(figures))  # counts are counts, however few


@pytest.fixture(scope="module")
def base() -> ol.BaseMap:
    return bm.build_base_map(*demo_cells())


def test_every_cell_is_found_under_its_own_centre(base: ol.BaseMap) -> None:
    index = AreaIndex(base.levels[ol.CELL])
    for outline in base.levels[ol.CELL][::7]:
        found = index.at(*outline.anchor)
        assert found is not None and found.code == outline.code
    x0, y0, _x1, _y1 = base.bounds
    assert index.at(x0 - 1, y0 - 1) is None
    communities = AreaIndex(base.levels[ol.COMMUNITY])
    cell = base.levels[ol.CELL][100]
    assert communities.at(*cell.anchor).code == cell.parent  # type: ignore[union-attr]
    assert communities.box("S01C01") is not None and communities.box("nope") is None


def test_a_point_in_a_hole_is_outside() -> None:
    ring = Polygon(box(0, 0, 10, 10).exterior, [box(4, 4, 6, 6).exterior.coords])
    outline = ol.Outline("X", "x", (np.asarray(ring.exterior.coords),
                                    np.asarray(ring.interiors[0].coords)), (1.0, 1.0))
    assert contains(outline, 1, 1) and not contains(outline, 5, 5)
    assert not contains(outline, 11, 5)


def _row(level_rows: list[bm.AreaRow], code: str) -> bm.AreaRow:
    return next(r for r in level_rows if r.code == code)


def test_stored_boundaries_are_drawn_and_an_area_without_one_is_dissolved() -> None:
    cells, streets, communities = demo_cells()
    parents = {c.community_code: c.street_code for c in cells}
    mine = [c for c in cells if c.community_code == "S01C01"]
    lon = min(c.centroid_lon for c in mine)
    lat = min(c.centroid_lat for c in mine)
    square = box(lon, lat, lon + 0.01, lat + 0.01)  # not the union of its cells
    community_rows = [bm.AreaRow(code, name, parents[code]) for code, name in communities.items()]
    community_rows = [dataclasses.replace(r, name="方块社区", geometry=mapping(square),
                                          centroid_lon=square.centroid.x,
                                          centroid_lat=square.centroid.y)
                      if r.code == "S01C01" else r for r in community_rows]
    street_rows = [bm.AreaRow(code, name) for code, name in streets.items()]
    made = bm.build_base_map(cells, street_rows, community_rows)
    drawn = {o.code: o for o in made.levels[ol.COMMUNITY]}
    stored = drawn["S01C01"]
    assert stored.name == "方块社区" and len(stored.rings) == 1
    x, y = made.plane.to_xy(np.asarray(square.exterior.coords)[:, 0],
                            np.asarray(square.exterior.coords)[:, 1])
    assert Polygon(stored.rings[0]).area == pytest.approx(Polygon(np.c_[x, y]).area, rel=1e-3)
    cx, cy = made.plane.to_xy(square.centroid.x, square.centroid.y)
    assert stored.anchor == pytest.approx((float(cx), float(cy)))  # its stored centre
    assert ("community", "S01C01") not in made.dissolved
    assert ("community", "S01C02") in made.dissolved  # no stored boundary: its cells
    assert Polygon(drawn["S01C02"].rings[0]).contains(Point(drawn["S01C02"].anchor))
    assert drawn["S01C02"].parent == "S01"
    assert {o.code for o in made.levels[ol.STREET]} == set(streets)
