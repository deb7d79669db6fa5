"""Roles and grants: the database enforces who may do what.

Group roles (NOLOGIN) hold the privileges; each staff member is a login role
that is a member of one or more groups. Tables belong to ``hotline_owner``,
which nobody logs in as. Case events accept inserts only. Supervision orders
and efficiency inspections can only be issued by supervisors (row-level
security), whatever the client does.

Roles are cluster-wide: they are created if missing and never dropped by a
downgrade (other databases on the server may use them); a downgrade revokes
this database's grants and policies.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNER = "hotline_owner"
GROUPS = ("hotline_operator", "hotline_dispatcher", "hotline_shift_leader",
          "hotline_supervisor", "hotline_admin")
STAFF = "hotline_staff"  # every group is a member: what all staff may do
DESK = "hotline_operator, hotline_dispatcher, hotline_shift_leader"

REFERENCE = ("street", "community", "grid_cell", "unit", "category", "deadline_rule",
             "working_day", "team", "shift_template", "duty_post", "staff")
# "case" is a reserved word: quoted where it is named.
ALL_TABLES = (*REFERENCE, "caller", '"case"', "case_event", "case_number_counter",
              "escalation_order", "callback", "roster_entry", "handover", "roll_call",
              "roll_call_entry", "quick_answer")

GRANTS = [
    f"GRANT USAGE ON SCHEMA public TO {STAFF}",
    f"GRANT SELECT ON {', '.join(ALL_TABLES)} TO {STAFF}",
    # Every seat checks at start that the schema is current (only admins upgrade it).
    f"GRANT SELECT ON alembic_version TO {STAFF}",
    # Identity columns draw from sequences; the event trigger draws the event id.
    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {STAFF}",
    # The audit trail: everyone appends, nobody changes (a trigger refuses it too).
    f"GRANT INSERT ON case_event TO {STAFF}",
    # Intake and the desk's moves on cases.
    f"GRANT INSERT, UPDATE ON caller, case_number_counter TO {DESK}",
    f"GRANT INSERT ON \"case\" TO {DESK}",
    f"GRANT UPDATE ON \"case\" TO {DESK}, hotline_supervisor",
    "GRANT INSERT ON callback TO hotline_operator",
    # Escalation orders: reminders and urges by any seat's sweeper; the higher
    # levels only by supervisors (the policy below).
    f"GRANT INSERT, UPDATE ON escalation_order TO {STAFF}",
    # Duty: the shift leaders'.
    "GRANT INSERT, UPDATE, DELETE ON roster_entry, handover, roll_call, roll_call_entry"
    " TO hotline_shift_leader",
    # The quick-answer base: edited by shift leaders and admins, used by all.
    "GRANT INSERT, UPDATE ON quick_answer TO hotline_shift_leader",
    f"GRANT UPDATE (hits) ON quick_answer TO {STAFF}",
    # Admins keep the reference data, the rules and the calendar.
    f"GRANT INSERT, UPDATE, DELETE ON {', '.join(REFERENCE)}, quick_answer TO hotline_admin",
]

POLICIES = [
    "ALTER TABLE escalation_order ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY escalation_read ON escalation_order FOR SELECT TO {STAFF} USING (true)",
    f"""CREATE POLICY escalation_issue ON escalation_order FOR INSERT TO {STAFF}
        WITH CHECK (level IN ('reminder', 'urge')
                    OR pg_has_role(current_user, 'hotline_supervisor', 'member'))""",
    f"""CREATE POLICY escalation_answer ON escalation_order FOR UPDATE TO {STAFF}
        USING (true)
        WITH CHECK (level IN ('reminder', 'urge')
                    OR pg_has_role(current_user, 'hotline_supervisor', 'member')
                    OR pg_has_role(current_user, 'hotline_dispatcher', 'member'))""",
]


def _create_role(name: str) -> str:
    return f"""
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
            CREATE ROLE {name} NOLOGIN;
        END IF;
    END $$"""


def upgrade() -> None:
    for role in (OWNER, STAFF, *GROUPS):
        op.execute(_create_role(role))
    for group in GROUPS:
        op.execute(f"GRANT {STAFF} TO {group}")
    for group in GROUPS[:-1]:
        op.execute(f"GRANT {group} TO hotline_admin")  # an admin can do every job
    # Everything belongs to the owner role; its members (the administrator who
    # runs migrations) act for it, no person logs in as it.
    op.execute(f"GRANT {OWNER} TO current_user")
    for table in ALL_TABLES:
        op.execute(f"ALTER TABLE {table} OWNER TO {OWNER}")
    for function in ("case_event_order_id()", "case_event_notify()",
                     "case_event_append_only()"):
        op.execute(f"ALTER FUNCTION {function} OWNER TO {OWNER}")
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    for statement in GRANTS + POLICIES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP POLICY IF EXISTS escalation_read ON escalation_order")
    op.execute("DROP POLICY IF EXISTS escalation_issue ON escalation_order")
    op.execute("DROP POLICY IF EXISTS escalation_answer ON escalation_order")
    op.execute("ALTER TABLE escalation_order DISABLE ROW LEVEL SECURITY")
    roles = ", ".join((STAFF, *GROUPS))
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {roles}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {roles}")
    op.execute(f"REVOKE ALL ON SCHEMA public FROM {STAFF}")
    for table in ALL_TABLES:
        op.execute(f"ALTER TABLE {table} OWNER TO current_user")
    for function in ("case_event_order_id()", "case_event_notify()",
                     "case_event_append_only()"):
        op.execute(f"ALTER FUNCTION {function} OWNER TO current_user")
