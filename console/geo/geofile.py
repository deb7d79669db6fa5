"""Reading a GeoJSON file an admin picked: its features and the names of the
properties they carry (for choosing which one holds the code, the name, the
parent). A file that cannot be used says why in ``problem`` (a reason code);
reading never raises for bad content."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 64 * 2**20  # a district's cells are a few MB; anything far larger is a mistake
# Property names a file commonly uses, best first: the dialog preselects them.
LIKELY = {
    "code": ("code", "CODE", "Code", "id", "ID", "adcode", "gid", "编码", "代码", "网格编码"),
    "name": ("name", "NAME", "Name", "名称", "网格名称", "社区名称", "街道名称"),
    "street": ("street", "street_code", "STREET", "街道", "街道编码", "parent"),
    "community": ("community", "community_code", "COMMUNITY", "社区", "社区编码", "parent"),
}


@dataclass(frozen=True)
class GeoFile:
    name: str
    features: tuple[dict[str, Any], ...] = ()
    properties: tuple[str, ...] = ()
    problem: str = ""  # file.unreadable, file.not_json, file.not_geojson, file.too_large…
    detail: str = ""
    geometry_types: dict[str, int] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return not self.problem

    def likely(self, what: str) -> str:
        """The property that most likely holds ``what`` (code, name, street,
        community), or '' when none looks like it."""
        return next((p for p in LIKELY[what] if p in self.properties), "")


def read_geojson(path: str | Path) -> GeoFile:
    """Read and parse ``path`` (blocking: run it off the GUI thread)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return GeoFile(path.name, problem="file.too_large", detail=str(size // 2**20))
        raw = path.read_bytes()
    except OSError as exc:
        return GeoFile(path.name, problem="file.unreadable", detail=exc.strerror or str(exc))
    return parse_geojson(raw, path.name)


def parse_geojson(raw: bytes | str, name: str) -> GeoFile:
    """A FeatureCollection, or a single Feature, with its property names."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return GeoFile(name, problem="file.not_json", detail=str(exc)[:200])
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if (not isinstance(data, dict) or data.get("type") != "FeatureCollection"
            or not isinstance(data.get("features"), list)):
        return GeoFile(name, problem="file.not_geojson")
    features = tuple(f if isinstance(f, dict) else {} for f in data["features"])
    if not features:
        return GeoFile(name, problem="file.empty")
    seen: dict[str, None] = {}
    types: dict[str, int] = {}
    for feature in features:
        props = feature.get("properties")
        if isinstance(props, dict):
            seen.update(dict.fromkeys(str(k) for k in props))
        geometry = feature.get("geometry")
        kind = str(geometry.get("type")) if isinstance(geometry, dict) else "none"
        types[kind] = types.get(kind, 0) + 1
    return GeoFile(name, features, tuple(seen), geometry_types=types)


def property_text(feature: dict[str, Any], key: str) -> str:
    """A property as text ('' when absent or null); numbers read as written."""
    props = feature.get("properties")
    value = props.get(key) if isinstance(props, dict) and key else None
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
