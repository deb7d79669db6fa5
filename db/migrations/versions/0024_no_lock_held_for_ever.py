"""No lock held for ever: a staff session that keeps others waiting is ended.

A staff login's timeouts (``lock_timeout``, ``statement_timeout``,
``idle_in_transaction_session_timeout``, 0007) are its role's defaults, and anyone may
``SET`` them to 0 in their own session. With psql and their own password a member of
staff could then ``BEGIN; LOCK TABLE caller IN SHARE MODE;`` (any table they may
update) and leave it: every save that records a caller would wait its 10 s and fail,
at every seat, for as long as the session stayed open.

``public.end_held_locks()`` ends such sessions. It looks for a session of this
database that has waited for a lock longer than the limit (30 s, kept in
``hotline_private.lock_watch``, which staff cannot reach) and ends each session that
blocks it when that one is a member of staff whose transaction has been open longer
than the limit too. Seats' own transactions last milliseconds; a session held open by
hand is what it finds. Administrators' sessions are left alone: they run the long
history imports, and they may change the centre's rules anyway. Every seat calls it
before its sweep (every 30–40 s, ``console/core/lock_watch.py``), so a held lock is
gone within about a minute of the limit.

Ending another role's session needs ``pg_signal_backend``, and seeing when its
transaction began needs ``pg_read_all_stats``: the migration grants both to
``hotline_owner`` when it may (a superuser runs it); otherwise it warns, the function
ends nothing and returns -1 (the seat logs that once), and README's shared-server
steps give the two grants.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"
LIMIT_S = 30

END_HELD_LOCKS = f"""
CREATE FUNCTION public.end_held_locks() RETURNS integer LANGUAGE plpgsql
SECURITY DEFINER {PIN} AS $$
DECLARE
    wait_limit interval := (SELECT w.limit_s FROM hotline_private.lock_watch w)
        * interval '1 second';
    holder record;
    ended integer := 0;
BEGIN
    IF NOT (pg_catalog.pg_has_role('pg_signal_backend', 'MEMBER')
            AND pg_catalog.pg_has_role('pg_read_all_stats', 'MEMBER')) THEN
        RETURN -1;  -- not granted (see the migration's words): the seat says so once
    END IF;
    FOR holder IN
        SELECT a.pid, a.usename FROM pg_catalog.pg_stat_activity a
        WHERE a.datname = pg_catalog.current_database()
          AND a.xact_start < pg_catalog.clock_timestamp() - wait_limit
          AND pg_catalog.pg_has_role(a.usesysid, 'hotline_staff', 'MEMBER')
          AND NOT pg_catalog.pg_has_role(a.usesysid, 'hotline_admin', 'MEMBER')
          AND EXISTS (
              SELECT 1 FROM pg_catalog.pg_locks l
              WHERE NOT l.granted
                AND l.waitstart < pg_catalog.clock_timestamp() - wait_limit
                AND a.pid = ANY (pg_catalog.pg_blocking_pids(l.pid)))
    LOOP
        IF pg_catalog.pg_terminate_backend(holder.pid) THEN
            ended := ended + 1;
            RAISE LOG 'hotline: ended session % of % (it held a lock others waited on)',
                holder.pid, holder.usename;
        END IF;
    END LOOP;
    RETURN ended;
END $$"""

GRANTS = """
DO $$ BEGIN
    GRANT pg_signal_backend, pg_read_all_stats TO hotline_owner;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'hotline: a superuser must GRANT pg_signal_backend, pg_read_all_stats'
        ' TO hotline_owner, or a session holding a lock is not ended (README)';
END $$"""


def upgrade() -> None:
    for statement in (
        "CREATE TABLE hotline_private.lock_watch (one boolean PRIMARY KEY DEFAULT true"
        " CHECK (one), limit_s integer NOT NULL CHECK (limit_s > 0))",
        f"INSERT INTO hotline_private.lock_watch (limit_s) VALUES ({LIMIT_S})",
        "ALTER TABLE hotline_private.lock_watch OWNER TO hotline_owner",
        END_HELD_LOCKS,
        "ALTER FUNCTION public.end_held_locks() OWNER TO hotline_owner",
        "REVOKE ALL ON FUNCTION public.end_held_locks() FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION public.end_held_locks() TO hotline_staff",
        GRANTS,
    ):
        op.execute(statement)


def downgrade() -> None:
    # The owner keeps the two built-in roles: a grant another database's revision may
    # rely on is not this database's to take back (0009's lesson).
    op.execute("DROP FUNCTION public.end_held_locks()")
    op.execute("DROP TABLE hotline_private.lock_watch")
