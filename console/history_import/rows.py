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
from console.history_import.profile import KINDS, TIME_FIELDS, Profile
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


class _Reader:
    def __init__(self, profile: Profile, now: dt.datetime) -> None:
        self.p = profile
        self.now = now
        self.zone = zoneinfo.ZoneInfo(profile.timezone)
        self.empty = frozenset(profile.empty)

    def value(self, record: Record, name: str) -> str:
        columns = self.p.column(name)
        if not columns:
            return self.p.constants.get(name, "")
        raw = record.values.get(columns[0], "")
        return "" if raw in self.empty else raw

    def key(self, record: Record, kind: str) -> str:
        if kind == "category" and len(self.p.column(kind)) > 1:
            parts = [record.values.get(c, "") for c in self.p.column(kind)]
            if any(part in self.empty for part in parts):
                return ""
            return PATH.join(clean(part) for part in parts)
        value = clean(self.value(record, kind))
        if kind == "community" and value:
            return f"{clean(self.value(record, 'street'))}{PATH}{value}"
        return value

    def time(self, text: str) -> dt.datetime:
        moment = (dt.datetime.strptime(text, self.p.time_format) if self.p.time_format
                  else dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        return moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment

    def flag(self, record: Record, name: str) -> bool | None:
        if not self.p.column(name):
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
        if name != "created_at" and moment < row["created_at"]:  # type: ignore[operator]
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
