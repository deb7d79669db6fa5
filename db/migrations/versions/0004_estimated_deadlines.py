"""A deadline computed over a year whose holidays are not published yet is an
estimate (weekends only): the case says so, so every seat can show it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("case", sa.Column("due_estimated", sa.Boolean(),
                                    server_default=sa.text("false"), nullable=False))


def downgrade() -> None:
    op.drop_column("case", "due_estimated")
