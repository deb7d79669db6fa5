"""Files to import and an admin to import them, for the history import's tests."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select

from console.core.store import Store
from console.history_import import service
from console.history_import.matching import CREATE
from console.history_import.profile import Profile
from db import schema as s

PINGSHAN_HEADER = ("REC_ID,CREATE_TIME,STREET_NAME,COMMUNITY_NAME,EVENT_SRC_NAME,"
                   "EVENT_PROPERTY_NAME,EVENT_TYPE_NAME,MAIN_TYPE_NAME,SUB_TYPE_NAME,"
                   "DISPOSE_UNIT_NAME,INTIME_ARCHIVE_NUM,OVERTIME_ARCHIVE_NUM")


def pingshan_csv(folder: Path, lines: list[str], name: str = "export.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([PINGSHAN_HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def open311_json(folder: Path, requests: list[dict[str, object]],
                 name: str = "requests.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(requests, ensure_ascii=False), encoding="utf-8")
    return path


async def leaf_path(store: Store, urgency: str | None = None) -> tuple[int, str]:
    """A level-3 category of the demo's tree (of ``urgency`` if given): id, path."""
    query = select(s.Category.id, s.Category.path).where(s.Category.level == 3)
    if urgency:
        query = query.where(s.Category.urgency == urgency)
    async with store.read() as conn:
        row = (await conn.execute(query.order_by(s.Category.code).limit(1))).one()
    return row.id, row.path


async def import_all(store: Store, path: Path, profile: Profile,
                     chosen: Mapping[str, Mapping[str, str]] | None = None
                     ) -> tuple[service.Preview, service.Result]:
    """Read ``path`` and import it, creating every name not otherwise chosen."""
    preview = await service.read_file(store, path, profile)
    picked: dict[str, dict[str, str]] = {k: dict(v) for k, v in (chosen or {}).items()}
    for unknown in preview.unknowns:
        picked.setdefault(unknown.kind, {}).setdefault(unknown.key, CREATE)
    return preview, await service.run(store, preview, picked)
