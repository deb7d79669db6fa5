"""Where statistics and reports read: a read-only replica of the shared database when
the seat names one (its settings' ``database/reporting_url``, or ``--reporting-url``),
else the primary itself (ARCHITECTURE.md decision 1: scaling past one server is
PostgreSQL's streaming replication, not ours).

``reporting_store(store, replica_url)`` gives a ``Store`` to read through, so every
query that takes a store (``store.read()``) runs on either unchanged. Its connections
open with ``default_transaction_read_only=on``: a write through it is refused by the
server even where the URL points at the primary. It logs in as the seat's person (the
primary's login and password, the replica's host, port and database): a replica holds
the same roles, so row-level security limits a unit's handler there as on the primary.

A replica lags its primary (``replication_lag``): statistics may be that far behind.
The live queue, the countdowns, the ladder and every write stay on the primary.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import text

from console.core.store import Store
from db.engine import make_engine, normalise_url

log = logging.getLogger(__name__)
APPLICATION = "hotline-console-reporting"


def replica_url_for(primary_url: str, replica_url: str) -> str:
    """The replica's place (host, port, database, query such as sslmode) with the
    primary's login and password: the person reads as themself."""
    primary, replica = normalise_url(primary_url), normalise_url(replica_url)
    return replica.set(username=primary.username, password=primary.password,
                       database=replica.database or primary.database
                       ).render_as_string(hide_password=False)


def reporting_store(store: Store, replica_url: str | None = None) -> Store:
    """The store statistics and reports read through: ``store`` itself when no replica
    is named, else a read-only store on the replica, acting as the same person with
    the same roles and the primary's clock (the replica's now() is the primary's time
    of the last replayed change, not the time)."""
    if not replica_url or not replica_url.strip():
        return store
    url = replica_url_for(store.url, replica_url.strip())
    reading = Store(url, store.actor,
                    engine=make_engine(url, application_name=APPLICATION, read_only=True))
    reading.roles = store.roles
    reading.clock = store.clock
    log.info("statistics and reports read from %s", normalise_url(url).render_as_string())
    return reading


async def replication_lag(reading: Store) -> dt.timedelta | None:
    """How far a replica is behind: now less the time of the last change it replayed
    (0 while the primary writes nothing new and the replica has it all); None on a
    server that is no standby (the primary: no lag)."""
    async with reading.read() as conn:
        row = (await conn.execute(text(
            "SELECT pg_is_in_recovery(),"
            " CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN interval '0'"
            " ELSE now() - pg_last_xact_replay_timestamp() END"))).one()
    return row[1] if row[0] else None
