"""LISTEN/NOTIFY plumbing: a dedicated autocommit connection that turns
notifications into wake-ups, and reconnects by itself.

Notifications are not durable and are coalesced within a transaction, so they
are only a wake-up: the change feed then reads the event table. Every
(re)connect also wakes the feed, so events written while the link was down are
read too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import psycopg

log = logging.getLogger(__name__)

CHANNEL = "case_event"


class Listener:
    """Calls ``on_wake()`` after every notification batch and every (re)connect.

    ``on_status(connected: bool)`` reports the link state for the status bar.
    """

    def __init__(
        self,
        conninfo: str,
        on_wake: Callable[[], Awaitable[None]],
        on_status: Callable[[bool], None] | None = None,
        *,
        retry_delays: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0),
    ) -> None:
        self._conninfo = conninfo
        self._on_wake = on_wake
        self._on_status = on_status or (lambda _connected: None)
        self._retry_delays = retry_delays
        self._task: asyncio.Task[None] | None = None
        self._conn: psycopg.AsyncConnection | None = None
        self.backend_pid: int | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="listener")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._close()

    async def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.closed:
            await conn.close()

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                await self._listen_once()
                failures = 0
            except asyncio.CancelledError:
                raise
            except (psycopg.OperationalError, OSError) as exc:
                log.warning("listening connection lost: %s", exc)
            self.connected.clear()
            self.backend_pid = None
            self._on_status(False)
            await self._close()
            delay = self._retry_delays[min(failures, len(self._retry_delays) - 1)]
            failures += 1
            await asyncio.sleep(delay)

    async def _listen_once(self) -> None:
        self._conn = await psycopg.AsyncConnection.connect(
            self._conninfo, autocommit=True, application_name="hotline-console-listen",
            connect_timeout=5,
        )
        await self._conn.execute(f"LISTEN {CHANNEL}")
        self.backend_pid = self._conn.info.backend_pid
        self.connected.set()
        self._on_status(True)
        await self._on_wake()  # catch up on whatever happened while we were away
        async for _notify in self._conn.notifies():
            await self._on_wake()
        raise psycopg.OperationalError("notification stream ended")
