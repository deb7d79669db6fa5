"""Caller phone numbers: parsed and normalised to E.164, China by default."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

DEFAULT_REGION = "CN"
# A bare 7- or 8-digit number is a local landline of the centre's city.
LOCAL_AREA_CODE = "0755"
_SEPARATORS = re.compile(r"[\s\-().·—–/]+")
_LOCAL_LANDLINE = re.compile(r"^[2-9]\d{6,7}$")


class PhoneError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Phone:
    e164: str
    display: str
    is_mobile: bool


def normalise(raw: str, region: str = DEFAULT_REGION) -> Phone:
    """Return the normalised number or raise PhoneError("phone.empty" | "phone.invalid")."""
    parsed = _parsed(raw, region)
    kind = phonenumbers.number_type(parsed)
    mobile = kind in (phonenumbers.PhoneNumberType.MOBILE,
                      phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    return Phone(
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        display=_written(parsed),
        is_mobile=mobile,
    )


def e164(raw: str, region: str = DEFAULT_REGION) -> str:
    """``normalise(raw).e164`` without the rest (how it is written, its kind): a save
    needs only this, and the rest is most of the work."""
    return phonenumbers.format_number(_parsed(raw, region),
                                      phonenumbers.PhoneNumberFormat.E164)


def _parsed(raw: str, region: str) -> phonenumbers.PhoneNumber:
    text = _SEPARATORS.sub("", (raw or "").strip())
    if not text:
        raise PhoneError("phone.empty")
    if len(text) > 24 or not re.fullmatch(r"\+?\d+", text):
        raise PhoneError("phone.invalid")
    if _LOCAL_LANDLINE.match(text):
        text = LOCAL_AREA_CODE + text
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError("phone.invalid") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise PhoneError("phone.invalid")
    return parsed


def display(stored: str | None) -> str:
    """A stored number (E.164) as a Chinese operator writes it: a mobile in
    groups of 3-4-4 (138 1234 5678), a landline with its area code
    (0755 8888 1234, 010 1234 5678); a foreign number with its country code
    (+852 9123 4567). Anything that is not a valid number shows as stored."""
    text = (stored or "").strip()
    if not text:
        return ""
    try:
        parsed = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return text
    return _written(parsed) if phonenumbers.is_valid_number(parsed) else text


def _written(parsed: phonenumbers.PhoneNumber) -> str:
    fmt = (phonenumbers.PhoneNumberFormat.NATIONAL if parsed.country_code == 86
           else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(parsed, fmt)
