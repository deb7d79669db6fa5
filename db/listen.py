"""LISTEN/NOTIFY plumbing: a dedicated autocommit connection that turns
notifications into wake-ups, and reconnects by itself.

Notifications are not durable and are coalesced within a transaction, so they
are only a wake-up: the change feed then reads the event table. Every
(re)connect also wakes the feed, so events written while the link was down are
read too.

Whatever ends a round — the listening connection cut, the feed's read cut
(a backend terminated mid-query), a bug in a subscriber's path — the listener
reports the link down, waits a little and starts again with a catch-up read.
It stops only when told to. The link is reported up only once the catch-up
read has worked, so "connected" means the seat is current.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import psycopg

from db.engine import LibpqTarget

log = logging.getLogger(__name__)

CHANNEL = "case_event"
LINK_ERRORS: tuple[type[BaseException], ...] = (psycopg.OperationalError, OSError)
# A cable pulled sends no reset: without keepalives a LISTEN would wait forever.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 15, "keepalives_interval": 5,
              "keepalives_count": 3}


class Listener:
    """Calls ``on_wake()`` after every notification batch and every (re)connect.

    ``on_status(connected: bool)`` reports each change of the link state (for the
    status bar, and to resend what waited). ``link_errors``: what ``on_wake`` raises
    when the database is out of reach (logged in one line; anything else is logged
    with its traceback); either way the listener reconnects and catches up.
    """

    def __init__(
        self,
        target: LibpqTarget | str,
        on_wake: Callable[[], Awaitable[None]],
        on_status: Callable[[bool], None] | None = None,
        *,
        retry_delays: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0, 5.0),
        link_errors: tuple[type[BaseException], ...] = (),
    ) -> None:
        self._target = target if isinstance(target, LibpqTarget) else LibpqTarget(target)
        self._on_wake = on_wake
        self._on_status = on_status or (lambda _connected: None)
        self._retry_delays = retry_delays
        self._link_errors = LINK_ERRORS + link_errors
        self._task: asyncio.Task[None] | None = None
        self._round: asyncio.Task[None] | None = None
        self._conn: psycopg.AsyncConnection | None = None
        self._reported: bool | None = None
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
            with contextlib.suppress(psycopg.Error, OSError):  # it is going anyway
                await conn.close()

    def _report(self, connected: bool) -> None:
        if connected == self._reported:
            return
        self._reported = connected
        try:
            self._on_status(connected)
        except Exception:  # a broken status display must not stop the listening
            log.exception("link status handler failed")

    def recheck(self) -> None:
        """Someone else found the database out of reach (a save failed): drop the
        link and start again, so the status shows the truth and what waited is
        resent once the link is back."""
        if self._round is not None and not self._round.done():
            self._round.cancel()

    async def _run(self) -> None:
        failures = 0
        while True:
            self._round = asyncio.get_running_loop().create_task(self._listen_once())
            try:
                await asyncio.wait({self._round})
            except asyncio.CancelledError:  # stop(): end the round with the listener
                self._round.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._round
                raise
            if self._round.cancelled():
                log.info("change feed link dropped for a recheck; reconnecting")
            elif (exc := self._round.exception()) is None:
                log.warning("notification stream ended; reconnecting")
            elif isinstance(exc, self._link_errors):
                log.warning("change feed link lost (%s); reconnecting", _one_line(exc))
            else:
                log.error("change feed failed; reconnecting", exc_info=exc)
            if self.connected.is_set():
                failures = 0  # it worked for a while: start again with the short delay
            self.connected.clear()
            self.backend_pid = None
            self._report(False)
            await self._close()
            delay = self._retry_delays[min(failures, len(self._retry_delays) - 1)]
            failures += 1
            await asyncio.sleep(delay)

    async def _listen_once(self) -> None:
        self._conn = await self._target.connect_async(
            autocommit=True, application_name="hotline-console-listen", connect_timeout=5,
            **KEEPALIVES)
        await self._conn.execute(f"LISTEN {CHANNEL}")
        self.backend_pid = self._conn.info.backend_pid
        await self._on_wake()  # catch up on whatever happened while we were away
        self.connected.set()
        self._report(True)
        async for _notify in self._conn.notifies():
            await self._on_wake()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"
