"""Export cases to a file: the rows stream from a server-side cursor, a batch at a time,
and each batch is formatted and written in a worker thread, so neither the seat's
memory nor its event loop carries the export. The file is written beside its place
under a temporary name and renamed into place only when whole: a cancelled or failed
export leaves no file (and an older file of that name as it was).

The person's own login reads: what the database lets them see is what they export.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from console.case_export import query
from console.case_export.csv_form import CsvWriter
from console.case_export.open311 import JsonWriter, XmlWriter
from console.case_export.query import ExportRow, Selection
from console.core.errors import ConsoleError
from console.core.store import Store

CSV, OPEN311_JSON, OPEN311_XML = "csv", "open311-json", "open311-xml"
FORMATS = (CSV, OPEN311_JSON, OPEN311_XML)
SUFFIXES = {CSV: ".csv", OPEN311_JSON: ".json", OPEN311_XML: ".xml"}


class Writer(Protocol):
    encoding: str

    def head(self) -> str: ...
    def body(self, rows: list[ExportRow]) -> str: ...
    def tail(self) -> str: ...


def writer_for(fmt: str) -> Writer:
    if fmt == CSV:
        return CsvWriter()
    if fmt == OPEN311_JSON:
        return JsonWriter()
    if fmt == OPEN311_XML:
        return XmlWriter()
    raise ValueError(f"no export format {fmt!r}; one of {', '.join(FORMATS)}")


class ExportCancelled(ConsoleError):
    """The person stopped the export; no file was written."""

    code = "export.cancelled"


class ExportFailed(ConsoleError):
    """The file could not be written (no such folder, no right to write, disk full);
    ``reason`` is the system's words. No file was left behind."""

    code = "export.unwritable"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class Progress:
    """How far an export has come (the dialog reads it on a timer), and the wish to stop."""

    done: int = 0
    total: int = 0  # 0 until counted
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True

    def check(self) -> None:
        if self.cancelled:
            raise ExportCancelled("the export was cancelled")


@dataclass(frozen=True)
class Exported:
    path: Path
    cases: int


def _open_beside(path: Path, encoding: str) -> tuple[IO[str], Path]:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    return os.fdopen(fd, "w", encoding=encoding, newline=""), Path(name)


def _write(handle: IO[str], writer: Writer, rows: list[ExportRow]) -> None:
    handle.write(writer.body(rows))  # formatting too: off the event loop


def _finish(handle: IO[str], part: Path, path: Path, tail: str) -> None:
    handle.write(tail)
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.replace(part, path)


def _discard(handle: IO[str], part: Path) -> None:
    with contextlib.suppress(OSError):
        handle.close()
    with contextlib.suppress(FileNotFoundError):
        part.unlink()


async def export(store: Store, selection: Selection, fmt: str, path: Path,
                 progress: Progress | None = None) -> Exported:
    """Write the selection's cases to ``path`` in ``fmt``; the number written."""
    writer = writer_for(fmt)
    progress = progress or Progress()
    progress.total = await query.count(store, selection)
    progress.check()
    try:
        handle, part = await asyncio.to_thread(_open_beside, path, writer.encoding)
    except OSError as exc:
        raise ExportFailed(path, exc.strerror or str(exc)) from exc
    written = 0
    try:
        try:
            await asyncio.to_thread(handle.write, writer.head())
            async with contextlib.aclosing(query.batches(store, selection)) as rows_of:
                async for rows in rows_of:
                    progress.check()
                    await asyncio.to_thread(_write, handle, writer, rows)
                    written += len(rows)
                    progress.done = written
            progress.check()
            await asyncio.to_thread(_finish, handle, part, path, writer.tail())
        except OSError as exc:
            raise ExportFailed(path, exc.strerror or str(exc)) from exc
    except BaseException:
        await asyncio.to_thread(_discard, handle, part)
        raise
    return Exported(path, written)
