"""The escalation ladder step by step, and disputes referred to the district leader
(issue 13, items 4 and 5).

- A second urge (``leader_urge``: to the unit's leader) after a set number of
  working hours overdue: a new order level any seat's sweep may issue and any
  staff may answer, like reminders and urges (the two policies are made again
  with it); the rule gets its hours and the age in working days at which an
  unsettled dispute is listed for the weekly briefing.
- Efficiency inspection when the case is still overdue after the supervision
  order's reply deadline, replied or not: ``escalate_to_inspection`` is made
  again; it reads the case's deadline through ``ladder_due_at`` (the one place
  to change when the ladder counts against the unit's own deadline).
- A new status ``referred`` (a dispute sent to the district leader's
  coordination, 区领导协调) and its moves: ``refer`` (disputed → referred, shift
  leaders), ``decide`` (referred → dispatched, shift leaders and supervisors
  recording the leader's decision), and ``resolve`` from it (the first unit
  still handles the case meanwhile). The status joins the open and timed ones
  in the checks and in ``case_follows_move`` (made again with it: nothing else
  changed). ``dispute_referral`` and ``dispute_decision`` keep the records,
  insert-only; the trigger ``case_dispute_recorded`` lets a case into
  ``referred`` only with a referral of the same person and transaction, and out
  of it to a unit only with a decision of the same person and transaction that
  names that unit; at commit, a record stands only with its move
  (``dispute_record_moved``), so no stray record blocks the real one.

The downgrade puts referred cases back to disputed and removes second urges
(0007 knows neither), then restores what 0007 made.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

import importlib
from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _older(revision_module: str) -> ModuleType:
    return importlib.import_module(f"db.migrations.versions.{revision_module}")


PREVIOUS = _older("0007_nobody_acts_as_the_owner")
PIN = PREVIOUS.PIN
TRUSTED = PREVIOUS.TRUSTED
OLD_OPEN, OLD_TIMED = PREVIOUS.OPEN, PREVIOUS.TIMED
OPEN = "('new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed', 'referred')"
TIMED = "('accepted', 'dispatched', 'in_progress', 'returned', 'disputed', 'referred')"
STATUSES = ("'new', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed',"
            " 'returned', 'disputed', 'merged', 'answered', 'invalid'")
OLD_LEVELS = "'reminder', 'urge', 'supervision', 'inspection'"
AUTOMATIC = "('reminder', 'urge', 'leader_urge')"
MOVES = [("disputed", "referred", "shift_leader"),
         ("referred", "dispatched", "shift_leader"),
         ("referred", "dispatched", "supervisor"),
         ("referred", "resolved", "operator"),
         ("referred", "resolved", "dispatcher"),
         ("referred", "resolved", "shift_leader")]
EARLIEST, LATEST = PREVIOUS.EARLIEST, PREVIOUS.LATEST

# case_follows_move as 0007 made it, with referred among the open statuses (where a
# clock may be paused, and leaving which ends a pause). Whoever re-chains the
# migrations applies the same change to the newest body of this function.
# case_follows_move as 0011 left it (0007's, with 0009's units and 0011's class),
# 'referred' added to its open statuses.
NOTICES = _older("0011_citizen_notices")
FOLLOWS_MOVE_BEFORE = NOTICES.follows_move()
assert OLD_OPEN in FOLLOWS_MOVE_BEFORE
FOLLOWS_MOVE = FOLLOWS_MOVE_BEFORE.replace(OLD_OPEN, OPEN)

LADDER_DUE = f"""
CREATE FUNCTION public.ladder_due_at(c public."case") RETURNS timestamptz
LANGUAGE sql STABLE {PIN} AS $$ SELECT COALESCE(c.unit_due_at, c.due_at) $$"""

INSPECTION = f"""
CREATE OR REPLACE FUNCTION public.escalate_to_inspection(supervision_order bigint)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
DECLARE
    o public.escalation_order;
    c public."case";
    made bigint;
BEGIN
    SELECT * INTO o FROM public.escalation_order WHERE id = supervision_order;
    IF o.id IS NULL OR o.level <> 'supervision' OR o.reply_due_at IS NULL
       OR o.reply_due_at > pg_catalog.now() THEN
        RETURN NULL;  -- not (yet) a case for inspection
    END IF;
    SELECT * INTO c FROM public."case" WHERE id = o.case_id;
    -- Still overdue (仍旧超期) at the reply deadline, whether the unit replied or not.
    IF c.status NOT IN {OPEN} OR c.paused_at IS NOT NULL
       OR public.ladder_due_at(c) IS NULL OR public.ladder_due_at(c) > pg_catalog.now() THEN
        RETURN NULL;
    END IF;
    INSERT INTO public.escalation_order (case_id, level, round, issuer, target_unit_id, text)
    VALUES (o.case_id, 'inspection', o.round, session_user, o.target_unit_id,
            CASE WHEN o.replied_at IS NULL THEN '督办逾期未复：' ELSE '督办期满仍超期：' END
            || o.text)
    ON CONFLICT (case_id, level, round) DO NOTHING
    RETURNING id INTO made;
    RETURN made;
END $$"""

# The records of a referral and a decision: stamped now, the case in the right
# status, a decision for the case's latest referral, made no later than now.
DISPUTE_RECORD = f"""
CREATE FUNCTION public.dispute_record_checked() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
DECLARE
    status text;
BEGIN
    IF {TRUSTED} THEN
        RETURN NEW;
    END IF;
    SELECT c.status INTO status FROM public."case" c WHERE c.id = NEW.case_id;
    IF TG_TABLE_NAME = 'dispute_referral' THEN
        NEW.referred_at := pg_catalog.now();
        IF status IS NULL OR status <> 'disputed' THEN
            RAISE EXCEPTION 'only a disputed case is referred to the district leader'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    NEW.recorded_at := pg_catalog.now();
    IF status IS NULL OR status <> 'referred' OR NEW.referral_id IS DISTINCT FROM (
            SELECT max(r.id) FROM public.dispute_referral r WHERE r.case_id = NEW.case_id)
       OR NEW.decided_at > pg_catalog.now() THEN
        RAISE EXCEPTION 'a decision answers the latest referral of a referred case,'
            ' made no later than now' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""

# At commit: a record was made with its move (the case referred, or dispatched to the
# unit decided), so no stray record can stand in the way of the real one.
RECORD_MOVED = f"""
CREATE FUNCTION public.dispute_record_moved() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public."case" c WHERE c.id = NEW.case_id
                   AND ((TG_TABLE_NAME = 'dispute_referral' AND c.status = 'referred')
                        OR (TG_TABLE_NAME = 'dispute_decision' AND c.status = 'dispatched'
                            AND c.assigned_unit_id = NEW.unit_id))) THEN
        RAISE EXCEPTION 'a % is recorded with its move of the case', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$"""

# A case enters referred only with its referral, and leaves it for a unit only with
# the decision naming that unit: both by this person in this transaction.
CASE_DISPUTE = f"""
CREATE FUNCTION public.case_dispute_recorded() RETURNS trigger LANGUAGE plpgsql
{PIN} AS $$
BEGIN
    IF {TRUSTED} OR NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF NEW.status = 'referred' AND NOT EXISTS (
            SELECT 1 FROM public.dispute_referral r WHERE r.case_id = NEW.id
              AND r.referred_by = session_user AND r.referred_at = pg_catalog.now()) THEN
        RAISE EXCEPTION 'case %: a referral to the district leader is recorded first',
            OLD.public_no USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status = 'referred' AND NEW.status = 'dispatched' AND NOT EXISTS (
            SELECT 1 FROM public.dispute_decision d WHERE d.case_id = NEW.id
              AND d.unit_id = NEW.assigned_unit_id AND d.recorded_by = session_user
              AND d.recorded_at = pg_catalog.now()) THEN
        RAISE EXCEPTION 'case %: it goes to the unit the recorded decision names',
            OLD.public_no USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$"""


def _in_range(*columns: str) -> str:
    return " AND ".join(f"({c} IS NULL OR ({c} >= {EARLIEST} AND {c} < {LATEST}))"
                        for c in columns)


TABLES = [
    """CREATE TABLE dispute_referral (
        id bigint GENERATED BY DEFAULT AS IDENTITY CONSTRAINT pk_dispute_referral PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_dispute_referral_case_id_case
            REFERENCES "case" (id),
        unit_id integer CONSTRAINT fk_dispute_referral_unit_id_unit REFERENCES unit (id),
        note text NOT NULL CONSTRAINT ck_dispute_referral_note
            CHECK (char_length(note) BETWEEN 1 AND 20000),
        referred_by varchar(64) NOT NULL DEFAULT session_user,
        referred_at timestamptz NOT NULL DEFAULT now()
            CONSTRAINT ck_dispute_referral_referred_at CHECK (""" + _in_range("referred_at")
    + "))",
    "CREATE INDEX ix_dispute_referral_case_id ON dispute_referral (case_id)",
    """CREATE TABLE dispute_decision (
        id bigint GENERATED BY DEFAULT AS IDENTITY CONSTRAINT pk_dispute_decision PRIMARY KEY,
        referral_id bigint NOT NULL
            CONSTRAINT fk_dispute_decision_referral_id_dispute_referral
            REFERENCES dispute_referral (id)
            CONSTRAINT uq_dispute_decision_referral_id UNIQUE,
        case_id uuid NOT NULL CONSTRAINT fk_dispute_decision_case_id_case
            REFERENCES "case" (id),
        leader varchar(64) NOT NULL CONSTRAINT ck_dispute_decision_leader
            CHECK (char_length(leader) BETWEEN 1 AND 64),
        decided_at timestamptz NOT NULL,
        unit_id integer NOT NULL CONSTRAINT fk_dispute_decision_unit_id_unit
            REFERENCES unit (id),
        text text NOT NULL CONSTRAINT ck_dispute_decision_text
            CHECK (char_length(text) BETWEEN 1 AND 20000),
        recorded_by varchar(64) NOT NULL DEFAULT session_user,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_dispute_decision_timestamps CHECK (""" + _in_range(
        "decided_at", "recorded_at") + "))",
    "CREATE INDEX ix_dispute_decision_case_id ON dispute_decision (case_id)",
]


def _check(table: str, name: str, condition: str) -> list[str]:
    """Made NOT VALID and then validated: bad old rows give a warning, not a failure."""
    return [f"ALTER TABLE {table} DROP CONSTRAINT {name}",
            f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID",
            f"""DO $$ BEGIN
                ALTER TABLE {table} VALIDATE CONSTRAINT {name};
            EXCEPTION WHEN check_violation THEN
                RAISE WARNING '% holds rows that break %', '{table}', '{name}';
            END $$"""]


def _checks(statuses: str, open_: str, timed: str, levels: str) -> list[str]:
    return [*_check('"case"', "ck_case_status", f"status IN ({statuses})"),
            *_check('"case"', "ck_case_deadline_when_open",
                    f"due_at IS NOT NULL OR status NOT IN {timed}"),
            *_check('"case"', "ck_case_pause_when_open", f"paused_at IS NULL OR status IN {open_}"),
            *_check("escalation_order", "ck_escalation_order_level", f"level IN ({levels})")]


def _policies(automatic: str) -> list[str]:
    supervisor = "pg_catalog.pg_has_role(current_user, 'hotline_supervisor', 'MEMBER')"
    dispatcher = "pg_catalog.pg_has_role(current_user, 'hotline_dispatcher', 'MEMBER')"
    answer = f"level IN {automatic} OR {supervisor} OR {dispatcher}"
    return ["DROP POLICY escalation_issue ON escalation_order",
            "DROP POLICY escalation_answer ON escalation_order",
            f"""CREATE POLICY escalation_issue ON escalation_order FOR INSERT TO hotline_staff
                WITH CHECK (level IN {automatic} OR {supervisor})""",
            f"""CREATE POLICY escalation_answer ON escalation_order FOR UPDATE TO hotline_staff
                USING ({answer}) WITH CHECK ({answer})"""]


def upgrade() -> None:
    steps = [
        "ALTER TABLE escalation_rule ADD COLUMN leader_urge_after_working_hours smallint"
        " NOT NULL DEFAULT 8 CONSTRAINT ck_escalation_rule_leader_urge_hours"
        " CHECK (leader_urge_after_working_hours BETWEEN 1 AND 720)",
        "ALTER TABLE escalation_rule ADD COLUMN dispute_briefing_working_days smallint"
        " NOT NULL DEFAULT 5 CONSTRAINT ck_escalation_rule_briefing_days"
        " CHECK (dispute_briefing_working_days BETWEEN 0 AND 366)",
        *_checks(STATUSES + ", 'referred'", OPEN, TIMED, OLD_LEVELS + ", 'leader_urge'"),
        *_policies(AUTOMATIC),
        *TABLES,
        "ALTER TABLE dispute_referral OWNER TO hotline_owner",
        "ALTER TABLE dispute_decision OWNER TO hotline_owner",
        "REVOKE ALL ON dispute_referral, dispute_decision FROM PUBLIC",
        "GRANT SELECT ON dispute_referral, dispute_decision TO hotline_staff",
        "GRANT INSERT (case_id, unit_id, note) ON dispute_referral TO hotline_shift_leader",
        "GRANT INSERT (referral_id, case_id, leader, decided_at, unit_id, text)"
        " ON dispute_decision TO hotline_shift_leader, hotline_supervisor",
        DISPUTE_RECORD, RECORD_MOVED, CASE_DISPUTE, FOLLOWS_MOVE, LADDER_DUE, INSPECTION,
        "CREATE TRIGGER dispute_referral_who BEFORE INSERT OR UPDATE ON dispute_referral"
        " FOR EACH ROW EXECUTE FUNCTION public.hotline_who_is_session_user('referred_by')",
        "CREATE TRIGGER dispute_decision_who BEFORE INSERT OR UPDATE ON dispute_decision"
        " FOR EACH ROW EXECUTE FUNCTION public.hotline_who_is_session_user('recorded_by')",
        "CREATE TRIGGER dispute_referral_checked BEFORE INSERT ON dispute_referral"
        " FOR EACH ROW EXECUTE FUNCTION public.dispute_record_checked()",
        "CREATE TRIGGER dispute_decision_checked BEFORE INSERT ON dispute_decision"
        " FOR EACH ROW EXECUTE FUNCTION public.dispute_record_checked()",
        *(f"CREATE CONSTRAINT TRIGGER {t}_moved AFTER INSERT ON {t} DEFERRABLE INITIALLY"
          f" DEFERRED FOR EACH ROW WHEN (NOT {TRUSTED})"
          " EXECUTE FUNCTION public.dispute_record_moved()"
          for t in ("dispute_referral", "dispute_decision")),
        'CREATE TRIGGER case_dispute_recorded BEFORE UPDATE ON "case"'
        " FOR EACH ROW EXECUTE FUNCTION public.case_dispute_recorded()",
        "INSERT INTO case_transition VALUES "
        + ", ".join(f"('{a}', '{b}', '{g}')" for a, b, g in MOVES),
    ]
    for function in ("dispute_record_checked()", "dispute_record_moved()",
                     "case_dispute_recorded()",
                     'ladder_due_at("case")'):
        steps.append(f"ALTER FUNCTION public.{function} OWNER TO hotline_owner")
    steps.append('REVOKE ALL ON FUNCTION public.ladder_due_at("case") FROM PUBLIC')
    for statement in steps:
        op.execute(statement)


def downgrade() -> None:
    moves = " OR ".join(f"(from_status = '{a}' AND to_status = '{b}' AND group_role = '{g}')"
                        for a, b, g in MOVES)
    steps = [
        f"DELETE FROM case_transition WHERE {moves}",
        # 0007 knows neither: referred cases are disputed again, second urges go.
        """UPDATE "case" SET status = 'disputed', version = version + 1
           WHERE status = 'referred'""",
        "DELETE FROM escalation_order WHERE level = 'leader_urge'",
        'DROP TRIGGER case_dispute_recorded ON "case"',
        "DROP FUNCTION public.case_dispute_recorded()",
        "DROP TABLE dispute_decision",
        "DROP TABLE dispute_referral",
        "DROP FUNCTION public.dispute_record_checked()",
        "DROP FUNCTION public.dispute_record_moved()",
        PREVIOUS.INSPECTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"),
        'DROP FUNCTION public.ladder_due_at("case")',
        FOLLOWS_MOVE_BEFORE,
        *_policies("('reminder', 'urge')"),
        *_checks(STATUSES, OLD_OPEN, OLD_TIMED, OLD_LEVELS),
        "ALTER TABLE escalation_rule DROP COLUMN dispute_briefing_working_days",
        "ALTER TABLE escalation_rule DROP COLUMN leader_urge_after_working_hours",
    ]
    for statement in steps:
        op.execute(statement)
