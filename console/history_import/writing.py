"""The import's writes, in the caller's one transaction, as the admin's own login:
COPY a chunk of rows into the staging table, have ``history_import_cases`` (the
owner's function, migration 0017) check them and move them into ``case``, and at the
end ``history_import_events`` append each new case's ``imported`` event at its own
time. Chunks keep every statement short (staff statements time out) and give the
progress bar its steps and the cancel button its moments; events come last, so the
event-id lock every seat's saves wait for is held only for that one statement.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from console.history_import.progress import EVENTS, WRITING, Progress
from console.history_import.staging import COLUMNS

CHUNK = 5000
COPY = f"COPY history_import_row ({', '.join(COLUMNS)}) FROM STDIN"


async def _driver(conn: AsyncConnection) -> Any:
    """The psycopg connection under SQLAlchemy's, in the same transaction (for COPY)."""
    raw = await conn.get_raw_connection()
    return raw.driver_connection


async def write_cases(conn: AsyncConnection, rows: list[tuple[object, ...]],
                      batch: uuid.UUID, source: str, progress: Progress) -> int:
    """Stage and move every row; returns how many cases were made (a row whose id the
    source already has makes none)."""
    pg = await _driver(conn)
    progress.begin(WRITING, len(rows))
    made = 0
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        async with pg.cursor() as cursor, cursor.copy(COPY) as copy:
            for row in chunk:
                await copy.write_row(row)
        made += int((await conn.execute(text("SELECT history_import_cases(:b, :s)"),
                                        {"b": batch, "s": source})).scalar_one())
        progress.advance(len(chunk))
    return made


async def write_events(conn: AsyncConnection, progress: Progress) -> int:
    """One ``imported`` event per case this transaction made, at the case's own time."""
    progress.begin(EVENTS)
    return int((await conn.execute(text("SELECT history_import_events()"))).scalar_one())
