"""Cases as Open311 GeoReport v2 service requests (the answer to GET requests), JSON or
XML, the inverse of the history import's Open311 profile (``history_import.builtin``):

- ``service_request_id``: the case number; ``service_code`` / ``service_name``: the
  category's code and name; ``agency_responsible``: the responsible unit's name;
- ``status``: ``open`` while the case is open (``OPEN_STATUSES``), else ``closed``;
  ``status_notes`` says which of the console's statuses it is, in words;
- ``requested_datetime``: intake; ``expected_datetime``: the case's deadline;
  ``updated_datetime``: for a closed request when it was closed (the spec's rule: the
  archive time, else the resolution), for an open one its last change;
- ``lat`` / ``long``: WGS-84 as the spec says (the console keeps GCJ-02 and converts);
- ``description``: the text, cut to the schema's 4,000 characters;
- ``service_notice``, ``address_id``, ``zipcode``, ``media_url``: none (null; an empty
  element in XML, as the spec's examples write an unknown value).

Every time carries its offset (the centre's, +08:00) and keeps its fraction of a
second, so an import gives back the very moments.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from xml.sax.saxutils import escape

from console.case_export import words
from console.case_export.query import ExportRow
from console.core.clock import CENTRE_TZ
from console.geo.crs import gcj02_to_wgs84
from db.schema import OPEN_STATUSES

DESCRIPTION_LIMIT = 4000  # request.json's maxLength
# The elements of a request in the spec's order (its example of GET requests).
FIELDS = ("service_request_id", "status", "status_notes", "service_name", "service_code",
          "description", "agency_responsible", "service_notice", "requested_datetime",
          "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
          "lat", "long", "media_url")
# Characters XML 1.0 cannot hold at all (a stray control character in a caller's text),
# and those it holds escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(CENTRE_TZ).isoformat()


def _updated(r: ExportRow, closed: bool) -> dt.datetime:
    if closed:
        return r.closed_at or r.resolved_at or r.updated_at
    return r.updated_at


def wgs84(rows: list[ExportRow]) -> list[tuple[float, float] | None]:
    """Each row's point as (lon, lat) in WGS-84, in one conversion for the batch."""
    placed = [i for i, r in enumerate(rows) if r.lon is not None and r.lat is not None]
    out: list[tuple[float, float] | None] = [None] * len(rows)
    if placed:
        lon, lat = gcj02_to_wgs84([rows[i].lon for i in placed], [rows[i].lat for i in placed])
        for n, i in enumerate(placed):
            out[i] = (float(lon[n]), float(lat[n]))
    return out


def request(r: ExportRow, point: tuple[float, float] | None) -> dict[str, Any]:
    closed = r.status not in OPEN_STATUSES
    return {
        "service_request_id": r.public_no,
        "status": "closed" if closed else "open",
        "status_notes": words.STATUS.get(r.status, r.status),
        "service_name": r.category_path.rpartition(" / ")[2],
        "service_code": r.category_code,
        "description": r.text[:DESCRIPTION_LIMIT] or None,
        "agency_responsible": r.unit or None,
        "service_notice": None,
        "requested_datetime": _time(r.created_at),
        "updated_datetime": _time(_updated(r, closed)),
        "expected_datetime": _time(r.due_at),
        "address": r.address or None,
        "address_id": None,
        "zipcode": None,
        "lat": None if point is None else point[1],
        "long": None if point is None else point[0],
        "media_url": None,
    }


def requests(rows: list[ExportRow]) -> list[dict[str, Any]]:
    return [request(r, p) for r, p in zip(rows, wgs84(rows), strict=True)]


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # one encoder (dumps makes one a call)


class JsonWriter:
    """A JSON array of requests (requests.json), one request a line."""

    encoding = "utf-8"

    def __init__(self) -> None:
        self._first = True

    def head(self) -> str:
        return "["

    def body(self, rows: list[ExportRow]) -> str:
        out = []
        for item in requests(rows):
            out.append(("\n" if self._first else ",\n") + _ENCODE(item))
            self._first = False
        return "".join(out)

    def tail(self) -> str:
        return "\n]\n"


def _xml_value(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return repr(value)  # lat, long
    return escape(_NOT_XML.sub("", value)) if _SPECIAL.search(value) else value


class XmlWriter:
    """``<service_requests>`` with one ``<request>`` per case, as the spec's example."""

    encoding = "utf-8"

    def head(self) -> str:
        return '<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n'

    def body(self, rows: list[ExportRow]) -> str:
        out = []
        for item in requests(rows):
            out.append("  <request>\n")
            out.extend(f"    <{name}>{_xml_value(item[name])}</{name}>\n" for name in FIELDS)
            out.append("  </request>\n")
        return "".join(out)

    def tail(self) -> str:
        return "</service_requests>\n"
