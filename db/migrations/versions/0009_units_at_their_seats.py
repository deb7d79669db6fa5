"""Responsible units work at their own seats (issue 13, item 1).

- A group ``hotline_unit_handler`` (承办单位) for the people of a unit, and the
  link of a staff member to their unit (``staff.unit_id``). A handler sees and
  changes only the cases assigned to their unit, those cases' events, callers,
  orders, callbacks and requests: restrictive row-level policies for everyone,
  keyed on the *session's* login (``hotline_unit_scope()``), so ``SET ROLE``
  to a group with fewer rights does not lift them. Other staff see everything.
- Signing for a case (签收): the handler's move ``dispatched -> in_progress``
  stamps ``case.signed_at``; a dispatch, settling or return clears it (the next
  unit signs again). The handler replies (``in_progress -> resolved``).
- Return and extension requests (退回申请、延期申请) are rows of
  ``unit_request``: applied by a handler of the case's unit, decided once by
  someone else (a return by a dispatcher, an extension by a shift leader or a
  supervisor), then final. The deadline moves only by an extension approved in
  the same transaction, to exactly the deadline it grants.
- Two-level dispatch: a street sub-centre's handler dispatches a case on to a
  community unit of its street (``forward``; the status stays "dispatched");
  a sub-centre's handler sees the cases of those communities too
  (``hotline_unit_reach()``).

Replaces ``case_follows_move()`` (0007) with a body that adds the rules for
``signed_at`` and for the deadline of an approved extension; and the account
functions of 0007, whose list of groups gains ``unit_handler``.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import importlib
from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _older(revision_module: str) -> ModuleType:
    return importlib.import_module(f"db.migrations.versions.{revision_module}")


HARDENED = _older("0007_nobody_acts_as_the_owner")
PIN = HARDENED.PIN
TRUSTED = HARDENED.TRUSTED
OPEN = HARDENED.OPEN
HANDLER = "hotline_unit_handler"
DECIDERS = "hotline_dispatcher, hotline_shift_leader, hotline_supervisor"
MOVES = [("dispatched", "in_progress", "unit_handler"),  # sign (签收)
         ("in_progress", "resolved", "unit_handler")]  # reply with the result
# A handler's moves also run the unit's clock (0008's columns, kept by its triggers).
CLOCKS = _older("0008_fair_clocks")
HANDLER_CASE_COLUMNS = (*HARDENED.MOVE_COLUMNS, *CLOCKS.CLOCK_COLUMNS, "signed_at")
REQUEST_DECISION_COLUMNS = ("decision", "decided_by", "decided_at", "decision_reason",
                            "previous_due_at", "granted_due_at", "version")

# NULL for staff who are not unit handlers (they see everything); a handler's unit,
# or -1 (no unit: sees nothing). Read once per statement as an init plan.
SCOPE = f"""
CREATE FUNCTION public.hotline_unit_scope() RETURNS integer LANGUAGE sql STABLE
{PIN} AS $$
    SELECT CASE WHEN pg_catalog.pg_has_role(session_user, '{HANDLER}', 'MEMBER')
                THEN coalesce((SELECT s.unit_id FROM public.staff s
                               WHERE s.login = session_user AND s.active), -1) END
$$"""
IN_SCOPE = "(SELECT public.hotline_unit_scope())"
# The units a handler works for: their own, and for a street sub-centre (a unit of
# kind 'centre' with a street) the community units of its street, to which it
# dispatches on (two-level dispatch). NULL for staff who are not unit handlers.
REACH = f"""
CREATE FUNCTION public.hotline_unit_reach() RETURNS integer[] LANGUAGE sql STABLE
{PIN} AS $$
    SELECT CASE WHEN s.scope IS NOT NULL THEN pg_catalog.array_append(ARRAY(
               SELECT u.id FROM public.unit c
               JOIN public.unit u ON u.kind = 'community' AND u.street_code = c.street_code
               WHERE c.id = s.scope AND c.kind = 'centre' AND c.street_code IS NOT NULL),
           s.scope) END
    FROM (SELECT public.hotline_unit_scope() AS scope) s
$$"""
# A scalar subquery (an init plan, read once) cast so that ANY takes the array itself.
IN_REACH = "ANY (CAST((SELECT public.hotline_unit_reach()) AS integer[]))"
CASE_VISIBLE = 'EXISTS (SELECT 1 FROM public."case" c WHERE c.id = {col})'
# (table, policy, command, USING, WITH CHECK): restrictive, for everyone.
RESTRICTIONS = [
    ('"case"', "case_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR assigned_unit_id = {IN_REACH}", None),
    ("case_event", "event_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR {CASE_VISIBLE.format(col='case_event.case_id')}"
     # a return that took the case from the unit
     " OR (case_event.payload ->> 'unit_id')"
     " = ANY (CAST((SELECT public.hotline_unit_reach()) AS text[]))",
     f"{IN_SCOPE} IS NULL OR {CASE_VISIBLE.format(col='case_event.case_id')}"),
    ("caller", "caller_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR EXISTS (SELECT 1 FROM public.\"case\" c"
     " WHERE c.caller_id = caller.id)", None),
    ("callback", "callback_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR {CASE_VISIBLE.format(col='callback.case_id')}", None),
    ("escalation_order", "order_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR {CASE_VISIBLE.format(col='escalation_order.case_id')}", None),
    # A unit answers reminders, urges and orders; it never issues one.
    ("escalation_order", "order_issued_by_the_centre", "INSERT", None, f"{IN_SCOPE} IS NULL"),
    ("unit_request", "request_of_my_unit", "ALL",
     f"{IN_SCOPE} IS NULL OR unit_id = {IN_REACH}", None),
]
NEWLY_SECURED = ('"case"', "case_event", "caller", "callback", "unit_request")

REQUEST_TABLE = """
CREATE TABLE public.unit_request (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES public."case" (id),
    unit_id integer NOT NULL REFERENCES public.unit (id),
    kind varchar(16) NOT NULL CHECK (kind IN ('return', 'extension')),
    reason text NOT NULL CHECK (pg_catalog.length(pg_catalog.btrim(reason)) BETWEEN 1 AND 2000),
    days smallint CHECK (days BETWEEN 1 AND 30),
    requested_by varchar(63) NOT NULL DEFAULT session_user,
    requested_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    decision varchar(16) CHECK (decision IN ('approved', 'refused')),
    decided_by varchar(63),
    decided_at timestamptz,
    decision_reason text NOT NULL DEFAULT ''
        CHECK (pg_catalog.length(decision_reason) <= 2000),
    previous_due_at timestamptz,
    granted_due_at timestamptz,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    CONSTRAINT ck_unit_request_days CHECK ((kind = 'extension') = (days IS NOT NULL)),
    CONSTRAINT ck_unit_request_decided CHECK (
        (decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
    CONSTRAINT ck_unit_request_refusal_says_why CHECK (
        decision IS DISTINCT FROM 'refused'
        OR pg_catalog.length(pg_catalog.btrim(decision_reason)) > 0),
    CONSTRAINT ck_unit_request_not_own CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CONSTRAINT ck_unit_request_granted CHECK (
        (kind = 'extension' AND decision = 'approved')
        = (granted_due_at IS NOT NULL AND previous_due_at IS NOT NULL)
        AND (granted_due_at IS NULL OR granted_due_at > previous_due_at))
)"""

REQUEST_RULES = f"""
CREATE FUNCTION public.unit_request_rules() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    c public."case";
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.decision IS NOT NULL) THEN
        -- For everyone, the owner too: a decided request stays as it was decided.
        RAISE EXCEPTION 'request %: a request is kept, and a decided one is final', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT * INTO c FROM public."case" WHERE id = NEW.case_id;
        NEW.requested_at := pg_catalog.now();
        IF NOT pg_catalog.pg_has_role(session_user, '{HANDLER}', 'MEMBER')
           OR c.id IS NULL OR c.assigned_unit_id IS DISTINCT FROM NEW.unit_id
           OR NEW.unit_id IS DISTINCT FROM public.hotline_unit_scope()
           OR c.status NOT IN ('dispatched', 'in_progress') THEN
            RAISE EXCEPTION 'a request is made by a handler of the unit the open case is with'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.decision IS NOT NULL OR NEW.decided_by IS NOT NULL OR NEW.decided_at IS NOT NULL
           OR NEW.decision_reason <> '' OR NEW.previous_due_at IS NOT NULL
           OR NEW.granted_due_at IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a new request is undecided, at version 1'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.version IS DISTINCT FROM OLD.version + 1 OR NEW.decision IS NULL
       OR NEW.case_id <> OLD.case_id OR NEW.unit_id <> OLD.unit_id OR NEW.kind <> OLD.kind
       OR NEW.reason <> OLD.reason OR NEW.days IS DISTINCT FROM OLD.days
       OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
       OR NEW.decided_at <> pg_catalog.now() OR NEW.decided_by <> session_user::text THEN
        RAISE EXCEPTION 'request %: decided once, as it was asked, now, by the one logged in',
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.decided_by = OLD.requested_by THEN
        RAISE EXCEPTION 'request %: nobody decides their own request', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (OLD.kind = 'return'
        AND NOT pg_catalog.pg_has_role(session_user, 'hotline_dispatcher', 'MEMBER'))
       OR (OLD.kind = 'extension'
           AND NOT pg_catalog.pg_has_role(session_user, 'hotline_shift_leader', 'MEMBER')
           AND NOT pg_catalog.pg_has_role(session_user, 'hotline_supervisor', 'MEMBER')) THEN
        RAISE EXCEPTION 'request %: a return is decided by a dispatcher, an extension by a'
            ' shift leader or a supervisor', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.granted_due_at IS NOT NULL AND NEW.previous_due_at IS DISTINCT FROM (
            SELECT c2.due_at FROM public."case" c2 WHERE c2.id = OLD.case_id) THEN
        RAISE EXCEPTION 'request %: an extension starts from the case''s deadline', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""


# 0007's case_follows_move with two more rules: signed_at (set by a handler's
# signing, cleared by a new dispatch or a return) and the deadline of an extension
# approved in this transaction. The full body, for whoever replaces it next.
FOLLOWS_MOVE = f"""
CREATE OR REPLACE FUNCTION public.case_follows_move() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    moved boolean;
    pauser boolean := pg_catalog.pg_has_role(current_user, 'hotline_dispatcher', 'MEMBER')
        OR pg_catalog.pg_has_role(current_user, 'hotline_shift_leader', 'MEMBER')
        OR pg_catalog.pg_has_role(current_user, 'hotline_supervisor', 'MEMBER');
    why text;
    forwarded boolean := false;
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := pg_catalog.now();
        NEW.updated_at := pg_catalog.now();
        NEW.accepted_at := CASE WHEN NEW.status = 'accepted' THEN pg_catalog.now() END;
        IF NEW.assigned_unit_id IS NOT NULL OR NEW.merged_into IS NOT NULL
           OR NEW.paused_at IS NOT NULL OR NEW.dispatched_at IS NOT NULL
           OR NEW.resolved_at IS NOT NULL OR NEW.closed_at IS NOT NULL
           OR NEW.signed_at IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a new case starts unassigned, unpaused, at version 1'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    moved := NEW.status IS DISTINCT FROM OLD.status;
    NEW.updated_at := pg_catalog.now();
    -- Two-level dispatch: a street sub-centre's handler sends a case dispatched to
    -- the sub-centre on to a community unit of its street.
    IF NOT moved AND NEW.status = 'dispatched'
       AND NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id
       AND pg_catalog.pg_has_role(session_user, '{HANDLER}', 'MEMBER') THEN
        forwarded := EXISTS (
            SELECT 1 FROM public.unit c
            JOIN public.unit u ON u.kind = 'community' AND u.street_code = c.street_code
            WHERE c.id = OLD.assigned_unit_id AND c.id = public.hotline_unit_scope()
              AND c.kind = 'centre' AND u.id = NEW.assigned_unit_id AND u.active);
    END IF;
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        why := 'a change of a case is one version further';
    ELSIF NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id AND NOT (
            (moved AND NEW.status = 'dispatched' AND NEW.assigned_unit_id IS NOT NULL)
            OR (moved AND NEW.status = 'returned' AND NEW.assigned_unit_id IS NULL)
            OR forwarded) THEN
        why := 'the unit changes only by dispatch, settling a dispute, a return, or a street'
            || ' sub-centre dispatching on to a community of its street';
    ELSIF NEW.merged_into IS DISTINCT FROM OLD.merged_into
          AND NOT (moved AND NEW.status = 'merged' AND NEW.merged_into IS NOT NULL) THEN
        why := 'a case is merged only by the merge move';
    ELSIF NEW.dispatched_at IS DISTINCT FROM OLD.dispatched_at
          AND NOT ((moved OR forwarded) AND NEW.status = 'dispatched'
                   AND NEW.dispatched_at = pg_catalog.now()) THEN
        why := 'dispatched_at is the time of a dispatch';
    ELSIF NEW.resolved_at IS DISTINCT FROM OLD.resolved_at AND NOT (
            (moved AND NEW.status IN ('resolved', 'answered')
             AND NEW.resolved_at = pg_catalog.now())
            OR (moved AND OLD.status = 'resolved' AND NEW.resolved_at IS NULL)) THEN
        why := 'resolved_at is the time of a resolution, cleared by reopening';
    ELSIF NEW.closed_at IS DISTINCT FROM OLD.closed_at AND NOT (
            OLD.closed_at IS NULL AND NEW.closed_at = pg_catalog.now() AND (
                (moved AND NEW.status IN ('closed', 'answered', 'invalid'))
                OR (NOT moved AND NEW.status = 'merged' AND EXISTS (
                    SELECT 1 FROM public."case" m WHERE m.id = NEW.merged_into
                      AND m.status IN ('closed', 'answered', 'invalid'))))) THEN
        why := 'closed_at is the time of closing (a duplicate closes with its master)';
    ELSIF NEW.paused_at IS DISTINCT FROM OLD.paused_at AND NOT (
            (OLD.paused_at IS NULL AND NOT moved AND NEW.status IN {OPEN} AND pauser
             AND NEW.paused_at = pg_catalog.now())
            OR (OLD.paused_at IS NOT NULL AND NEW.paused_at IS NULL
                AND ((NOT moved AND pauser) OR (moved AND NEW.status NOT IN {OPEN})))) THEN
        why := 'the clock is paused and resumed by dispatchers, shift leaders and supervisors';
    ELSIF NEW.due_at IS DISTINCT FROM OLD.due_at AND NOT (
            OLD.paused_at IS NOT NULL AND NEW.paused_at IS NULL
            AND EXTRACT(EPOCH FROM NEW.due_at - OLD.due_at)
                = EXTRACT(EPOCH FROM pg_catalog.now() - OLD.paused_at)) AND NOT (
            NOT moved AND EXISTS (
                SELECT 1 FROM public.unit_request r
                WHERE r.case_id = OLD.id AND r.kind = 'extension' AND r.decision = 'approved'
                  AND r.decided_at = pg_catalog.now() AND r.decided_by = session_user::text
                  AND r.previous_due_at = OLD.due_at AND r.granted_due_at = NEW.due_at)) THEN
        why := 'the deadline moves only on by the time the clock was paused, or to what'
            || ' an extension approved now grants';
    ELSIF NEW.signed_at IS DISTINCT FROM OLD.signed_at AND NOT (
            (moved AND OLD.status = 'dispatched' AND NEW.status = 'in_progress'
             AND NEW.signed_at = pg_catalog.now()
             AND pg_catalog.pg_has_role(session_user, '{HANDLER}', 'MEMBER'))
            OR ((moved OR forwarded) AND NEW.status IN ('dispatched', 'returned')
                AND NEW.signed_at IS NULL AND OLD.status <> 'resolved')) THEN
        why := 'signed_at is the time a unit handler signs for the case; a new dispatch'
            || ' or a return clears it';
    END IF;
    IF why IS NOT NULL THEN
        RAISE EXCEPTION 'case %: %', OLD.public_no, why USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""


def _up() -> list[str]:
    steps = [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '{HANDLER}') THEN
                CREATE ROLE {HANDLER} NOLOGIN;
            END IF;
        END $$""",
        # Not granted to hotline_admin: the unit's limits would then bind administrators.
        f"GRANT hotline_staff TO {HANDLER}",
        f"REVOKE TEMPORARY ON DATABASE {{db}} FROM {HANDLER}",
        "ALTER TABLE staff ADD COLUMN unit_id integer REFERENCES unit (id)",
        'ALTER TABLE "case" ADD COLUMN signed_at timestamptz',
        'ALTER TABLE "case" ADD CONSTRAINT ck_case_signed_at CHECK (signed_at IS NULL OR'
        f" (signed_at >= {HARDENED.EARLIEST} AND signed_at < {HARDENED.LATEST}))",
        "INSERT INTO case_transition VALUES " + ", ".join(f"('{a}', '{b}', '{g}')"
                                                          for a, b, g in MOVES),
        REQUEST_TABLE,
        "ALTER TABLE unit_request OWNER TO hotline_owner",
        "CREATE UNIQUE INDEX unit_request_one_open ON unit_request (case_id, kind)"
        " WHERE decision IS NULL",
        "CREATE INDEX unit_request_unit ON unit_request (unit_id, requested_at)",
        "GRANT SELECT ON unit_request TO hotline_staff",
        f"GRANT INSERT (case_id, unit_id, kind, reason, days) ON unit_request TO {HANDLER}",
        f"GRANT UPDATE ({', '.join(REQUEST_DECISION_COLUMNS)}) ON unit_request TO {DECIDERS}",
        REQUEST_RULES,
        "ALTER FUNCTION public.unit_request_rules() OWNER TO hotline_owner",
        "CREATE TRIGGER unit_request_rules BEFORE INSERT OR UPDATE OR DELETE ON unit_request"
        " FOR EACH ROW EXECUTE FUNCTION public.unit_request_rules()",
        "CREATE TRIGGER unit_request_who BEFORE INSERT OR UPDATE ON unit_request FOR EACH ROW"
        " EXECUTE FUNCTION public.hotline_who_is_session_user('requested_by', 'decided_by')",
        f"GRANT UPDATE ({', '.join(HANDLER_CASE_COLUMNS)}) ON \"case\" TO {HANDLER}",
        f"GRANT UPDATE (signed_at) ON \"case\" TO {HARDENED.DESK}",
        FOLLOWS_MOVE,
        SCOPE,
        "ALTER FUNCTION public.hotline_unit_scope() OWNER TO hotline_owner",
        REACH,
        "ALTER FUNCTION public.hotline_unit_reach() OWNER TO hotline_owner",
    ]
    for table in NEWLY_SECURED:
        name = table.strip('"')
        steps += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                  f"CREATE POLICY {name}_staff ON {table} TO hotline_staff"
                  " USING (true) WITH CHECK (true)"]
    for table, name, command, using, check in RESTRICTIONS:
        steps.append(f"CREATE POLICY {name} ON {table} AS RESTRICTIVE FOR {command} TO PUBLIC"
                     + (f" USING ({using})" if using else "")
                     + f" WITH CHECK ({check or using})")
    steps += _account_functions(HARDENED.GROUPS + ("unit_handler",))
    steps.append(f"""DO $$ BEGIN
        IF pg_catalog.current_setting('server_version_num')::int >= 160000 THEN
            EXECUTE 'GRANT {HANDLER} TO hotline_accounts WITH ADMIN OPTION, INHERIT FALSE,'
                ' SET FALSE';
        END IF;
    END $$""")
    return steps


def _account_functions(groups: tuple[str, ...]) -> list[str]:
    """0007's account functions with ``groups`` as the hotline groups they manage."""
    old_groups, old_roles = HARDENED.ACCOUNT_GROUPS, HARDENED.ACCOUNT_ROLES
    new_groups = "ARRAY[" + ", ".join(f"'{g}'" for g in groups) + "]"
    new_roles = "ARRAY[" + ", ".join(f"'hotline_{g}'" for g in groups) + "]"
    steps = []
    for signature, body in HARDENED.ACCOUNT_FUNCTIONS.items():
        body = body.replace(old_groups, new_groups).replace(old_roles, new_roles)
        steps.append(f"CREATE OR REPLACE FUNCTION public.{signature} RETURNS void"
                     " LANGUAGE plpgsql SECURITY DEFINER"
                     f" SET search_path = pg_catalog, pg_temp AS $${body}$$")
    return steps


def _database(statement: str) -> str:
    """``statement`` naming this database (its name is not fixed) as ``{db}``."""
    quoted = statement.replace("{db}", "%I").replace("'", "''")
    return f"""DO $$ BEGIN
        EXECUTE pg_catalog.format('{quoted}', pg_catalog.current_database());
    END $$"""


def upgrade() -> None:
    for statement in _up():
        op.execute(_database(statement) if "{db}" in statement else statement)


def downgrade() -> None:
    for table, name, _command, _using, _check in RESTRICTIONS:
        if table != "unit_request":
            op.execute(f"DROP POLICY {name} ON {table}")
    for table in NEWLY_SECURED:
        if table != "unit_request":
            op.execute(f"DROP POLICY {table.strip(chr(34))}_staff ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute(HARDENED.FOLLOWS_MOVE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    for statement in _account_functions(HARDENED.GROUPS):
        op.execute(statement)
    op.execute("DROP TABLE unit_request")
    op.execute("DROP FUNCTION public.unit_request_rules()")
    op.execute("DROP FUNCTION public.hotline_unit_reach()")
    op.execute("DROP FUNCTION public.hotline_unit_scope()")
    op.execute("DELETE FROM case_transition WHERE group_role = 'unit_handler'")
    op.execute(f"REVOKE UPDATE (signed_at) ON \"case\" FROM {HARDENED.DESK}, {HANDLER}")
    op.execute(f"REVOKE UPDATE ON \"case\" FROM {HANDLER}")
    op.execute('ALTER TABLE "case" DROP COLUMN signed_at')
    op.execute("ALTER TABLE staff DROP COLUMN unit_id")
    # The role and its membership of hotline_staff are the server's, not this database's:
    # other databases on the server (a training copy, a newer one) still need them, so
    # they stay. Here the role keeps no rights of its own; a handler's login that stays
    # reads what staff read, so remove handlers' accounts before going below 0009.
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {HANDLER}")
