"""SQLAlchemy 2 typed models for the whole domain (ARCHITECTURE.md section 4).

The tables are declared here once; Alembic migrations create them in the
database. Services read and write through SQLAlchemy Core statements built on
these tables and hand plain dataclasses to the layers above, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    case,
    func,
)
from sqlalchemy import (
    text as sqltext,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASE_STATUSES = (
    "new",
    "accepted",
    "dispatched",
    "in_progress",
    "resolved",
    "closed",
    "returned",
    "disputed",
    "referred",  # a dispute referred to the district leader's coordination (migration 0012)
    "merged",
    "answered",
    "invalid",
)
# A grid worker's report (网格员上报): no caller to call back, verified in the field.
GRID_REPORT_CHANNEL = "grid_worker"
OPEN_STATUSES = ("new", "accepted", "dispatched", "in_progress", "returned", "disputed",
                 "referred")
URGENCIES = ("A", "B", "C")
ESCALATION_LEVELS = ("reminder", "urge", "supervision", "inspection", "leader_urge")
ROLL_CALL_CHANNELS = ("phone", "video", "radio")
ROLL_CALL_RESULTS = ("answered", "late", "absent", "no_answer")


# Statuses whose case counts down: a deadline is required (migration 0007).
TIMED_STATUSES = ("accepted", "dispatched", "in_progress", "returned", "disputed",
                  "referred")
# Timestamps the console reads lie in this range (CHECK constraints, migration 0007).
# Rows stored before those checks may not: readers filter with ``in_range`` or read
# through ``readable``, so one bad row stops no list and no sweep.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _in_range(*columns: str) -> str:
    bounds = f"'{EARLIEST.isoformat()}' AND {{c}} < '{LATEST.isoformat()}'"
    return " AND ".join(f"({c} IS NULL OR ({c} >= {bounds.format(c=c)}))" for c in columns)


def in_range(column: Any) -> Any:
    """``column`` holds a timestamp the console can read."""
    return column.between(EARLIEST, LATEST)


def readable(column: Any) -> Any:
    """``column`` clamped into the readable range (NULL stays NULL), named as it is."""
    return case((column < EARLIEST, EARLIEST), (column > LATEST, LATEST),
                else_=column).label(column.key)


def _who() -> Any:
    """A column naming the person who did something: the login, checked by a trigger."""
    return mapped_column(String(64), server_default=func.session_user())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dt.datetime: DateTime(timezone=True),
        dict[str, Any]: JSONB,
    }


def _now() -> Any:
    return mapped_column(server_default=func.now())


# A boundary seats can draw (migration 0014): a GeoJSON (Multi)Polygon in GCJ-02
# and a centre on the globe; for streets and communities both or neither.
_POLYGONAL = "coalesce(geometry->>'type', '') IN ('Polygon', 'MultiPolygon')"
_ON_THE_GLOBE = "centroid_lon BETWEEN -180 AND 180 AND centroid_lat BETWEEN -90 AND 90"
_SHAPE_OR_NONE = ("(geometry IS NULL) = (centroid_lon IS NULL)"
                  " AND (centroid_lon IS NULL) = (centroid_lat IS NULL)"
                  f" AND (geometry IS NULL OR ({_POLYGONAL} AND {_ON_THE_GLOBE}))")


class Street(Base):
    __tablename__ = "street"
    __table_args__ = (CheckConstraint(_SHAPE_OR_NONE, name="shape"),)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(SmallInteger, default=0)
    geometry: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    centroid_lon: Mapped[float | None] = mapped_column(Double)
    centroid_lat: Mapped[float | None] = mapped_column(Double)


class Community(Base):
    __tablename__ = "community"
    __table_args__ = (CheckConstraint(_SHAPE_OR_NONE, name="shape"),)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    street_code: Mapped[str] = mapped_column(ForeignKey("street.code"))
    geometry: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    centroid_lon: Mapped[float | None] = mapped_column(Double)
    centroid_lat: Mapped[float | None] = mapped_column(Double)


class GridCell(Base):
    __tablename__ = "grid_cell"
    __table_args__ = (CheckConstraint(f"{_POLYGONAL} AND {_ON_THE_GLOBE}", name="shape"),)
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    street_code: Mapped[str] = mapped_column(ForeignKey("street.code"))
    community_code: Mapped[str] = mapped_column(ForeignKey("community.code"), index=True)
    geometry: Mapped[dict[str, Any]] = mapped_column(JSONB)
    centroid_lon: Mapped[float] = mapped_column(Double)
    centroid_lat: Mapped[float] = mapped_column(Double)


class Unit(Base):
    """A responsible unit (责任单位): department, street office, community, centre."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    street_code: Mapped[str | None] = mapped_column(ForeignKey("street.code"))
    community_code: Mapped[str | None] = mapped_column(ForeignKey("community.code"))
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class Category(Base):
    """One node of the 3-level category tree; level-3 nodes carry the rules."""

    __tablename__ = "category"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 3", name="level"),
        CheckConstraint("urgency IS NULL OR " + _in("urgency", URGENCIES), name="urgency"),
        CheckConstraint("limit_hours IS NULL OR limit_hours > 0", name="limit_hours"),
        CheckConstraint(
            "limit_working_days IS NULL OR limit_working_days > 0", name="limit_working_days"
        ),
    )
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), index=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    path: Mapped[str] = mapped_column(Text)  # "市容环卫 / 市容管理 / 乱摆卖"
    initials: Mapped[str] = mapped_column(Text)  # pinyin initials of the path's names
    urgency: Mapped[str | None] = mapped_column(String(1))
    limit_hours: Mapped[int | None] = mapped_column(Integer)
    limit_working_days: Mapped[int | None] = mapped_column(Integer)
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    # Territorial categories go to the sub-centre of the case's street, not to one owner.
    territorial: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("false"))
    auto_dispatch: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("false"))
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class DeadlineRule(Base):
    """Admin-editable time limit for a category (or its subtree) and urgency class."""

    __tablename__ = "deadline_rule"
    __table_args__ = (
        UniqueConstraint("category_id", "urgency"),
        CheckConstraint(_in("urgency", URGENCIES), name="urgency"),
        CheckConstraint(
            "(limit_hours IS NULL) <> (limit_working_days IS NULL)", name="one_limit"
        ),
        CheckConstraint("coalesce(limit_hours, limit_working_days) > 0", name="positive"),
    )
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    urgency: Mapped[str] = mapped_column(String(1))
    limit_hours: Mapped[int | None] = mapped_column(Integer)
    limit_working_days: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class WorkingDay(Base):
    """The working-day calendar as data: holidays and make-up working days."""

    __tablename__ = "working_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(32))
    estimated: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("false"))


class Caller(Base):
    __tablename__ = "caller"
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)  # E.164
    name: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = _now()


class Case(Base):
    __tablename__ = "case"
    __table_args__ = (
        CheckConstraint(_in("status", CASE_STATUSES), name="status"),
        CheckConstraint(_in("urgency", URGENCIES), name="urgency"),
        CheckConstraint("char_length(text) <= 20000", name="text_length"),
        CheckConstraint("due_at IS NOT NULL OR NOT " + _in("status", TIMED_STATUSES),
                        name="deadline_when_open"),
        CheckConstraint(_in_range("due_at", "paused_at", "created_at", "updated_at",
                                  "accepted_at", "dispatched_at", "resolved_at", "closed_at"),
                        name="timestamps"),
        CheckConstraint("paused_at IS NULL OR " + _in("status", OPEN_STATUSES),
                        name="pause_when_open"),
        CheckConstraint("(lon IS NULL OR lon BETWEEN -180 AND 180)"
                        " AND (lat IS NULL OR lat BETWEEN -90 AND 90)", name="position"),
        CheckConstraint("version >= 1", name="version"),
        # The unit's clock (migration 0008): both ends or neither.
        CheckConstraint("(unit_clock_at IS NULL) = (unit_due_at IS NULL)", name="unit_clock"),
        CheckConstraint(_in_range("unit_clock_at", "unit_due_at", "first_resolved_at"),
                        name="clock_timestamps"),
        CheckConstraint("clock_round >= 1", name="clock_round"),
        CheckConstraint(_in_range("sign_due_at"), name="sign_due_at"),
        # History brought in from another system (migration 0017): its source and id.
        CheckConstraint("(imported_from IS NULL) = (imported_id IS NULL)"
                        " AND (imported_on_time IS NULL OR imported_from IS NOT NULL)",
                        name="imported"),
        UniqueConstraint("imported_from", "imported_id"),
        # The queue's default orders, id last for a total order (both directions scan).
        Index("ix_case_created_at", sqltext("created_at DESC"), sqltext("id DESC")),
        Index("ix_case_status_created", "status", sqltext("created_at DESC"),
              sqltext("id DESC")),
        # The statistics and the figures by area read a period's cases from this index
        # alone (migration 0019, in place of 0014's ix_case_area_figures).
        Index("ix_case_figures", "created_at",
              postgresql_include=["status", "channel", "nature", "street_code",
                                  "community_code", "grid_code", "category_id",
                                  "assigned_unit_id", "unit_due_at", "first_resolved_at",
                                  "paused_at", "imported_from", "imported_on_time",
                                  "caller_id"]),
        Index("ix_case_accepted_at", "accepted_at"),  # the acceptance-notice rate (0019)
        # ix_case_search_trgm (trigram search) is made by migration 0001 where pg_trgm exists.
    )
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    public_no: Mapped[str] = mapped_column(String(32), unique=True)
    channel: Mapped[str] = mapped_column(String(24), index=True)
    nature: Mapped[str] = mapped_column(String(16), server_default="complaint")
    caller_id: Mapped[int | None] = mapped_column(ForeignKey("caller.id"), index=True)
    caller_phone: Mapped[str | None] = mapped_column(String(32))
    caller_name: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text, server_default="")
    lon: Mapped[float | None] = mapped_column(Double)
    lat: Mapped[float | None] = mapped_column(Double)
    street_code: Mapped[str | None] = mapped_column(ForeignKey("street.code"), index=True)
    community_code: Mapped[str | None] = mapped_column(ForeignKey("community.code"))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("grid_cell.code"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    urgency: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(16))
    assigned_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    merged_into: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case.id"))
    due_at: Mapped[dt.datetime | None] = mapped_column()
    # True when due_at counts a year whose holidays are not published (weekends only).
    due_estimated: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("false"))
    paused_at: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = _now()
    updated_at: Mapped[dt.datetime] = _now()
    accepted_at: Mapped[dt.datetime | None] = mapped_column()
    dispatched_at: Mapped[dt.datetime | None] = mapped_column()
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    created_by: Mapped[str] = _who()
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))
    # The responsible unit's clock (migration 0008): started by a dispatch (or, by the
    # clock rule, a signing), a fresh one for a new unit and for a reopened case;
    # stopped (NULL) while the case is back at the centre. due_at stays the citizen's.
    unit_clock_at: Mapped[dt.datetime | None] = mapped_column()
    unit_due_at: Mapped[dt.datetime | None] = mapped_column()
    # The escalation round of the clock that runs: 1 at intake, one more per fresh clock.
    clock_round: Mapped[int] = mapped_column(SmallInteger, server_default=sqltext("1"))
    first_resolved_at: Mapped[dt.datetime | None] = mapped_column()
    # When a handler of the assigned unit signed for it (签收); a new dispatch clears it.
    signed_at: Mapped[dt.datetime | None] = mapped_column()
    # When the unit that has the case is to sign for it, by the clock rule's sign limit
    # (migration 0013): set whenever a unit takes the case, NULL while none has it.
    sign_due_at: Mapped[dt.datetime | None] = mapped_column()
    # A case imported from another system's export (migration 0017): the source, its
    # id there (unique per source) and its verdict on time, the truth for statistics.
    # Only the owner's import function sets them; the ladder, alerts and citizen
    # notices leave such cases alone.
    imported_from: Mapped[str | None] = mapped_column(String(32))
    imported_id: Mapped[str | None] = mapped_column(String(64))
    imported_on_time: Mapped[bool | None] = mapped_column(Boolean)


class CaseEvent(Base):
    """Append-only audit trail and change feed (ARCHITECTURE.md decision 4)."""

    __tablename__ = "case_event"
    __table_args__ = (
        # The rates count a period's resolutions (migration 0019).
        Index("ix_case_event_resolutions", "at",
              postgresql_where=sqltext("kind IN ('resolve', 'reply')")),
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    at: Mapped[dt.datetime] = _now()
    actor: Mapped[str] = _who()
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(server_default=sqltext("'{}'::jsonb"))


class CaseNumberCounter(Base):
    """Per-day counter behind public case numbers (PS-20261122-000123)."""

    __tablename__ = "case_number_counter"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class EscalationOrder(Base):
    __tablename__ = "escalation_order"
    __table_args__ = (
        UniqueConstraint("case_id", "level", "round"),
        CheckConstraint(_in("level", ESCALATION_LEVELS), name="level"),
        CheckConstraint(_in_range("issued_at", "reply_due_at", "acknowledged_at",
                                  "replied_at"), name="timestamps"),
        CheckConstraint('"round" >= 1', name="round"),
        Index("ix_escalation_order_issued_at", "issued_at"),  # a period's orders (0019)
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    level: Mapped[str] = mapped_column(String(16))
    round: Mapped[int] = mapped_column(SmallInteger, server_default=sqltext("1"))
    issuer: Mapped[str] = _who()
    target_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    text: Mapped[str] = mapped_column(Text, server_default="")
    issued_at: Mapped[dt.datetime] = _now()
    reply_due_at: Mapped[dt.datetime | None] = mapped_column()
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column()
    replied_at: Mapped[dt.datetime | None] = mapped_column()
    reply_text: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class EscalationRule(Base):
    """The ladder's rule: one admin-editable row (migration 0005)."""

    __tablename__ = "escalation_rule"
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    reminder_share: Mapped[float] = mapped_column(Numeric(4, 3))
    supervision_after_working_days: Mapped[int] = mapped_column(SmallInteger)
    version: Mapped[int] = mapped_column(Integer)
    # Migration 0012: the second urge (to the unit's leader) after the first, and the
    # age at which an unsettled dispute is listed for the weekly briefing.
    leader_urge_after_working_hours: Mapped[int] = mapped_column(
        SmallInteger, server_default=sqltext("8"))
    dispute_briefing_working_days: Mapped[int] = mapped_column(
        SmallInteger, server_default=sqltext("5"))


class DisputeReferral(Base):
    """A dispute the shift leader referred to the district leader's coordination
    (区领导协调), with the leader's note (migration 0012). Insert-only."""

    __tablename__ = "dispute_referral"
    __table_args__ = (
        CheckConstraint("char_length(note) BETWEEN 1 AND 20000", name="note"),
        CheckConstraint(_in_range("referred_at"), name="referred_at"),
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))  # holding it then
    note: Mapped[str] = mapped_column(Text)
    referred_by: Mapped[str] = _who()
    referred_at: Mapped[dt.datetime] = _now()


class DisputeDecision(Base):
    """The district leader's decision on a referred dispute: who decided, when, the
    unit it names and its text; recorded by a shift leader or a supervisor on the
    leader's behalf (migration 0012). Insert-only, one per referral."""

    __tablename__ = "dispute_decision"
    __table_args__ = (
        CheckConstraint("char_length(leader) BETWEEN 1 AND 64", name="leader"),
        CheckConstraint("char_length(text) BETWEEN 1 AND 20000", name="text"),
        CheckConstraint(_in_range("decided_at", "recorded_at"), name="timestamps"),
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("dispute_referral.id"), unique=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    leader: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[dt.datetime] = mapped_column()
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    text: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = _who()
    recorded_at: Mapped[dt.datetime] = _now()


class Callback(Base):
    __tablename__ = "callback"
    __table_args__ = (
        CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                        name="satisfaction"),
        CheckConstraint(_in_range("at"), name="at"),
        Index("ix_callback_at", "at"),  # a period's callbacks (migration 0019)
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    attempt: Mapped[int] = mapped_column(SmallInteger)
    at: Mapped[dt.datetime] = _now()
    operator: Mapped[str] = _who()
    result: Mapped[str] = mapped_column(String(16))  # satisfied / unreachable / not_fixed
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str] = mapped_column(Text, server_default="")


class Verification(Base):
    """A grid report's field verification (核查), recorded at the centre (migration 0008)."""

    __tablename__ = "verification"
    __table_args__ = (
        CheckConstraint("result IN ('passed', 'failed')", name="result"),
        CheckConstraint("result = 'passed' OR char_length(btrim(note)) > 0",
                        name="failed_with_reason"),
        CheckConstraint(_in_range("at"), name="at"),
        Index("ix_verification_at", "at"),  # a period's verifications (migration 0019)
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    at: Mapped[dt.datetime] = _now()
    verifier: Mapped[str] = _who()
    result: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, server_default="")


class ClockRule(Base):
    """When a unit's clock starts (at dispatch or at signing), how soon a unit signs
    and how long it may apply to return a case (one admin-editable row)."""

    __tablename__ = "clock_rule"
    __table_args__ = (
        CheckConstraint("unit_clock_starts IN ('dispatch', 'sign')", name="unit_clock_starts"),
        CheckConstraint("sign_limit_working_hours BETWEEN 1 AND 72", name="sign_limit"),
        CheckConstraint("return_window_working_days BETWEEN 1 AND 30", name="return_window"),
    )
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="1")
    unit_clock_starts: Mapped[str] = mapped_column(String(8), server_default="dispatch")
    # Office hours (09:00-18:00 of working days) from a unit's getting the case (0013).
    sign_limit_working_hours: Mapped[int] = mapped_column(SmallInteger, server_default="2")
    # Working days after the day of dispatch within which a unit may apply to return it.
    return_window_working_days: Mapped[int] = mapped_column(SmallInteger, server_default="1")
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    rotation_offset: Mapped[int | None] = mapped_column(SmallInteger)  # start in the cycle


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    # The PostgreSQL role of a person who uses the console; None for duty-room
    # staff who stand duty without a login.
    login: Mapped[str | None] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(16)), server_default="{}")
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("duty_post.id"))  # home post
    phone: Mapped[str] = mapped_column(String(20), server_default="")
    # A unit handler's unit: the cases they see and work on (migration 0009).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))


class UnitRequest(Base):
    """A unit's application to return a case or extend its deadline, and its
    decision (made once, by someone else; final)."""

    __tablename__ = "unit_request"
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    kind: Mapped[str] = mapped_column(String(16))  # return | extension
    reason: Mapped[str] = mapped_column(Text)
    days: Mapped[int | None] = mapped_column(SmallInteger)  # an extension's working days
    requested_by: Mapped[str] = _who()
    requested_at: Mapped[dt.datetime] = _now()
    decision: Mapped[str | None] = mapped_column(String(16))  # approved | refused
    decided_by: Mapped[str | None] = mapped_column(String(63))
    decided_at: Mapped[dt.datetime | None] = mapped_column()
    decision_reason: Mapped[str] = mapped_column(Text, server_default="")
    previous_due_at: Mapped[dt.datetime | None] = mapped_column()
    granted_due_at: Mapped[dt.datetime | None] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))
    # Migration 0016: an approved extension moves the unit's running deadline too,
    # from where it stood (both NULL when no unit clock ran).
    previous_unit_due_at: Mapped[dt.datetime | None] = mapped_column()
    granted_unit_due_at: Mapped[dt.datetime | None] = mapped_column()


class ShiftTemplate(Base):
    __tablename__ = "shift_template"
    __table_args__ = (CheckConstraint("hours BETWEEN 1 AND 24", name="hours"),)
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    starts: Mapped[dt.time] = mapped_column(Time)
    hours: Mapped[int] = mapped_column(SmallInteger)
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class RosterRule(Base):
    """The rotation's cycle and the rest rule (one row)."""

    __tablename__ = "roster_rule"
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="1")
    pattern: Mapped[list[str]] = mapped_column(ARRAY(Text))
    epoch: Mapped[dt.date] = mapped_column(Date)
    min_rest_hours: Mapped[int] = mapped_column(SmallInteger)
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class RosterDay(Base):
    """One roster day; its version is what two leaders editing the day race for."""

    __tablename__ = "roster_day"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))
    changed_by: Mapped[str] = _who()
    changed_at: Mapped[dt.datetime] = _now()
    last_action: Mapped[str] = mapped_column(String(24), server_default="generated")


class DutyPost(Base):
    __tablename__ = "duty_post"
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # centre_seat / street / community / grid_squad
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))


class RosterEntry(Base):
    __tablename__ = "roster_entry"
    __table_args__ = (UniqueConstraint("day", "shift_id", "post_id", "staff_id"),
                      CheckConstraint("kind IN ('duty', 'leave')", name="kind"))
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("duty_post.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(16), server_default="duty")  # duty / leave
    note: Mapped[str] = mapped_column(Text, server_default="")
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class Handover(Base):
    __tablename__ = "handover"
    __table_args__ = (UniqueConstraint("shift_day", "shift_id", name="uq_handover_shift"),
                      Index("ix_handover_created_at", "created_at"))  # migration 0019
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    shift_day: Mapped[dt.date] = mapped_column(Date)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"))
    outgoing_leader: Mapped[str] = _who()
    incoming_leader: Mapped[str | None] = mapped_column(String(64))  # checked like _who
    summary: Mapped[dict[str, Any]] = mapped_column(server_default=sqltext("'{}'::jsonb"))
    notes: Mapped[str] = mapped_column(Text, server_default="")
    created_at: Mapped[dt.datetime] = _now()
    signed_at: Mapped[dt.datetime | None] = mapped_column()
    incoming_notes: Mapped[str] = mapped_column(Text, server_default="")
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class RollCall(Base):
    __tablename__ = "roll_call"
    __table_args__ = (CheckConstraint(_in("channel", ROLL_CALL_CHANNELS), name="channel"),)
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    channel: Mapped[str] = mapped_column(String(8))
    started_by: Mapped[str] = _who()
    started_at: Mapped[dt.datetime] = _now()
    finished_at: Mapped[dt.datetime | None] = mapped_column()
    shift_day: Mapped[dt.date | None] = mapped_column(Date)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift_template.id"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class RollCallEntry(Base):
    __tablename__ = "roll_call_entry"
    __table_args__ = (
        UniqueConstraint("roll_call_id", "post_id"),
        CheckConstraint("result IS NULL OR " + _in("result", ROLL_CALL_RESULTS), name="result"),
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    roll_call_id: Mapped[int] = mapped_column(ForeignKey("roll_call.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("duty_post.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    result: Mapped[str | None] = mapped_column(String(10))
    late_minutes: Mapped[int | None] = mapped_column(SmallInteger)
    at: Mapped[dt.datetime | None] = mapped_column()
    position: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    note: Mapped[str] = mapped_column(Text, server_default="")
    marked_by: Mapped[str | None] = mapped_column(String(64))  # checked like _who


class QuickAnswer(Base):
    __tablename__ = "quick_answer"
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    keywords: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default="{}")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    hits: Mapped[int] = mapped_column(Integer, server_default=sqltext("0"))
    active: Mapped[bool] = mapped_column(Boolean, server_default=sqltext("true"))
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


NOTICE_KINDS = ("acceptance", "result")  # 受理告知, 办理反馈
NOTICE_CHANNELS = ("sms", "phone")
NOTICE_RESULTS = ("pending", "sent", "failed", "cancelled")


class NoticeRule(Base):
    """When citizens are told, how often a send is tried, the templates (one row, 0011)."""

    __tablename__ = "notice_rule"
    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, server_default="1")
    acceptance_minutes: Mapped[int] = mapped_column(Integer, server_default="120")
    result_minutes: Mapped[int] = mapped_column(Integer, server_default="1440")
    max_attempts: Mapped[int] = mapped_column(SmallInteger, server_default="5")
    acceptance_template: Mapped[str] = mapped_column(Text)
    result_template: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))


class CitizenMessage(Base):
    """The outbox of messages to citizens; staff only read it (migration 0011)."""

    __tablename__ = "citizen_message"
    __table_args__ = (
        CheckConstraint(_in("kind", NOTICE_KINDS), name="kind"),
        CheckConstraint(_in("channel", NOTICE_CHANNELS), name="channel"),
        CheckConstraint(_in("result", NOTICE_RESULTS), name="result"),
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    template: Mapped[str] = mapped_column(Text, server_default="")
    source_event_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # 0019
    queued_at: Mapped[dt.datetime] = _now()
    queued_by: Mapped[str] = _who()
    due_by: Mapped[dt.datetime] = mapped_column()
    next_try_at: Mapped[dt.datetime] = _now()
    sent_at: Mapped[dt.datetime | None] = mapped_column()
    sent_by: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(12), server_default="pending")
    attempts: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, server_default="")


class ImportProfile(Base):
    """A history import's column mapping and the admin's value mappings (migration 0017)."""

    __tablename__ = "import_profile"
    __table_args__ = (
        CheckConstraint("char_length(btrim(name)) BETWEEN 1 AND 64", name="name"),
    )
    id: Mapped[int] = mapped_column(Integer, Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column()
    version: Mapped[int] = mapped_column(Integer, server_default=sqltext("1"))
    changed_by: Mapped[str] = _who()
    changed_at: Mapped[dt.datetime] = _now()


class HistoryImportRow(Base):
    """The staging rows of a history import: COPYed by the admin's login and moved into
    ``case`` by ``history_import_cases`` in the same transaction (unlogged, 0017)."""

    __tablename__ = "history_import_row"
    __table_args__ = {"prefixes": ["UNLOGGED"]}
    __mapper_args__ = {"primary_key": ["batch", "line"]}
    batch: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    line: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))  # made on the seat
    imported_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(24))
    nature: Mapped[str] = mapped_column(String(16))
    category_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, server_default="")
    address: Mapped[str] = mapped_column(Text, server_default="")
    lon: Mapped[float | None] = mapped_column(Double)
    lat: Mapped[float | None] = mapped_column(Double)
    street_code: Mapped[str | None] = mapped_column(String(16))
    community_code: Mapped[str | None] = mapped_column(String(16))
    assigned_unit_id: Mapped[int | None] = mapped_column(Integer)
    due_at: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column()
    accepted_at: Mapped[dt.datetime | None] = mapped_column()
    dispatched_at: Mapped[dt.datetime | None] = mapped_column()
    resolved_at: Mapped[dt.datetime | None] = mapped_column()
    closed_at: Mapped[dt.datetime | None] = mapped_column()
    on_time: Mapped[bool | None] = mapped_column(Boolean)
