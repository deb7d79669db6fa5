"""Messages to citizens (受理告知, 办理反馈) and a case's class from its category.

- ``notice_rule`` (one admin-editable row): how soon after intake the acceptance
  notice is due, how soon after the resolution the result feedback is due, how
  often a failed send is tried, and the two SMS templates.
- ``citizen_message``: the outbox. Staff only read it. A message is queued by
  ``citizen_message_queue`` (the text made here from the template and the case,
  to the case's own caller, never for a grid worker's report or a case without
  a phone), recorded as told by phone by ``citizen_message_told`` (desk staff,
  in their name), taken and recorded as sent or failed only by members of
  ``hotline_sender`` (``citizen_messages_due``, ``citizen_message_record``). A
  message that is no longer pending is final, for everyone.
- A case starts in its category's class; the class changes only by a shift
  leader's ``reclass`` move (column grant, ``case_follows_move`` and a deferred
  trigger wanting the ``reclass`` event), which may also move the deadline.

Replaces ``case_follows_move`` (0009's body with two clauses changed: see
``FOLLOWS_MOVE``); the downgrade puts 0009's back.

Revision ID: 0011
Revises: 0009
Create Date: 2026-11-30
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, public, pg_temp"
TRUSTED = "pg_catalog.pg_has_role(current_user, 'hotline_owner', 'MEMBER')"
OPEN = "('new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed')"
# Inside a function that runs as the owner, the person is session_user.
TRUSTED_SESSION = "pg_catalog.pg_has_role(session_user, 'hotline_owner', 'MEMBER')"
SENDER = "pg_catalog.pg_has_role(session_user, 'hotline_sender', 'MEMBER')"
DESK_MEMBER = " OR ".join(
    f"pg_catalog.pg_has_role(session_user, 'hotline_{g}', 'MEMBER')"
    for g in ("operator", "dispatcher", "shift_leader"))
SMS_MAX = 500  # longer texts are cut with an ellipsis
# Moves that record a unit's result: the desk's resolve, a unit handler's reply (issue 13).
RESULT_MOVES = "('resolve', 'reply')"

TABLES = [
    """CREATE TABLE notice_rule (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        acceptance_minutes integer NOT NULL DEFAULT 120 CHECK (acceptance_minutes BETWEEN 1 AND 10080),
        result_minutes integer NOT NULL DEFAULT 1440 CHECK (result_minutes BETWEEN 1 AND 10080),
        max_attempts smallint NOT NULL DEFAULT 5 CHECK (max_attempts BETWEEN 1 AND 20),
        acceptance_template text NOT NULL DEFAULT
            '【12345】您反映的“{category}”问题已受理，编号{no}，承诺{due}前办结。'
            CHECK (char_length(acceptance_template) BETWEEN 1 AND 500),
        result_template text NOT NULL DEFAULT
            '【12345】您反映的问题（编号{no}）已办理：{result}'
            CHECK (char_length(result_template) BETWEEN 1 AND 500),
        version integer NOT NULL DEFAULT 1)""",
    "INSERT INTO notice_rule DEFAULT VALUES",
    """CREATE TABLE citizen_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case"(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('acceptance', 'result')),
        channel varchar(8) NOT NULL CHECK (channel IN ('sms', 'phone')),
        recipient varchar(32) NOT NULL,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        template text NOT NULL DEFAULT '',
        source_event_id bigint,
        queued_at timestamptz NOT NULL DEFAULT now(),
        queued_by varchar(64) NOT NULL DEFAULT session_user,
        due_by timestamptz NOT NULL,
        next_try_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        sent_by varchar(64),
        result varchar(12) NOT NULL DEFAULT 'pending'
            CHECK (result IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts smallint NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
        last_error text NOT NULL DEFAULT '' CHECK (char_length(last_error) <= 2000),
        CONSTRAINT ck_citizen_message_sent CHECK ((result = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_citizen_message_times CHECK (
            queued_at >= '2000-01-01' AND queued_at < '2200-01-01'
            AND due_by >= '2000-01-01' AND due_by < '2200-01-01'
            AND (sent_at IS NULL OR (sent_at >= '2000-01-01' AND sent_at < '2200-01-01'))))""",
    "CREATE INDEX ix_citizen_message_case_id ON citizen_message (case_id)",
    "CREATE INDEX ix_citizen_message_pending ON citizen_message (next_try_at)"
    " WHERE result = 'pending'",
    # One acceptance notice per case, one result feedback per resolution (the
    # resolve event it tells of), a cancelled SMS aside.
    "CREATE UNIQUE INDEX uq_citizen_message_acceptance ON citizen_message (case_id)"
    " WHERE kind = 'acceptance' AND result <> 'cancelled'",
    "CREATE UNIQUE INDEX uq_citizen_message_result ON citizen_message (source_event_id)"
    " WHERE kind = 'result' AND result <> 'cancelled'",
]

# The case, the rule, and the event a message tells of; the text from the template.
FACTS = f"""
    SELECT * INTO c FROM public."case" WHERE id = p_case;
    IF c.id IS NULL THEN
        RAISE EXCEPTION 'no case %', p_case USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO r FROM public.notice_rule WHERE id = 1;
    IF p_kind = 'acceptance' THEN
        SELECT e.id INTO source FROM public.case_event e
        WHERE e.case_id = c.id AND e.kind = 'created' ORDER BY e.id LIMIT 1;
        due := c.created_at + pg_catalog.make_interval(mins => r.acceptance_minutes);
    ELSIF p_kind = 'result' THEN
        SELECT e.id, e.payload ->> 'result', e.at INTO source, result_text, resolved
        FROM public.case_event e WHERE e.case_id = c.id AND e.kind IN {RESULT_MOVES}
        ORDER BY e.id DESC LIMIT 1;
        IF source IS NULL THEN
            RAISE EXCEPTION 'case % has no resolution to tell of', c.public_no
                USING ERRCODE = 'check_violation';
        END IF;
        due := resolved + pg_catalog.make_interval(mins => r.result_minutes);
    ELSE
        RAISE EXCEPTION 'no message kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
    END IF;"""
DECLARE = """
DECLARE
    c public."case";
    r public.notice_rule;
    source bigint;
    result_text text;
    resolved timestamptz;
    due timestamptz;
    template text;
    body text;
    made bigint;"""

QUEUE = f"""
CREATE FUNCTION public.citizen_message_queue(p_case uuid, p_kind text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $${DECLARE}
BEGIN{FACTS}
    IF c.caller_phone IS NULL OR c.channel = 'grid_worker' THEN
        RETURN NULL;  -- nobody to tell: a grid worker's report, an anonymous case
    END IF;
    IF NOT {TRUSTED_SESSION} AND NOT (
            (p_kind = 'acceptance' AND c.created_at = pg_catalog.now())
            OR (p_kind = 'result' AND c.status = 'resolved' AND EXISTS (
                SELECT 1 FROM public.case_event e WHERE e.id = source
                  AND e.actor = session_user AND e.at >= pg_catalog.now()))) THEN
        RAISE EXCEPTION 'a notice is queued by the intake or the resolution that calls for it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM public.citizen_message m WHERE m.case_id = c.id
               AND m.kind = p_kind AND m.result <> 'cancelled'
               AND (p_kind = 'acceptance' OR m.source_event_id = source)) THEN
        RETURN NULL;  -- queued (or told) before
    END IF;
    template := CASE p_kind WHEN 'acceptance' THEN r.acceptance_template
                            ELSE r.result_template END;
    body := pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
        template, '{{no}}', c.public_no),
        '{{category}}', coalesce((SELECT k.name FROM public.category k
                                 WHERE k.id = c.category_id), '')),
        '{{due}}', coalesce(pg_catalog.to_char(c.due_at AT TIME ZONE 'Asia/Shanghai',
                                               'FMMM"月"FMDD"日"HH24:MI'), '')),
        '{{result}}', coalesce(result_text, ''));
    IF pg_catalog.char_length(body) > {SMS_MAX} THEN
        body := pg_catalog.left(body, {SMS_MAX - 1}) || '…';
    END IF;
    INSERT INTO public.citizen_message (case_id, kind, channel, recipient, text, template,
                                        source_event_id, due_by)
    VALUES (c.id, p_kind, 'sms', c.caller_phone, body, template, source, due)
    RETURNING id INTO made;
    RETURN made;
END $$"""

TOLD = f"""
CREATE FUNCTION public.citizen_message_told(p_case uuid, p_kind text, p_at timestamptz,
                                            p_text text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $${DECLARE}
BEGIN
    IF NOT ({DESK_MEMBER}) THEN
        RAISE EXCEPTION 'only desk staff record a citizen told by phone'
            USING ERRCODE = 'insufficient_privilege';
    END IF;{FACTS}
    IF c.caller_phone IS NULL OR c.channel = 'grid_worker' THEN
        RAISE EXCEPTION 'case % has no caller to tell', c.public_no
            USING ERRCODE = 'check_violation';
    END IF;
    -- Times are typed to the minute: the minute the case was made (or resolved) is
    -- that moment, not before it.
    IF p_at < (CASE p_kind WHEN 'acceptance' THEN c.created_at ELSE resolved END)
       AND p_at >= pg_catalog.date_trunc('minute',
                        CASE p_kind WHEN 'acceptance' THEN c.created_at ELSE resolved END) THEN
        p_at := CASE p_kind WHEN 'acceptance' THEN c.created_at ELSE resolved END;
    END IF;
    IF p_at IS NULL OR p_at > pg_catalog.now()
       OR p_at < (CASE p_kind WHEN 'acceptance' THEN c.created_at ELSE resolved END) THEN
        RAISE EXCEPTION 'the citizen is told after the case needs it and not later than now'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_text IS NULL OR pg_catalog.btrim(p_text) = '' THEN
        RAISE EXCEPTION 'what the citizen was told is needed' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM public.citizen_message m WHERE m.case_id = c.id
               AND m.kind = p_kind AND m.result = 'sent'
               AND (p_kind = 'acceptance' OR m.source_event_id = source)) THEN
        RAISE EXCEPTION 'case %: the citizen was told already', c.public_no
            USING ERRCODE = 'unique_violation';
    END IF;
    -- A phone call instead of the SMS: the SMS is not sent.
    UPDATE public.citizen_message m SET result = 'cancelled', last_error = 'told by phone'
    WHERE m.case_id = c.id AND m.kind = p_kind AND m.result = 'pending'
      AND (p_kind = 'acceptance' OR m.source_event_id = source);
    INSERT INTO public.citizen_message (case_id, kind, channel, recipient, text,
        source_event_id, due_by, next_try_at, sent_at, sent_by, result)
    VALUES (c.id, p_kind, 'phone', c.caller_phone, p_text, source, due, p_at, p_at,
            session_user, 'sent')
    RETURNING id INTO made;
    RETURN made;
END $$"""

DUE = f"""
CREATE FUNCTION public.citizen_messages_due(p_limit integer)
RETURNS SETOF public.citizen_message
LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
BEGIN
    IF NOT {SENDER} THEN
        RAISE EXCEPTION 'only the sender takes messages to send'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Locked until the caller's transaction ends; another seat skips them.
    RETURN QUERY SELECT * FROM public.citizen_message m
        WHERE m.result = 'pending' AND m.next_try_at <= pg_catalog.now()
        ORDER BY m.next_try_at, m.id
        LIMIT LEAST(GREATEST(p_limit, 1), 100)
        FOR UPDATE SKIP LOCKED;
END $$"""

RECORD = f"""
CREATE FUNCTION public.citizen_message_record(p_id bigint, p_sent boolean, p_error text)
RETURNS varchar LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
DECLARE
    m public.citizen_message;
    tries smallint;
BEGIN
    IF NOT {SENDER} THEN
        RAISE EXCEPTION 'only the sender records a send' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO m FROM public.citizen_message WHERE id = p_id FOR UPDATE;
    IF m.id IS NULL OR m.result <> 'pending' OR m.next_try_at > pg_catalog.now() THEN
        RAISE EXCEPTION 'message % is not waiting to be sent', p_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT max_attempts INTO tries FROM public.notice_rule WHERE id = 1;
    IF p_sent THEN
        UPDATE public.citizen_message SET result = 'sent', sent_at = pg_catalog.now(),
            sent_by = session_user, attempts = m.attempts + 1, last_error = ''
        WHERE id = p_id;
        RETURN 'sent';
    END IF;
    UPDATE public.citizen_message SET attempts = m.attempts + 1,
        last_error = pg_catalog.left(coalesce(p_error, ''), 2000),
        result = CASE WHEN m.attempts + 1 >= tries THEN 'failed' ELSE 'pending' END,
        -- 1, 2, 4 … minutes, at most an hour, between tries
        next_try_at = pg_catalog.now() + pg_catalog.make_interval(
            mins => LEAST(60, (2 ^ m.attempts)::integer))
    WHERE id = p_id;
    RETURN CASE WHEN m.attempts + 1 >= tries THEN 'failed' ELSE 'pending' END;
END $$"""

FINAL = f"""
CREATE FUNCTION public.citizen_message_final() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF OLD.result <> 'pending' THEN  -- for everyone: what went to a citizen stays
        RAISE EXCEPTION 'message % is %: it is final', OLD.id, OLD.result
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$"""

# A person's new case takes its category's class (a leaf without one: any class).
CLASS_AT_INTAKE = f"""
CREATE FUNCTION public.case_class_from_category() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT {TRUSTED} AND EXISTS (
            SELECT 1 FROM public.category k WHERE k.id = NEW.category_id
              AND k.urgency IS NOT NULL AND k.urgency <> NEW.urgency) THEN
        RAISE EXCEPTION 'a new case takes its category''s class'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

# At commit: a changed class has its reclass event, by the same person, naming it.
RECLASS_RECORDED = f"""
CREATE FUNCTION public.case_reclass_recorded() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.case_event e WHERE e.case_id = NEW.id
                   AND e.kind = 'reclass' AND e.actor = session_user
                   AND e.at >= pg_catalog.now() AND e.payload ->> 'urgency' = NEW.urgency) THEN
        RAISE EXCEPTION 'case %: the class changed without its reclass move', NEW.public_no
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$"""


def _older_follows_move() -> str:
    module = importlib.import_module("db.migrations.versions.0009_units_at_their_seats")
    return str(module.FOLLOWS_MOVE)


# 0009's case_follows_move with two changes: the class changes only by a shift
# leader, on an open case, without a status change; the deadline may change with it.
URGENCY_CLAUSE = f"""    ELSIF NEW.urgency IS DISTINCT FROM OLD.urgency AND NOT (
            NOT moved AND NEW.status IN {OPEN}
            AND pg_catalog.pg_has_role(current_user, 'hotline_shift_leader', 'MEMBER')) THEN
        why := 'the class changes only by a shift leader''s reclass';
    ELSIF NEW.due_at IS DISTINCT FROM OLD.due_at AND NOT ("""
DEADLINE_ANCHOR = "    ELSIF NEW.due_at IS DISTINCT FROM OLD.due_at AND NOT ("
DEADLINE_OLD = "            || ' an extension approved now grants';"
DEADLINE_NEW = "            || ' an extension approved now grants, or with the class';"
RESUME_END = """                  AND r.previous_due_at = OLD.due_at AND r.granted_due_at = NEW.due_at)) THEN"""
RESUME_OR_RECLASS = """                  AND r.previous_due_at = OLD.due_at AND r.granted_due_at = NEW.due_at))
          AND NEW.urgency IS NOT DISTINCT FROM OLD.urgency THEN"""


def follows_move() -> str:
    old = _older_follows_move()
    for anchor in (DEADLINE_ANCHOR, DEADLINE_OLD, RESUME_END):
        assert old.count(anchor) == 1, anchor
    return (old.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
            .replace(DEADLINE_ANCHOR, URGENCY_CLAUSE)
            .replace(RESUME_END, RESUME_OR_RECLASS)
            .replace(DEADLINE_OLD, DEADLINE_NEW))


FUNCTIONS = ("citizen_message_queue(uuid, text)",
             "citizen_message_told(uuid, text, timestamptz, text)",
             "citizen_messages_due(integer)", "citizen_message_record(bigint, boolean, text)")
TRIGGER_FUNCTIONS = ("citizen_message_final()", "case_class_from_category()",
                     "case_reclass_recorded()")


def _up() -> list[str]:
    steps = [*TABLES]
    steps += [
        """DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hotline_sender')
            THEN CREATE ROLE hotline_sender NOLOGIN;
            END IF;
        END $$""",
        "GRANT hotline_staff TO hotline_sender",
        "ALTER TABLE notice_rule OWNER TO hotline_owner",
        "ALTER TABLE citizen_message OWNER TO hotline_owner",
        "REVOKE ALL ON notice_rule, citizen_message FROM PUBLIC",
        "GRANT SELECT ON notice_rule, citizen_message TO hotline_staff",
        "GRANT UPDATE (acceptance_minutes, result_minutes, max_attempts, acceptance_template,"
        " result_template, version) ON notice_rule TO hotline_admin",
        QUEUE, TOLD, DUE, RECORD, FINAL, CLASS_AT_INTAKE, RECLASS_RECORDED, follows_move(),
        "CREATE TRIGGER citizen_message_final BEFORE UPDATE OR DELETE ON citizen_message"
        " FOR EACH ROW EXECUTE FUNCTION public.citizen_message_final()",
        'CREATE TRIGGER case_class_from_category BEFORE INSERT ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_class_from_category()",
        'CREATE CONSTRAINT TRIGGER case_reclass_recorded AFTER UPDATE OF urgency ON "case"'
        " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
        f" WHEN (OLD.urgency IS DISTINCT FROM NEW.urgency AND NOT {TRUSTED})"
        " EXECUTE FUNCTION public.case_reclass_recorded()",
        'GRANT UPDATE (urgency) ON "case" TO hotline_shift_leader',
    ]
    for function in (*FUNCTIONS, *TRIGGER_FUNCTIONS):
        steps.append(f"ALTER FUNCTION public.{function} OWNER TO hotline_owner")
        steps.append(f"REVOKE ALL ON FUNCTION public.{function} FROM PUBLIC")
    for function in FUNCTIONS:
        steps.append(f"GRANT EXECUTE ON FUNCTION public.{function} TO hotline_staff")
    return steps


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    op.execute('REVOKE UPDATE (urgency) ON "case" FROM hotline_shift_leader')
    op.execute('DROP TRIGGER case_reclass_recorded ON "case"')
    op.execute('DROP TRIGGER case_class_from_category ON "case"')
    op.execute(_older_follows_move().replace("CREATE FUNCTION",
                                             "CREATE OR REPLACE FUNCTION", 1))
    for function in FUNCTIONS:  # one returns the table's rows: dropped before it
        op.execute(f"DROP FUNCTION public.{function}")
    op.execute("DROP TABLE citizen_message")
    op.execute("DROP TABLE notice_rule")
    for function in TRIGGER_FUNCTIONS:
        op.execute(f"DROP FUNCTION public.{function}")
    # hotline_sender is a cluster-wide role other databases may use: it stays.
