"""Statistics (issue 15, items 1-2): the indexes console/stats reads a period by.

- ``ix_case_figures`` replaces ``ix_case_area_figures`` (0014) with a superset: a
  period's cases by ``created_at`` with every column the grouped figures read (channel,
  nature, areas, category, unit, the clocks, the imported verdict, the caller), so
  intake, on time, closure and overdue by any dimension but time of stage are index-only
  scans of the period, and the map's figures by area still are.
- ``ix_case_accepted_at``: the acceptance-notice rate counts the cases accepted in the
  period.
- ``ix_case_event_resolutions``: the result-feedback and callback rates count the
  resolutions of the period (a partial index of two kinds of event).
- ``ix_citizen_message_source_event_id``: a resolution's result feedback, found by its
  event.
- ``callback.at``, ``verification.at``, ``escalation_order.issued_at``,
  ``handover.created_at``: satisfaction, the verification pass rate, the escalated
  cases and the handovers of a period.

Nothing here is a lock: indexes only.

Revision ID: 0019
Revises: 0017
Create Date: 2026-12-01
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AREAS = importlib.import_module("db.migrations.versions.0014_area_boundaries")

FIGURE_COLUMNS = ("status, channel, nature, street_code, community_code, grid_code,"
                  " category_id, assigned_unit_id, unit_due_at, first_resolved_at, paused_at,"
                  " imported_from, imported_on_time, caller_id")
INDEXES = {
    "ix_case_figures": f'"case" (created_at) INCLUDE ({FIGURE_COLUMNS})',
    "ix_case_accepted_at": '"case" (accepted_at)',
    "ix_case_event_resolutions": "case_event (at) WHERE kind IN ('resolve', 'reply')",
    "ix_citizen_message_source_event_id": "citizen_message (source_event_id)",
    "ix_callback_at": "callback (at)",
    "ix_verification_at": "verification (at)",
    "ix_escalation_order_issued_at": "escalation_order (issued_at)",
    "ix_handover_created_at": "handover (created_at)",
}


def upgrade() -> None:
    op.execute("DROP INDEX ix_case_area_figures")
    for name, target in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {target}")


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.execute(f"DROP INDEX {name}")
    op.execute(AREAS.FIGURES_INDEX)
