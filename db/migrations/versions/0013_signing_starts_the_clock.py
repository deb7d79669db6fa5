"""The unit's clock from signing by the admin's rule, the sign limit and the return
window in that rule, and a street sub-centre that watches, never acts for, its
communities (issue 13, the rest of items 1 and 2).

- ``clock_rule`` gains ``sign_limit_working_hours`` (signing is due that many office
  hours, 09:00–18:00 of working days, after a unit got the case) and
  ``return_window_working_days`` (a unit applies to return the case until the end of
  that many working days after the day it got it). A person's change of a rule row
  (``clock_rule``, ``notice_rule``) is exactly one version further
  (``rule_one_version_further``): a save made against a version read before another
  person's save changes nothing.
- ``case.sign_due_at``: when the unit that has the case is to sign for it. The clock
  trigger (``case_unit_clock``, 0008's, made again) sets it whenever a unit takes the
  case (a dispatch, a settling to another unit, a reopening, a failed verification,
  a leader's decision, a sub-centre's forward to its community) and clears it when
  the case goes back to the centre. By the rule ``sign`` the unit's clock waits: the
  move out of ``dispatched`` into ``in_progress`` (the unit's signing, or the desk's
  start on its behalf) starts it by the category's rule, a fresh escalation round.
  Open cases waiting for their signing get the sign limit from their dispatch.
- ``after_office_hours`` and ``after_working_days`` count as the console does
  (console/units/clocks.py, console/calendar/workdays.py) on ``working_day``;
  ``sign_due(moment)`` and ``return_window_ends(dispatched_at)`` by the rule.
- ``unit_request_rules`` (0009's, one clause more): a return is applied for within the
  window, for everyone but the owner.
- Rows: a unit handler changes only the cases assigned to their own unit (a street
  sub-centre's reach over its communities is for reading), appends events only on
  those and the forward that sent a case on, answers only their own unit's orders.
- A reclass may set ``due_estimated`` with the new deadline, and nothing else may.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

import importlib
from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _older(revision_module: str) -> ModuleType:
    return importlib.import_module(f"db.migrations.versions.{revision_module}")


CLOCKS = _older("0008_fair_clocks")
UNITS = _older("0009_units_at_their_seats")
PIN, TRUSTED = CLOCKS.PIN, CLOCKS.TRUSTED
CENTRE_TZ = CLOCKS.CENTRE_TZ
HANDLER = UNITS.HANDLER
DESK = CLOCKS.DESK
OFFICE_OPENS, OFFICE_CLOSES = "09:00", "18:00"  # console/units/clocks.py
DEFAULT_SIGN_HOURS, DEFAULT_RETURN_DAYS = 2, 1
IN_SCOPE, IN_REACH = UNITS.IN_SCOPE, UNITS.IN_REACH

WORKING = """
        SELECT w.is_working INTO working FROM public.working_day w WHERE w.day = on_day;
        IF NOT FOUND THEN
            working := EXTRACT(ISODOW FROM on_day) < 6;
        END IF;"""

# ``from_moment`` plus ``hours`` counted only within office hours of working days.
OFFICE_HOURS = f"""
CREATE FUNCTION public.after_office_hours(from_moment timestamptz, hours integer)
RETURNS timestamptz LANGUAGE plpgsql STABLE {PIN} AS $$
DECLARE
    at timestamp := from_moment AT TIME ZONE {CENTRE_TZ};
    remaining interval := hours * INTERVAL '1 hour';
    on_day date;
    closes timestamp;
    working boolean;
BEGIN
    IF from_moment IS NULL OR hours IS NULL OR hours < 0 THEN
        RETURN NULL;
    END IF;
    FOR searched IN 1..60 LOOP  -- no working day in two months: a broken calendar
        on_day := at::date;
        closes := on_day + TIME '{OFFICE_CLOSES}';{WORKING}
        IF working AND at < closes THEN
            at := GREATEST(at, on_day + TIME '{OFFICE_OPENS}');
            IF at + remaining <= closes THEN
                RETURN (at + remaining) AT TIME ZONE {CENTRE_TZ};
            END IF;
            remaining := remaining - (closes - at);
        END IF;
        at := (on_day + 1)::timestamp;
    END LOOP;
    RETURN NULL;
END $$"""

# The end of the ``days``-th working day after the day of ``from_moment``.
WORKING_DAYS = f"""
CREATE FUNCTION public.after_working_days(from_moment timestamptz, days integer)
RETURNS timestamptz LANGUAGE plpgsql STABLE {PIN} AS $$
DECLARE
    on_day date := (from_moment AT TIME ZONE {CENTRE_TZ})::date;
    remaining integer := days;
    working boolean;
BEGIN
    IF from_moment IS NULL OR days IS NULL OR days <= 0 THEN
        RETURN NULL;
    END IF;
    FOR searched IN 1..3660 LOOP
        on_day := on_day + 1;{WORKING}
        IF working THEN
            remaining := remaining - 1;
            IF remaining = 0 THEN
                RETURN (on_day + 1)::timestamp AT TIME ZONE {CENTRE_TZ};
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END $$"""

SIGN_DUE = f"""
CREATE FUNCTION public.sign_due(from_moment timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE {PIN} AS $$
    SELECT public.after_office_hours(from_moment, coalesce(
        (SELECT r.sign_limit_working_hours FROM public.clock_rule r WHERE r.id = 1),
        {DEFAULT_SIGN_HOURS}))
$$"""

RETURN_WINDOW = f"""
CREATE FUNCTION public.return_window_ends(dispatched_at timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE {PIN} AS $$
    SELECT public.after_working_days(dispatched_at, coalesce(
        (SELECT r.return_window_working_days FROM public.clock_rule r WHERE r.id = 1),
        {DEFAULT_RETURN_DAYS}))
$$"""

# 0008's clock trigger with the signing: the full body, for whoever replaces it next.
UNIT_CLOCK = f"""
CREATE OR REPLACE FUNCTION public.case_unit_clock() RETURNS trigger LANGUAGE plpgsql
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
        NEW.sign_due_at := NULL;
        RETURN NEW;
    END IF;
    NEW.unit_clock_at := OLD.unit_clock_at;
    NEW.unit_due_at := OLD.unit_due_at;
    NEW.clock_round := OLD.clock_round;
    NEW.first_resolved_at := OLD.first_resolved_at;
    NEW.sign_due_at := OLD.sign_due_at;
    IF moved AND NEW.status = 'dispatched' AND (OLD.status <> 'disputed'
            OR NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id) THEN
        -- A unit takes the case (a dispatch, a dispute settled to another unit, a
        -- reopening, a failed verification, a leader's decision): it signs within the
        -- rule's limit, and its clock is fresh, the next round.
        SELECT r.unit_clock_starts INTO starts FROM public.clock_rule r WHERE r.id = 1;
        NEW.sign_due_at := public.sign_due(pg_catalog.now());
        NEW.clock_round := OLD.clock_round + 1;
        NEW.unit_clock_at := NULL;  -- by the rule 'sign' the unit's signing starts it
        NEW.unit_due_at := NULL;
        IF COALESCE(starts, 'dispatch') = 'dispatch' THEN
            NEW.unit_due_at := public.unit_deadline(NEW.category_id, NEW.urgency,
                                                    pg_catalog.now());
            IF NEW.unit_due_at IS NOT NULL THEN  -- no rule: the case's own deadline counts
                NEW.unit_clock_at := pg_catalog.now();
            END IF;
        END IF;
    ELSIF NOT moved AND NEW.status = 'dispatched'
          AND NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id THEN
        -- A street sub-centre sent it on: its community signs; the clock runs on.
        NEW.sign_due_at := public.sign_due(pg_catalog.now());
    ELSIF moved AND OLD.status = 'dispatched' AND NEW.status = 'in_progress'
          AND OLD.unit_clock_at IS NULL AND OLD.sign_due_at IS NOT NULL THEN
        -- The clock waited for the signing: it starts now, a round of its own.
        NEW.unit_due_at := public.unit_deadline(NEW.category_id, NEW.urgency,
                                                pg_catalog.now());
        IF NEW.unit_due_at IS NOT NULL THEN
            NEW.unit_clock_at := pg_catalog.now();
            NEW.clock_round := OLD.clock_round + 1;
        END IF;
    ELSIF moved AND NEW.status = 'returned' THEN
        NEW.unit_clock_at := NULL;  -- back at the centre: the unit's clock stops
        NEW.unit_due_at := NULL;
        NEW.sign_due_at := NULL;
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

# 0009's request rules, with the return window.
WINDOW_ANCHOR = ("        IF NEW.decision IS NOT NULL OR NEW.decided_by IS NOT NULL"
                 " OR NEW.decided_at IS NOT NULL")
WINDOW_CLAUSE = """        IF NEW.kind = 'return'
           AND pg_catalog.now() > public.return_window_ends(c.dispatched_at) THEN
            RAISE EXCEPTION 'case %: the window to apply for its return closed at %',
                c.public_no, public.return_window_ends(c.dispatched_at)
                USING ERRCODE = 'insufficient_privilege';
        END IF;
"""
assert UNITS.REQUEST_RULES.count(WINDOW_ANCHOR) == 1
REQUEST_RULES = (UNITS.REQUEST_RULES
                 .replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
                 .replace(WINDOW_ANCHOR, WINDOW_CLAUSE + WINDOW_ANCHOR))

ONE_VERSION_FURTHER = f"""
CREATE FUNCTION public.rule_one_version_further() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT {TRUSTED} AND (NEW.version IS DISTINCT FROM OLD.version + 1
                          OR NEW.id IS DISTINCT FROM OLD.id) THEN
        RAISE EXCEPTION '%: a change of the rule is one version further (%, not %)',
            TG_TABLE_NAME, OLD.version + 1, NEW.version USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

# The estimate of a deadline changes with the class that gave the deadline, only.
ESTIMATE = f"""
CREATE FUNCTION public.case_estimate_follows_class() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT {TRUSTED} AND NEW.due_estimated IS DISTINCT FROM OLD.due_estimated
       AND NEW.urgency IS NOT DISTINCT FROM OLD.urgency THEN
        RAISE EXCEPTION 'case %: due_estimated changes only with a reclass', OLD.public_no
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

OWN = f"{IN_SCOPE} IS NULL OR assigned_unit_id = {IN_SCOPE}"
# (table, policy, command, USING, WITH CHECK): restrictive, for everyone.
RESTRICTIONS = [
    ('"case"', "case_moved_by_its_unit", "UPDATE", OWN,
     f"{IN_SCOPE} IS NULL OR assigned_unit_id = {IN_REACH}"),
    ("case_event", "event_by_its_unit", "INSERT", None,
     f"{IN_SCOPE} IS NULL OR EXISTS (SELECT 1 FROM public.\"case\" c"
     " WHERE c.id = case_event.case_id AND (c.assigned_unit_id = " + IN_SCOPE
     + " OR (case_event.kind = 'forward' AND c.dispatched_at = pg_catalog.now())))"),
    ("escalation_order", "order_answered_by_its_unit", "UPDATE",
     f"{IN_SCOPE} IS NULL OR EXISTS (SELECT 1 FROM public.\"case\" c"
     f" WHERE c.id = escalation_order.case_id AND c.assigned_unit_id = {IN_SCOPE})", None),
]

FUNCTIONS = {"after_office_hours(timestamptz, integer)": OFFICE_HOURS,
             "after_working_days(timestamptz, integer)": WORKING_DAYS,
             "sign_due(timestamptz)": SIGN_DUE,
             "return_window_ends(timestamptz)": RETURN_WINDOW,
             "rule_one_version_further()": ONE_VERSION_FURTHER,
             "case_estimate_follows_class()": ESTIMATE}
READ_BY_STAFF = ("after_office_hours(timestamptz, integer)",
                 "after_working_days(timestamptz, integer)", "sign_due(timestamptz)",
                 "return_window_ends(timestamptz)")
RULE_COLUMNS = ("sign_limit_working_hours", "return_window_working_days")


def _up() -> list[str]:
    steps = [
        "ALTER TABLE clock_rule ADD COLUMN sign_limit_working_hours smallint NOT NULL"
        f" DEFAULT {DEFAULT_SIGN_HOURS} CONSTRAINT ck_clock_rule_sign_limit"
        " CHECK (sign_limit_working_hours BETWEEN 1 AND 72),"
        f" ADD COLUMN return_window_working_days smallint NOT NULL DEFAULT {DEFAULT_RETURN_DAYS}"
        " CONSTRAINT ck_clock_rule_return_window"
        " CHECK (return_window_working_days BETWEEN 1 AND 30)",
        f"GRANT UPDATE ({', '.join(RULE_COLUMNS)}) ON clock_rule TO hotline_admin",
        'ALTER TABLE "case" ADD COLUMN sign_due_at timestamptz'
        " CONSTRAINT ck_case_sign_due_at CHECK (sign_due_at IS NULL"
        " OR (sign_due_at >= '2000-01-01 00:00+00' AND sign_due_at < '2200-01-01 00:00+00'))",
        *FUNCTIONS.values(),
    ]
    for signature in FUNCTIONS:
        steps += [f"ALTER FUNCTION public.{signature} OWNER TO hotline_owner",
                  f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC"]
    steps += [f"GRANT EXECUTE ON FUNCTION public.{signature} TO hotline_staff"
              for signature in READ_BY_STAFF]
    steps += [
        # Open cases waiting for their signing: the limit from their dispatch.
        """UPDATE "case" SET sign_due_at = public.sign_due(dispatched_at)
           WHERE status = 'dispatched' AND assigned_unit_id IS NOT NULL
             AND dispatched_at >= '2000-01-01 00:00+00'
             AND dispatched_at < '2199-01-01 00:00+00'""",
        UNIT_CLOCK,
        REQUEST_RULES,
        *(f"CREATE TRIGGER {table}_one_version_further BEFORE UPDATE ON {table}"
          " FOR EACH ROW EXECUTE FUNCTION public.rule_one_version_further()"
          for table in ("clock_rule", "notice_rule")),
        'CREATE TRIGGER case_estimate_follows_class BEFORE UPDATE OF due_estimated ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_estimate_follows_class()",
        # The moves keep sign_due_at (the clock trigger decides it), a reclass the estimate.
        f'GRANT UPDATE (sign_due_at) ON "case" TO {DESK}, {HANDLER}',
        'GRANT UPDATE (due_estimated) ON "case" TO hotline_shift_leader',
    ]
    for table, name, command, using, check in RESTRICTIONS:
        steps.append(f"CREATE POLICY {name} ON {table} AS RESTRICTIVE FOR {command} TO PUBLIC"
                     + (f" USING ({using})" if using else "")
                     + (f" WITH CHECK ({check})" if check else ""))
    return steps


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    for table, name, _command, _using, _check in RESTRICTIONS:
        op.execute(f"DROP POLICY {name} ON {table}")
    op.execute('REVOKE UPDATE (due_estimated) ON "case" FROM hotline_shift_leader')
    op.execute(f'REVOKE UPDATE (sign_due_at) ON "case" FROM {DESK}, {HANDLER}')
    op.execute('DROP TRIGGER case_estimate_follows_class ON "case"')
    for table in ("clock_rule", "notice_rule"):
        op.execute(f"DROP TRIGGER {table}_one_version_further ON {table}")
    op.execute(UNITS.REQUEST_RULES.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(CLOCKS.UNIT_CLOCK.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION public.{signature}")
    op.execute('ALTER TABLE "case" DROP COLUMN sign_due_at')
    op.execute(f"REVOKE UPDATE ({', '.join(RULE_COLUMNS)}) ON clock_rule FROM hotline_admin")
    op.execute("ALTER TABLE clock_rule DROP COLUMN sign_limit_working_hours,"
               " DROP COLUMN return_window_working_days")
