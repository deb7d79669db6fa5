"""A history import's profile: which column of the export is which field, what the
source's words mean, and the admin's mappings of the source's names (a category, a
street, a unit the console did not know, mapped to one it knows or created). The
profile is saved after an import (``profiles``), so the next import of the same
source asks nothing it asked before.

A profile is plain data with a JSON form; ``from_json`` checks it, so a profile row
someone edited by hand is refused in words, never half-read.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from console.core.errors import FieldError, ValidationError

CSV, OPEN311 = "csv", "open311"
FORMATS = (CSV, OPEN311)
# The kinds of names a source uses that the console keeps as codes. The first three map
# onto fixed lists; the others onto reference rows, which an admin may also create.
KINDS = ("channel", "nature", "status", "category", "street", "community", "unit")
FIXED_KINDS = ("channel", "nature", "status")
CREATABLE = ("category", "street", "community", "unit")
# Where nothing is known (a case with no unit) the mapping's target is "".
NONE = ""
TIME_FIELDS = ("created_at", "accepted_at", "dispatched_at", "resolved_at", "closed_at",
               "due_at")
FIELDS = ("source_id", *TIME_FIELDS, *KINDS, "text", "address", "lon", "lat",
          "on_time", "late")
# A row without these is not imported; the profile may ask for more (a street).
ALWAYS_REQUIRED = frozenset({"source_id", "created_at", "channel", "nature", "status",
                             "category"})
OPTIONAL_REQUIRABLE = frozenset({"street", "community", "unit"})
SOURCE = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,31}$")  # as the database checks it
# Statuses an imported case may have: open at the centre (with its deadline), or finished.
IMPORT_STATUSES = ("accepted", "closed")


@dataclass(frozen=True)
class Profile:
    name: str
    source: str  # the cases' ``imported_from``: ids are unique per source
    format: str = CSV
    # field -> the column(s) it is read from; a category may be a path of up to 3 columns
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    constants: Mapping[str, str] = field(default_factory=dict)  # a field with no column
    labels: Mapping[str, str] = field(default_factory=dict)  # kind -> column naming a key
    required: frozenset[str] = frozenset()
    empty: tuple[str, ...] = ("",)  # values that mean nothing was recorded
    flag_true: tuple[str, ...] = ("1",)  # a flag column's "yes"
    time_format: str = ""  # strptime's; "" for ISO 8601
    timezone: str = "Asia/Shanghai"  # for times written without an offset
    mappings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    version: int = 0  # the saved row's version; 0: never saved

    def column(self, name: str) -> tuple[str, ...]:
        return self.columns.get(name, ())

    def needs(self, name: str) -> bool:
        return name in ALWAYS_REQUIRED or name in self.required

    def source_columns(self) -> list[str]:
        """Every column the profile reads, in a stable order."""
        seen: list[str] = []
        for column in (*(c for name in FIELDS for c in self.column(name)),
                       *self.labels.values()):
            if column not in seen:
                seen.append(column)
        return seen

    def with_mappings(self, chosen: Mapping[str, Mapping[str, str]]) -> Profile:
        """This profile with ``chosen`` added to its mappings (a key chosen again wins)."""
        merged = {kind: dict(self.mappings.get(kind, {})) for kind in KINDS}
        for kind, pairs in chosen.items():
            merged[kind].update(pairs)
        return replace(self, mappings={k: v for k, v in merged.items() if v})

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "source": self.source, "format": self.format,
            "columns": {k: list(v) for k, v in self.columns.items()},
            "constants": dict(self.constants), "labels": dict(self.labels),
            "required": sorted(self.required), "empty": list(self.empty),
            "flag_true": list(self.flag_true), "time_format": self.time_format,
            "timezone": self.timezone,
            "mappings": {k: dict(sorted(v.items())) for k, v in self.mappings.items()},
        }


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _problems(data: dict[str, Any]) -> list[str]:
    """What is wrong with a profile's JSON, as the keys that are wrong."""
    wrong = [key for key in ("name", "source") if not isinstance(data.get(key), str)
             or not data[key].strip()]
    if isinstance(data.get("source"), str) and not SOURCE.match(data["source"]):
        wrong.append("source")
    if data.get("format", CSV) not in FORMATS:
        wrong.append("format")
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or any(
            k not in FIELDS or not _strings(v) or (k != "category" and len(_strings(v) or ()) != 1)
            or len(_strings(v) or ()) > 3 for k, v in columns.items()):
        wrong.append("columns")
    constants = data.get("constants", {})
    if not isinstance(constants, dict) or any(
            k not in FIXED_KINDS or not isinstance(v, str) for k, v in constants.items()):
        wrong.append("constants")
    elif any(name not in columns and name not in constants
             for name in ("source_id", "created_at", "channel", "nature", "status", "category")):
        wrong.append("columns")
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or any(
            k not in KINDS or not isinstance(v, str) for k, v in labels.items()):
        wrong.append("labels")
    if not set(data.get("required", [])) <= OPTIONAL_REQUIRABLE:
        wrong.append("required")
    mappings = data.get("mappings", {})
    if not isinstance(mappings, dict) or any(
            k not in KINDS or not isinstance(v, dict)
            or not all(isinstance(a, str) and isinstance(b, str) for a, b in v.items())
            for k, v in mappings.items()):
        wrong.append("mappings")
    try:
        zoneinfo.ZoneInfo(str(data.get("timezone", "Asia/Shanghai")))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        wrong.append("timezone")
    return sorted(set(wrong))


def from_json(data: Any, version: int = 0) -> Profile:
    """A profile from its JSON form; refused in words (``profile.invalid``) when wrong."""
    if not isinstance(data, dict):
        raise ValidationError([FieldError("profile", "profile.invalid", {"keys": "{}"})])
    if wrong := _problems(data):
        raise ValidationError([FieldError("profile", "profile.invalid",
                                          {"keys": ", ".join(wrong)})])
    return Profile(
        name=data["name"].strip(), source=data["source"], format=data.get("format", CSV),
        columns={k: _strings(v) or () for k, v in data.get("columns", {}).items()},
        constants=dict(data.get("constants", {})), labels=dict(data.get("labels", {})),
        required=frozenset(data.get("required", [])),
        empty=tuple(data.get("empty", [""])), flag_true=tuple(data.get("flag_true", ["1"])),
        time_format=str(data.get("time_format", "")),
        timezone=str(data.get("timezone", "Asia/Shanghai")),
        mappings={k: dict(v) for k, v in data.get("mappings", {}).items()},
        version=version)
