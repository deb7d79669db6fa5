"""The source's names against what the console knows: each name of a kind (a
channel, a category path, a street…) is known by the profile's mapping, or by the
same name in the catalog; what is neither is an ``Unknown`` for the admin to map to
an existing one or create (``CREATE``), or, where the field may be empty, to leave
empty (``NONE``). Nothing is dropped unseen.

Pure: the catalog comes in as ``Targets``, made from ``console.catalog``'s Catalog.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from console.catalog.catalog import Catalog
from console.history_import.profile import CREATABLE, IMPORT_STATUSES, KINDS, NONE, Profile
from console.history_import.rows import PATH, SourceRow, clean

CREATE = "+"  # a choice: make a new one named as the source names it
CHANNELS = ("phone_12345", "wechat", "app", "hotline_12319", "mailbox", "landline", "web",
            "grid_worker")
NATURES = ("complaint", "consultation", "suggestion", "request", "thanks", "other")
_SUFFIX = re.compile(r"（[^（）]*）$|\([^()]*\)$")


@dataclass(frozen=True)
class Target:
    code: str
    name: str  # as the admin sees it: a category's path, a community's street and name
    id: int | None = None  # a category's or a unit's row id
    street: str | None = None  # a community's street code


@dataclass(frozen=True)
class Targets:
    """What a name may map onto, by kind: code -> target."""

    by_kind: dict[str, dict[str, Target]]

    def get(self, kind: str, code: str) -> Target | None:
        return self.by_kind[kind].get(code)


def targets_of(catalog: Catalog) -> Targets:
    cats = {c.code: Target(c.code, c.path, c.id) for c in catalog.categories.values()
            if c.level == 3}
    streets = {s.code: Target(s.code, s.name) for s in catalog.streets.values()}
    communities = {c.code: Target(c.code, f"{catalog.street_name(c.street_code)}{PATH}{c.name}",
                                  street=c.street_code)
                   for c in catalog.communities.values()}
    units = {u.code: Target(u.code, u.name, u.id) for u in catalog.units.values()}
    return Targets({
        "channel": {c: Target(c, c) for c in CHANNELS},
        "nature": {n: Target(n, n) for n in NATURES},
        "status": {s: Target(s, s) for s in IMPORT_STATUSES},
        "category": cats, "street": streets, "community": communities, "unit": units})


@dataclass(frozen=True)
class Unknown:
    kind: str
    key: str  # the source's name ("" for an empty value)
    rows: int  # how many rows use it
    label: str = ""  # what the source calls it where the key is a code (a service name)
    suggestion: str | None = None  # a likely target code, for the admin to confirm


def _auto(targets: Targets, kind: str) -> dict[str, str]:
    """Name -> code, for names only one target of the kind has."""
    seen: dict[str, str | None] = {}
    for target in targets.by_kind[kind].values():
        names = {target.code}
        if kind == "category":
            names.add(PATH.join(clean(p) for p in target.name.split(PATH)))
        elif kind != "community":
            names.add(clean(target.name))
        for name in names:
            seen[name] = None if seen.get(name, target.code) != target.code else target.code
    return {name: code for name, code in seen.items() if code is not None}


@dataclass
class Resolver:
    """Maps every key of a kind to a target code (or NONE), or says it is unknown."""

    profile: Profile
    targets: Targets
    chosen: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    _auto: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._auto = {kind: _auto(self.targets, kind) for kind in KINDS}

    def allowed(self, kind: str, target: str) -> bool:
        if target == NONE:
            return kind in ("street", "community", "unit") and not self.profile.needs(kind)
        if target == CREATE:
            return kind in CREATABLE
        return self.targets.get(kind, target) is not None

    def resolve(self, kind: str, key: str) -> str | None:
        """The target code (NONE: left empty; CREATE: to be made), or None: unknown."""
        if kind in ("street", "community", "unit") and key == "":
            return NONE
        for mapping in (self.chosen.get(kind, {}), self.profile.mappings.get(kind, {})):
            if key in mapping and self.allowed(kind, mapping[key]):
                return mapping[key]
        if kind == "community":
            return self._community(key)
        return self._auto[kind].get(key)

    def _community(self, key: str) -> str | None:
        street_key, _, name = key.rpartition(PATH)
        street = self.resolve("street", street_key)
        for target in self.targets.by_kind["community"].values():
            if target.street == street and clean(target.name.rpartition(PATH)[2]) == name:
                return target.code
        return None

    def can_create(self, kind: str, key: str) -> bool:
        """A new one can be made from the key: a category from a path of three names, a
        community in a street that is known or made too."""
        if kind not in CREATABLE or key == "":
            return False
        if kind == "category":
            return key.count(PATH) == 2 and all(key.split(PATH))
        if kind == "community":
            return self.resolve("street", key.rpartition(PATH)[0]) not in (None, NONE)
        return True

    def suggest(self, kind: str, key: str) -> str | None:
        """One target whose name holds the key's last name (before a "（…）" note) or is
        held by it; None when there is none or more than one."""
        base = _SUFFIX.sub("", key.rpartition(PATH)[2])
        if len(base) < 2:
            return None
        found = {t.code for t in self.targets.by_kind[kind].values()
                 if base in (last := t.name.rpartition(PATH)[2]) or last in base}
        return found.pop() if len(found) == 1 else None


def unknowns(rows: list[SourceRow], resolver: Resolver,
             labels: Mapping[str, Mapping[str, str]]) -> list[Unknown]:
    """Every name no mapping and no catalog name knows, by kind, most used first."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    for row in rows:
        for kind in KINDS:
            counts[kind][row.keys[kind]] += 1
    out = []
    for kind in KINDS:
        for key, n in sorted(counts[kind].items(), key=lambda kn: (-kn[1], kn[0])):
            if resolver.resolve(kind, key) is None:
                out.append(Unknown(kind, key, n, labels.get(kind, {}).get(key, ""),
                                   resolver.suggest(kind, key)))
    return out
