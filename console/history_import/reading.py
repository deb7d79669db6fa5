"""Reading an export into records: a CSV file (UTF-8, or GB18030 as older Chinese
systems write it), or Open311 GeoReport v2 service requests as JSON or XML.

Plain, blocking functions: the service runs them in a worker thread. A file that
cannot be read is refused in words (a ``ValidationError`` naming the file), never
half-read.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.core.errors import FieldError, ValidationError
from console.geo.crs import wgs84_to_gcj02
from console.history_import.profile import OPEN311, Profile

ENCODINGS = ("utf-8-sig", "gb18030")
MAX_BYTES = 512 * 2**20  # larger exports are split before importing


@dataclass(frozen=True)
class Record:
    line: int  # CSV: the line of the file the row starts on; Open311: the request's number
    values: dict[str, str]


@dataclass(frozen=True)
class Records:
    columns: tuple[str, ...]  # what the file offers
    records: list[Record]


def _refuse(error: FieldError) -> ValidationError:
    return ValidationError([error])


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _refuse(FieldError("file", "import.file_too_large",
                                     {"limit_mb": MAX_BYTES // 2**20}))
        raw = path.read_bytes()
    except OSError as exc:
        raise _refuse(FieldError("file", "import.file_unreadable",
                                 {"reason": exc.strerror or str(exc)})) from exc
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(FieldError("file", "import.file_encoding"))


def read(path: Path, profile: Profile) -> Records:
    """The file's records, keeping only the columns the profile reads."""
    text = _text(path)
    if not text.strip():
        raise _refuse(FieldError("file", "import.file_empty"))
    if profile.format == OPEN311:
        return _open311(text, profile)
    return _csv(text, profile)


def _missing(profile: Profile, columns: Iterable[str]) -> list[str]:
    offered = set(columns)
    return [c for c in profile.source_columns() if c not in offered]


def _dialect(text: str, profile: Profile) -> type[csv.Dialect] | csv.Dialect:
    """The delimiter under which the first line names the profile's columns (a guess
    from the text could take a comma for a semicolon); a comma when none does."""
    first = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        names = (h.strip().strip('"') for h in first.lstrip("\ufeff").split(delimiter))
        if not _missing(profile, names):
            return csv.excel_tab if delimiter == "\t" else (
                csv.excel if delimiter == "," else _Semicolon)
    return csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"


def _csv(text: str, profile: Profile) -> Records:
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text, profile))
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        if missing := _missing(profile, header):
            raise _refuse(FieldError("file", "import.columns_missing",
                                     {"columns": "、".join(missing)}))
        wanted = [(c, header.index(c)) for c in profile.source_columns()]
        records: list[Record] = []
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append(Record(line, {c: row[i].strip() if i < len(row) else ""
                                             for c, i in wanted}))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise _refuse(FieldError("file", "import.file_not_csv",
                                 {"line": reader.line_num, "reason": str(exc)})) from exc
    except StopIteration as exc:
        raise _refuse(FieldError("file", "import.file_empty")) from exc
    return Records(tuple(header), records)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _open311(text: str, profile: Profile) -> Records:
    requests = _xml_requests(text) if text.lstrip().startswith("<") else _json_requests(text)
    columns: list[str] = []
    for request in requests:
        columns += [c for c in request if c not in columns]
    # a request leaves out what it does not know; only the id and the times are needed
    wanted = profile.source_columns()
    records = [Record(i, {c: _plain(request.get(c)) for c in wanted})
               for i, request in enumerate(requests, start=1)]
    _to_gcj02(records, profile)
    if requests and (missing := [c for c in ("service_request_id", "requested_datetime")
                                 if c in wanted and c not in columns]):
        raise _refuse(FieldError("file", "import.columns_missing",
                                 {"columns": "、".join(missing)}))
    return Records(tuple(columns), records)


def _to_gcj02(records: list[Record], profile: Profile) -> None:
    """Open311's lat/long are WGS-84 (the spec says so); the console keeps GCJ-02. Points
    whose numbers cannot be read are left for ``rows`` to refuse."""
    lon_column = (profile.column("lon") or ("",))[0]
    lat_column = (profile.column("lat") or ("",))[0]
    placed: list[tuple[Record, float, float]] = []
    for record in records:
        try:
            placed.append((record, float(record.values[lon_column]),
                           float(record.values[lat_column])))
        except (KeyError, ValueError):
            continue
    if placed:
        lon, lat = wgs84_to_gcj02([p[1] for p in placed], [p[2] for p in placed])
        for (record, _x, _y), x, y in zip(placed, lon.tolist(), lat.tolist(), strict=True):
            record.values[lon_column], record.values[lat_column] = repr(x), repr(y)


def _json_requests(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse(FieldError("file", "import.open311_json", {
            "line": exc.lineno, "column": exc.colno, "reason": exc.msg})) from exc
    if isinstance(data, dict):  # one request, or a list under a name
        data = data.get("service_requests", data.get("requests", [data]))
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise _refuse(FieldError("file", "import.open311_shape"))
    return data


def _xml_requests(text: str) -> list[dict[str, Any]]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise _refuse(FieldError("file", "import.open311_xml",
                                 {"line": line, "column": column})) from exc
    if root.tag not in ("service_requests", "requests"):
        raise _refuse(FieldError("file", "import.open311_shape"))
    return [{child.tag: (child.text or "").strip() for child in request}
            for request in root if request.tag == "request"]
