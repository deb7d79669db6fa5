"""Checking Open311 GeoReport v2 files against the specification (issue 15, item 5),
from ../shared/data/open311 (skipped, saying so, where it is absent).

JSON: the spec's JSON Schema ``requests.json`` (Draft 4, its ``$ref`` to
``request.json`` resolved from the same folder), with format checks on.

XML: the spec gives no schema for XML, so the check is made of two parts. Its
structure is derived from the spec's own XML example of GET requests: the root and
record element names, the elements a request may hold and their order, no attributes,
no nesting, text only. Then each request is read into the JSON shape (an empty element
is null, as the spec's JSON example of the same requests shows; ``lat``/``long`` are
numbers) and validated against the same JSON Schema.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

SPEC = Path(os.environ.get("HOTLINE_SHARED_DATA", Path(__file__).resolve().parents[2]
                           / "shared" / "data")) / "open311"
SCHEMAS = SPEC / "georeport-v2-json-schema"
EXAMPLES = SPEC / "georeport-v2-spec-examples"
XML_EXAMPLE = EXAMPLES / "10_get_service_requests_response.xml"


def need_spec() -> None:
    if not (SCHEMAS / "requests.json").exists() or not XML_EXAMPLE.exists():
        pytest.skip(f"the Open311 specification's schemas and examples are not in {SPEC}")


def validator() -> Any:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8"))
               for p in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT4))
        for name, schema in schemas.items())
    return jsonschema.Draft4Validator(
        schemas["requests.json"], registry=registry,
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


# jsonschema checks "date-time" only with an extra package; RFC 3339's form, here.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TIMES = ("requested_datetime", "updated_datetime", "expected_datetime")


def json_errors(document: Any) -> list[str]:
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in validator().iter_errors(document)]
    for n, item in enumerate(document if isinstance(document, list) else []):
        for name in TIMES:
            value = item.get(name) if isinstance(item, dict) else None
            if isinstance(value, str) and not RFC3339.match(value):
                errors.append(f"[{n}, {name!r}]: {value!r} is no RFC 3339 date-time")
    return errors


def xml_shape() -> tuple[str, str, list[str]]:
    """The root's name, a record's name and a record's elements in order, as the
    spec's example writes them."""
    root = ET.parse(XML_EXAMPLE).getroot()
    first = root[0]
    return root.tag, first.tag, [child.tag for child in first]


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text  # left for the schema to refuse


def xml_errors(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """What is wrong with an XML document of requests, and its requests in the JSON
    shape (as far as they could be read)."""
    root_tag, record_tag, order = xml_shape()
    root = ET.fromstring(text)
    errors = [] if root.tag == root_tag else [f"root is <{root.tag}>, not <{root_tag}>"]
    requests = []
    for n, record in enumerate(root):
        if record.tag != record_tag or record.attrib:
            errors.append(f"{n}: <{record.tag}> {record.attrib} is no <{record_tag}>")
            continue
        tags = [child.tag for child in record]
        if [t for t in order if t in tags] != tags:
            errors.append(f"{n}: elements {tags} out of the spec's order or unknown")
        item: dict[str, Any] = {}
        for child in record:
            if len(child) or child.attrib:
                errors.append(f"{n}: <{child.tag}> holds elements or attributes")
            value = (child.text or "").strip()
            item[child.tag] = None if value == "" else (
                _number(value) if child.tag in ("lat", "long") else value)
        requests.append(item)
    errors += json_errors(requests)
    return errors, requests
