"""The unit offered to the dispatcher: the category's owner, else the street's unit."""

from dataclasses import replace

import pytest

from console.catalog.catalog import Catalog, Unit
from console.catalog.routing import Suggestion, street_unit, suggest_unit
from tests.catalog_fixture import small_catalog

ROAD = 3  # 道路破损 in the small catalog
UNITS = [
    Unit(1, "U001", "坪山区城市管理和综合执法局", "department", None, True),
    Unit(2, "U002", "坪山区交通运输局", "department", None, False),
    Unit(42, "U042", "坪山区指挥中心", "centre", None, True),
    Unit(43, "U043", "坑梓街道指挥分中心", "centre", 42, True, "S01"),
    Unit(49, "U049", "坑梓街道办事处", "street", None, True, "S01"),
    Unit(65, "U065", "坪山街道办事处", "street", None, True, "S02"),
    Unit(66, "U066", "坪山街道城市管理办公室", "department", 65, True, "S02"),
]


def catalog_with(**category: object) -> Catalog:
    catalog = small_catalog()
    catalog.units = {u.id: u for u in UNITS}
    catalog.categories[ROAD] = replace(catalog.categories[ROAD], **category)
    return catalog


def test_a_category_with_an_owner_goes_to_its_owner_wherever_it_happened() -> None:
    catalog = catalog_with(owner_unit_id=1)
    assert suggest_unit(catalog, ROAD, "S01") == Suggestion(1, "owner")
    assert suggest_unit(catalog, ROAD, None) == Suggestion(1, "owner")


@pytest.mark.parametrize("category", [
    {"owner_unit_id": None},                     # no single owner
    {"owner_unit_id": 2},                        # its owner is no longer active
    {"owner_unit_id": 1, "territorial": True},   # the street where it happened handles it
])
def test_otherwise_the_street_s_sub_centre(category: dict[str, object]) -> None:
    catalog = catalog_with(**category)
    assert suggest_unit(catalog, ROAD, "S01") == Suggestion(43, "street")


def test_a_street_without_a_sub_centre_has_its_street_office() -> None:
    catalog = catalog_with(owner_unit_id=None)
    assert street_unit(catalog, "S02") == 65  # not a department under the office
    assert suggest_unit(catalog, ROAD, "S02") == Suggestion(65, "street")


def test_nothing_to_suggest_without_an_owner_or_a_known_street() -> None:
    catalog = catalog_with(owner_unit_id=None)
    assert suggest_unit(catalog, ROAD, None) is None
    assert suggest_unit(catalog, ROAD, "S99") is None
    assert suggest_unit(catalog, 999, None) is None
    assert suggest_unit(catalog, None, "S01") == Suggestion(43, "street")
