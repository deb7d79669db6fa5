import pytest

from console.phone import PhoneError, normalise


@pytest.mark.parametrize(("raw", "e164", "mobile"), [
    ("13812345678", "+8613812345678", True),
    ("138-1234-5678", "+8613812345678", True),
    ("+86 138 1234 5678", "+8613812345678", True),
    ("0755-8888 1234", "+8675588881234", False),
    ("88881234", "+8675588881234", False),  # a local landline gets the city's area code
    ("010 1234 5678", "+861012345678", False),
])
def test_numbers_are_normalised_to_e164(raw: str, e164: str, mobile: bool) -> None:
    phone = normalise(raw)
    assert phone.e164 == e164
    assert phone.is_mobile is mobile


@pytest.mark.parametrize(("raw", "code"), [
    ("", "phone.empty"),
    ("   ", "phone.empty"),
    ("12345", "phone.invalid"),
    ("abc", "phone.invalid"),
    ("1381234567'; DROP TABLE case;--", "phone.invalid"),
    ("1" * 40, "phone.invalid"),
    ("😀", "phone.invalid"),
])
def test_bad_numbers_are_refused_with_a_code(raw: str, code: str) -> None:
    with pytest.raises(PhoneError) as info:
        normalise(raw)
    assert info.value.code == code
