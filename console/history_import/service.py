"""The two steps an admin's dialog runs. ``read_file``: read and check an export by a
profile (in a worker thread), and say what cannot be imported, what was imported
before, and which names the admin must map or create. ``run``: import it, all in one
transaction (a cancelled or failed import leaves nothing), and save the admin's
mappings in the profile for the next import. Only admins; the database refuses
anyone else too.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from console.catalog.catalog import load_catalog
from console.core import events
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.history_import import matching, profiles, reading, rows
from console.history_import.creating import create_all
from console.history_import.matching import CREATE, Resolver, Targets, Unknown
from console.history_import.profile import Profile
from console.history_import.progress import CHECKING, CREATING, DONE, READING, Progress
from console.history_import.rows import Problem, SourceRow
from console.history_import.staging import lookup_of, staged_rows
from console.history_import.writing import write_cases, write_events


@dataclass
class Preview:
    """A file read and checked by a profile, not yet imported."""

    path: Path
    profile: Profile
    records: int  # rows in the file
    rows: list[SourceRow]  # importable and not imported before
    problems: list[Problem]  # rows that cannot be imported, with their line and reason
    already: int  # rows whose id the source had given before (skipped)
    unknowns: list[Unknown]  # names to map or create
    targets: Targets = field(repr=False)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    imported: int
    already: int
    problems: list[Problem]  # the preview's and those found once mapped
    created: dict[str, int]  # kind -> how many were made
    profile: Profile  # as saved, with the mappings
    event_id: int  # the import's summary event


async def _known_ids(store: Store, source: str, ids: list[str]) -> set[str]:
    async with store.read() as conn:
        found = await conn.execute(text(
            'SELECT imported_id FROM "case" WHERE imported_from = :source'
            " AND imported_id = ANY(:ids)"), {"source": source, "ids": ids})
        return set(found.scalars())


async def read_file(store: Store, path: Path, profile: Profile,
                    progress: Progress | None = None) -> Preview:
    """Read ``path`` by ``profile`` and say what an import of it would need."""
    require_role(store.roles, "admin")
    progress = progress or Progress()
    async with store.read() as conn:
        now = (await conn.execute(select(func.now()))).scalar_one()
    progress.begin(READING)
    read = await asyncio.to_thread(reading.read, path, profile)
    progress.begin(CHECKING, len(read.records))
    parsed = await asyncio.to_thread(rows.parse, read.records, profile, now)
    progress.check()
    known = await _known_ids(store, profile.source, [r.source_id for r in parsed.rows])
    fresh = [r for r in parsed.rows if r.source_id not in known]
    targets = matching.targets_of(await load_catalog(store))
    resolver = Resolver(profile, targets)
    unknown = await asyncio.to_thread(matching.unknowns, fresh, resolver, parsed.labels)
    progress.advance(len(read.records))
    return Preview(path, profile, len(read.records), fresh, parsed.problems,
                   len(parsed.rows) - len(fresh), unknown, targets, parsed.labels)


def check_choices(preview: Preview, chosen: Mapping[str, Mapping[str, str]]) -> Resolver:
    """The resolver of the admin's choices, once every unknown name has one that may be
    taken; else refused in words, nothing written."""
    resolver = Resolver(preview.profile, preview.targets, chosen)
    errors = []
    for u in preview.unknowns:
        target = chosen.get(u.kind, {}).get(u.key)
        if target is None or (target == CREATE and not resolver.can_create(u.kind, u.key)) or (
                target != CREATE and not resolver.allowed(u.kind, target)):
            errors.append(FieldError(u.kind, "import.unmapped", {"name": u.key}))
    if errors:
        raise ValidationError(errors)
    return resolver


async def run(store: Store, preview: Preview, chosen: Mapping[str, Mapping[str, str]],
              progress: Progress | None = None) -> Result:
    """Import the preview's rows with the admin's choices for its unknown names."""
    require_role(store.roles, "admin")
    progress = progress or Progress()
    resolver = check_choices(preview, chosen)
    try:
        return await _write(store, preview, chosen, resolver, progress)
    except IntegrityError as exc:
        diag = getattr(exc.orig, "diag", None)
        if getattr(diag, "constraint_name", None) == IMPORTED_ONCE:
            raise ConflictError("another import brought some of these ids meanwhile",
                                action="history_imported") from exc
        raise


IMPORTED_ONCE = "uq_case_imported_from_imported_id"  # (imported_from, imported_id)


async def _write(store: Store, preview: Preview, chosen: Mapping[str, Mapping[str, str]],
                 resolver: Resolver, progress: Progress) -> Result:
    batch = uuid.uuid4()
    async with store.transaction() as conn:
        progress.begin(CREATING)
        made = await create_all(conn, resolver)
        lookup = lookup_of(preview.rows, resolver, preview.targets, made)
        staged, late = await asyncio.to_thread(staged_rows, preview.rows, lookup, batch)
        imported = await write_cases(conn, staged, batch, preview.profile.source, progress)
        await write_events(conn, progress)
        progress.check()
        keep = {kind: {key: made[kind][key].code if target == CREATE else target
                       for key, target in pairs.items()} for kind, pairs in chosen.items()}
        saved = await profiles.save_in(conn, preview.profile.with_mappings(keep))
        created = {kind: len(m) for kind, m in made.items()}
        if any(created.values()):
            await events.append(conn, store.actor, events.CatalogLoaded("history_import"))
        problems = [*preview.problems, *late]
        event_id = await events.append(conn, store.actor, events.HistoryImported(
            saved.name, saved.source, imported, preview.already, len(problems),
            sum(created.values())))
    progress.stage = DONE
    return Result(imported, preview.already, problems, created, saved, event_id)
