"""The events the console appends, in one module: their kinds, their typed
payloads, and the one function that appends one (``append``).

Every service that changes something appends exactly one event per change, as
the last statement of its transaction, and returns its id; a pane that made the
change waits until the change feed has applied that id (``ChangeFeed.applied``)
and then shows what the feed brought, as it does for a change made at another
seat. Readers never pick payload keys by string: ``Event.data`` gives the typed
payload of a known kind (``None`` for a kind this version does not know).

A case move's kind is the action's name (``accept``, ``dispatch``…; the list is
``console/casework/lifecycle.py``'s); its payload is ``CaseMoved``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import insert

from console.core.payload_json import P
from console.core.payload_json import TypedPayload as _Typed
from console.core.payload_json import encode as _encode

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection


class Kind(enum.StrEnum):
    """The kinds that are not case moves."""

    CREATED = "created"
    IMPORTED = "imported"
    CLOSED_WITH_MASTER = "closed_with_master"
    ESCALATION = "escalation"
    LADDER_CHANGED = "ladder_changed"
    CATALOG_LOADED = "catalog_loaded"
    CALENDAR_SEEDED = "calendar_seeded"
    CALENDAR_CHANGED = "calendar_changed"
    RULE_CHANGED = "rule_changed"
    QUICK_ANSWER = "quick_answer_changed"
    HANDOVER = "handover_changed"
    ROSTER = "roster_changed"
    ROLL_CALL = "roll_call_changed"
    SHIFT_TEMPLATE = "shift_template_changed"
    ACCOUNT = "account_changed"
    CLOCK_RULE = "clock_rule_changed"
    NOTICE_RULE = "notice_rule_changed"
    UNIT_REQUEST = "unit_request"
    PROGRESS = "progress_noted"
    NOTICE = "notice"
    BOUNDARIES = "boundaries_changed"
    HISTORY_IMPORTED = "history_imported"


class Payload(Protocol):
    @property
    def kind(self) -> str: ...

    def to_json(self) -> dict[str, Any]: ...


# ---- the payloads ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseMoved:
    """A case move: the action is the kind; ``details`` are lifecycle's (unit, reason…)."""

    action: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.action

    def to_json(self) -> dict[str, Any]:
        return dict(_encode(self.details))

    def get(self, key: str, default: Any = None) -> Any:
        return self.details.get(key, default)

    # The facts lifecycle.apply writes, typed (None when the move has none).
    def _int(self, key: str) -> int | None:
        value = self.details.get(key)
        return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else None

    def _text(self, key: str) -> str:
        value = self.details.get(key)
        return "" if value is None else str(value)

    @property
    def unit_id(self) -> int | None:
        return self._int("unit_id")

    @property
    def master_id(self) -> uuid.UUID | None:
        value = self.details.get("master_id")
        return None if value is None else uuid.UUID(str(value))

    @property
    def satisfaction(self) -> int | None:
        return self._int("satisfaction")

    @property
    def attempt(self) -> int | None:
        return self._int("attempt")

    @property
    def auto(self) -> bool:
        return bool(self.details.get("auto"))

    @property
    def gave_up(self) -> bool:
        return bool(self.details.get("gave_up"))

    @property
    def decided_at(self) -> dt.datetime | None:
        """When the district leader decided (a ``decide`` move)."""
        value = self.details.get("decided_at")
        try:
            return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    @property
    def rule(self) -> str:
        return self._text("rule")

    @property
    def unit_due_at(self) -> dt.datetime | None:
        """The unit's deadline a move set (a fresh clock) or a resolution met or missed."""
        value = self.details.get("unit_due_at")
        if isinstance(value, dt.datetime):
            return value
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None

    @property
    def on_time(self) -> bool | None:
        """A resolution within the unit's deadline (None: no unit clock ran)."""
        value = self.details.get("on_time")
        return value if isinstance(value, bool) else None

    @property
    def urgency(self) -> str:
        """A reclass's new class ('' for other moves)."""
        return self._text("urgency")

    @property
    def urgency_was(self) -> str:
        return self._text("was")

    @property
    def due_at(self) -> dt.datetime | None:
        """A reclass's new deadline, worked out from acceptance by the new class's rule."""
        value = self.details.get("due_at")
        try:
            return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def text(self, key: str) -> str:
        """One of the move's texts: ``reason``, ``result``, ``answer``, ``note``,
        ``attachments`` (what a unit's reply attaches, described), or a district
        leader's decision's ``leader`` and ``decision``."""
        if key not in ("reason", "result", "answer", "note", "attachments", "leader",
                       "decision"):
            raise KeyError(key)
        return self._text(key)


@dataclass(frozen=True)
class CaseCreated(_Typed):
    KIND = Kind.CREATED
    public_no: str
    status: str = "accepted"
    channel: str | None = None
    category_id: int | None = None
    urgency: str | None = None
    due_at: dt.datetime | None = None
    due_estimated: bool = False
    occurred_at: dt.datetime | None = None
    # Where its point came from: "point" (picked), "cell_centre", None (no point).
    placed: str | None = None


@dataclass(frozen=True)
class CaseImported(_Typed):
    KIND = Kind.IMPORTED
    public_no: str | None = None
    status: str | None = None
    occurred_at: dt.datetime | None = None
    source: str | None = None
    source_id: str | None = None


@dataclass(frozen=True)
class HistoryImported(_Typed):
    """An admin's history import (on no case): how many cases it made, how many the
    source had given before, how many rows it could not import, and how many streets,
    communities, units and categories it created; each case has its ``imported`` event."""

    KIND = Kind.HISTORY_IMPORTED
    profile: str
    source: str
    imported: int = 0
    already: int = 0
    problems: int = 0
    created: int = 0


@dataclass(frozen=True)
class ClosedWithMaster(_Typed):
    KIND = Kind.CLOSED_WITH_MASTER
    master_id: uuid.UUID


@dataclass(frozen=True)
class Escalation(_Typed):
    """A reminder, an urge, a supervision order, an inspection; or a reply to an order."""

    KIND = Kind.ESCALATION
    level: str | None = None
    round: int | None = None
    auto: bool = False
    order_id: int | None = None
    acknowledged: int | None = None
    replied: int | None = None
    text: str | None = None
    reply_due_at: dt.datetime | None = None


@dataclass(frozen=True)
class LadderChanged(_Typed):
    KIND = Kind.LADDER_CHANGED
    reminder_share: float
    supervision_after_working_days: int
    was: tuple[float, ...] = ()
    leader_urge_after_working_hours: int | None = None
    dispute_briefing_working_days: int | None = None


@dataclass(frozen=True)
class CatalogLoaded(_Typed):
    KIND = Kind.CATALOG_LOADED
    source: str


@dataclass(frozen=True)
class CalendarSeeded(_Typed):
    KIND = Kind.CALENDAR_SEEDED
    source: str = ""
    years: tuple[int, ...] = ()
    inserted: int = 0


@dataclass(frozen=True)
class CalendarChanged(_Typed):
    KIND = Kind.CALENDAR_CHANGED
    day: dt.date
    is_working: bool
    note: str = ""
    before: dict[str, Any] | None = None


@dataclass(frozen=True)
class RuleChanged(_Typed):
    KIND = Kind.RULE_CHANGED
    category_id: int
    urgency: str
    rule_id: int | None = None
    limit_hours: int | None = None
    limit_working_days: int | None = None
    version: int | None = None
    before: dict[str, Any] | None = None


@dataclass(frozen=True)
class QuickAnswerChanged(_Typed):
    KIND = Kind.QUICK_ANSWER
    action: str
    answer_id: int | None = None
    version: int | None = None
    question: str = ""
    count: int | None = None


@dataclass(frozen=True)
class HandoverChanged(_Typed):
    KIND = Kind.HANDOVER
    handover_id: int
    action: str
    day: dt.date
    shift_id: int


@dataclass(frozen=True)
class RosterChanged(_Typed):
    KIND = Kind.ROSTER
    action: str
    days: tuple[dt.date, ...] = ()
    entries: int | None = None


@dataclass(frozen=True)
class RollCallChanged(_Typed):
    KIND = Kind.ROLL_CALL
    roll_call_id: int
    action: str
    count: int = 0


@dataclass(frozen=True)
class ShiftTemplateChanged(_Typed):
    KIND = Kind.SHIFT_TEMPLATE
    shift_id: int
    code: str


@dataclass(frozen=True)
class AccountChanged(_Typed):
    KIND = Kind.ACCOUNT
    login: str
    action: str


@dataclass(frozen=True)
class ClockRuleChanged(_Typed):
    """The admin's clock rule: when a unit's clock starts (``dispatch`` or ``sign``),
    the sign limit and the return window; ``before`` is the start it replaced."""

    KIND = Kind.CLOCK_RULE
    unit_clock_starts: str
    version: int
    before: str | None = None
    sign_limit_working_hours: int | None = None
    return_window_working_days: int | None = None


@dataclass(frozen=True)
class NoticeRuleChanged(_Typed):
    """The admin's rule of citizen notices (minutes, tries, templates) as saved."""

    KIND = Kind.NOTICE_RULE
    version: int
    acceptance_minutes: int
    result_minutes: int
    max_attempts: int
    acceptance_template: str
    result_template: str


@dataclass(frozen=True)
class UnitRequestChanged(_Typed):
    """A unit's return or extension request applied for (``applied``) or decided
    (``approved``, ``refused``); the request row holds who, when and why."""

    KIND = Kind.UNIT_REQUEST
    request_id: int
    request: str  # return | extension
    action: str  # applied | approved | refused
    unit_id: int | None = None
    days: int | None = None
    reason: str = ""
    granted_due_at: dt.datetime | None = None
    granted_unit_due_at: dt.datetime | None = None  # the unit's, while its clock ran


@dataclass(frozen=True)
class ProgressNoted(_Typed):
    """A unit handler's note on how the work goes (进展)."""

    KIND = Kind.PROGRESS
    text: str
    unit_id: int | None = None


@dataclass(frozen=True)
class Notice(_Typed):
    """A message to the citizen of a case: sent, failed or told by phone
    (``action``: sent / retry / failed / told)."""

    KIND = Kind.NOTICE
    message_id: int
    notice: str  # acceptance / result
    action: str
    channel: str = "sms"


@dataclass(frozen=True)
class BoundariesChanged(_Typed):
    """An admin imported boundaries (console/geo/boundary_import.py): the levels
    replaced (street / community / cell), how many each has now, the codes that came
    and went, the files and the coordinate system they were in (stored as GCJ-02)."""

    KIND = Kind.BOUNDARIES
    levels: tuple[str, ...]
    counts: tuple[int, ...] = ()  # one per level, in the order of ``levels``
    added: int = 0
    removed: int = 0
    crs: str = ""
    files: tuple[str, ...] = ()


TYPED: dict[str, type[_Typed]] = {c.KIND.value: c for c in (
    CaseCreated, CaseImported, ClosedWithMaster, Escalation, LadderChanged, CatalogLoaded,
    CalendarSeeded, CalendarChanged, RuleChanged, QuickAnswerChanged, HandoverChanged,
    RosterChanged, RollCallChanged, ShiftTemplateChanged, AccountChanged, ClockRuleChanged,
    NoticeRuleChanged, UnitRequestChanged, ProgressNoted, Notice, BoundariesChanged,
    HistoryImported)}


def read(kind: str, raw: dict[str, Any], *, on_a_case: bool) -> Any:
    """The typed payload of an event row: a ``_Typed`` of its kind, ``CaseMoved`` for
    any other kind on a case, ``None`` for an unknown kind on no case."""
    typed = TYPED.get(kind)
    if typed is not None:
        return typed.from_json(raw or {})
    if on_a_case:
        return CaseMoved(kind, dict(raw or {}))
    return None


@dataclass(frozen=True)
class Event:
    """One row of ``case_event`` as the change feed delivers it."""

    id: int
    case_id: uuid.UUID | None
    at: dt.datetime
    actor: str
    kind: str
    payload: dict[str, Any]

    @property
    def data(self) -> Any:
        """The typed payload (see ``read``)."""
        return read(self.kind, self.payload, on_a_case=self.case_id is not None)

    def of(self, typed: type[P]) -> P | None:
        """The payload as ``typed`` when the event is of that kind, else None."""
        return typed.from_json(self.payload or {}) if self.kind == typed.KIND else None


@functools.cache
def _append_statement() -> Any:
    """One statement object for every event: compiled once (the seat's CPU per save).
    Made at the first append: the tables' classes are not needed to show the login
    dialog."""
    from db import schema as s

    return insert(s.CaseEvent).returning(s.CaseEvent.id)


async def append(conn: AsyncConnection, actor: str, data: Payload,
                 case_id: uuid.UUID | None = None) -> int:
    """Append one event in the caller's transaction and return its id. The database
    stamps the time, draws the id, records the transaction (the change feed reads by
    it) and takes who did it from the login; the store wakes every seat after the
    commit (``Store.transaction``: the database tells it of every event appended)."""
    return int((await conn.execute(_append_statement(), {
        "case_id": case_id, "actor": actor, "kind": data.kind, "payload": data.to_json(),
    })).scalar_one())
