"""What the seat and its sweeper process say to each other over their pipe.

Each message is a frame: its length (4 bytes, big-endian) and a pickle. Pickles go
only between the seat and the child it started (the seat's own code on both ends),
never to or from anyone else. The first frame from the seat is the ``Hello``: the
database URL (with the login's password) and the seat's person, so no secret is on
the child's command line or in its environment. Then each ``Request`` (a sweep:
the seat's calendar, the fake clock's moment if any, the page size) is answered by
one ``Reply``: the report, the log records the child made meanwhile (the seat logs
them again under their own loggers), or the error that ended the sweep.

The report's orders travel as plain 16-byte ids and their levels' names; the seat
makes the ``uuid.UUID``s on the thread that reads the pipe, not on its event loop.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import struct
import uuid
from dataclasses import dataclass, field
from typing import IO, Any

from console.calendar.workdays import DayInfo, WorkCalendar
from console.core.errors import DatabaseBusy, DatabaseUnavailable
from console.supervision.sweeper import SweepReport

_LENGTH = struct.Struct(">I")
# Errors the seat acts on by their kind (``ConsoleApp`` waits for the next sweep).
ERRORS: dict[str, type[Exception]] = {"DatabaseUnavailable": DatabaseUnavailable,
                                      "DatabaseBusy": DatabaseBusy}


class SweeperEnded(RuntimeError):
    """The sweeper process ended (or never started) before it answered."""


@dataclass(frozen=True)
class Hello:
    url: str
    actor: str


@dataclass(frozen=True)
class Request:
    days: dict[dt.date, tuple[bool, str | None, bool]]
    known_years: frozenset[int]
    now: dt.datetime | None
    page_size: int

    @classmethod
    def of(cls, calendar: WorkCalendar, now: dt.datetime | None, page_size: int) -> Request:
        return cls({day: tuple(info) for day, info in calendar.days.items()},  # type: ignore[misc]
                   calendar.known_years, now, page_size)

    def calendar(self) -> WorkCalendar:
        return WorkCalendar({day: DayInfo(*info) for day, info in self.days.items()},
                            self.known_years)


@dataclass(frozen=True)
class Reply:
    swept: bool = False
    issued_ids: bytes = b""          # 16 bytes a case
    issued_levels: list[str] = field(default_factory=list)
    candidates: bytes = b""          # 16 bytes a case
    logs: list[tuple[int, str, str]] = field(default_factory=list)  # level, logger, text
    error: tuple[str, str] | None = None  # the exception's class name and its text

    @classmethod
    def of(cls, report: SweepReport, logs: list[tuple[int, str, str]]) -> Reply:
        return cls(report.swept, b"".join(case.bytes for case, _ in report.issued),
                   [level for _, level in report.issued],
                   b"".join(case.bytes for case in report.candidates), logs)

    def report(self) -> SweepReport:
        """The sweep's report (made where it costs the seat's loop nothing)."""
        return SweepReport(self.swept, list(zip(_ids(self.issued_ids), self.issued_levels,
                                                strict=True)), _ids(self.candidates))

    def relog(self) -> None:
        """Log again, in the seat, what the child logged; raise the error that ended
        the sweep, if one did."""
        for level, name, message in self.logs:
            logging.getLogger(name).log(level, "%s", message)
        if self.error is not None:
            name, message = self.error
            raise ERRORS.get(name, RuntimeError)(message)


def _ids(blob: bytes) -> list[uuid.UUID]:
    return [uuid.UUID(bytes=blob[i:i + 16]) for i in range(0, len(blob), 16)]


def write(out: IO[bytes], message: Any) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(body)) + body)
    out.flush()


def _exactly(source: IO[bytes], size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = source.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read(source: IO[bytes]) -> Any:
    """The next message; None at the end of the pipe."""
    head = _exactly(source, _LENGTH.size)
    if head is None:
        return None
    body = _exactly(source, _LENGTH.unpack(head)[0])
    return None if body is None else pickle.loads(body)  # noqa: S301 (our own child)
