"""Raw psycopg 3 floors for seat-to-seat latency: what PostgreSQL and the
driver alone cost, without SQLAlchemy, the change feed or the Qt model."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from dataclasses import dataclass, field

from db.engine import LibpqTarget

FLOOR_CHANNEL = "hc_bench_floor"


@dataclass
class NotifyFloor:
    send_to_receipt: list[float] = field(default_factory=list)


@dataclass
class WriteFloor:
    commit: list[float] = field(default_factory=list)           # BEGIN..COMMIT returned
    commit_to_notify: list[float] = field(default_factory=list)  # COMMIT returned -> NOTIFY in
    commit_to_read: list[float] = field(default_factory=list)    # ... -> event read back


async def notify_round_trip(target: LibpqTarget, count: int) -> NotifyFloor:
    """One connection LISTENs, another sends NOTIFY (autocommit), one at a time."""
    out = NotifyFloor()
    async with (
        await target.connect_async(autocommit=True) as listen,
        await target.connect_async(autocommit=True) as send,
    ):
        await listen.execute(f"LISTEN {FLOOR_CHANNEL}")
        notifies = listen.notifies()
        for i in range(count):
            start = time.perf_counter()
            await send.execute(f"NOTIFY {FLOOR_CHANNEL}, '{i}'")
            await anext(notifies)
            out.send_to_receipt.append(time.perf_counter() - start)
        await notifies.aclose()  # it holds the connection's lock while suspended
    return out


def notify_round_trip_plain_asyncio(target: LibpqTarget, count: int) -> NotifyFloor:
    """The same on a plain asyncio loop in a thread, to show what qasync adds."""
    result: list[NotifyFloor] = []
    thread = threading.Thread(
        target=lambda: result.append(asyncio.run(notify_round_trip(target, count))))
    thread.start()
    thread.join()
    return result[0]


async def insert_commit_read(target: LibpqTarget, count: int, category_id: int) -> WriteFloor:
    """A case row and its event in one raw transaction; another connection LISTENs on
    the product's channel and a third reads the new event back by id, as the feed does."""
    out = WriteFloor()
    async with (
        await target.connect_async(autocommit=True) as listen,
        await target.connect_async() as write,
        await target.connect_async(autocommit=True) as reader,
    ):
        await listen.execute("LISTEN case_event")
        notifies = listen.notifies()
        last = (await (await reader.execute(
            "SELECT coalesce(max(id), 0) FROM case_event")).fetchone() or (0,))[0]
        for i in range(count):
            case_id = uuid.uuid4()
            start = time.perf_counter()
            async with write.transaction():
                await write.execute(
                    'INSERT INTO "case" (id, public_no, channel, text, category_id, urgency,'
                    " status, created_by, due_at) VALUES (%s, %s, 'web', 'floor', %s, 'C',"
                    " 'accepted', 'floor', now() + interval '3 days')",
                    (case_id, f"FLOOR-{i:06d}", category_id))
                await write.execute(
                    "INSERT INTO case_event (case_id, actor, kind) VALUES (%s, 'floor',"
                    " 'created')", (case_id,))
            committed = time.perf_counter()
            await anext(notifies)
            notified = time.perf_counter()
            rows = await (await reader.execute(
                "SELECT id, case_id FROM case_event WHERE id > %s ORDER BY id", (last,))
            ).fetchall()
            read_back = time.perf_counter()
            assert rows and rows[-1][1] == case_id, "floor event not read back"
            last = rows[-1][0]
            out.commit.append(committed - start)
            out.commit_to_notify.append(notified - committed)
            out.commit_to_read.append(read_back - committed)
        await notifies.aclose()
    return out
