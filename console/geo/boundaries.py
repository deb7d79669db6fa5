"""The words of a boundary import: levels, what the admin chose for each file,
the problems found, and the boundaries that result."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from console.geo.crs import Crs
from console.geo.geofile import GeoFile


class Level(enum.StrEnum):
    STREET = "street"
    COMMUNITY = "community"
    CELL = "cell"

    @property
    def parent(self) -> Level | None:
        return {Level.COMMUNITY: Level.STREET, Level.CELL: Level.COMMUNITY}.get(self)


LEVELS = (Level.STREET, Level.COMMUNITY, Level.CELL)
# The columns' widths (db/schema.py).
CODE_WIDTH = {Level.STREET: 16, Level.COMMUNITY: 16, Level.CELL: 24}
NAME_WIDTH = 64

# Every reason a problem can give (the dialog has words for each; a test checks).
REASONS = (
    "file.unreadable", "file.not_json", "file.not_geojson", "file.empty", "file.too_large",
    "geometry.missing", "geometry.not_polygon", "geometry.unreadable", "geometry.empty",
    "geometry.invalid", "geometry.overlap",
    "crs.not_lonlat", "extent.far", "extent.outside_district",
    "code.missing", "code.too_long", "code.duplicate", "code.in_use_by_cases",
    "code.in_use_by_units",
    "name.missing", "name.too_long",
    "parent.missing", "parent.unknown", "parent.outside", "parent.none", "parent.ambiguous",
)


@dataclass(frozen=True)
class FieldMap:
    """Which property holds the code, the name and (optional) the parent's code."""

    code: str
    name: str
    parent: str = ""


@dataclass(frozen=True)
class LayerFile:
    level: Level
    file: GeoFile
    fields: FieldMap


@dataclass(frozen=True)
class ImportRequest:
    """Up to one file per level; a level without a file keeps what the database has.
    ``same_district`` refuses shapes far from the boundaries there now."""

    files: tuple[LayerFile, ...]
    crs: Crs = Crs.GCJ02
    same_district: bool = True
    tolerance_m: float = 5.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "crs", Crs(self.crs))  # a combo box hands back plain text
        levels = [f.level for f in self.files]
        if len(set(levels)) != len(levels):
            raise ValueError("one file per level")

    def file_for(self, level: Level) -> LayerFile | None:
        return next((f for f in self.files if f.level is level), None)


@dataclass(frozen=True)
class Problem:
    """One thing wrong: which level and feature (its index in the file, None for a
    boundary kept from the database or the file as a whole), its code, why."""

    level: Level
    index: int | None
    code: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Stored:
    """A boundary in the database now (geometry None: it has none drawn)."""

    level: Level
    code: str
    name: str
    parent: str | None
    geometry: dict[str, Any] | None
    sort_order: int = 0


@dataclass(frozen=True)
class Boundary:
    """A boundary to store: GCJ-02 GeoJSON and its centre."""

    level: Level
    code: str
    name: str
    parent: str | None
    geometry: dict[str, Any]
    centre: tuple[float, float]
    sort_order: int = 0


@dataclass(frozen=True)
class Checked:
    """What the check found: problems (nothing may be imported while there are any)
    and, without problems, the boundaries of the levels being replaced."""

    problems: tuple[Problem, ...]
    boundaries: dict[Level, tuple[Boundary, ...]] = field(default_factory=dict)
    counts: dict[Level, int] = field(default_factory=dict)  # features per imported level
    removed: dict[Level, tuple[str, ...]] = field(default_factory=dict)  # codes going away
    added: dict[Level, tuple[str, ...]] = field(default_factory=dict)    # codes new

    @property
    def ok(self) -> bool:
        return not self.problems
