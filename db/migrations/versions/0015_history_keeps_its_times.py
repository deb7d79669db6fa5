"""History keeps its times: a loader of the owner's may give an event the time it
happened (issue 13, item 7; the history import of issue 15 needs the same).

``case_event_order_id`` stamps every event with the time it is written, so that
nobody backdates what they did. A loader writing past history (the demo's
generated months, an import of another system's cases) must keep each event's
own time, or every past dispatch and resolution would count as happening the
moment the loader ran. The trigger now keeps ``at`` when, and only when, the
transaction asked for it (``SET LOCAL hotline.history = 'on'``), the login is
the owner's (a member of ``hotline_owner``: staff are not, whatever they set),
and the time given is not in the future. Ids stay in commit order; only ``at``
is kept.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREVIOUS = importlib.import_module("db.migrations.versions.0007_nobody_acts_as_the_owner")
STAMP = "    NEW.at := pg_catalog.clock_timestamp();\n"
KEEP_HISTORY = """    IF pg_catalog.current_setting('hotline.history', true) IS DISTINCT FROM 'on'
       OR NOT pg_catalog.pg_has_role(session_user, 'hotline_owner', 'MEMBER')
       OR NEW.at IS NULL OR NEW.at > pg_catalog.clock_timestamp() THEN
        NEW.at := pg_catalog.clock_timestamp();
    END IF;
"""
assert PREVIOUS.EVENT_ORDER.count(STAMP) == 1
EVENT_ORDER = PREVIOUS.EVENT_ORDER.replace(STAMP, KEEP_HISTORY)


def upgrade() -> None:
    op.execute(EVENT_ORDER)


def downgrade() -> None:
    op.execute(PREVIOUS.EVENT_ORDER)
