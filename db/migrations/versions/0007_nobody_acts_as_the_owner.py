"""Close the holes in the database's locks (issue 11): nobody acts as the owner,
rewrites the record or stops the centre.

- Every SECURITY DEFINER and trigger function names its objects by schema and
  pins ``search_path = pg_catalog, public, pg_temp``; staff may not make
  temporary objects (TEMPORARY revoked on this database) nor create in public.
- Who did something is the session's login (``session_user``), checked by a
  trigger on every column that names a person; the owner and superusers may
  name others (imports, demo data).
- Cases change only by moves: UPDATE is granted on the columns moves change,
  a trigger lets unit, deadline, clock and stamps change only as a move of the
  person's groups changes them, and a deferred trigger wants the move's event
  in the same transaction. CHECK constraints keep what seats read in range.
- Orders change only by acknowledgement and reply; a signed handover is final.
- The locks the centre depends on (event ids in commit order, the sweeper's
  turn) are on tables in ``hotline_private``, which staff cannot reach: taken
  only inside the owner's functions. Staff logins get lock, statement and
  idle-transaction timeouts.
- Accounts are made and changed by functions owned by ``hotline_accounts``
  (CREATEROLE, nobody logs in as it) that touch only login roles in the hotline
  groups: an admin needs no CREATEROLE, which on PostgreSQL 15 could grant
  itself the owner role.

Roles are cluster-wide: this revision only adds ``hotline_accounts`` and changes
the login roles named in this database's staff table; group roles keep what
older revisions gave them. The downgrade restores 0006's functions, grants and
policy; it keeps ``hotline_accounts`` and the stricter settings of logins.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

import importlib
from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("operator", "dispatcher", "shift_leader", "supervisor", "admin")
STAFF_ROLES = "hotline_staff, " + ", ".join(f"hotline_{g}" for g in GROUPS)
DESK = "hotline_operator, hotline_dispatcher, hotline_shift_leader, hotline_supervisor"
PIN = "SET search_path = pg_catalog, public, pg_temp"
# The owner's members and superusers load demo data and imports under other names.
TRUSTED = "pg_catalog.pg_has_role(current_user, 'hotline_owner', 'MEMBER')"
OPEN = "('new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed')"
TIMED = "('accepted', 'dispatched', 'in_progress', 'returned', 'disputed')"
EARLIEST, LATEST = "'2000-01-01 00:00+00'", "'2200-01-01 00:00+00'"
# Staff logins: a save waiting on a lock gives up, a runaway query ends, and a
# transaction left open (holding what others wait for) is closed.
TIMEOUTS = (("lock_timeout", "10s"), ("statement_timeout", "2min"),
            ("idle_in_transaction_session_timeout", "1min"))
EVENT_LOCK_PATIENCE = "10s"  # the longest wait for the event-id lock, whoever waits
TURNS = ("sweep", "roster_month", "demo_answers")

# Columns that name a person: each must be the session's login. Those filled when
# the row is made default to the login; NOT_YET stay empty until someone signs or marks.
WHO = {"case_event": ("actor",), "callback": ("operator",), "escalation_order": ("issuer",),
       '"case"': ("created_by",), "handover": ("outgoing_leader", "incoming_leader"),
       "roll_call": ("started_by",), "roll_call_entry": ("marked_by",),
       "roster_day": ("changed_by",)}
MOVE_COLUMNS = ("status", "assigned_unit_id", "merged_into", "due_at", "paused_at",
                "dispatched_at", "resolved_at", "closed_at", "updated_at", "version")
ANSWER_COLUMNS = ("acknowledged_at", "replied_at", "reply_text", "version")
NOT_YET = ("incoming_leader", "marked_by")
HANDOVER_COLUMNS = ("summary", "notes", "outgoing_leader", "created_at", "version",
                    "incoming_leader", "incoming_notes", "signed_at")


def _in_range(*columns: str) -> str:
    return " AND ".join(f"({c} IS NULL OR ({c} >= {EARLIEST} AND {c} < {LATEST}))"
                        for c in columns)


CASE_TIMES = ("due_at", "paused_at", "created_at", "updated_at", "accepted_at",
              "dispatched_at", "resolved_at", "closed_at")
CHECKS = [
    ('"case"', "ck_case_deadline_when_open", f"due_at IS NOT NULL OR status NOT IN {TIMED}"),
    ('"case"', "ck_case_timestamps", _in_range(*CASE_TIMES)),
    ('"case"', "ck_case_pause_when_open", f"paused_at IS NULL OR status IN {OPEN}"),
    ('"case"', "ck_case_position",
     "(lon IS NULL OR lon BETWEEN -180 AND 180) AND (lat IS NULL OR lat BETWEEN -90 AND 90)"),
    ('"case"', "ck_case_version", "version >= 1"),
    ("escalation_order", "ck_escalation_order_timestamps",
     _in_range("issued_at", "reply_due_at", "acknowledged_at", "replied_at")),
    ("escalation_order", "ck_escalation_order_round", '"round" >= 1'),
    ("callback", "ck_callback_at", _in_range("at")),
]

# --- functions -------------------------------------------------------------------------

WHO_CHECK = f"""
CREATE FUNCTION public.hotline_who_is_session_user() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    col text;
    given text;
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    FOREACH col IN ARRAY TG_ARGV LOOP
        given := pg_catalog.to_jsonb(NEW) ->> col;
        IF given IS NOT NULL AND given <> session_user::text
           AND (TG_OP = 'INSERT' OR given IS DISTINCT FROM pg_catalog.to_jsonb(OLD) ->> col) THEN
            RAISE EXCEPTION '%.% names %, but % is logged in', TG_TABLE_NAME, col, given,
                session_user USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
    RETURN NEW;
END $$"""

EVENT_ORDER = f"""
CREATE OR REPLACE FUNCTION public.case_event_order_id() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER {PIN} AS $$
DECLARE
    patience text := pg_catalog.current_setting('lock_timeout');
BEGIN
    -- Ids in commit order: one writing transaction at a time from here to its
    -- commit. The lock is a table staff cannot reach, so only this trigger takes it.
    IF patience = '0' THEN
        PERFORM pg_catalog.set_config('lock_timeout', '{EVENT_LOCK_PATIENCE}', true);
    END IF;
    LOCK TABLE hotline_private.event_order IN EXCLUSIVE MODE;
    IF patience = '0' THEN
        PERFORM pg_catalog.set_config('lock_timeout', patience, true);
    END IF;
    NEW.id := pg_catalog.nextval('public.case_event_id_seq'::pg_catalog.regclass);
    NEW.at := pg_catalog.clock_timestamp();
    RETURN NEW;
END $$"""

EVENT_NOTIFY = f"""
CREATE OR REPLACE FUNCTION public.case_event_notify() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    PERFORM pg_catalog.pg_notify('case_event', NEW.id::pg_catalog.text);
    RETURN NULL;
END $$"""

APPEND_ONLY = f"""
CREATE OR REPLACE FUNCTION public.case_event_append_only() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$"""

MOVE_ALLOWED = f"""
CREATE OR REPLACE FUNCTION public.case_move_allowed() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status NOT IN ('new', 'accepted') THEN
            RAISE EXCEPTION 'a new case starts as new or accepted, not %', NEW.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM public.case_transition t
               WHERE t.from_status = OLD.status AND t.to_status = NEW.status
                 AND pg_catalog.pg_has_role(current_user, 'hotline_' || t.group_role,
                                            'MEMBER')) THEN
        RETURN NEW;
    END IF;
    -- Automatic dispatch at intake: only to the unit the category's rule names.
    IF OLD.status = 'accepted' AND NEW.status = 'dispatched' AND EXISTS (
        SELECT 1 FROM public.category c
        WHERE c.id = NEW.category_id AND c.auto_dispatch
          AND ((NOT c.territorial AND c.owner_unit_id = NEW.assigned_unit_id)
               OR (c.territorial AND EXISTS (
                   SELECT 1 FROM public.unit u WHERE u.id = NEW.assigned_unit_id
                     AND u.kind = 'centre' AND u.street_code = NEW.street_code)))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'moving a case from % to % is not allowed for %',
        OLD.status, NEW.status, session_user USING ERRCODE = 'insufficient_privilege';
END $$"""

# What a move may change besides the status, checked against the status change
# the move makes (the move itself is checked by case_move_allowed).
FOLLOWS_MOVE = f"""
CREATE FUNCTION public.case_follows_move() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    moved boolean;
    pauser boolean := pg_catalog.pg_has_role(current_user, 'hotline_dispatcher', 'MEMBER')
        OR pg_catalog.pg_has_role(current_user, 'hotline_shift_leader', 'MEMBER')
        OR pg_catalog.pg_has_role(current_user, 'hotline_supervisor', 'MEMBER');
    why text;
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
           OR NEW.resolved_at IS NOT NULL OR NEW.closed_at IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a new case starts unassigned, unpaused, at version 1'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    moved := NEW.status IS DISTINCT FROM OLD.status;
    NEW.updated_at := pg_catalog.now();
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        why := 'a change of a case is one version further';
    ELSIF NEW.assigned_unit_id IS DISTINCT FROM OLD.assigned_unit_id AND NOT (
            (moved AND NEW.status = 'dispatched' AND NEW.assigned_unit_id IS NOT NULL)
            OR (moved AND NEW.status = 'returned' AND NEW.assigned_unit_id IS NULL)) THEN
        why := 'the unit changes only by dispatch, settling a dispute or a return';
    ELSIF NEW.merged_into IS DISTINCT FROM OLD.merged_into
          AND NOT (moved AND NEW.status = 'merged' AND NEW.merged_into IS NOT NULL) THEN
        why := 'a case is merged only by the merge move';
    ELSIF NEW.dispatched_at IS DISTINCT FROM OLD.dispatched_at
          AND NOT (moved AND NEW.status = 'dispatched'
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
                = EXTRACT(EPOCH FROM pg_catalog.now() - OLD.paused_at)) THEN
        why := 'the deadline moves only on by the time the clock was paused';
    END IF;
    IF why IS NOT NULL THEN
        RAISE EXCEPTION 'case %: %', OLD.public_no, why USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

# At commit: a case changed by a person has an event of theirs from this transaction.
RECORDED = f"""
CREATE FUNCTION public.case_change_recorded() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.case_event e WHERE e.case_id = NEW.id
                   AND e.actor = session_user AND e.at >= pg_catalog.now()) THEN
        RAISE EXCEPTION 'case % changed without its event', NEW.public_no
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$"""

ORDER_ANSWER_ONLY = f"""
CREATE FUNCTION public.escalation_order_answer_only() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.issued_at := pg_catalog.now();
        IF NEW.acknowledged_at IS NOT NULL OR NEW.replied_at IS NOT NULL
           OR NEW.reply_text IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a new order is unanswered, at version 1'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.version IS DISTINCT FROM OLD.version + 1
       OR (NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at
           AND (OLD.acknowledged_at IS NOT NULL OR NEW.acknowledged_at <> pg_catalog.now()))
       OR (NEW.replied_at IS DISTINCT FROM OLD.replied_at
           AND (OLD.replied_at IS NOT NULL OR NEW.replied_at <> pg_catalog.now()))
       OR (NEW.reply_text IS DISTINCT FROM OLD.reply_text
           AND NEW.replied_at IS NOT DISTINCT FROM OLD.replied_at) THEN
        RAISE EXCEPTION 'order %: an order is acknowledged once and answered once, now',
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

HANDOVER_FINAL = f"""
CREATE FUNCTION public.handover_signed_is_final() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN  -- for everyone: what was handed over stays
        RAISE EXCEPTION 'handover % was signed by %: it is final', OLD.id, OLD.incoming_leader
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF NEW.version IS DISTINCT FROM OLD.version + 1
       OR NEW.shift_day <> OLD.shift_day OR NEW.shift_id <> OLD.shift_id
       OR (NEW.created_at <> OLD.created_at AND NEW.created_at <> pg_catalog.now()) THEN
        RAISE EXCEPTION 'handover %: saved again only as the next version, now', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.signed_at IS NULL THEN
        IF NEW.incoming_leader IS NOT NULL OR NEW.incoming_notes <> '' THEN
            RAISE EXCEPTION 'handover %: the incoming leader writes only by signing', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.signed_at <> pg_catalog.now() OR NEW.incoming_leader = OLD.outgoing_leader
          OR NEW.summary <> OLD.summary OR NEW.notes <> OLD.notes
          OR NEW.outgoing_leader <> OLD.outgoing_leader OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'handover %: signing takes it over as it is, by someone else, now',
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

COUNTER_COUNTS = f"""
CREATE FUNCTION public.case_number_counter_counts() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    IF (TG_OP = 'INSERT' AND NEW.last <> 1)
       OR (TG_OP = 'UPDATE' AND (NEW.day <> OLD.day OR NEW.last <> OLD.last + 1)) THEN
        RAISE EXCEPTION 'case numbers count one by one from 1'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

TAKE_TURN = f"""
CREATE FUNCTION public.take_turn(which text, wait boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
BEGIN
    -- One transaction at a time holds a turn, until it ends. Staff reach the
    -- row only through here, so nobody holds a turn outside a transaction.
    IF NOT EXISTS (SELECT 1 FROM hotline_private.turn t WHERE t.name = which) THEN
        RAISE EXCEPTION 'no turn named %', which USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF wait THEN
        PERFORM 1 FROM hotline_private.turn t WHERE t.name = which FOR UPDATE;
        RETURN true;
    END IF;
    BEGIN
        PERFORM 1 FROM hotline_private.turn t WHERE t.name = which FOR UPDATE NOWAIT;
        RETURN true;
    EXCEPTION WHEN lock_not_available THEN
        RETURN false;
    END;
END $$"""

INSPECTION = f"""
CREATE FUNCTION public.escalate_to_inspection(supervision_order bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
DECLARE
    o public.escalation_order;
    made bigint;
BEGIN
    SELECT * INTO o FROM public.escalation_order WHERE id = supervision_order;
    IF o.id IS NULL OR o.level <> 'supervision' OR o.replied_at IS NOT NULL
       OR o.reply_due_at IS NULL OR o.reply_due_at > pg_catalog.now() THEN
        RETURN NULL;  -- not (yet) a case for inspection
    END IF;
    INSERT INTO public.escalation_order (case_id, level, round, issuer, target_unit_id, text)
    VALUES (o.case_id, 'inspection', o.round, session_user, o.target_unit_id,
            '督办逾期未复：' || o.text)
    ON CONFLICT (case_id, level, round) DO NOTHING
    RETURNING id INTO made;
    RETURN made;
END $$"""

# --- accounts ----------------------------------------------------------------------

ACCOUNT_GROUPS = "ARRAY[" + ", ".join(f"'{g}'" for g in GROUPS) + "]"
ACCOUNT_ROLES = "ARRAY[" + ", ".join(f"'hotline_{g}'" for g in GROUPS) + "]"
ADMIN_ONLY = """
    IF NOT pg_catalog.pg_has_role(session_user, 'hotline_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only an administrator manages accounts'
            USING ERRCODE = 'insufficient_privilege';
    END IF;"""
GROUPS_OK = f"""
    IF groups IS NULL OR pg_catalog.cardinality(groups) = 0
       OR NOT groups <@ {ACCOUNT_GROUPS} THEN
        RAISE EXCEPTION 'groups must be some of %', {ACCOUNT_GROUPS}
            USING ERRCODE = 'invalid_parameter_value';
    END IF;"""
VERIFIER_OK = """
    IF verifier IS NULL OR verifier !~
       '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;"""
# A role these functions may change: a login made for a person, in hotline groups
# only, with no attribute or membership beyond them and no members of its own.
TARGET_OK = f"""
    SELECT * INTO target FROM pg_catalog.pg_roles r WHERE r.rolname = login;
    IF target.oid IS NULL OR target.rolsuper OR target.rolcreaterole OR target.rolcreatedb
       OR target.rolreplication OR target.rolbypassrls
       OR login LIKE 'hotline\\_%' OR login LIKE 'pg\\_%'
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.roleid = target.oid
                  AND m.member <> 'hotline_accounts'::pg_catalog.regrole)
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                  JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                  WHERE m.member = target.oid AND g.rolname <> ALL ({ACCOUNT_ROLES}))
       OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                      JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                      WHERE m.member = target.oid AND g.rolname = ANY ({ACCOUNT_ROLES})) THEN
        RAISE EXCEPTION 'role % is not a staff account these functions may change', login
            USING ERRCODE = 'insufficient_privilege';
    END IF;"""
SET_TIMEOUTS = "\n".join(
    f"    EXECUTE pg_catalog.format('ALTER ROLE %I SET {name} = %L', login, '{value}');"
    for name, value in TIMEOUTS)
SET_GROUPS = """
    FOREACH g IN ARRAY @GROUPS@ LOOP
        IF g = ANY (groups) THEN
            EXECUTE pg_catalog.format('GRANT %I TO %I', 'hotline_' || g, login);
        ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                      JOIN pg_catalog.pg_roles r ON r.oid = m.member
                      WHERE r.rolname = login
                        AND m.roleid = ('hotline_' || g)::pg_catalog.regrole) THEN
            EXECUTE pg_catalog.format('REVOKE %I FROM %I', 'hotline_' || g, login);
        END IF;
    END LOOP;""".replace("@GROUPS@", ACCOUNT_GROUPS)
ACCOUNT_FUNCTIONS = {
    "hotline_account_create(login text, verifier text, groups text[])": f"""
DECLARE
    g text;
BEGIN{ADMIN_ONLY}{GROUPS_OK}{VERIFIER_OK}
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_]{{1,62}}$'
       OR login LIKE 'hotline\\_%' OR login LIKE 'pg\\_%' THEN
        RAISE EXCEPTION 'login % is not a valid name', login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = login) THEN
        RAISE EXCEPTION 'role % exists', login USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB'
        ' NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', login, verifier);
{SET_TIMEOUTS}{SET_GROUPS}
END""",
    "hotline_account_set_groups(login text, groups text[])": f"""
DECLARE
    target pg_catalog.pg_roles;
    g text;
BEGIN{ADMIN_ONLY}{GROUPS_OK}{TARGET_OK}{SET_GROUPS}
    IF EXISTS (SELECT 1 FROM pg_catalog.unnest({ACCOUNT_GROUPS}) AS k(g)
               WHERE (k.g = ANY (groups)) <> EXISTS (
                   SELECT 1 FROM pg_catalog.pg_auth_members m
                   WHERE m.member = target.oid
                     AND m.roleid = ('hotline_' || k.g)::pg_catalog.regrole)) THEN
        RAISE EXCEPTION 'the groups of % were given by another role: ask the superuser',
            login USING ERRCODE = 'insufficient_privilege';
    END IF;
END""",
    "hotline_account_set_login(login text, enabled boolean)": f"""
DECLARE
    target pg_catalog.pg_roles;
BEGIN{ADMIN_ONLY}{TARGET_OK}
    EXECUTE pg_catalog.format('ALTER ROLE %I %s', login,
                              CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END""",
    "hotline_account_set_password(login text, verifier text)": f"""
DECLARE
    target pg_catalog.pg_roles;
BEGIN{ADMIN_ONLY}{VERIFIER_OK}{TARGET_OK}
    EXECUTE pg_catalog.format('ALTER ROLE %I PASSWORD %L', login, verifier);
END""",
}
ACCOUNTS_ROLE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hotline_accounts') THEN
        CREATE ROLE hotline_accounts NOLOGIN NOINHERIT CREATEROLE;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hotline_accounts'
                      AND NOT rolcanlogin AND NOT rolinherit AND rolcreaterole) THEN
        -- Roles are cluster-wide: altered only when needed, as other databases'
        -- migrations may be running at the same time.
        ALTER ROLE hotline_accounts NOLOGIN NOINHERIT CREATEROLE;
    END IF;
    -- From PostgreSQL 16 on, CREATEROLE grants only roles it holds with ADMIN OPTION.
    IF pg_catalog.current_setting('server_version_num')::int >= 160000 AND (
            SELECT pg_catalog.count(*) FROM pg_catalog.pg_auth_members m
            WHERE m.member = 'hotline_accounts'::pg_catalog.regrole AND m.admin_option
              AND m.roleid::pg_catalog.regrole::text = ANY (@ROLES@)) < 5 THEN
        EXECUTE 'GRANT hotline_operator, hotline_dispatcher, hotline_shift_leader,'
            ' hotline_supervisor, hotline_admin TO hotline_accounts'
            ' WITH ADMIN OPTION, INHERIT FALSE, SET FALSE';
    END IF;
    -- Whoever migrates must be able to hand the functions to it (a superuser can).
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        GRANT hotline_accounts TO current_user;
    END IF;
END $$""".replace("@ROLES@", ACCOUNT_ROLES)

# This database's existing accounts: no CREATEROLE or group ADMIN OPTION (the old
# first-admin instructions gave both), timeouts, and on 16+ the functions' owner
# may change them.
EXISTING_ACCOUNTS = """
DO $$
DECLARE
    who record;
    g text;
BEGIN
    FOR who IN SELECT r.oid, r.rolname FROM public.staff s
               JOIN pg_catalog.pg_roles r ON r.rolname = s.login
               WHERE NOT r.rolsuper AND NOT pg_catalog.pg_has_role(r.oid, 'hotline_owner',
                                                                   'MEMBER') LOOP
        BEGIN
            EXECUTE pg_catalog.format('ALTER ROLE %I NOCREATEROLE', who.rolname);
            FOREACH g IN ARRAY @GROUPS@ LOOP
                IF EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                           WHERE m.member = who.oid
                             AND m.roleid = ('hotline_' || g)::pg_catalog.regrole
                             AND m.admin_option) THEN
                    EXECUTE pg_catalog.format('REVOKE ADMIN OPTION FOR %I FROM %I',
                                              'hotline_' || g, who.rolname);
                END IF;
            END LOOP;
@TIMEOUTS@
            IF pg_catalog.current_setting('server_version_num')::int >= 160000 THEN
                EXECUTE pg_catalog.format('GRANT %I TO hotline_accounts'
                    ' WITH ADMIN OPTION, INHERIT FALSE, SET FALSE', who.rolname);
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'could not limit account %: migrate as a superuser', who.rolname;
        END;
    END LOOP;
END $$""".replace("@GROUPS@", ACCOUNT_GROUPS).replace("@TIMEOUTS@", "\n".join(
    f"            EXECUTE pg_catalog.format('ALTER ROLE %I SET {n} = %L', who.rolname,"
    f" '{v}');"
    for n, v in TIMEOUTS))



def _database_temp(grant: str) -> str:
    """``grant`` on temporary objects in this database (its name is not fixed)."""
    return f"""
    DO $$
    BEGIN
        EXECUTE pg_catalog.format('{grant}', pg_catalog.current_database());
    END $$"""


def _check(table: str, name: str, condition: str) -> list[str]:
    """Added NOT VALID, then validated: a database that already holds bad rows
    still upgrades (with a warning) and new rows are checked from now on."""
    return [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID",
        f"""DO $$ BEGIN
            ALTER TABLE {table} VALIDATE CONSTRAINT {name};
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING '% holds rows that break %: fix them, then VALIDATE CONSTRAINT',
                '{table}', '{name}';
        END $$""",
    ]


def _up() -> list[str]:
    steps = [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        _database_temp(f"REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, {STAFF_ROLES}"),
        "CREATE SCHEMA hotline_private AUTHORIZATION hotline_owner",
        "REVOKE ALL ON SCHEMA hotline_private FROM PUBLIC",
        "CREATE TABLE hotline_private.event_order ()",
        "CREATE TABLE hotline_private.turn (name text PRIMARY KEY)",
        "INSERT INTO hotline_private.turn VALUES " + ", ".join(f"('{t}')" for t in TURNS),
        "ALTER TABLE hotline_private.event_order OWNER TO hotline_owner",
        "ALTER TABLE hotline_private.turn OWNER TO hotline_owner",
        EVENT_ORDER, EVENT_NOTIFY, APPEND_ONLY, MOVE_ALLOWED,
        # Staff draw event ids only through the trigger.
        "REVOKE ALL ON SEQUENCE case_event_id_seq FROM hotline_staff",
        WHO_CHECK, FOLLOWS_MOVE, RECORDED, ORDER_ANSWER_ONLY, HANDOVER_FINAL, COUNTER_COUNTS,
        TAKE_TURN, "DROP FUNCTION public.escalate_to_inspection(bigint, text)", INSPECTION,
    ]
    for table, columns in WHO.items():
        name = table.strip('"')
        steps += [f"ALTER TABLE {table} ALTER COLUMN {c} SET DEFAULT session_user"
                  for c in columns if c not in NOT_YET]
        steps.append(f"CREATE TRIGGER {name}_who BEFORE INSERT OR UPDATE ON {table} FOR EACH"
                     f" ROW EXECUTE FUNCTION public.hotline_who_is_session_user("
                     f"{', '.join(repr(c) for c in columns)})")
    steps += [
        'CREATE TRIGGER case_follows_move BEFORE INSERT OR UPDATE ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_follows_move()",
        'CREATE CONSTRAINT TRIGGER case_change_recorded AFTER INSERT OR UPDATE ON "case"'
        f" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT {TRUSTED})"
        " EXECUTE FUNCTION public.case_change_recorded()",
        "CREATE TRIGGER escalation_order_answer_only BEFORE INSERT OR UPDATE ON escalation_order"
        " FOR EACH ROW EXECUTE FUNCTION public.escalation_order_answer_only()",
        "CREATE TRIGGER handover_signed_is_final BEFORE UPDATE OR DELETE ON handover"
        " FOR EACH ROW EXECUTE FUNCTION public.handover_signed_is_final()",
        "CREATE TRIGGER case_number_counter_counts BEFORE INSERT OR UPDATE"
        " ON case_number_counter FOR EACH ROW EXECUTE FUNCTION"
        " public.case_number_counter_counts()",
        # Column grants: what moves, answers and hand-overs change, nothing else.
        f'REVOKE UPDATE ON "case" FROM {DESK}',
        f'GRANT UPDATE ({", ".join(MOVE_COLUMNS)}) ON "case" TO {DESK}',
        "REVOKE UPDATE ON escalation_order FROM hotline_staff",
        f"GRANT UPDATE ({', '.join(ANSWER_COLUMNS)}) ON escalation_order TO hotline_staff",
        "DROP POLICY escalation_answer ON escalation_order",
        """CREATE POLICY escalation_answer ON escalation_order FOR UPDATE TO hotline_staff
           USING (level IN ('reminder', 'urge')
                  OR pg_catalog.pg_has_role(current_user, 'hotline_supervisor', 'MEMBER')
                  OR pg_catalog.pg_has_role(current_user, 'hotline_dispatcher', 'MEMBER'))
           WITH CHECK (level IN ('reminder', 'urge')
                  OR pg_catalog.pg_has_role(current_user, 'hotline_supervisor', 'MEMBER')
                  OR pg_catalog.pg_has_role(current_user, 'hotline_dispatcher', 'MEMBER'))""",
        "REVOKE UPDATE, DELETE ON handover FROM hotline_shift_leader",
        f"GRANT UPDATE ({', '.join(HANDOVER_COLUMNS)}) ON handover TO hotline_shift_leader",
    ]
    for table, name, condition in CHECKS:
        steps += _check(table, name, condition)
    steps.append(ACCOUNTS_ROLE)
    for signature, body in ACCOUNT_FUNCTIONS.items():
        name = signature.split("(")[0]
        types = ", ".join(p.split()[-1] for p in signature.split("(")[1][:-1].split(", "))
        steps += [
            f"CREATE FUNCTION public.{signature} RETURNS void LANGUAGE plpgsql"
            f" SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $${body}$$",
            f"ALTER FUNCTION public.{name}({types}) OWNER TO hotline_accounts",
            f"REVOKE ALL ON FUNCTION public.{name}({types}) FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION public.{name}({types}) TO hotline_admin",
        ]
    for function in ("case_event_order_id()", "take_turn(text, boolean)",
                     "escalate_to_inspection(bigint)", "hotline_who_is_session_user()",
                     "case_follows_move()", "case_change_recorded()",
                     "escalation_order_answer_only()", "handover_signed_is_final()",
                     "case_number_counter_counts()"):
        steps.append(f"ALTER FUNCTION public.{function} OWNER TO hotline_owner")
    steps += [
        "REVOKE ALL ON FUNCTION public.take_turn(text, boolean) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION public.take_turn(text, boolean) TO hotline_staff",
        "REVOKE ALL ON FUNCTION public.escalate_to_inspection(bigint) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION public.escalate_to_inspection(bigint) TO hotline_staff",
        EXISTING_ACCOUNTS,
    ]
    return steps


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def _older(revision_module: str) -> ModuleType:
    """An older revision's module: the downgrade restores what it made, as it made it."""
    return importlib.import_module(f"db.migrations.versions.{revision_module}")


def downgrade() -> None:
    initial = _older("0001_initial_schema")
    moves = _older("0003_case_moves_in_the_database")
    ladder = _older("0005_escalation_ladder")
    for signature in ACCOUNT_FUNCTIONS:
        types = ", ".join(p.split()[-1] for p in signature.split("(")[1][:-1].split(", "))
        op.execute(f"DROP FUNCTION public.{signature.split('(')[0]}({types})")
    for table, name, _condition in CHECKS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    op.execute(f"REVOKE UPDATE ({', '.join(HANDOVER_COLUMNS)}) ON handover"
               " FROM hotline_shift_leader")
    op.execute("GRANT UPDATE, DELETE ON handover TO hotline_shift_leader")
    op.execute("DROP POLICY escalation_answer ON escalation_order")
    op.execute("""CREATE POLICY escalation_answer ON escalation_order FOR UPDATE TO hotline_staff
        USING (true)
        WITH CHECK (level IN ('reminder', 'urge')
                    OR pg_has_role(current_user, 'hotline_supervisor', 'member')
                    OR pg_has_role(current_user, 'hotline_dispatcher', 'member'))""")
    op.execute(f"REVOKE UPDATE ({', '.join(ANSWER_COLUMNS)}) ON escalation_order"
               " FROM hotline_staff")
    op.execute("GRANT UPDATE ON escalation_order TO hotline_staff")
    op.execute(f'REVOKE UPDATE ({", ".join(MOVE_COLUMNS)}) ON "case" FROM {DESK}')
    op.execute(f'GRANT UPDATE ON "case" TO {DESK}')
    for table, columns in WHO.items():
        for column in columns:
            if column not in NOT_YET:
                op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT")
    for function in ("hotline_who_is_session_user", "case_follows_move",
                     "case_change_recorded", "escalation_order_answer_only",
                     "handover_signed_is_final", "case_number_counter_counts"):
        op.execute(f"DROP FUNCTION public.{function}() CASCADE")
    op.execute("DROP FUNCTION public.take_turn(text, boolean)")
    op.execute("DROP FUNCTION public.escalate_to_inspection(bigint)")
    for statement in ladder.UP[5:]:  # the inspection function as 0005 made it
        op.execute(statement)
    # 0001's and 0003's trigger functions as they were.
    op.execute("DROP FUNCTION public.case_event_order_id() CASCADE")
    op.execute("DROP FUNCTION public.case_move_allowed() CASCADE")
    for statement in (*initial.FEED_UP[:2], *moves.UP[3:]):
        op.execute(statement)
    op.execute("ALTER FUNCTION case_event_order_id() OWNER TO hotline_owner")
    for function in ("case_event_notify()", "case_event_append_only()"):
        op.execute(f"ALTER FUNCTION public.{function} RESET search_path")
    op.execute("GRANT USAGE ON SEQUENCE case_event_id_seq TO hotline_staff")
    op.execute("DROP SCHEMA hotline_private CASCADE")
    op.execute(_database_temp("GRANT TEMPORARY ON DATABASE %I TO PUBLIC"))
