"""Rows as the staging table takes them: every name turned into its code (an
existing one, one just created, or none), the case's status decided. A row whose
mapped status is open but which has no deadline cannot be imported: it is listed
with its line, as the rows refused when the file was read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from console.core.errors import FieldError
from console.history_import.matching import CREATE, Resolver, Target, Targets
from console.history_import.profile import KINDS, NONE
from console.history_import.rows import Problem, SourceRow

COLUMNS = ("batch", "line", "case_id", "imported_id", "channel", "nature", "category_id", "status",
           "text", "address", "lon", "lat", "street_code", "community_code",
           "assigned_unit_id", "due_at", "created_at", "accepted_at", "dispatched_at",
           "resolved_at", "closed_at", "on_time")
OPEN = "accepted"


@dataclass(frozen=True)
class Lookup:
    codes: dict[str, dict[str, str]]  # kind -> key -> code (NONE: empty)
    category_ids: dict[str, int]
    unit_ids: dict[str, int]
    community_streets: dict[str, str]


def lookup_of(rows: list[SourceRow], resolver: Resolver, targets: Targets,
              made: dict[str, dict[str, Target]]) -> Lookup:
    """Every key the rows use, resolved; a key still unknown is a bug of the caller
    (the service refuses to write while any is)."""
    keys: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for row in rows:
        for kind in KINDS:
            keys[kind].add(row.keys[kind])
    codes: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        codes[kind] = {}
        for key in keys[kind]:
            code = resolver.resolve(kind, key)
            if code == CREATE:
                code = made[kind][key].code
            if code is None:
                raise ValueError(f"{kind} {key!r} is not mapped")
            codes[kind][key] = code
    every = {kind: {**targets.by_kind[kind], **{t.code: t for t in made.get(kind, {}).values()}}
             for kind in ("category", "unit", "community")}
    return Lookup(codes, {c: t.id for c, t in every["category"].items() if t.id is not None},
                  {c: t.id for c, t in every["unit"].items() if t.id is not None},
                  {c: t.street for c, t in every["community"].items() if t.street})


def staged_rows(rows: list[SourceRow], lookup: Lookup,
                batch: uuid.UUID) -> tuple[list[tuple[object, ...]], list[Problem]]:
    out: list[tuple[object, ...]] = []
    problems: list[Problem] = []
    codes = lookup.codes
    for r in rows:
        k = r.keys
        status = codes["status"][k["status"]]
        finished = status != OPEN
        if not finished and r.due_at is None:
            problems.append(Problem(r.line, FieldError("due_at", "import.open_without_due")))
            continue
        community = codes["community"][k["community"]] or None
        street = codes["street"][k["street"]] or (
            lookup.community_streets.get(community) if community else None)
        unit = codes["unit"][k["unit"]]
        out.append((
            batch, r.line, uuid.uuid4(), r.source_id, codes["channel"][k["channel"]],
            codes["nature"][k["nature"]], lookup.category_ids[codes["category"][k["category"]]],
            status, r.text, r.address, r.lon, r.lat, street, community,
            lookup.unit_ids[unit] if unit != NONE else None, r.due_at, r.created_at,
            r.accepted_at, r.dispatched_at, r.resolved_at if finished else None,
            r.closed_at if finished else None, r.on_time if finished else None))
    return out, problems
