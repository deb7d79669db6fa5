"""Boundary checks on small hand-made GeoJSON (no database): every problem is named
with its level, feature index, code and reason."""

from __future__ import annotations

import json

from console.geo.boundaries import FieldMap, ImportRequest, LayerFile, Level, Problem, Stored
from console.geo.boundary_check import check
from console.geo.crs import Crs, wgs84_to_gcj02
from console.geo.geofile import parse_geojson
from tests.geo_fixture import (
    EAST,
    NORTH,
    SOUTH,
    WEST,
    box,
    cells,
    communities,
    feature,
    geofile,
    request,
    streets,
    whole,
)


def reasons(problems: tuple[Problem, ...]) -> list[tuple[str, int | None, str, str]]:
    return [(p.level.value, p.index, p.code, p.reason) for p in problems]


def test_a_valid_district_passes_with_every_parent_found() -> None:
    checked = check(whole(), [])
    assert checked.ok
    assert {b.code: b.parent for b in checked.boundaries[Level.CELL]} == {
        "T01C01G1": "T01C01", "T01C01G2": "T01C01", "T01C02G1": "T01C02", "T01C02G2": "T01C02"}
    assert [b.parent for b in checked.boundaries[Level.COMMUNITY]] == ["T01", "T01"]
    street = checked.boundaries[Level.STREET][0]
    assert street.geometry["type"] == "Polygon"
    assert street.centre == (114.32, 22.69)
    assert checked.counts == {Level.STREET: 1, Level.COMMUNITY: 2, Level.CELL: 4}
    assert checked.added[Level.CELL] == ("T01C01G1", "T01C01G2", "T01C02G1", "T01C02G2")


def test_without_a_parent_property_each_shape_finds_the_one_it_lies_in() -> None:
    checked = check(whole(parents=False), [])
    assert checked.ok
    assert {b.code: b.parent for b in checked.boundaries[Level.CELL]}["T01C02G2"] == "T01C02"


def test_an_invalid_polygon_is_named_with_shapelys_reason() -> None:
    bow_tie = {"type": "Polygon", "coordinates": [[[WEST, SOUTH], [EAST, NORTH], [EAST, SOUTH],
                                                  [WEST, NORTH], [WEST, SOUTH]]]}
    features = streets()
    features[0]["geometry"] = bow_tie
    checked = check(request(features, communities(), cells()), [])
    assert reasons(checked.problems) == [("street", 0, "T01", "geometry.invalid")]
    assert checked.problems[0].detail.startswith("Self-intersection")
    assert checked.boundaries == {}


def test_a_duplicate_code_names_both_features() -> None:
    features = cells()
    features[3]["properties"]["code"] = "T01C02G1"
    checked = check(request(streets(), communities(), features), [])
    problems = [p for p in checked.problems if p.reason == "code.duplicate"]
    assert [(p.index, p.code, p.detail) for p in problems] == [(3, "T01C02G1", "2")]


def test_a_cell_outside_every_community_is_refused() -> None:
    features = cells()
    features.append(feature(box(EAST + 0.01, SOUTH, EAST + 0.02, NORTH), code="T01C02G9",
                            name="界外网格"))
    checked = check(request(streets(), communities(), features, parents=False), [])
    assert reasons(checked.problems) == [("cell", 4, "T01C02G9", "parent.none")]


def test_a_cell_that_lies_in_another_community_than_it_says() -> None:
    features = cells()
    features[0]["properties"]["community"] = "T01C02"
    checked = check(request(streets(), communities(), features), [])
    assert reasons(checked.problems) == [("cell", 0, "T01C01G1", "parent.outside")]
    assert checked.problems[0].detail == "T01C02 / T01C01"  # says, and where it lies


def test_a_few_metres_over_the_edge_is_tolerated_more_is_not() -> None:
    metre = 1 / 102_600  # a degree of longitude here is about 102.6 km
    for over, ok in ((3 * metre, True), (30 * metre, False)):
        features = cells()
        features[3]["geometry"] = box(EAST - 0.01, SOUTH, EAST + over, NORTH)
        checked = check(request(streets(), communities(), features, same_district=False), [])
        assert checked.ok is ok, (over, checked.problems)


def test_cells_that_overlap_each_other_are_refused() -> None:
    features = cells()
    features[1]["geometry"] = box(WEST + 0.005, SOUTH, WEST + 0.02, NORTH)  # half over cell 0
    checked = check(request(streets(), communities(), features), [])
    assert reasons(checked.problems) == [("cell", 1, "T01C01G2", "geometry.overlap")]
    assert checked.problems[0].detail == "T01C01G1"


def test_swapped_longitude_and_latitude_are_refused_as_a_wrong_coordinate_system() -> None:
    features = cells()
    for f in features:
        ring = f["geometry"]["coordinates"][0]
        f["geometry"]["coordinates"][0] = [[lat, lon] for lon, lat in ring]
    checked = check(request(streets(), communities(), features), [])
    assert {p.reason for p in checked.problems} == {"crs.not_lonlat"}
    assert [p.index for p in checked.problems] == [0, 1, 2, 3]
    assert checked.problems[0].detail == "22.68, 114.3"


def test_projected_metres_are_refused_in_either_system() -> None:
    metres = [feature(box(820_000, 2_510_000, 824_000, 2_512_000), code="T01", name="街道")]
    for crs in Crs:
        checked = check(request(metres, crs=crs), [])
        assert reasons(checked.problems) == [("street", 0, "T01", "crs.not_lonlat")]


def test_a_wgs84_file_is_stored_in_gcj02() -> None:
    checked = check(request(streets(), crs=Crs.WGS84), [])
    assert checked.ok
    lon, lat = wgs84_to_gcj02(WEST, SOUTH)
    ring = checked.boundaries[Level.STREET][0].geometry["coordinates"][0]
    assert min(p[0] for p in ring) == round(float(lon), 7)
    assert min(p[1] for p in ring) == round(float(lat), 7)


def test_a_feature_far_from_the_others_and_one_outside_the_district() -> None:
    far = [*streets(), feature(box(116.30, 39.90, 116.34, 39.92), code="T09", name="北京")]
    checked = check(request(far, same_district=False), [])
    assert [p.reason for p in checked.problems] == ["extent.far", "extent.far"]
    here = Stored(Level.STREET, "S01", "坑梓", None, box(114.3, 22.6, 114.4, 22.7))
    checked = check(request([far[1]]), [here])
    assert reasons(checked.problems) == [("street", 0, "T09", "extent.outside_district")]


def test_missing_codes_names_and_geometries_each_say_so() -> None:
    features = cells()
    features[0]["properties"]["code"] = ""
    features[1]["properties"].pop("name")
    features[2]["geometry"] = {"type": "Point", "coordinates": [114.31, 22.69]}
    features[3]["properties"]["community"] = None
    checked = check(request(streets(), communities(), features), [])
    assert reasons(checked.problems) == [
        ("cell", 0, "", "code.missing"), ("cell", 1, "T01C01G2", "name.missing"),
        ("cell", 2, "T01C02G1", "geometry.not_polygon"),
        ("cell", 3, "T01C02G2", "parent.missing")]


def test_files_that_are_not_geojson() -> None:
    for raw, reason in ((b"\xff\xfe not json", "file.not_json"),
                        (json.dumps({"type": "Topology"}), "file.not_geojson"),
                        (json.dumps({"type": "FeatureCollection", "features": []}),
                         "file.empty")):
        bad = LayerFile(Level.STREET, parse_geojson(raw, "x.json"), FieldMap("code", "name"))
        checked = check(ImportRequest((bad,)), [])
        assert reasons(checked.problems) == [("street", None, "", reason)]


def test_cells_alone_are_checked_against_the_communities_kept() -> None:
    kept = [Stored(Level.STREET, "T01", "测试街道", None, streets()[0]["geometry"])]
    kept += [Stored(Level.COMMUNITY, f["properties"]["code"], f["properties"]["name"], "T01",
                    f["geometry"]) for f in communities()]
    checked = check(request(cell_features=cells()), kept)
    assert checked.ok and set(checked.boundaries) == {Level.CELL}
    # A community that the import drops leaves its cells (kept ones too) without it.
    checked = check(request(community_features=communities()[:1]), [
        *kept, *(Stored(Level.CELL, f["properties"]["code"], "", f["properties"]["community"],
                        f["geometry"]) for f in cells())])
    assert [(p.code, p.reason, p.detail) for p in checked.problems] == [
        ("T01C02G1", "parent.unknown", "T01C02"), ("T01C02G2", "parent.unknown", "T01C02")]


def test_a_property_holding_a_number_reads_as_its_digits() -> None:
    features = streets()
    features[0]["properties"]["code"] = 440310
    checked = check(request(features), [])
    assert checked.boundaries[Level.STREET][0].code == "440310"


def test_a_file_lists_its_property_names_for_the_dialog() -> None:
    file = geofile(cells())
    assert file.properties == ("code", "name", "community")
    assert (file.likely("code"), file.likely("name"), file.likely("community")) == (
        "code", "name", "community")
    assert file.geometry_types == {"Polygon": 4}


def test_the_real_outline_passes_and_swapped_it_is_refused() -> None:
    from tests.geo_real import layers
    from tests.geo_real import request as real_request

    assert check(real_request(), []).ok  # skips when the real data is absent
    street = layers()[Level.STREET][0]
    street["geometry"]["coordinates"] = [[[[y, x] for x, y in ring] for ring in polygon]
                                         for polygon in street["geometry"]["coordinates"]]
    checked = check(request([street]), [])
    assert reasons(checked.problems) == [("street", 0, "R01", "crs.not_lonlat")]


def test_the_system_may_come_as_plain_text_as_a_combo_box_gives_it() -> None:
    plain = request(streets(), crs="WGS-84")  # type: ignore[arg-type]
    assert plain.crs is Crs.WGS84
    assert check(plain, []).boundaries == check(request(streets(), crs=Crs.WGS84),
                                                []).boundaries
