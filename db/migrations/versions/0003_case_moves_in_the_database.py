"""The second lock on case moves: the database lets a case change status only
along the moves the person's groups may make (the same moves as
console/casework/lifecycle.py; a test keeps the two in step), and lets an accepted case
go out by itself only to the unit its category's rule names.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (from status, to status, group) as of this revision; later migrations change rows.
MOVES = [
    ('accepted', 'answered', 'operator'),
    ('accepted', 'dispatched', 'dispatcher'),
    ('accepted', 'invalid', 'dispatcher'),
    ('accepted', 'invalid', 'operator'),
    ('accepted', 'merged', 'dispatcher'),
    ('accepted', 'merged', 'operator'),
    ('dispatched', 'disputed', 'dispatcher'),
    ('dispatched', 'disputed', 'shift_leader'),
    ('dispatched', 'in_progress', 'dispatcher'),
    ('dispatched', 'in_progress', 'operator'),
    ('dispatched', 'in_progress', 'shift_leader'),
    ('dispatched', 'merged', 'dispatcher'),
    ('dispatched', 'merged', 'operator'),
    ('dispatched', 'resolved', 'dispatcher'),
    ('dispatched', 'resolved', 'operator'),
    ('dispatched', 'resolved', 'shift_leader'),
    ('dispatched', 'returned', 'dispatcher'),
    ('dispatched', 'returned', 'operator'),
    ('dispatched', 'returned', 'shift_leader'),
    ('disputed', 'dispatched', 'shift_leader'),
    ('disputed', 'resolved', 'dispatcher'),
    ('disputed', 'resolved', 'operator'),
    ('disputed', 'resolved', 'shift_leader'),
    ('in_progress', 'disputed', 'dispatcher'),
    ('in_progress', 'disputed', 'shift_leader'),
    ('in_progress', 'merged', 'dispatcher'),
    ('in_progress', 'merged', 'operator'),
    ('in_progress', 'resolved', 'dispatcher'),
    ('in_progress', 'resolved', 'operator'),
    ('in_progress', 'resolved', 'shift_leader'),
    ('in_progress', 'returned', 'dispatcher'),
    ('in_progress', 'returned', 'operator'),
    ('in_progress', 'returned', 'shift_leader'),
    ('new', 'accepted', 'dispatcher'),
    ('new', 'accepted', 'operator'),
    ('new', 'answered', 'operator'),
    ('new', 'invalid', 'dispatcher'),
    ('new', 'invalid', 'operator'),
    ('new', 'merged', 'dispatcher'),
    ('new', 'merged', 'operator'),
    ('resolved', 'closed', 'operator'),
    ('resolved', 'dispatched', 'operator'),
    ('returned', 'dispatched', 'dispatcher'),
    ('returned', 'invalid', 'dispatcher'),
    ('returned', 'invalid', 'operator'),
    ('returned', 'merged', 'dispatcher'),
    ('returned', 'merged', 'operator'),
]

UP = [
    """CREATE TABLE case_transition (
        from_status varchar(16) NOT NULL,
        to_status varchar(16) NOT NULL,
        group_role varchar(16) NOT NULL,
        PRIMARY KEY (from_status, to_status, group_role))""",
    "ALTER TABLE case_transition OWNER TO hotline_owner",
    "GRANT SELECT ON case_transition TO hotline_staff",
    """CREATE FUNCTION case_move_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
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
        IF EXISTS (SELECT 1 FROM case_transition t
                   WHERE t.from_status = OLD.status AND t.to_status = NEW.status
                     AND pg_has_role(current_user, 'hotline_' || t.group_role, 'member')) THEN
            RETURN NEW;
        END IF;
        -- Automatic dispatch at intake: only to the unit the category's rule names.
        IF OLD.status = 'accepted' AND NEW.status = 'dispatched' AND EXISTS (
            SELECT 1 FROM category c
            WHERE c.id = NEW.category_id AND c.auto_dispatch
              AND ((NOT c.territorial AND c.owner_unit_id = NEW.assigned_unit_id)
                   OR (c.territorial AND EXISTS (
                       SELECT 1 FROM unit u WHERE u.id = NEW.assigned_unit_id
                         AND u.kind = 'centre' AND u.street_code = NEW.street_code)))) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'moving a case from % to % is not allowed for %',
            OLD.status, NEW.status, current_user USING ERRCODE = 'insufficient_privilege';
    END $$""",
    "ALTER FUNCTION case_move_allowed() OWNER TO hotline_owner",
    """CREATE TRIGGER case_move_allowed BEFORE INSERT OR UPDATE ON "case"
       FOR EACH ROW EXECUTE FUNCTION case_move_allowed()""",
]


def upgrade() -> None:
    for statement in UP:
        op.execute(statement)
    values = ", ".join(f"('{a}', '{b}', '{g}')" for a, b, g in MOVES)
    op.execute(f"INSERT INTO case_transition VALUES {values}")


def downgrade() -> None:
    op.execute('DROP TRIGGER case_move_allowed ON "case"')
    op.execute("DROP FUNCTION case_move_allowed()")
    op.execute("DROP TABLE case_transition")
