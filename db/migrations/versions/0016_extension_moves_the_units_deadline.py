"""An approved extension moves the unit's deadline too; the ladder's rule row is one
version further at a time (issue 13, after review).

- ``unit_request`` gains ``previous_unit_due_at`` and ``granted_unit_due_at``: an
  extension approved while the unit's clock runs moves the unit's deadline
  (``case.unit_due_at``) by the same working days as the case's own, counted from
  where the unit's deadline stood (console/units/clocks.py ``extended_due``); the row
  says both. Without a running unit clock (the rule ``sign`` and the unit has not
  signed yet, or a category with no limit) both stay NULL, and a clock started later
  counts its limit from its own start. A check keeps the pair together, on approved
  extensions only, the grant later than where it stood.
- ``unit_request_rules`` (0013's, two clauses more): a new request has no unit
  deadlines; an approval says where the unit's deadline stands now (NULL when no
  unit clock runs), as it already had to for the case's deadline.
- ``case_unit_clock`` (0013's, one clause more): the unit's deadline, which the
  trigger otherwise keeps whatever a login writes, moves to what an extension grants
  when that extension was approved in the same transaction by the person writing,
  from where the unit's deadline stands: exactly as ``case_follows_move`` lets
  ``due_at`` move.
- ``escalation_rule``: only its four values and its version are granted to admins
  (the whole row was), and a person's change is one version further
  (``rule_one_version_further``, 0013's, as for ``clock_rule`` and ``notice_rule``):
  a save made against a version read before another admin's save changes nothing.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import importlib
from collections.abc import Sequence
from types import ModuleType

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _older(revision_module: str) -> ModuleType:
    return importlib.import_module(f"db.migrations.versions.{revision_module}")


UNITS = _older("0009_units_at_their_seats")
SIGNING = _older("0013_signing_starts_the_clock")
DECIDERS = UNITS.DECIDERS
UNIT_COLUMNS = ("previous_unit_due_at", "granted_unit_due_at")
LADDER_COLUMNS = ("reminder_share", "supervision_after_working_days",
                  "leader_urge_after_working_hours", "dispute_briefing_working_days", "version")

UNIT_GRANTED = """ALTER TABLE unit_request
    ADD COLUMN previous_unit_due_at timestamptz,
    ADD COLUMN granted_unit_due_at timestamptz,
    ADD CONSTRAINT ck_unit_request_unit_granted CHECK (
        (previous_unit_due_at IS NULL) = (granted_unit_due_at IS NULL)
        AND (granted_unit_due_at IS NULL OR (
            kind = 'extension' AND decision = 'approved'
            AND granted_unit_due_at > previous_unit_due_at)))"""

# The request rules: a new request carries no unit deadlines; an approval of an
# extension starts from the unit's deadline as it stands (NULL: no unit clock runs).
NEW_ANCHOR = "           OR NEW.granted_due_at IS NOT NULL OR NEW.version <> 1 THEN"
NEW_CLAUSE = ("           OR NEW.granted_due_at IS NOT NULL OR NEW.previous_unit_due_at IS NOT NULL\n"
              "           OR NEW.granted_unit_due_at IS NOT NULL OR NEW.version <> 1 THEN")
END_ANCHOR = "    RETURN NEW;\nEND $$"
UNIT_CLAUSE = """    IF NEW.decision = 'approved' AND OLD.kind = 'extension'
       AND NEW.previous_unit_due_at IS DISTINCT FROM (
            SELECT c2.unit_due_at FROM public."case" c2 WHERE c2.id = OLD.case_id) THEN
        RAISE EXCEPTION 'request %: an extension moves the unit''s running deadline from'
            ' where it stands', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
"""
for anchor in (NEW_ANCHOR, END_ANCHOR):
    assert SIGNING.REQUEST_RULES.count(anchor) == 1, anchor
REQUEST_RULES = (SIGNING.REQUEST_RULES.replace(NEW_ANCHOR, NEW_CLAUSE)
                 .replace(END_ANCHOR, UNIT_CLAUSE + END_ANCHOR))

# The clock trigger: the unit's deadline written by the person who approved an
# extension of this case now moves to what that extension grants.
DECLARE_ANCHOR = "    starts text;\n"
DECLARE_CLAUSE = "    starts text;\n    written timestamptz := NEW.unit_due_at;\n"
RESUME_ANCHOR = ("    ELSIF OLD.paused_at IS NOT NULL AND NEW.paused_at IS NULL"
                 " AND OLD.unit_due_at IS NOT NULL\n")
EXTENSION_CLAUSE = """    ELSIF NOT moved AND OLD.unit_due_at IS NOT NULL
          AND written IS DISTINCT FROM OLD.unit_due_at
          AND NEW.paused_at IS NOT DISTINCT FROM OLD.paused_at
          AND EXISTS (
              SELECT 1 FROM public.unit_request r
              WHERE r.case_id = OLD.id AND r.kind = 'extension' AND r.decision = 'approved'
                AND r.decided_at = pg_catalog.now() AND r.decided_by = session_user::text
                AND r.previous_unit_due_at = OLD.unit_due_at
                AND r.granted_unit_due_at = written) THEN
        -- An extension approved now by the person writing: the unit's deadline moves
        -- to what it grants (the case's own moves with it, by case_follows_move).
        NEW.unit_due_at := written;
"""
for anchor in (DECLARE_ANCHOR, RESUME_ANCHOR):
    assert SIGNING.UNIT_CLOCK.count(anchor) == 1, anchor
UNIT_CLOCK = (SIGNING.UNIT_CLOCK.replace(DECLARE_ANCHOR, DECLARE_CLAUSE)
              .replace(RESUME_ANCHOR, EXTENSION_CLAUSE + RESUME_ANCHOR))


def _up() -> list[str]:
    return [
        UNIT_GRANTED,
        f"GRANT UPDATE ({', '.join(UNIT_COLUMNS)}) ON unit_request TO {DECIDERS}",
        REQUEST_RULES,
        UNIT_CLOCK,
        "REVOKE UPDATE ON escalation_rule FROM hotline_admin",
        f"GRANT UPDATE ({', '.join(LADDER_COLUMNS)}) ON escalation_rule TO hotline_admin",
        "CREATE TRIGGER escalation_rule_one_version_further BEFORE UPDATE ON escalation_rule"
        " FOR EACH ROW EXECUTE FUNCTION public.rule_one_version_further()",
    ]


def upgrade() -> None:
    for statement in _up():
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER escalation_rule_one_version_further ON escalation_rule")
    op.execute(f"REVOKE UPDATE ({', '.join(LADDER_COLUMNS)}) ON escalation_rule"
               " FROM hotline_admin")
    op.execute("GRANT UPDATE ON escalation_rule TO hotline_admin")
    op.execute(SIGNING.UNIT_CLOCK)
    op.execute(SIGNING.REQUEST_RULES)
    op.execute(f"REVOKE UPDATE ({', '.join(UNIT_COLUMNS)}) ON unit_request FROM {DECIDERS}")
    op.execute("ALTER TABLE unit_request DROP CONSTRAINT ck_unit_request_unit_granted,"
               " DROP COLUMN previous_unit_due_at, DROP COLUMN granted_unit_due_at")
