"""The admin's rule of citizen notices: how soon after intake the acceptance notice
(受理告知) is due, how soon after the unit's result the feedback (办理反馈) is, how
often a failed send is tried, and the two SMS templates.

The templates name the case's facts by placeholders (``PLACEHOLDERS``); the
database fills them when it queues a message (``citizen_message_queue``,
migration 0011), and ``fill`` fills them the same way for a preview from a sample
case (``sample_case``: the latest case with a result, else the latest case, else a
made-up one). One row (``notice_rule``); only admins change it (the database's
grants, and ``set_notice_rule``); a change is one version further than the one the
admin saw and appends ``notice_rule_changed``. Messages already queued keep their
text and due time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field, fields

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.clock import CENTRE_TZ
from console.core.errors import ConflictError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from db import schema as s

R = s.NoticeRule
PLACEHOLDERS = ("no", "category", "due", "result")  # the order the database fills them in
TEMPLATE_MAX = 500  # the database's check; a filled text over 500 is cut with "…"
SMS_MAX = 500
MINUTES = (1, 10080)  # up to a week
ATTEMPTS = (1, 20)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class NoticeRule:
    acceptance_minutes: int
    result_minutes: int
    max_attempts: int
    acceptance_template: str
    result_template: str
    version: int
    event_id: int = field(default=0, compare=False)  # a saved one's event (0: as read)


@dataclass(frozen=True)
class Sample:
    """The facts a template's placeholders stand for, from one case."""

    no: str
    category: str
    due_at: dt.datetime | None
    result: str
    real: bool = True  # False: made up, the database holds no case yet


_COLUMNS = tuple(getattr(R, f.name) for f in fields(NoticeRule) if f.name != "event_id")


async def _read(conn: AsyncConnection, *, lock: bool = False) -> NoticeRule:
    stmt = select(*_COLUMNS).where(R.id == 1)
    return NoticeRule(*(await conn.execute(stmt.with_for_update() if lock else stmt)).one())


async def current_notice_rule(store: Store) -> NoticeRule:
    async with store.read() as conn:
        return await _read(conn)


def fill(template: str, sample: Sample, *, cut: bool = True) -> str:
    """The text the database would send for ``sample``: placeholders replaced one
    kind after another, the due time as "3月5日09:30" in the centre's zone, cut at 500
    (``cut``: as sent; else all of it, to say how much would be lost)."""
    due = "" if sample.due_at is None else (
        f"{(local := sample.due_at.astimezone(CENTRE_TZ)).month}月{local.day}日"
        f"{local:%H:%M}")
    text = template
    for name, value in zip(PLACEHOLDERS, (sample.no, sample.category, due, sample.result),
                           strict=True):
        text = text.replace("{" + name + "}", value)
    return text if len(text) <= SMS_MAX or not cut else text[:SMS_MAX - 1] + "…"


def unknown_placeholders(template: str) -> list[str]:
    """Braced names the database would leave as they are (a typo, say)."""
    return [f"{{{m}}}" for m in _PLACEHOLDER.findall(template) if m not in PLACEHOLDERS]


MADE_UP = Sample("PS-20261201-000001", "道路破损", None, "已派人修复，恢复通行", real=False)


async def sample_case(store: Store) -> Sample:
    """The latest case with a unit's result, else the latest case, else ``MADE_UP``
    (due in three days)."""
    e, c, k = s.CaseEvent, s.Case, s.Category
    async with store.read() as conn:
        resolved = (await conn.execute(
            select(e.case_id, e.payload["result"].astext).where(e.kind.in_(("resolve", "reply")))
            .order_by(e.id.desc()).limit(1))).one_or_none()
        chosen = select(c.public_no, k.name, c.due_at).join(k, k.id == c.category_id)
        chosen = (chosen.where(c.id == resolved[0]) if resolved is not None
                  else chosen.order_by(c.created_at.desc()).limit(1))
        row = (await conn.execute(chosen)).one_or_none()
        if row is None:
            now = (await conn.execute(select(func.now()))).scalar_one()
            return dataclasses.replace(MADE_UP, due_at=now.replace(
                minute=0, second=0, microsecond=0) + dt.timedelta(days=3))
    return Sample(row[0], row[1], row[2], (resolved[1] or "") if resolved else MADE_UP.result)


def _number(value: object, name: str, bounds: tuple[int, int], errors: list[FieldError]) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors.append(FieldError(name, f"notice_rule.{name}", {"min": low, "max": high}))


def _template(value: str, name: str, errors: list[FieldError]) -> str:
    text = check_text(value, name, TEMPLATE_MAX, errors)
    if unknown := unknown_placeholders(text):
        errors.append(FieldError(name, "notice_rule.unknown_placeholder", {
            "names": "、".join(unknown), "known": " ".join(f"{{{p}}}" for p in PLACEHOLDERS)}))
    return text


async def _last_changer(conn: AsyncConnection) -> str | None:
    return (await conn.execute(
        select(s.CaseEvent.actor).where(s.CaseEvent.kind == events.Kind.NOTICE_RULE)
        .order_by(s.CaseEvent.id.desc()).limit(1))).scalar_one_or_none()


async def set_notice_rule(store: Store, acceptance_minutes: int, result_minutes: int,
                          max_attempts: int, acceptance_template: str, result_template: str,
                          expected_version: int | None = None) -> NoticeRule:
    """An admin changes the notice rule; the rule as saved with its event's id (as it
    was, with no event, when nothing changed). Raises ValidationError (per field) or
    ConflictError (``expected_version`` is not the version in force)."""
    require_role(store.roles, "admin")
    errors: list[FieldError] = []
    _number(acceptance_minutes, "acceptance_minutes", MINUTES, errors)
    _number(result_minutes, "result_minutes", MINUTES, errors)
    _number(max_attempts, "max_attempts", ATTEMPTS, errors)
    acceptance = _template(acceptance_template, "acceptance_template", errors)
    result = _template(result_template, "result_template", errors)
    if errors:
        raise ValidationError(errors)
    async with store.transaction() as conn:
        old = await _read(conn, lock=True)
        if expected_version is not None and old.version != expected_version:
            raise ConflictError("the notice rule changed meanwhile",
                                action="notice_rule_changed",
                                changed_by=await _last_changer(conn))
        wanted = (acceptance_minutes, result_minutes, max_attempts, acceptance, result)
        if wanted == (old.acceptance_minutes, old.result_minutes, old.max_attempts,
                      old.acceptance_template, old.result_template):
            return old
        version = old.version + 1
        await conn.execute(update(R).where(R.id == 1).values(
            acceptance_minutes=acceptance_minutes, result_minutes=result_minutes,
            max_attempts=max_attempts, acceptance_template=acceptance,
            result_template=result, version=version))
        event_id = await events.append(conn, store.actor, events.NoticeRuleChanged(
            version, *wanted))
    return NoticeRule(*wanted, version, event_id)
