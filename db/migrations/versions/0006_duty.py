"""Duty: the four-team rotation as data, roster days with a version (two
leaders editing one day: one wins), people who stand duty without a console
login, posts for roll calls and what a handover and a roll call keep.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UP = [
    # People: duty-room staff stand duty but need no console login.
    "ALTER TABLE staff ALTER COLUMN login DROP NOT NULL",
    "ALTER TABLE staff ADD COLUMN post_id integer REFERENCES duty_post(id)",
    "ALTER TABLE staff ADD COLUMN phone varchar(20) NOT NULL DEFAULT ''",
    # Teams: where each starts in the rotation's cycle.
    "ALTER TABLE team ADD COLUMN rotation_offset smallint",
    # Shift templates: a shift longer than a day would overlap its own next turn.
    "ALTER TABLE shift_template ADD COLUMN active boolean NOT NULL DEFAULT true",
    "ALTER TABLE shift_template ADD COLUMN version integer NOT NULL DEFAULT 1",
    "ALTER TABLE shift_template ADD CONSTRAINT ck_shift_template_hours"
    " CHECK (hours BETWEEN 1 AND 24)",
    # The rotation and the rest rule: one row, edited like the escalation rule.
    """CREATE TABLE roster_rule (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        pattern text[] NOT NULL DEFAULT '{night,night,day,day,evening,evening,rest,rest}',
        epoch date NOT NULL DEFAULT '2020-01-01',
        min_rest_hours smallint NOT NULL DEFAULT 8 CHECK (min_rest_hours BETWEEN 0 AND 48),
        version integer NOT NULL DEFAULT 1)""",
    "INSERT INTO roster_rule DEFAULT VALUES",
    # A roster day: its version is what two leaders race for.
    """CREATE TABLE roster_day (
        day date PRIMARY KEY,
        version integer NOT NULL DEFAULT 1,
        changed_by varchar(64) NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        last_action varchar(24) NOT NULL DEFAULT 'generated')""",
    "ALTER TABLE roster_entry ADD CONSTRAINT ck_roster_entry_kind"
    " CHECK (kind IN ('duty', 'leave'))",
    "CREATE INDEX ix_roster_entry_staff_day ON roster_entry (staff_id, day)",
    # Roll calls: the shift they belong to and what the leader noted.
    "ALTER TABLE roll_call ADD COLUMN shift_day date",
    "ALTER TABLE roll_call ADD COLUMN shift_id integer REFERENCES shift_template(id)",
    "ALTER TABLE roll_call ADD COLUMN version integer NOT NULL DEFAULT 1",
    "CREATE INDEX ix_roll_call_started_at ON roll_call (started_at)",
    "ALTER TABLE roll_call_entry ADD COLUMN position smallint NOT NULL DEFAULT 0",
    "ALTER TABLE roll_call_entry ADD COLUMN note text NOT NULL DEFAULT ''",
    "ALTER TABLE roll_call_entry ADD COLUMN marked_by varchar(64)",
    "ALTER TABLE roll_call_entry ADD CONSTRAINT ck_roll_call_entry_late"
    " CHECK ((result = 'late') = (late_minutes IS NOT NULL))",
    # Handovers: one per shift; the incoming leader's remark at sign-off.
    "ALTER TABLE handover ADD COLUMN incoming_notes text NOT NULL DEFAULT ''",
    "ALTER TABLE handover ADD CONSTRAINT uq_handover_shift UNIQUE (shift_day, shift_id)",
    "ALTER TABLE roster_rule OWNER TO hotline_owner",
    "ALTER TABLE roster_day OWNER TO hotline_owner",
    "GRANT SELECT ON roster_rule, roster_day TO hotline_staff",
    "GRANT INSERT, UPDATE ON roster_day TO hotline_shift_leader",
    "GRANT INSERT, UPDATE ON shift_template TO hotline_shift_leader",
    "GRANT UPDATE ON roster_rule TO hotline_admin",
]

DOWN = [
    "DROP TABLE roster_day",
    "DROP TABLE roster_rule",
    "ALTER TABLE handover DROP CONSTRAINT uq_handover_shift",
    "ALTER TABLE handover DROP COLUMN incoming_notes",
    "ALTER TABLE roll_call_entry DROP CONSTRAINT ck_roll_call_entry_late",
    "ALTER TABLE roll_call_entry DROP COLUMN marked_by",
    "ALTER TABLE roll_call_entry DROP COLUMN note",
    "ALTER TABLE roll_call_entry DROP COLUMN position",
    "DROP INDEX ix_roll_call_started_at",
    "ALTER TABLE roll_call DROP COLUMN version",
    "ALTER TABLE roll_call DROP COLUMN shift_id",
    "ALTER TABLE roll_call DROP COLUMN shift_day",
    "DROP INDEX ix_roster_entry_staff_day",
    "ALTER TABLE roster_entry DROP CONSTRAINT ck_roster_entry_kind",
    "ALTER TABLE shift_template DROP CONSTRAINT ck_shift_template_hours",
    "ALTER TABLE shift_template DROP COLUMN version",
    "ALTER TABLE shift_template DROP COLUMN active",
    "ALTER TABLE team DROP COLUMN rotation_offset",
    "ALTER TABLE staff DROP COLUMN phone",
    "ALTER TABLE staff DROP COLUMN post_id",
    "DELETE FROM staff WHERE login IS NULL",
    "ALTER TABLE staff ALTER COLUMN login SET NOT NULL",
]


def upgrade() -> None:
    for statement in UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWN:
        op.execute(statement)
