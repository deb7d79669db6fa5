"""Checking boundaries before anything is stored (pure: no database).

Each file's features are read with the properties the admin chose; every
problem is listed with the feature's index, its code and the reason: a shape
that is not a valid polygon (shapely's explanation), coordinates that are not
longitude/latitude (a projected file, or longitude and latitude swapped), a
feature far from the others or from the district there now, a code missing,
too long or used twice, shapes of one level overlapping, and a community not
inside one street or a cell not inside one community (within ``tolerance_m``).
A level without a file keeps the database's boundaries, which are checked
against the new ones the same way. Distances are measured on a local plane in
metres (``LocalPlane``)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree
from shapely.validation import explain_validity

from console.geo.boundaries import (
    CODE_WIDTH,
    LEVELS,
    NAME_WIDTH,
    Boundary,
    Checked,
    ImportRequest,
    LayerFile,
    Level,
    Problem,
    Stored,
)
from console.geo.crs import Crs, geometry_to_gcj02, in_china
from console.geo.geofile import property_text
from console.geo.shapes import (
    Extent,
    LocalPlane,
    ShapeError,
    centre,
    metres_between,
    read_polygonal,
    stored,
    to_geojson,
)

FAR_M = 150_000  # a feature this far from the middle of the others is not of this district
DISTRICT_MARGIN_M = 20_000  # how far outside the district now a new shape may reach


@dataclass
class _Area:
    level: Level
    index: int | None  # in its file; None: kept from the database
    code: str
    name: str
    parent: str  # the parent's code as given ('' when none was given)
    shape: BaseGeometry | None = None  # GCJ-02, valid
    local: BaseGeometry | None = None  # the same in metres
    usable: bool = True
    repaired: bool = False  # the shape as given was invalid: ``shape`` is it made valid
    sort_order: int = 0


def check(request: ImportRequest, current: Sequence[Stored]) -> Checked:
    """Check ``request`` against the boundaries in the database now."""
    problems: list[Problem] = []
    areas: dict[Level, list[_Area]] = {}
    for level in LEVELS:
        layer = request.file_for(level)
        areas[level] = (_kept([s for s in current if s.level is level]) if layer is None
                        else _read(layer, request.crs, problems))
    shaped = [a for level in LEVELS for a in areas[level] if a.shape is not None]
    if shaped:
        west, south, east, north = shapely.total_bounds([a.shape for a in shaped])
        plane = LocalPlane(float(west + east) / 2, float(south + north) / 2)
        for a in shaped:
            a.local = None if a.shape is None else plane.to_metres(a.shape)
    new = [a for a in shaped if a.index is not None]
    _far(new, problems)
    if request.same_district:
        _outside_district(new, current, problems)
    for level in LEVELS:
        if request.file_for(level) is not None:
            _overlaps(areas[level], request.tolerance_m, problems)
    parents: dict[tuple[Level, str], str] = {}
    for level in (Level.COMMUNITY, Level.CELL):
        parent_file = request.file_for(level.parent) if level.parent else None
        if parent_file is None or parent_file.file.usable:
            _parents(areas[level], areas[level.parent or level], request.tolerance_m,
                     problems, parents)
    order = {level: i for i, level in enumerate(LEVELS)}
    problems.sort(key=lambda p: (order[p.level], -1 if p.index is None else p.index))
    counts = {f.level: len(f.file.features) for f in request.files}
    if problems:
        return Checked(tuple(problems), counts=counts)
    return _plan(request, areas, parents, current, counts)


def _kept(rows: Sequence[Stored]) -> list[_Area]:
    out = []
    for row in rows:
        area = _Area(row.level, None, row.code, row.name, row.parent or "",
                     sort_order=row.sort_order)
        if row.geometry is not None:
            try:
                area.shape = _valid(read_polygonal(row.geometry))
            except ShapeError:
                area.shape = None  # a stored shape the console cannot read: none drawn
        out.append(area)
    return out


def _read(layer: LayerFile, crs: Crs, problems: list[Problem]) -> list[_Area]:
    level, file, fields = layer.level, layer.file, layer.fields
    if not file.usable:
        problems.append(Problem(level, None, "", file.problem, file.detail or file.name))
        return []
    first: dict[str, int] = {}
    out = []
    for i, feature in enumerate(file.features):
        code = property_text(feature, fields.code)
        name = property_text(feature, fields.name)
        parent = property_text(feature, fields.parent) if fields.parent else ""
        found: list[Problem] = []

        def bad(reason: str, detail: str = "", i: int = i, code: str = code,
                found: list[Problem] = found) -> None:
            found.append(Problem(level, i, code, reason, detail))

        if not code:
            bad("code.missing", fields.code)
        elif len(code) > CODE_WIDTH[level]:
            bad("code.too_long", str(CODE_WIDTH[level]))
        elif code in first:
            bad("code.duplicate", str(first[code]))
        else:
            first[code] = i
        if not name:
            bad("name.missing", fields.name)
        elif len(name) > NAME_WIDTH:
            bad("name.too_long", str(NAME_WIDTH))
        if fields.parent and not parent:
            bad("parent.missing", fields.parent)
        area = _Area(level, i, code, name, parent, sort_order=i)
        try:
            raw = read_polygonal(feature.get("geometry"))
        except ShapeError as exc:
            bad(exc.reason, exc.detail)
        else:
            outside = _not_lonlat(raw, crs)
            if outside:
                bad("crs.not_lonlat", outside)
            else:
                if not raw.is_valid:
                    bad("geometry.invalid", explain_validity(raw))
                    area.repaired = True
                valid = _valid(raw)
                if valid is not None:
                    area.shape = _valid(stored(geometry_to_gcj02(valid, crs)))
                if area.shape is None:
                    bad("geometry.empty")
        area.usable = not found
        problems.extend(found)
        out.append(area)
    return out


def _valid(geometry: BaseGeometry) -> BaseGeometry | None:
    """The polygonal part of the geometry made valid (None when nothing is left)."""
    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    parts = [p for p in shapely.get_parts(geometry)
             if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def _not_lonlat(geometry: BaseGeometry, crs: Crs) -> str:
    """The first coordinate that cannot be this system's longitude/latitude ('' if
    none): GCJ-02 exists only in China; WGS-84 anywhere on the globe."""
    xy = shapely.get_coordinates(geometry)
    lon, lat = xy[:, 0], xy[:, 1]
    on_globe = (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    ok = in_china(lon, lat) if crs is Crs.GCJ02 else on_globe
    bad = np.flatnonzero(~ok)
    return f"{lon[bad[0]]:.6g}, {lat[bad[0]]:.6g}" if bad.size else ""


def _far(new: list[_Area], problems: list[Problem]) -> None:
    """Features far from the middle of the import (a stray feature of another place)."""
    if len(new) < 2:
        return
    centres = [centre(a.shape) for a in new if a.shape is not None]
    mid_lon = statistics.median(c[0] for c in centres)
    mid_lat = statistics.median(c[1] for c in centres)
    for area, (lon, lat) in zip(new, centres, strict=True):
        metres = metres_between(lon, lat, mid_lon, mid_lat)
        if metres > FAR_M:
            problems.append(Problem(area.level, area.index, area.code, "extent.far",
                                    f"{metres / 1000:.0f}"))


def _outside_district(new: list[_Area], current: Sequence[Stored],
                      problems: list[Problem]) -> None:
    """New shapes wholly outside the district as the database has it now."""
    shapes = [a.shape for a in _kept([c for c in current if c.geometry is not None])
              if a.shape is not None]
    extent = Extent.of(shapes)
    if extent is None:
        return
    box = extent.grown(DISTRICT_MARGIN_M).box()
    for area in new:
        if area.shape is not None and not area.shape.intersects(box):
            problems.append(Problem(area.level, area.index, area.code,
                                    "extent.outside_district"))


def _overlaps(areas: list[_Area], tolerance_m: float, problems: list[Problem]) -> None:
    """Shapes of one level that overlap by more than a strip ``tolerance_m`` wide."""
    shaped = [a for a in areas if a.local is not None]
    if len(shaped) < 2:
        return
    locals_ = np.array([a.local for a in shaped], dtype=object)
    left, right = STRtree(locals_).query(locals_, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    common = shapely.intersection(locals_[left], locals_[right])
    real = ~shapely.is_empty(shapely.buffer(common, -tolerance_m / 2))
    for i, j in zip(left[real], right[real], strict=True):
        other, area = shaped[i], shaped[j]
        problems.append(Problem(area.level, area.index, area.code, "geometry.overlap",
                                other.code))


def _parents(children: list[_Area], parents: list[_Area], tolerance_m: float,
             problems: list[Problem], resolved: dict[tuple[Level, str], str]) -> None:
    """Each child inside the parent it names, or else inside exactly one parent."""
    by_code = {p.code: p for p in reversed(parents) if p.code}
    shaped = [p for p in parents if p.local is not None and p.code]
    grown = shapely.buffer(np.array([p.local for p in shaped], dtype=object), tolerance_m)
    tree = STRtree(grown) if shaped else None
    for child in children:
        if child.index is not None and not child.code:
            continue  # a feature without a code is listed already
        within: list[str] = []
        if tree is not None and child.local is not None:
            within = [shaped[k].code for k in tree.query(child.local, predicate="within")]

        def bad(reason: str, detail: str = "", child: _Area = child) -> None:
            problems.append(Problem(child.level, child.index, child.code, reason, detail))

        named = child.parent
        if named:
            if named not in by_code:
                bad("parent.unknown", named)
            elif (named in within or child.local is None or by_code[named].local is None
                  or by_code[named].repaired):  # nothing (sound) to check against
                resolved[(child.level, child.code)] = named
            else:
                bad("parent.outside", " / ".join([named, *within]))
        elif len(within) == 1:
            resolved[(child.level, child.code)] = within[0]
        elif within:
            bad("parent.ambiguous", ", ".join(sorted(within)))
        else:
            near = []
            if tree is not None and child.local is not None:
                near = [shaped[k].code for k in tree.query(child.local, predicate="intersects")]
            bad("parent.none", ", ".join(sorted(near)[:5]))


def _plan(request: ImportRequest, areas: dict[Level, list[_Area]],
          parents: dict[tuple[Level, str], str], current: Sequence[Stored],
          counts: dict[Level, int]) -> Checked:
    boundaries: dict[Level, tuple[Boundary, ...]] = {}
    removed: dict[Level, tuple[str, ...]] = {}
    added: dict[Level, tuple[str, ...]] = {}
    for layer in request.files:
        level = layer.level
        made = []
        for area in areas[level]:
            assert area.shape is not None  # no problems: every feature has a shape
            made.append(Boundary(level, area.code, area.name,
                                 parents.get((level, area.code)),
                                 to_geojson(area.shape), centre(area.shape), area.sort_order))
        boundaries[level] = tuple(made)
        before = {c.code for c in current if c.level is level}
        after = {b.code for b in made}
        removed[level] = tuple(sorted(before - after))
        added[level] = tuple(sorted(after - before))
    return Checked((), boundaries, counts, removed, added)
