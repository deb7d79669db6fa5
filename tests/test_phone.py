import pytest

from console.hotline.phone import PhoneError, display, e164, normalise


@pytest.mark.parametrize(("raw", "e164_form", "mobile"), [
    ("13812345678", "+8613812345678", True),
    ("138-1234-5678", "+8613812345678", True),
    ("+86 138 1234 5678", "+8613812345678", True),
    ("0755-8888 1234", "+8675588881234", False),
    ("88881234", "+8675588881234", False),  # a local landline gets the city's area code
    ("010 1234 5678", "+861012345678", False),
])
def test_numbers_are_normalised_to_e164(raw: str, e164_form: str, mobile: bool) -> None:
    phone = normalise(raw)
    assert phone.e164 == e164_form
    assert phone.is_mobile is mobile
    assert e164(raw) == e164_form  # the save's shortcut gives the same


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
    with pytest.raises(PhoneError) as info:
        e164(raw)
    assert info.value.code == code


@pytest.mark.parametrize(("stored", "shown"), [
    ("+8613812345678", "138 1234 5678"),        # a mobile: 3-4-4
    ("+8675512345678", "0755 1234 5678"),       # Shenzhen landline with its area code
    ("+861012345678", "010 1234 5678"),         # Beijing: a three-digit area code
    ("+869541234567", "0954 123 4567"),         # a seven-digit local number
    ("+864001234567", "400 123 4567"),          # a service number
    ("+85291234567", "+852 9123 4567"),         # not mainland China: the country code
    ("", ""),
    (None, ""),
    ("+8612345", "+8612345"),                   # not a valid number: as stored
    ("内部转接", "内部转接"),
])
def test_stored_numbers_are_shown_as_an_operator_writes_them(stored: str | None,
                                                             shown: str) -> None:
    assert display(stored) == shown


@pytest.mark.parametrize("raw", ["13812345678", "0755-1234 5678", "88881234"])
def test_a_normalised_number_shows_the_same_way_again(raw: str) -> None:
    phone = normalise(raw)
    assert display(phone.e164) == phone.display
