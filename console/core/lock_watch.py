"""Ending a staff session that holds a lock others wait on (migration 0024).

A staff login's timeouts are defaults anyone may switch off in their own session; a
transaction left open by hand could then hold a table every save needs. Each seat
asks the database, before its sweep, to end such sessions: it ends only a member of
staff whose transaction has blocked another session for longer than the limit (30 s),
never an administrator's, and never one of a seat's own millisecond transactions."""

from __future__ import annotations

import logging

from sqlalchemy import text

from console.core.store import Store

log = logging.getLogger(__name__)

_END = text("SELECT public.end_held_locks()")


class LockWatch:
    """One seat's calls; says once when the server's owner may not end sessions."""

    def __init__(self) -> None:
        self._told = False

    async def check(self, store: Store) -> int:
        """End the sessions found holding a lock too long; returns how many (0 when
        the owner may not end them: logged once)."""
        async with store.transaction() as conn:
            ended = int((await conn.execute(_END)).scalar_one())
        if ended < 0:
            if not self._told:
                log.warning("a session holding a lock others wait on cannot be ended: a"
                            " superuser must GRANT pg_signal_backend, pg_read_all_stats"
                            " TO hotline_owner (README)")
                self._told = True
            return 0
        if ended:
            log.warning("ended %d staff session(s) holding a lock others waited on", ended)
        return ended
