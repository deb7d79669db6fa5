"""A seat hears its own transaction's events (issue 16, intake): waking the other seats
after a commit is the store's mechanism, not every writer's duty.

Since 0022 a seat's connection (``hotline.notify = after_commit``) gets no
notification from the event trigger; the seat notifies after its commit. Up to here
the seat knew what to announce only when the code that appended an event said so
(``events.append``, or ``events.appended`` beside a hand-written insert): an event
written by plain SQL through the store woke nobody. Now the trigger tells the
writing connection itself: for every event a seat's connection appends it raises a
notice ``hotline.appended`` (SQLSTATE ``HL001``) with the event's id as its detail.
The notice rides on the statement's own reply (no round trip); the seat's engine
keeps the newest id per connection (``db/engine.py``) and the store notifies after
the commit (``console/core/store.py``). An event in a rolled-back transaction wakes
nobody (the store notifies only after a commit); one in a savepoint rolled back
inside a committed transaction wakes the seats for nothing, which is harmless (a
wake-up is never the data). An imported case's event raises nothing, as it sent
nothing before: the import's summary event wakes everyone.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-01
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIDE_BY_SIDE = importlib.import_module("db.migrations.versions.0022_saves_side_by_side")

APPENDED_NOTICE = "hotline.appended"  # db/engine.py listens for it
APPENDED_STATE = "HL001"

SILENT = """BEGIN
    IF pg_catalog.current_setting('hotline.notify', true) = 'after_commit' THEN
        RETURN NULL;  -- a seat's connection: the seat wakes everyone after its commit
    END IF;
    IF pg_catalog.current_setting('hotline.history', true) = 'on' THEN
"""
TOLD = """BEGIN
    IF pg_catalog.current_setting('hotline.history', true) = 'on' THEN
"""
NOTIFY = "    PERFORM pg_catalog.pg_notify('case_event', NEW.id::pg_catalog.text);\n"
TELL_OR_NOTIFY = f"""    IF pg_catalog.current_setting('hotline.notify', true) = 'after_commit' THEN
        -- A seat's connection: the seat hears this and wakes everyone after its commit.
        RAISE NOTICE USING MESSAGE = '{APPENDED_NOTICE}', DETAIL = NEW.id::pg_catalog.text,
            ERRCODE = '{APPENDED_STATE}';
        RETURN NULL;
    END IF;
{NOTIFY}"""
assert SIDE_BY_SIDE.EVENT_NOTIFY.count(SILENT) == 1
assert SIDE_BY_SIDE.EVENT_NOTIFY.count(NOTIFY) == 1
EVENT_NOTIFY = (SIDE_BY_SIDE.EVENT_NOTIFY.replace(SILENT, TOLD)
                .replace(NOTIFY, TELL_OR_NOTIFY))


def upgrade() -> None:
    op.execute(EVENT_NOTIFY)


def downgrade() -> None:
    op.execute(SIDE_BY_SIDE.EVENT_NOTIFY)
