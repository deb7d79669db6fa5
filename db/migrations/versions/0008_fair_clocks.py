"""Fair clocks and field verification (issue 13, items 2 and 3).

- The responsible unit's clock: ``unit_clock_at`` (when it started) and
  ``unit_due_at`` (its deadline by the category's rule, computed by
  ``public.unit_deadline`` from the same calendar and rules the console uses),
  ``clock_round`` (the escalation round of the running clock) and
  ``first_resolved_at`` (a reopening no longer loses the first resolution).
  For staff the database keeps these columns itself (``case_unit_clock``): a
  dispatch, a settling to another unit, a reopening and a failed verification
  start a fresh clock; a return stops it; resuming a pause moves it on by the
  time it stood still; whatever a login writes there is replaced.
- ``clock_rule``: one admin-editable row saying whether a unit's clock starts at
  dispatch or at signing (``sign``: the clock waits for the unit's signing move).
- Grid workers' reports are verified in the field, not called back:
  ``verification`` records the squad's result; a callback row on a grid report
  is refused for everyone; a case leaves ``resolved`` only with the callback (a
  case with a caller) or the verification (a grid report) of the person who moves
  it, made in the same transaction (``case_leaves_resolved``).
- Two move-table rows for the verifications a dispatcher records.

Older functions are not replaced: the new triggers sit beside 0007's.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, public, pg_temp"
TRUSTED = "pg_catalog.pg_has_role(current_user, 'hotline_owner', 'MEMBER')"
GRID = "'grid_worker'"
CENTRE_TZ = "'Asia/Shanghai'"
CLOCK_COLUMNS = ("unit_clock_at", "unit_due_at", "clock_round", "first_resolved_at")
DESK = "hotline_operator, hotline_dispatcher, hotline_shift_leader, hotline_supervisor"
VERIFIERS = "hotline_operator, hotline_dispatcher"
# verify_passed (resolved -> closed) and verify_failed (resolved -> dispatched) by a
# dispatcher; an operator had both status changes already (callback, reopen).
MOVES = [("resolved", "closed", "dispatcher"), ("resolved", "dispatched", "dispatcher")]
# Rows stored before 0007's checks with dates out of range are left as they are (an
# update would have to mend them first): no unit clock, round 1.
READABLE_ROW = " AND ".join(
    f"(c.{c} IS NULL OR (c.{c} >= '2000-01-01 00:00+00' AND c.{c} < '2200-01-01 00:00+00'))"
    for c in ("due_at", "paused_at", "created_at", "updated_at", "accepted_at",
              "dispatched_at", "resolved_at", "closed_at"))
BACKFILLED = ("c.status IN ('dispatched', 'in_progress', 'disputed', 'resolved', 'closed')"
              " AND c.assigned_unit_id IS NOT NULL AND c.dispatched_at >= '2000-01-01 00:00+00'"
              " AND c.dispatched_at < c.due_at AND c.due_at < '2200-01-01 00:00+00'")

# The limit of the category's rule (its own for the class, else the nearest
# ancestor's, else the category's own), from ``from_moment``: the same counting as
# console/calendar/workdays.py (the day of the start not counted; the end of the Nth
# working day, 00:00 of the next day in the centre's zone; hours around the clock).
UNIT_DEADLINE = f"""
CREATE FUNCTION public.unit_deadline(for_category integer, for_urgency text,
                                     from_moment timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE {PIN} AS $$
DECLARE
    node integer := for_category;
    parent integer;
    limit_h integer;
    limit_d integer;
    ruled boolean := false;
    depth integer := 0;
    on_day date;
    remaining integer;
    working boolean;
BEGIN
    WHILE node IS NOT NULL AND depth < 32 LOOP
        SELECT r.limit_hours, r.limit_working_days INTO limit_h, limit_d
        FROM public.deadline_rule r WHERE r.category_id = node AND r.urgency = for_urgency;
        IF FOUND THEN
            ruled := true;
            EXIT;
        END IF;
        parent := NULL;
        SELECT c.parent_id INTO parent FROM public.category c WHERE c.id = node;
        node := parent;
        depth := depth + 1;
    END LOOP;
    IF NOT ruled THEN
        SELECT c.limit_hours, c.limit_working_days INTO limit_h, limit_d
        FROM public.category c WHERE c.id = for_category;
    END IF;
    IF limit_h IS NOT NULL THEN
        RETURN from_moment + limit_h * INTERVAL '1 hour';
    END IF;
    IF limit_d IS NULL OR limit_d <= 0 OR from_moment IS NULL THEN
        RETURN NULL;
    END IF;
    on_day := (from_moment AT TIME ZONE {CENTRE_TZ})::date;
    remaining := limit_d;
    WHILE remaining > 0 LOOP
        on_day := on_day + 1;
        IF on_day > (from_moment AT TIME ZONE {CENTRE_TZ})::date + 3660 THEN
            RETURN NULL;  -- a calendar with no working day for ten years: no limit
        END IF;
        SELECT w.is_working INTO working FROM public.working_day w WHERE w.day = on_day;
        IF NOT FOUND THEN
            working := EXTRACT(ISODOW FROM on_day) < 6;
        END IF;
        IF working THEN
            remaining := remaining - 1;
        END IF;
    END LOOP;
    RETURN (on_day + 1)::timestamp AT TIME ZONE {CENTRE_TZ};
END $$"""

# The clock columns as a move leaves them (for staff; the owner loads data as it was).
UNIT_CLOCK = f"""
CREATE FUNCTION public.case_unit_clock() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    moved boolean := NEW.status IS DISTINCT FROM OLD.status;
    starts text;
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.unit_clock_at := NULL;
        NEW.unit_due_at := NULL;
        NEW.clock_round := 1;
        NEW.first_resolved_at := NULL;
        RETURN NEW;
    END IF;
    NEW.unit_clock_at := OLD.unit_clock_at;
    NEW.unit_due_at := OLD.unit_due_at;
    NEW.clock_round := OLD.clock_round;
    NEW.first_resolved_at := OLD.first_resolved_at;
    IF moved AND NEW.status = 'dispatched' AND (OLD.status <> 'disputed'
            OR NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id) THEN
        -- A unit takes the case (a dispatch, a dispute settled to another unit, a
        -- reopening, a failed verification): a fresh clock, the next round.
        SELECT r.unit_clock_starts INTO starts FROM public.clock_rule r WHERE r.id = 1;
        NEW.clock_round := OLD.clock_round + 1;
        IF COALESCE(starts, 'dispatch') = 'dispatch' THEN
            NEW.unit_clock_at := pg_catalog.now();
            NEW.unit_due_at := public.unit_deadline(NEW.category_id, NEW.urgency,
                                                    pg_catalog.now());
            IF NEW.unit_due_at IS NULL THEN
                NEW.unit_clock_at := NULL;  -- no rule: the case's own deadline counts
            END IF;
        ELSE
            NEW.unit_clock_at := NULL;  -- the unit's signing starts it
            NEW.unit_due_at := NULL;
        END IF;
    ELSIF moved AND NEW.status = 'returned' THEN
        NEW.unit_clock_at := NULL;  -- back at the centre: the unit's clock stops
        NEW.unit_due_at := NULL;
    ELSIF OLD.paused_at IS NOT NULL AND NEW.paused_at IS NULL AND OLD.unit_due_at IS NOT NULL
          THEN
        NEW.unit_due_at := OLD.unit_due_at
            + (pg_catalog.now() - GREATEST(OLD.paused_at, OLD.unit_clock_at));
    END IF;
    IF moved AND NEW.status = 'resolved' AND OLD.first_resolved_at IS NULL THEN
        NEW.first_resolved_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END $$"""

# A resolved case leaves only with the record of what decided it, made by the
# person who moves it in this transaction: the callback for a case with a caller,
# the field verification for a grid report.
LEAVES_RESOLVED = f"""
CREATE FUNCTION public.case_leaves_resolved() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF {TRUSTED} OR OLD.status <> 'resolved' OR NEW.status = 'resolved' THEN
        RETURN NEW;
    END IF;
    IF NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id THEN
        RAISE EXCEPTION 'case %: a reopened case goes back to the unit that resolved it',
            OLD.public_no USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.channel = {GRID} THEN
        IF NOT EXISTS (SELECT 1 FROM public.verification v
                       WHERE v.case_id = OLD.id AND v.verifier = session_user
                         AND v.at = pg_catalog.now()
                         AND v.result = CASE NEW.status WHEN 'closed' THEN 'passed'
                                                        WHEN 'dispatched' THEN 'failed' END)
        THEN
            RAISE EXCEPTION 'case %: a grid report is closed or reopened by its field '
                'verification', OLD.public_no USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM public.callback b
                      WHERE b.case_id = OLD.id AND b.operator = session_user
                        AND b.at = pg_catalog.now()
                        AND ((NEW.status = 'closed' AND b.result IN ('satisfied', 'unreachable'))
                             OR (NEW.status = 'dispatched' AND b.result = 'not_fixed'))) THEN
        RAISE EXCEPTION 'case %: a resolved case is closed or reopened by its callback',
            OLD.public_no USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

# Callbacks are for cases with a caller: none on a grid worker's report, for anyone.
CALLBACK_NEEDS_CALLER = f"""
CREATE FUNCTION public.callback_needs_a_caller() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public."case" c WHERE c.id = NEW.case_id AND c.channel = {GRID})
    THEN
        RAISE EXCEPTION 'a grid worker''s report has no caller to call back: it is verified'
            ' in the field' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$"""

# A verification is of a grid report (for anyone); staff record it of a resolved
# one, now.
VERIFICATION_OF_GRID = f"""
CREATE FUNCTION public.verification_of_a_grid_report() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    found_status text;
    found_channel text;
BEGIN
    SELECT c.status, c.channel INTO found_status, found_channel
    FROM public."case" c WHERE c.id = NEW.case_id;
    IF found_channel IS NULL OR found_channel <> {GRID} THEN
        RAISE EXCEPTION 'only a grid worker''s report is verified in the field'
            USING ERRCODE = 'check_violation';
    END IF;
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    NEW.at := pg_catalog.now();
    IF found_status <> 'resolved' THEN
        RAISE EXCEPTION 'a case is verified once it is resolved, not when %', found_status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

FUNCTIONS = {"unit_deadline(integer, text, timestamptz)": UNIT_DEADLINE,
             "case_unit_clock()": UNIT_CLOCK, "case_leaves_resolved()": LEAVES_RESOLVED,
             "callback_needs_a_caller()": CALLBACK_NEEDS_CALLER,
             "verification_of_a_grid_report()": VERIFICATION_OF_GRID}


def _up() -> list[str]:
    steps = [
        'ALTER TABLE "case" ADD COLUMN unit_clock_at timestamptz,'
        " ADD COLUMN unit_due_at timestamptz,"
        " ADD COLUMN clock_round smallint NOT NULL DEFAULT 1,"
        " ADD COLUMN first_resolved_at timestamptz",
        # Cases dispatched before their deadline keep it as the unit's, from the
        # dispatch (their limit is not recomputed); others (none dispatched, late, or
        # dates out of range) have no unit clock and count by due_at as before. The
        # round is the one the sweeper used (1 + reopenings); the first resolution is
        # the earliest 'resolve' event.
        f"""UPDATE "case" c SET
               unit_clock_at = CASE WHEN {BACKFILLED} THEN c.dispatched_at END,
               unit_due_at = CASE WHEN {BACKFILLED} THEN c.due_at END,
               clock_round = 1 + (SELECT pg_catalog.count(*) FROM case_event e
                                  WHERE e.case_id = c.id AND e.kind = 'reopen'),
               first_resolved_at = (
                   SELECT f.at FROM (SELECT COALESCE(
                       (SELECT pg_catalog.min(e.at) FROM case_event e
                        WHERE e.case_id = c.id AND e.kind = 'resolve'), c.resolved_at) AS at) f
                   WHERE f.at >= '2000-01-01 00:00+00' AND f.at < '2200-01-01 00:00+00')
           WHERE {READABLE_ROW}""",
        'ALTER TABLE "case" ADD CONSTRAINT ck_case_unit_clock'
        " CHECK ((unit_clock_at IS NULL) = (unit_due_at IS NULL))",
        'ALTER TABLE "case" ADD CONSTRAINT ck_case_clock_timestamps CHECK ('
        + " AND ".join(f"({c} IS NULL OR ({c} >= '2000-01-01 00:00+00'"
                       f" AND {c} < '2200-01-01 00:00+00'))"
                       for c in ("unit_clock_at", "unit_due_at", "first_resolved_at")) + ")",
        'ALTER TABLE "case" ADD CONSTRAINT ck_case_clock_round CHECK (clock_round >= 1)',
        """CREATE TABLE clock_rule (
            id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
            unit_clock_starts varchar(8) NOT NULL DEFAULT 'dispatch'
                CONSTRAINT ck_clock_rule_unit_clock_starts
                CHECK (unit_clock_starts IN ('dispatch', 'sign')),
            version integer NOT NULL DEFAULT 1 CHECK (version >= 1))""",
        "INSERT INTO clock_rule DEFAULT VALUES",
        "ALTER TABLE clock_rule OWNER TO hotline_owner",
        "GRANT SELECT ON clock_rule TO hotline_staff",
        "GRANT UPDATE (unit_clock_starts, version) ON clock_rule TO hotline_admin",
        """CREATE TABLE verification (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            case_id uuid NOT NULL REFERENCES "case"(id),
            at timestamptz NOT NULL DEFAULT now(),
            verifier varchar(64) NOT NULL DEFAULT session_user,
            result varchar(8) NOT NULL
                CONSTRAINT ck_verification_result CHECK (result IN ('passed', 'failed')),
            note text NOT NULL DEFAULT '',
            CONSTRAINT ck_verification_failed_with_reason
                CHECK (result = 'passed' OR char_length(btrim(note)) > 0),
            CONSTRAINT ck_verification_at
                CHECK (at >= '2000-01-01 00:00+00' AND at < '2200-01-01 00:00+00'))""",
        "CREATE INDEX ix_verification_case_id ON verification (case_id)",
        "ALTER TABLE verification OWNER TO hotline_owner",
        "GRANT SELECT ON verification TO hotline_staff",
        f"GRANT INSERT (case_id, verifier, result, note) ON verification TO {VERIFIERS}",
        *FUNCTIONS.values(),
    ]
    for signature in FUNCTIONS:
        steps += [f"ALTER FUNCTION public.{signature} OWNER TO hotline_owner",
                  f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC"]
    steps += [
        "GRANT EXECUTE ON FUNCTION public.unit_deadline(integer, text, timestamptz)"
        " TO hotline_staff",
        'CREATE TRIGGER case_unit_clock BEFORE INSERT OR UPDATE ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_unit_clock()",
        'CREATE TRIGGER case_leaves_resolved BEFORE UPDATE ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_leaves_resolved()",
        "CREATE TRIGGER callback_needs_a_caller BEFORE INSERT ON callback"
        " FOR EACH ROW EXECUTE FUNCTION public.callback_needs_a_caller()",
        "CREATE TRIGGER verification_of_a_grid_report BEFORE INSERT ON verification"
        " FOR EACH ROW EXECUTE FUNCTION public.verification_of_a_grid_report()",
        "CREATE TRIGGER verification_who BEFORE INSERT OR UPDATE ON verification"
        " FOR EACH ROW EXECUTE FUNCTION public.hotline_who_is_session_user('verifier')",
        # The moves keep the clock columns (the trigger decides their values).
        f'GRANT UPDATE ({", ".join(CLOCK_COLUMNS)}) ON "case" TO {DESK}',
        "INSERT INTO case_transition VALUES "
        + ", ".join(f"('{a}', '{b}', '{g}')" for a, b, g in MOVES),
    ]
    return steps


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    for a, b, g in MOVES:
        op.execute(f"DELETE FROM case_transition WHERE from_status = '{a}'"
                   f" AND to_status = '{b}' AND group_role = '{g}'")
    op.execute(f'REVOKE UPDATE ({", ".join(CLOCK_COLUMNS)}) ON "case" FROM {DESK}')
    op.execute('DROP TRIGGER case_unit_clock ON "case"')
    op.execute('DROP TRIGGER case_leaves_resolved ON "case"')
    op.execute("DROP TRIGGER callback_needs_a_caller ON callback")
    op.execute("DROP TABLE verification")
    op.execute("DROP TABLE clock_rule")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION public.{signature}")
    for constraint in ("ck_case_unit_clock", "ck_case_clock_timestamps", "ck_case_clock_round"):
        op.execute(f'ALTER TABLE "case" DROP CONSTRAINT {constraint}')
    op.execute('ALTER TABLE "case" DROP COLUMN unit_clock_at, DROP COLUMN unit_due_at,'
               " DROP COLUMN clock_round, DROP COLUMN first_resolved_at")
