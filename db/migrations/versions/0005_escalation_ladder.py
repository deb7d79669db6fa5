"""The escalation ladder's rule (one admin-editable row) and the one way a
seat that is not a supervisor's may put an order into efficiency inspection:
a function that checks, in the database, that the supervision order really
went unanswered past its reply deadline.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UP = [
    """CREATE TABLE escalation_rule (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        reminder_share numeric(4, 3) NOT NULL DEFAULT 0.75
            CHECK (reminder_share > 0 AND reminder_share < 1),
        supervision_after_working_days smallint NOT NULL DEFAULT 1
            CHECK (supervision_after_working_days >= 0),
        version integer NOT NULL DEFAULT 1)""",
    "INSERT INTO escalation_rule DEFAULT VALUES",
    "ALTER TABLE escalation_rule OWNER TO hotline_owner",
    "GRANT SELECT ON escalation_rule TO hotline_staff",
    "GRANT UPDATE ON escalation_rule TO hotline_admin",
    """CREATE FUNCTION escalate_to_inspection(supervision_order bigint, actor text)
       RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
        o escalation_order;
        made bigint;
    BEGIN
        SELECT * INTO o FROM escalation_order WHERE id = supervision_order;
        IF o.id IS NULL OR o.level <> 'supervision' OR o.replied_at IS NOT NULL
           OR o.reply_due_at IS NULL OR o.reply_due_at > now() THEN
            RETURN NULL;  -- not (yet) a case for inspection
        END IF;
        INSERT INTO escalation_order (case_id, level, round, issuer, target_unit_id, text)
        VALUES (o.case_id, 'inspection', o.round, actor, o.target_unit_id,
                '督办逾期未复：' || o.text)
        ON CONFLICT (case_id, level, round) DO NOTHING
        RETURNING id INTO made;
        RETURN made;
    END $$""",
    "ALTER FUNCTION escalate_to_inspection(bigint, text) OWNER TO hotline_owner",
    "REVOKE ALL ON FUNCTION escalate_to_inspection(bigint, text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION escalate_to_inspection(bigint, text) TO hotline_staff",
]


def upgrade() -> None:
    for statement in UP:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION escalate_to_inspection(bigint, text)")
    op.execute("DROP TABLE escalation_rule")
