"""History import (issue 15, item 4): an admin brings past cases in from another
system's export, marked as imported, with their own times, and they never start
the escalation ladder, alerts or citizen notices.

- ``case.imported_from`` / ``imported_id``: the source and its id for the case, unique
  per source (importing the same file twice adds nothing); ``imported_on_time``: the
  source's verdict on the case's on-time status, the truth for the statistics. Only
  the owner writes them (``case_imported_by_owner``): staff insert cases, and a case
  marked imported would escape the ladder.
- ``import_profile``: the column mappings and the admin's value mappings (unknown
  categories, streets, communities, units mapped or created), one row per profile,
  shared by every admin's seat; a save is one version further.
- The admin's own login writes the rows: it COPYs a chunk into the staging table
  ``history_import_row`` (unlogged; its rows live only inside the importing
  transaction) and ``history_import_cases(batch, source)`` (as the owner) checks and
  moves them into ``case`` (the seat leaves out the ids the source gave before; one
  another import brought meanwhile fails this one on the unique index, whole). At the
  end ``history_import_events()`` appends one
  ``imported`` event per case made in this transaction, at the case's own time: the
  event trigger keeps ``at`` for the owner's loader (0015) and now also while this
  function marks the transaction in ``hotline_private.history_import`` (a table staff
  cannot reach), and no notification is sent for each of them: the service's summary
  event that follows wakes every seat once. Events come last, so the event-id lock is
  held only for that statement and the commit.
- ``citizen_message_queue`` tells nobody of an imported case.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HISTORY = importlib.import_module("db.migrations.versions.0015_history_keeps_its_times")
HARDENED = importlib.import_module("db.migrations.versions.0007_nobody_acts_as_the_owner")
NOTICES = importlib.import_module("db.migrations.versions.0011_citizen_notices")

PIN = "SET search_path = pg_catalog, public, pg_temp"
TRUSTED = "pg_catalog.pg_has_role(current_user, 'hotline_owner', 'MEMBER')"
ADMIN = "pg_catalog.pg_has_role(session_user, 'hotline_admin', 'MEMBER')"
IMPORTING = ("EXISTS (SELECT 1 FROM hotline_private.history_import h"
             " WHERE h.xact = pg_catalog.pg_current_xact_id())")
NATURES = "('complaint', 'consultation', 'suggestion', 'request', 'thanks', 'other')"
STATUSES = "('accepted', 'closed')"  # open at the centre, or finished
SOURCE_PATTERN = "^[a-z0-9][a-z0-9_.:-]{0,31}$"

# The event trigger keeps ``at`` for the owner's loader, and for this transaction's
# history import.
OWNER_LOADER = "       OR NOT pg_catalog.pg_has_role(session_user, 'hotline_owner', 'MEMBER')\n"
OWNER_OR_IMPORT = (f"       OR NOT (pg_catalog.pg_has_role(session_user, 'hotline_owner', 'MEMBER')"
                   f"\n               OR {IMPORTING})\n")
assert HISTORY.EVENT_ORDER.count(OWNER_LOADER) == 1
EVENT_ORDER = HISTORY.EVENT_ORDER.replace(OWNER_LOADER, OWNER_OR_IMPORT)

# As the owner (it reads hotline_private; it does nothing a person chooses), and only
# when the transaction asked for history.
NOTIFY_ANCHOR = "BEGIN\n    PERFORM pg_catalog.pg_notify"
NOTIFY_UNLESS_IMPORT = f"""BEGIN
    IF pg_catalog.current_setting('hotline.history', true) = 'on' THEN
        IF {IMPORTING} THEN
            RETURN NULL;  -- an imported case's event: the summary event that follows wakes all
        END IF;
    END IF;
    PERFORM pg_catalog.pg_notify"""
NOTIFY_INVOKER = "LANGUAGE plpgsql\n"
assert HARDENED.EVENT_NOTIFY.count(NOTIFY_ANCHOR) == 1
assert HARDENED.EVENT_NOTIFY.count(NOTIFY_INVOKER) == 1
EVENT_NOTIFY = (HARDENED.EVENT_NOTIFY.replace(NOTIFY_ANCHOR, NOTIFY_UNLESS_IMPORT)
                .replace(NOTIFY_INVOKER, "LANGUAGE plpgsql\nSECURITY DEFINER "))

NOBODY_ANCHOR = "    IF c.caller_phone IS NULL OR c.channel = 'grid_worker' THEN\n"
NOBODY_OR_IMPORTED = ("    IF c.caller_phone IS NULL OR c.channel = 'grid_worker'"
                      " OR c.imported_from IS NOT NULL THEN\n")
assert NOTICES.QUEUE.count(NOBODY_ANCHOR) == 1
QUEUE = (NOTICES.QUEUE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
         .replace(NOBODY_ANCHOR, NOBODY_OR_IMPORTED))

TABLES = [
    'ALTER TABLE "case" ADD COLUMN imported_from varchar(32),'
    " ADD COLUMN imported_id varchar(64), ADD COLUMN imported_on_time boolean,"
    " ADD CONSTRAINT ck_case_imported CHECK ((imported_from IS NULL) = (imported_id IS NULL)"
    " AND (imported_on_time IS NULL OR imported_from IS NOT NULL))",
    'CREATE UNIQUE INDEX uq_case_imported_from_imported_id ON "case"'
    " (imported_from, imported_id)",
    """CREATE TABLE import_profile (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name varchar(64) NOT NULL CONSTRAINT uq_import_profile_name UNIQUE
            CONSTRAINT ck_import_profile_name CHECK (char_length(btrim(name)) BETWEEN 1 AND 64),
        definition jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        changed_by varchar(64) NOT NULL DEFAULT session_user,
        changed_at timestamptz NOT NULL DEFAULT now())""",
    """CREATE UNLOGGED TABLE history_import_row (
        batch uuid NOT NULL,
        line integer NOT NULL,
        case_id uuid NOT NULL,
        imported_id varchar(64) NOT NULL,
        channel varchar(24) NOT NULL,
        nature varchar(16) NOT NULL,
        category_id integer NOT NULL,
        status varchar(16) NOT NULL,
        text text NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        lon double precision,
        lat double precision,
        street_code varchar(16),
        community_code varchar(16),
        assigned_unit_id integer,
        due_at timestamptz,
        created_at timestamptz NOT NULL,
        accepted_at timestamptz,
        dispatched_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        on_time boolean)""",
    "CREATE SEQUENCE history_case_no",
    "CREATE TABLE hotline_private.history_import (xact xid8 PRIMARY KEY)",
    "CREATE UNLOGGED TABLE hotline_private.history_import_made (xact xid8 NOT NULL,"
    " case_id uuid NOT NULL)",
    "CREATE INDEX ix_history_import_made_xact ON hotline_private.history_import_made (xact)",
]

# Only the owner marks a case imported: a staff insert naming a source is refused.
IMPORTED_BY_OWNER = f"""
CREATE FUNCTION public.case_imported_by_owner() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT {TRUSTED} THEN
        RAISE EXCEPTION 'a case is marked imported only by the history import'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

TIMES = ("accepted_at", "dispatched_at", "resolved_at", "closed_at")
LATER = " OR ".join(f"r.{t} < r.created_at OR r.{t} > pg_catalog.now()" for t in TIMES)

CASES = f"""
CREATE FUNCTION public.history_import_cases(p_batch uuid, p_source text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
DECLARE
    bad integer;
    made integer;
BEGIN
    IF NOT {ADMIN} THEN
        RAISE EXCEPTION 'only an admin imports history' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_source IS NULL OR p_source !~ '{SOURCE_PATTERN}' THEN
        RAISE EXCEPTION 'a source is 1 to 32 lower-case letters, digits and _.:-'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- What the seat checked already, checked again: a history case is finished or open
    -- at the centre with its deadline, of a leaf category, in known words, in the past.
    SELECT r.line INTO bad FROM public.history_import_row r
    LEFT JOIN public.category k ON k.id = r.category_id
    WHERE r.batch = p_batch AND (
        r.status NOT IN {STATUSES} OR r.nature NOT IN {NATURES}
        OR k.level IS DISTINCT FROM 3 OR pg_catalog.btrim(r.imported_id) = ''
        OR r.created_at > pg_catalog.now() OR {LATER}
        OR (r.status = 'accepted' AND (r.due_at IS NULL OR r.resolved_at IS NOT NULL
                                       OR r.closed_at IS NOT NULL OR r.on_time IS NOT NULL)))
    ORDER BY r.line LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'line % cannot be imported as history', bad
            USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO public."case" (id, public_no, channel, nature, text, address, lon, lat,
        street_code, community_code, category_id, urgency, status, assigned_unit_id,
        due_at, created_at, updated_at, accepted_at, dispatched_at, resolved_at,
        first_resolved_at, closed_at, imported_from, imported_id, imported_on_time)
    SELECT r.case_id,
        'H' || pg_catalog.to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
            || '-' || pg_catalog.lpad(pg_catalog.nextval(
                'public.history_case_no'::pg_catalog.regclass)::text, 8, '0'),
        r.channel, r.nature, r.text, r.address, r.lon, r.lat, r.street_code,
        r.community_code, r.category_id, coalesce(k.urgency, 'B'), r.status,
        r.assigned_unit_id, r.due_at, r.created_at,
        GREATEST(r.created_at, r.accepted_at, r.dispatched_at, r.resolved_at,
                 r.closed_at),
        r.accepted_at, r.dispatched_at, r.resolved_at, r.resolved_at, r.closed_at,
        p_source, r.imported_id, r.on_time
    FROM public.history_import_row r JOIN public.category k ON k.id = r.category_id
    WHERE r.batch = p_batch
    ORDER BY r.line;
    -- Every staged row made its case, or the statement failed: an id the source gave
    -- before (the seat leaves those out; another import may have brought it meanwhile)
    -- breaks the unique index, and the whole import with it. Nothing here reads "case",
    -- whose fresh rows have no statistics: each chunk costs the same.
    INSERT INTO hotline_private.history_import_made (xact, case_id)
    SELECT pg_catalog.pg_current_xact_id(), r.case_id
    FROM public.history_import_row r WHERE r.batch = p_batch;
    GET DIAGNOSTICS made = ROW_COUNT;
    DELETE FROM public.history_import_row WHERE batch = p_batch;
    RETURN made;
END $$"""

EVENTS = f"""
CREATE FUNCTION public.history_import_events() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
DECLARE
    was text := pg_catalog.current_setting('hotline.history', true);
    told integer;
BEGIN
    IF NOT {ADMIN} THEN
        RAISE EXCEPTION 'only an admin imports history' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO hotline_private.history_import VALUES (pg_catalog.pg_current_xact_id());
    PERFORM pg_catalog.set_config('hotline.history', 'on', true);
    INSERT INTO public.case_event (case_id, at, kind, payload)
    SELECT c.id, c.created_at, 'imported', pg_catalog.jsonb_build_object(
        'public_no', c.public_no, 'status', c.status, 'occurred_at', c.created_at,
        'source', c.imported_from, 'source_id', c.imported_id)
    FROM hotline_private.history_import_made m JOIN public."case" c ON c.id = m.case_id
    WHERE m.xact = pg_catalog.pg_current_xact_id()
    ORDER BY c.created_at, c.id;
    GET DIAGNOSTICS told = ROW_COUNT;
    PERFORM pg_catalog.set_config('hotline.history', coalesce(was, ''), true);
    DELETE FROM hotline_private.history_import_made
    WHERE xact = pg_catalog.pg_current_xact_id();
    DELETE FROM hotline_private.history_import WHERE xact = pg_catalog.pg_current_xact_id();
    RETURN told;
END $$"""

FUNCTIONS = ("history_import_cases(uuid, text)", "history_import_events()")


def _up() -> list[str]:
    steps = [*TABLES, IMPORTED_BY_OWNER, CASES, EVENTS, EVENT_ORDER, EVENT_NOTIFY, QUEUE]
    steps += [
        'CREATE TRIGGER case_imported_by_owner BEFORE INSERT OR UPDATE OF imported_from,'
        ' imported_id, imported_on_time ON "case" FOR EACH ROW WHEN (NEW.imported_from IS'
        " NOT NULL OR NEW.imported_id IS NOT NULL OR NEW.imported_on_time IS NOT NULL)"
        " EXECUTE FUNCTION public.case_imported_by_owner()",
        "CREATE TRIGGER import_profile_who BEFORE INSERT OR UPDATE ON import_profile FOR EACH"
        " ROW EXECUTE FUNCTION public.hotline_who_is_session_user('changed_by')",
        "CREATE TRIGGER import_profile_one_version_further BEFORE UPDATE ON import_profile"
        " FOR EACH ROW EXECUTE FUNCTION public.rule_one_version_further()",
    ]
    for table in ("import_profile", "history_import_row"):
        steps += [f"ALTER TABLE {table} OWNER TO hotline_owner",
                  f"REVOKE ALL ON {table} FROM PUBLIC"]
    steps += [
        "ALTER SEQUENCE history_case_no OWNER TO hotline_owner",
        "REVOKE ALL ON SEQUENCE history_case_no FROM PUBLIC, hotline_staff",
        "ALTER TABLE hotline_private.history_import OWNER TO hotline_owner",
        "ALTER TABLE hotline_private.history_import_made OWNER TO hotline_owner",
        "GRANT SELECT, INSERT ON import_profile TO hotline_admin",
        "GRANT UPDATE (definition, version, changed_by, changed_at) ON import_profile"
        " TO hotline_admin",
        "GRANT INSERT ON history_import_row TO hotline_admin",
        "ALTER FUNCTION public.case_imported_by_owner() OWNER TO hotline_owner",
        "REVOKE ALL ON FUNCTION public.case_imported_by_owner() FROM PUBLIC",
    ]
    for function in FUNCTIONS:
        steps += [f"ALTER FUNCTION public.{function} OWNER TO hotline_owner",
                  f"REVOKE ALL ON FUNCTION public.{function} FROM PUBLIC",
                  f"GRANT EXECUTE ON FUNCTION public.{function} TO hotline_admin"]
    return steps


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    op.execute(NOTICES.QUEUE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(HARDENED.EVENT_NOTIFY)
    op.execute(HISTORY.EVENT_ORDER)
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION public.{function}")
    op.execute('DROP TRIGGER case_imported_by_owner ON "case"')
    op.execute("DROP FUNCTION public.case_imported_by_owner()")
    op.execute("DROP TABLE hotline_private.history_import_made")
    op.execute("DROP TABLE hotline_private.history_import")
    op.execute("DROP SEQUENCE history_case_no")
    op.execute("DROP TABLE history_import_row")
    op.execute("DROP TABLE import_profile")
    op.execute('ALTER TABLE "case" DROP COLUMN imported_on_time, DROP COLUMN imported_id,'
               " DROP COLUMN imported_from")
