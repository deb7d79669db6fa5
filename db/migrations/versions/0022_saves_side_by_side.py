"""Saves side by side (issue 16, intake): no lock that every save in the centre waits on.

Up to 0021 two locks made every seat's save wait for every other's:

- **The day's public-number counter** (``case_number_counter``), a row each save
  updated and so held from numbering to its commit. Numbers now come from a sequence
  (``hotline_private.case_no``) in a ``BEFORE INSERT`` trigger on ``case``
  (``case_numbered``): the day's number is the sequence's value less the day's base,
  a row written once a day by its first case (``hotline_private.case_number_day``),
  which goes on after what the old counter gave that day. No row is held: a number
  drawn by a save that then fails is never used (a gap in the day's numbers), and
  numbers come in the order saves draw them, not quite the order they commit. Staff
  no longer choose a number: the trigger replaces whatever they give, and they may no
  longer write the counter; the owner's loaders (the demo, the history import) keep
  their numbers.
- **The event-id lock** (``hotline_private.event_order``), taken by every event's
  insert and held to commit, so that ids were drawn in commit order. Ids are now
  drawn without a lock, and each event records its writing transaction
  (``case_event.xact``, ``pg_current_xact_id()``, set by the trigger: nobody chooses
  it). The change feed no longer reads "ids after N" but "events whose transaction
  was not visible to my last read's snapshot and is visible now"
  (``console/core/feed.py``): a transaction that commits late is read then, whatever
  its ids.
- **The notification queue's lock.** ``pg_notify`` in a transaction takes a lock on
  the server's one notification queue at commit and holds it until the commit has
  been flushed to disk: every transaction that notifies commits one after the other.
  A seat's connections now say ``hotline.notify = after_commit`` when they connect
  (``db/engine.py``), the event trigger sends nothing for them, and the seat wakes
  everyone after its commit, in a transaction of its own that waits for no flush
  (``console/core/store.py``). Any other writer (psql, the owner's loaders) is still
  notified by the trigger. A notification is a wake-up, never the data: a seat that
  hears none reads the events at its next wake-up all the same.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IMPORT = importlib.import_module("db.migrations.versions.0017_history_import")

PIN = "SET search_path = pg_catalog, public, pg_temp"
IMPORTING = IMPORT.IMPORTING
DESK = "hotline_operator, hotline_dispatcher, hotline_shift_leader"  # as 0002 granted
PREFIX = "PS"  # console/hotline/intake.py PUBLIC_NO_PREFIX

# The event trigger without the lock; it records the writing transaction.
LOCKED = """    patience text := pg_catalog.current_setting('lock_timeout');
BEGIN
    -- Ids in commit order: one writing transaction at a time from here to its
    -- commit. The lock is a table staff cannot reach, so only this trigger takes it.
    IF patience = '0' THEN
        PERFORM pg_catalog.set_config('lock_timeout', '10s', true);
    END IF;
    LOCK TABLE hotline_private.event_order IN EXCLUSIVE MODE;
    IF patience = '0' THEN
        PERFORM pg_catalog.set_config('lock_timeout', patience, true);
    END IF;
"""
UNLOCKED = """BEGIN
    -- No lock: the change feed reads by the writing transaction's visibility, so ids
    -- need not come in commit order. Nobody chooses the id or the transaction.
    NEW.xact := pg_catalog.pg_current_xact_id();
"""
DECLARE = "DECLARE\n"
assert IMPORT.EVENT_ORDER.count(DECLARE + LOCKED) == 1
EVENT_ORDER = IMPORT.EVENT_ORDER.replace(DECLARE + LOCKED, UNLOCKED)

NOTIFY_ANCHOR = "BEGIN\n    IF pg_catalog.current_setting('hotline.history', true) = 'on' THEN\n"
NOTIFY_AFTER_COMMIT = """BEGIN
    IF pg_catalog.current_setting('hotline.notify', true) = 'after_commit' THEN
        RETURN NULL;  -- a seat's connection: the seat wakes everyone after its commit
    END IF;
    IF pg_catalog.current_setting('hotline.history', true) = 'on' THEN
"""
assert IMPORT.EVENT_NOTIFY.count(NOTIFY_ANCHOR) == 1
EVENT_NOTIFY = IMPORT.EVENT_NOTIFY.replace(NOTIFY_ANCHOR, NOTIFY_AFTER_COMMIT)

NUMBERED = f"""
CREATE FUNCTION public.case_numbered() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER {PIN} AS $$
DECLARE
    today date := (pg_catalog.now() AT TIME ZONE 'Asia/Shanghai')::date;
    base bigint;
    n bigint;
BEGIN
    -- The owner's loaders (the demo, imported history) bring their own numbers.
    IF NEW.public_no IS NOT NULL
       AND (pg_catalog.pg_has_role(session_user, 'hotline_owner', 'MEMBER') OR {IMPORTING}) THEN
        RETURN NEW;
    END IF;
    SELECT d.base INTO base FROM hotline_private.case_number_day d WHERE d.day = today;
    IF NOT FOUND THEN
        -- The day's first case sets the day's base: the sequence as it stands (nothing
        -- drawn), less what the day's counter gave (cases numbered before this
        -- revision, the demo's history). A second first case waits for this one's
        -- commit, once a day, and then reads its base.
        INSERT INTO hotline_private.case_number_day AS d (day, base)
        SELECT today, q.last_value - CASE WHEN q.is_called THEN 0 ELSE 1 END
            - coalesce((SELECT c.last FROM public.case_number_counter c WHERE c.day = today), 0)
        FROM hotline_private.case_no q
        ON CONFLICT (day) DO NOTHING;
        SELECT d.base INTO STRICT base FROM hotline_private.case_number_day d
        WHERE d.day = today;
    END IF;
    n := pg_catalog.nextval('hotline_private.case_no'::pg_catalog.regclass) - base;
    NEW.public_no := '{PREFIX}-' || pg_catalog.to_char(today, 'YYYYMMDD') || '-'
        || CASE WHEN n < 1000000 THEN pg_catalog.lpad(n::pg_catalog.text, 6, '0')
                ELSE n::pg_catalog.text END;
    RETURN NEW;
END $$"""


def upgrade() -> None:
    for statement in (
        "ALTER TABLE case_event ADD COLUMN xact xid8",
        "CREATE INDEX ix_case_event_xact ON case_event (xact)",
        EVENT_ORDER,
        EVENT_NOTIFY,
        "CREATE SEQUENCE hotline_private.case_no",
        "ALTER SEQUENCE hotline_private.case_no OWNER TO hotline_owner",
        "CREATE TABLE hotline_private.case_number_day (day date PRIMARY KEY,"
        " base bigint NOT NULL)",
        "ALTER TABLE hotline_private.case_number_day OWNER TO hotline_owner",
        NUMBERED,
        "ALTER FUNCTION public.case_numbered() OWNER TO hotline_owner",
        "REVOKE ALL ON FUNCTION public.case_numbered() FROM PUBLIC",
        'CREATE TRIGGER case_numbered BEFORE INSERT ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_numbered()",
        # Nobody numbers from the counter any more: it keeps the days numbered before.
        f"REVOKE INSERT, UPDATE ON case_number_counter FROM {DESK}",
    ):
        op.execute(statement)


def downgrade() -> None:
    op.execute(f"GRANT INSERT, UPDATE ON case_number_counter TO {DESK}")
    op.execute('DROP TRIGGER case_numbered ON "case"')
    op.execute("DROP FUNCTION public.case_numbered()")
    # The days numbered since go on in the counter, so a save after the downgrade
    # never takes a number already given.
    op.execute("""INSERT INTO case_number_counter AS c (day, last)
        SELECT d.day, max(pg_catalog.substring(k.public_no, '[0-9]+$')::integer)
        FROM hotline_private.case_number_day d
        JOIN "case" k ON k.public_no LIKE 'PS-' || pg_catalog.to_char(d.day, 'YYYYMMDD') || '-%'
        GROUP BY d.day
        ON CONFLICT (day) DO UPDATE SET last = greatest(c.last, excluded.last)""")
    op.execute("DROP TABLE hotline_private.case_number_day")
    op.execute("DROP SEQUENCE hotline_private.case_no")
    op.execute(IMPORT.EVENT_ORDER)
    op.execute(IMPORT.EVENT_NOTIFY)
    op.execute("DROP INDEX ix_case_event_xact")
    op.execute("ALTER TABLE case_event DROP COLUMN xact")
