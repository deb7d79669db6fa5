"""The outbox of one case: queue a notice, record one told by phone, list them.

Texts come from the templates of ``notice_rule`` and the case, made by the
database (``citizen_message_queue``), so no seat can send a citizen words of its
own choosing by SMS; a phone call is recorded with what was said, in the name of
the person who called.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from console.core import events
from console.core.errors import ConsoleError, FieldError, ValidationError, require_role
from console.core.store import Store
from console.core.text_rules import check_text
from db import schema as s

ACCEPTANCE, RESULT = s.NOTICE_KINDS
MAX_TOLD_TEXT = 2000
CLOCK_SLACK = dt.timedelta(minutes=2)
M = s.CitizenMessage


class NoticeRefused(ConsoleError):
    """The database would not record the phone call (``code`` says why)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Message:
    """One message to a case's citizen, as the outbox holds it."""

    id: int
    kind: str
    channel: str
    recipient: str
    text: str
    queued_at: dt.datetime
    due_by: dt.datetime
    sent_at: dt.datetime | None
    sent_by: str | None
    result: str
    attempts: int
    last_error: str

    @property
    def in_time(self) -> bool:
        return self.sent_at is not None and self.sent_at <= self.due_by

    @property
    def state(self) -> str:
        """pending / retrying / sent / failed / cancelled."""
        if self.result == "pending" and self.attempts:
            return "retrying"
        return self.result


@dataclass(frozen=True)
class Told:
    """A phone call recorded: the message's id and the id of its event."""

    message_id: int
    event_id: int


async def queue(conn: AsyncConnection, case_id: uuid.UUID, kind: str) -> int | None:
    """Queue ``kind`` for the case in the caller's transaction (the intake's or the
    resolution's); None when the case has no citizen to tell (a grid worker's report,
    no phone) or the message was queued before."""
    made = (await conn.execute(text("SELECT public.citizen_message_queue(:case, :kind)"),
                               {"case": case_id, "kind": kind})).scalar_one()
    return None if made is None else int(made)


async def messages_of(store: Store, case_id: uuid.UUID) -> list[Message]:
    """The case's messages, oldest first."""
    async with store.read() as conn:
        rows = await conn.execute(select(
            M.id, M.kind, M.channel, M.recipient, M.text, M.queued_at, M.due_by, M.sent_at,
            M.sent_by, M.result, M.attempts, M.last_error)
            .where(M.case_id == case_id).order_by(M.queued_at, M.id))
        return [Message(**r._mapping) for r in rows]


def _told_refusal(exc: DBAPIError) -> NoticeRefused | None:
    state = getattr(exc.orig, "sqlstate", None)
    return {"23505": NoticeRefused("notice.told_already"),
            "23514": NoticeRefused("notice.no_citizen"),
            "22023": NoticeRefused("notice.out_of_order"),
            "42501": NoticeRefused("permission.denied")}.get(state or "")


async def tell_by_phone(store: Store, case_id: uuid.UUID, kind: str, at: dt.datetime,
                        said: str) -> Told:
    """Record that the citizen was told by phone (instead of the SMS, which is then
    not sent): when, and what was said. Raises ValidationError or NoticeRefused."""
    require_role(store.roles, "operator", "dispatcher", "shift_leader")
    errors: list[FieldError] = []
    if kind not in s.NOTICE_KINDS:
        errors.append(FieldError("kind", "notice.unknown_kind"))
    said = check_text(said, "text", MAX_TOLD_TEXT, errors, required=True)
    if at.tzinfo is None:
        errors.append(FieldError("at", "notice.bad_time"))
    if errors:
        raise ValidationError(errors)
    try:
        async with store.transaction() as conn:
            now = (await conn.execute(select(func.now()))).scalar_one()
            if at > now + CLOCK_SLACK:
                raise ValidationError([FieldError("at", "notice.in_future")])
            at = min(at, now)  # a seat's clock a moment ahead of the server's
            made = int((await conn.execute(
                text("SELECT public.citizen_message_told(:case, :kind, :at, :said)"),
                {"case": case_id, "kind": kind, "at": at, "said": said})).scalar_one())
            event_id = await events.append(conn, store.actor, events.Notice(
                made, kind, "told", "phone"), case_id=case_id)
    except DBAPIError as exc:
        refused = _told_refusal(exc)
        if refused is None:
            raise
        raise refused from exc
    return Told(made, event_id)
