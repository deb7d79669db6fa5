"""Sending what is due: one round of the seat's sending loop.

Each message goes in a transaction of its own: ``citizen_messages_due(1)`` takes
the next due message with ``FOR UPDATE SKIP LOCKED`` (another seat's round skips
it), the sender hands it on, ``citizen_message_record`` marks it sent or counts a
failed try (the next one waits 1, 2, 4 … minutes, up to an hour; after the
rule's last try it is failed), and a ``notice`` event tells the case's followers.
A message no longer pending is never taken again, so nothing is sent twice by
two seats; a seat that dies mid-send leaves the message pending, and the next
try gives the gateway the same reference (``Outgoing.id``).

Only members of ``hotline_sender`` take and record messages (the database
refuses anyone else), so the loop runs on the seats whose login is one.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy import text

from console.core import events
from console.core.store import Store
from console.notices.sender import Outgoing, Sender, SendFailed

log = logging.getLogger(__name__)
SEND_TIMEOUT_S = 20.0
ROUND_LIMIT = 50  # messages per round: a long queue does not hold the seat's loop
ACTIONS = {"sent": "sent", "pending": "retry", "failed": "failed"}


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


async def may_send(store: Store) -> bool:
    """Whether this login takes part in sending (a member of ``hotline_sender``)."""
    async with store.read() as conn:
        return bool((await conn.execute(text(
            "SELECT to_regrole('hotline_sender') IS NOT NULL"
            " AND pg_has_role(session_user, 'hotline_sender', 'MEMBER')"))).scalar_one())


async def _send(sender: Sender, message: Outgoing) -> str:
    """'' when the gateway took it, else why not."""
    try:
        await asyncio.wait_for(sender.send(message), SEND_TIMEOUT_S)
    except SendFailed as exc:
        return exc.reason or "refused"
    except TimeoutError:
        return f"no answer from the sender in {SEND_TIMEOUT_S:.0f} s"
    except Exception as exc:  # a plug-in's bug fails this try, not the loop
        log.exception("the sender %s failed on message %d", sender.name, message.id)
        return f"sender error: {type(exc).__name__}: {exc}"
    return ""


async def deliver_due(store: Store, sender: Sender, *, limit: int = ROUND_LIMIT
                      ) -> DeliveryReport:
    """Send the messages that are due, one transaction each, up to ``limit``."""
    counts = {"sent": 0, "retry": 0, "failed": 0}
    for _ in range(limit):
        async with store.transaction() as conn:
            row = (await conn.execute(text(
                "SELECT m.id, m.case_id, m.kind, m.recipient, m.text, c.public_no"
                " FROM public.citizen_messages_due(1) AS m"
                ' JOIN public."case" AS c ON c.id = m.case_id'))).one_or_none()
            if row is None:
                break
            error = await _send(sender, Outgoing(row.id, row.recipient, row.text,
                                                 row.public_no, row.kind))
            outcome = (await conn.execute(
                text("SELECT public.citizen_message_record(:id, :sent, :error)"),
                {"id": row.id, "sent": not error, "error": error})).scalar_one()
            action = ACTIONS[outcome]
            await events.append(conn, store.actor, events.Notice(row.id, row.kind, action),
                                case_id=row.case_id)
        counts[action] += 1
        if error:
            log.warning("message %d to the citizen of %s not sent (%s): %s", row.id,
                        row.public_no, action, error)
    return DeliveryReport(counts["sent"], counts["retry"], counts["failed"])
