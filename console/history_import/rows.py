"""Records into typed rows by a profile, or the line and the reason a row cannot be
imported (a time that is no time, a required value missing, an id seen before).

The names the source uses (its channel, category path, street, community, unit) are
kept as keys, cleaned the same way for every kind (``clean``); ``matching`` maps them.
Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zoneinfo
from dataclasses import dataclass, field

from console.core.errors import FieldError
from console.history_import.profile import FIELDS, KINDS, TIME_FIELDS, Profile
from console.history_import.reading import Record

EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # the range the database keeps times in
LATEST = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
TEXT_LIMIT = 20000
ID_LIMIT = 64
PATH = " / "  # between a category's levels, and a community's street and name
_TRAILING = "、，,;； "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: str) -> str:
    """A name as compared: entities decoded (``&#40;`` is "("), spaces and trailing
    list punctuation ("悬挂横幅标语、") dropped."""
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split()).rstrip(_TRAILING)


@dataclass(slots=True)
class SourceRow:
    line: int
    source_id: str
    created_at: dt.datetime
    accepted_at: dt.datetime | None = None
    dispatched_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    due_at: dt.datetime | None = None
    keys: dict[str, str] = field(default_factory=dict)  # kind -> the source's name ("": none)
    text: str = ""
    address: str = ""
    lon: float | None = None
    lat: float | None = None
    on_time: bool | None = None


@dataclass(frozen=True)
class Problem:
    line: int
    error: FieldError


@dataclass
class Parsed:
    rows: list[SourceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> key -> label


# strptime formats that ``datetime.fromisoformat`` reads alike, many times faster
ISO_LIKE = frozenset({"%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"})


class _Reader:
    def __init__(self, profile: Profile, now: dt.datetime) -> None:
        self.p = profile
        self.now = now
        self.zone = zoneinfo.ZoneInfo(profile.timezone)
        self.empty = frozenset(profile.empty)
        self.first = {name: (profile.column(name) or (None,))[0] for name in FIELDS}
        self.paths = {kind: profile.column(kind) for kind in KINDS
                      if len(profile.column(kind)) > 1}
        self.iso = not profile.time_format or profile.time_format in ISO_LIKE
        self._keys: dict[tuple[str, str, str], str] = {}  # names repeat: cleaned once

    def value(self, record: Record, name: str) -> str:
        column = self.first[name]
        if column is None:
            return self.p.constants.get(name, "")
        raw = record.values.get(column, "")
        return "" if raw in self.empty else raw

    def key(self, record: Record, kind: str) -> str:
        if kind in self.paths:
            parts = [record.values.get(c, "") for c in self.paths[kind]]
            raw, street = "\x1f".join(parts), ""
            if any(part in self.empty for part in parts):
                return ""
        else:
            raw = self.value(record, kind)
            street = self.value(record, "street") if kind == "community" and raw else ""
        cached = self._keys.get((kind, raw, street))
        if cached is None:
            if kind in self.paths:
                cached = PATH.join(clean(part) for part in raw.split("\x1f"))
            elif kind == "community" and raw:
                cached = f"{clean(street)}{PATH}{clean(raw)}"
            else:
                cached = clean(raw)
            self._keys[(kind, raw, street)] = cached
        return cached

    def time(self, text: str) -> dt.datetime:
        moment = None
        if self.iso:  # the common shapes, fast; anything else by the profile's format
            try:
                moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                if not self.p.time_format:
                    raise
        if moment is None:
            moment = dt.datetime.strptime(text, self.p.time_format)
        return moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment

    def flag(self, record: Record, name: str) -> bool | None:
        if self.first[name] is None:
            return None
        value = self.value(record, name)
        return None if value == "" else value in self.p.flag_true


def _on_time(reader: _Reader, record: Record) -> bool | None | FieldError:
    on_time, late = reader.flag(record, "on_time"), reader.flag(record, "late")
    if on_time and late:
        return FieldError("on_time", "import.flags_conflict")
    if on_time or late:
        return bool(on_time)
    if on_time is False and late is None:
        return False  # only an on-time column, saying no
    if late is False and on_time is None:
        return True   # only an overdue column, saying no
    return None


def _times(reader: _Reader, record: Record, row: dict[str, object]) -> FieldError | None:
    for name in TIME_FIELDS:
        text = reader.value(record, name)
        if not text:
            if name == "created_at":
                return FieldError(name, "import.missing")
            continue
        try:
            moment = reader.time(text)
        except ValueError:
            return FieldError(name, "import.bad_time", {"value": text[:40]})
        if not EARLIEST <= moment < LATEST:
            return FieldError(name, "import.time_out_of_range", {"value": text[:40]})
        if name != "due_at" and moment > reader.now:
            return FieldError(name, "import.time_in_future", {"value": text[:40]})
        if name not in ("created_at", "due_at") and moment < row["created_at"]:  # type: ignore[operator]
            return FieldError(name, "import.time_before_created", {"value": text[:40]})
        row[name] = moment
    return None


def _place(reader: _Reader, record: Record, row: dict[str, object]) -> FieldError | None:
    for name in ("lon", "lat"):
        text = reader.value(record, name)
        if not text:
            continue
        try:
            number = float(text)
        except ValueError:
            return FieldError(name, "import.bad_number", {"value": text[:40]})
        if not abs(number) <= (180 if name == "lon" else 90):
            return FieldError(name, "import.bad_number", {"value": text[:40]})
        row[name] = number
    for name in ("text", "address"):
        text = _CONTROL.sub("", reader.value(record, name))
        if len(text) > TEXT_LIMIT:
            return FieldError(name, "import.text_too_long", {"limit": TEXT_LIMIT})
        row[name] = text
    return None


def _row(reader: _Reader, record: Record) -> SourceRow | FieldError:
    source_id = clean(reader.value(record, "source_id"))
    if not source_id:
        return FieldError("source_id", "import.missing")
    if len(source_id) > ID_LIMIT:
        return FieldError("source_id", "import.id_too_long", {"limit": ID_LIMIT})
    row: dict[str, object] = {"created_at": None}
    if (error := _times(reader, record, row)) or (error := _place(reader, record, row)):
        return error
    keys = {kind: reader.key(record, kind) for kind in KINDS}
    for kind in ("street", "community", "unit"):
        if not keys[kind] and reader.p.needs(kind):
            return FieldError(kind, "import.missing")
    on_time = _on_time(reader, record)
    if isinstance(on_time, FieldError):
        return on_time
    return SourceRow(record.line, source_id, keys=keys, on_time=on_time,
                     **row)  # type: ignore[arg-type]


def parse(records: list[Record], profile: Profile, now: dt.datetime) -> Parsed:
    """Every record as a row, or as a problem with its line; an id seen before in the
    file is a problem naming the line that had it first."""
    reader = _Reader(profile, now)
    out = Parsed(labels={kind: {} for kind in profile.labels})
    first: dict[str, int] = {}
    for record in records:
        made = _row(reader, record)
        if isinstance(made, FieldError):
            out.problems.append(Problem(record.line, made))
            continue
        if (seen := first.setdefault(made.source_id, made.line)) != made.line:
            out.problems.append(Problem(record.line, FieldError(
                "source_id", "import.duplicate_id", {"line": seen})))
            continue
        for kind, column in profile.labels.items():
            if (key := made.keys.get(kind)) and key not in out.labels[kind]:
                out.labels[kind][key] = clean(record.values.get(column, ""))
        out.rows.append(made)
    return out
