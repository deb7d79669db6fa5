"""Open cases by their running clock's deadline (issue 16): one partial index on
``coalesce(unit_due_at, due_at), id`` over the open cases made here, the order the
countdown panel loads in, the board's at-risk list pages in and the sweep's pages
follow (keyset: each page resumes after the last one's deadline and id). Without it
each of them sorted every open case (211 ms at 50,000 open cases; the sweep did it
per page). The planner keeps no statistics of a partial index's expression, so
without statistics of its own on the expressions (``st_case_clock_due``: the running clock's deadline and start) it
guessed that each readable-range check kept 0.5 % of the rows and sorted them all rather than
read the index in order (121 ms for the countdown's first 500 rows instead of 3 ms).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "'new', 'accepted', 'dispatched', 'in_progress', 'returned', 'disputed', 'referred'"
INDEX = (
    'CREATE INDEX ix_case_open_clock_due ON "case" ((coalesce(unit_due_at, due_at)), id)'
    f" WHERE status IN ({OPEN}) AND imported_from IS NULL")


# The running clock's deadline and start: the readable-range checks on both.
STATISTICS = ('CREATE STATISTICS st_case_clock_due ON (coalesce(unit_due_at, due_at)),'
              ' (coalesce(unit_clock_at, accepted_at, created_at)) FROM "case"')


def upgrade() -> None:
    op.execute(INDEX)
    op.execute(STATISTICS)
    op.execute('ANALYZE "case"')


def downgrade() -> None:
    op.execute("DROP STATISTICS st_case_clock_due")
    op.execute("DROP INDEX ix_case_open_clock_due")
