"""Bad input at intake: a clear code per field, nothing else changed."""

import pytest

from console.core.errors import ValidationError
from console.hotline.intake import MAX_TEXT, CaseDraft, validate
from tests.catalog_fixture import small_catalog

CATALOG = small_catalog()


def ok_draft(**overrides: object) -> CaseDraft:
    values: dict[str, object] = {"caller_phone": "13812345678", "text": "路面破损",
                                 "grid_code": "S01C01G001", "category_id": 3}
    values.update(overrides)
    return CaseDraft(**values)  # type: ignore[arg-type]


def codes(draft: CaseDraft) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate(draft, CATALOG)
    return {e.field: e.code for e in info.value.errors}


def test_a_good_draft_is_cleaned() -> None:
    clean = validate(ok_draft(text="  路面破损  "), CATALOG)
    assert clean.caller_phone == "+8613812345678"
    assert clean.text == "路面破损"
    assert (clean.street_code, clean.community_code) == ("S01", "S01C01")  # from the cell
    assert clean.urgency == "B"


def test_empty_and_unparseable_numbers() -> None:
    assert codes(ok_draft(caller_phone="")) == {"caller_phone": "phone.empty"}
    assert codes(ok_draft(caller_phone="12")) == {"caller_phone": "phone.invalid"}


def test_number_is_optional_for_non_phone_channels_but_still_checked() -> None:
    assert validate(ok_draft(channel="web", caller_phone=""), CATALOG).caller_phone == ""
    assert codes(ok_draft(channel="web", caller_phone="xyz")) == {"caller_phone": "phone.invalid"}


def test_huge_text_is_refused_with_its_length() -> None:
    with pytest.raises(ValidationError) as info:
        validate(ok_draft(text="长" * 100_000), CATALOG)
    error = info.value.for_field("text")
    assert error is not None and error.code == "text.too_long"
    assert error.params == {"limit": MAX_TEXT, "length": 100_000}


def test_control_characters_are_refused_with_their_position() -> None:
    with pytest.raises(ValidationError) as info:
        validate(ok_draft(text="路面\x00破损"), CATALOG)
    error = info.value.for_field("text")
    assert error is not None and (error.code, error.params) == ("text.control", {"position": 3})


def test_a_lone_surrogate_is_a_field_error_not_an_encoding_crash() -> None:
    # What a broken paste leaves: half of an emoji's UTF-16 pair.
    assert codes(ok_draft(text="路面\ud83d破损", address="坑梓\udc00",
                          caller_name="\ud800")) == {
        "text": "text.control", "address": "text.control", "caller_name": "text.control"}
    with pytest.raises(ValidationError) as info:
        validate(ok_draft(text="路面\ud83d破损"), CATALOG)
    error = info.value.for_field("text")
    assert error is not None and error.params == {"position": 3}
    assert validate(ok_draft(text="路面 😀"), CATALOG).text == "路面 😀"  # a whole pair


def test_emoji_newlines_and_sql_metacharacters_are_ordinary_text() -> None:
    text = "路面破损 😀\n'; DROP TABLE \"case\"; -- %_\\"
    assert validate(ok_draft(text=text), CATALOG).text == text


def test_unknown_and_non_leaf_categories() -> None:
    assert codes(ok_draft(category_id=None)) == {"category": "category.empty"}
    assert codes(ok_draft(category_id=999)) == {"category": "category.unknown"}
    assert codes(ok_draft(category_id=1)) == {"category": "category.not_leaf"}


def test_inconsistent_places() -> None:
    assert codes(ok_draft(grid_code="NOPE")) == {"grid": "grid.unknown"}
    assert codes(ok_draft(grid_code=None, street_code="S02", community_code="S01C01")) == {
        "community": "community.mismatch"}
    assert codes(ok_draft(grid_code="S01C01G001", community_code="S02C01")) == {
        "grid": "grid.mismatch"}


def test_a_grid_cell_in_another_street_than_the_one_typed_is_refused() -> None:
    assert codes(ok_draft(grid_code="S01C01G001", street_code="S02")) == {
        "grid": "grid.street_mismatch"}  # not silently moved to the cell's street
    agreed = validate(ok_draft(grid_code="S01C01G001", street_code="S01"), CATALOG)
    assert (agreed.street_code, agreed.community_code) == ("S01", "S01C01")


def test_all_errors_are_reported_at_once() -> None:
    found = codes(ok_draft(caller_phone="", text="", category_id=None, urgency="D"))
    assert found == {"caller_phone": "phone.empty", "text": "text.empty",
                     "category": "category.empty", "urgency": "urgency.unknown"}
    assert codes(ok_draft(channel="fax")) == {"channel": "channel.unknown"}


def test_the_class_is_the_categorys_standard() -> None:
    assert validate(ok_draft(category_id=4), CATALOG).urgency == "A"  # 井盖缺失
    assert validate(ok_draft(category_id=4, urgency="A"), CATALOG).urgency == "A"
    with pytest.raises(ValidationError) as info:
        validate(ok_draft(category_id=4, urgency="C"), CATALOG)
    (error,) = info.value.errors
    assert (error.field, error.code, error.params) == ("urgency", "urgency.by_category",
                                                       {"urgency": "A"})


def test_a_point_is_both_coordinates_finite_and_on_the_globe() -> None:
    clean = validate(ok_draft(lon=114.35, lat=22.70), CATALOG)
    assert (clean.lon, clean.lat) == (114.35, 22.70)
    assert validate(ok_draft(), CATALOG).lon is None  # no point: the cell's centre, at saving
    for lon, lat in ((114.35, None), (None, 22.7), (float("nan"), 22.7),
                     (114.35, float("inf")), (181.0, 22.7), (114.35, -91.0), (True, 22.7)):
        assert codes(ok_draft(lon=lon, lat=lat)) == {"point": "point.invalid"}, (lon, lat)
