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
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from console.case_export import csv_copy, query
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


class _Part:
    """The file being written, under a temporary name beside its place. A lock keeps
    a batch's write, the finish and the discard apart: a cancel never closes the file
    under the worker thread still writing it."""

    def __init__(self, path: Path, encoding: str) -> None:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        self.handle: IO[bytes] = os.fdopen(fd, "wb")
        self.encoding = encoding
        self.name = Path(name)
        self.lock = threading.Lock()

    def write(self, text: str) -> None:
        self.write_bytes(text.encode(self.encoding))

    def write_bytes(self, data: bytes) -> None:
        with self.lock:
            self.handle.write(data)

    def write_rows(self, writer: Writer, rows: list[ExportRow]) -> int:
        text = writer.body(rows)  # formatting too: off the event loop
        self.write(text)
        return len(rows)

    def finish(self, path: Path, tail: str) -> None:
        with self.lock:
            self.handle.write(tail.encode(self.encoding))
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self.name, path)

    def discard(self) -> None:
        with self.lock:
            with contextlib.suppress(OSError):
                self.handle.close()
            with contextlib.suppress(FileNotFoundError):
                self.name.unlink()


COPY_FLUSH = 1 << 20  # bytes of COPY's output gathered before each write


async def _copy_csv(store: Store, selection: Selection, part: _Part,
                    progress: Progress) -> int:
    """``csv_copy``'s rows, as the server sends them, into the file; how many rows.
    (Progress counts line ends, so a text with line breaks runs it a little ahead.)"""
    async with store.read() as conn:
        compiled = csv_copy.statement(selection).compile(
            dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        raw: Any = (await conn.get_raw_connection()).driver_connection
        async with raw.cursor() as cursor:
            await cursor.execute("SET LOCAL client_encoding = 'UTF8'")
            pending: list[bytes] = []
            size = 0
            async with cursor.copy(f"COPY ({compiled.string}) TO STDOUT WITH (FORMAT csv)",
                                   compiled.params) as copy:
                async for block in copy:
                    progress.check()
                    data = bytes(block)
                    pending.append(data)
                    size += len(data)
                    progress.done = min(progress.done + data.count(b"\n"), progress.total)
                    if size >= COPY_FLUSH:
                        await asyncio.to_thread(part.write_bytes, b"".join(pending))
                        pending, size = [], 0
            await asyncio.to_thread(part.write_bytes, b"".join(pending))
            return int(cursor.rowcount)


async def export(store: Store, selection: Selection, fmt: str, path: Path,
                 progress: Progress | None = None) -> Exported:
    """Write the selection's cases to ``path`` in ``fmt``; the number written."""
    writer = writer_for(fmt)
    progress = progress or Progress()
    progress.done = 0
    progress.total = await query.count(store, selection)
    progress.check()
    try:
        part = await asyncio.to_thread(_Part, path, writer.encoding)
    except OSError as exc:
        raise ExportFailed(path, exc.strerror or str(exc)) from exc
    writing: asyncio.Future[int] | None = None  # the batch the worker thread writes
    try:
        try:
            await asyncio.to_thread(part.write, writer.head())
            if fmt == CSV:  # the database makes the rows (csv_copy)
                progress.done = await _copy_csv(store, selection, part, progress)
            else:
                async with contextlib.aclosing(query.batches(store, selection)) as rows_of:
                    async for rows in rows_of:  # the next fetch overlaps the last write
                        progress.check()
                        if writing is not None:
                            progress.done += await writing
                        writing = asyncio.ensure_future(
                            asyncio.to_thread(part.write_rows, writer, rows))
                if writing is not None:
                    progress.done += await writing
                    writing = None
            progress.check()
            await asyncio.to_thread(part.finish, path, writer.tail())
        except OSError as exc:
            raise ExportFailed(path, exc.strerror or str(exc)) from exc
    except BaseException:
        if writing is not None and writing.done() and not writing.cancelled():
            writing.exception()  # retrieved: the error raised is this one or came after it
        await asyncio.to_thread(part.discard)  # waits for a write still running
        raise
    return Exported(path, progress.done)
