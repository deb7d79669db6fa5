"""Initial schema: the whole domain, the append-only case_event feed and its trigger.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Trigram index behind the queue's text filter; the expression must match
# console.queue.search_document() exactly. pg_trgm is a contrib module that some
# builds lack (the embedded server's among them): there the filter still works,
# by a sequential scan.
CASE_SEARCH_INDEX = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX ix_case_search_trgm ON "case" USING gin (
            (public_no || ' ' || coalesce(caller_phone, '') || ' ' || text || ' ' || address)
            gin_trgm_ops);
    END IF;
END $$
"""

# The change feed (ARCHITECTURE.md decision 4). Event ids must become visible
# in id order, or a reader that keeps "the last id applied" could skip an event
# whose transaction committed after a later id's. The BEFORE trigger therefore
# takes a transaction-scoped advisory lock and only then draws the id, so ids
# are drawn in commit order; the lock is held for the rest of the (short)
# writing transaction. The AFTER trigger wakes every listening console.
FEED_LOCK_KEY = 7263545  # arbitrary constant, shared by every writer
FEED_UP = [
    f"""
    CREATE FUNCTION case_event_order_id() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock({FEED_LOCK_KEY});
        NEW.id := nextval(pg_get_serial_sequence('case_event', 'id'));
        NEW.at := clock_timestamp();
        RETURN NEW;
    END $$
    """,
    """
    CREATE TRIGGER case_event_order_id BEFORE INSERT ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_order_id()
    """,
    """
    CREATE FUNCTION case_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('case_event', NEW.id::text);
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER case_event_notify AFTER INSERT ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_notify()
    """,
    """
    CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'case_event is append-only: % is not allowed', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END $$
    """,
    """
    CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_append_only()
    """,
    """
    CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_append_only()
    """,
]
FEED_DOWN = [
    "DROP FUNCTION case_event_order_id() CASCADE",
    "DROP FUNCTION case_event_notify() CASCADE",
    "DROP FUNCTION case_event_append_only() CASCADE",
]


def upgrade() -> None:
    op.create_table('caller',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caller')),
    sa.UniqueConstraint('phone', name=op.f('uq_caller_phone'))
    )
    op.create_table('case_event',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('case_id', sa.UUID(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_event'))
    )
    op.create_index(op.f('ix_case_event_case_id'), 'case_event', ['case_id'], unique=False)
    op.create_table('case_number_counter',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_case_number_counter'))
    )
    op.create_table('roll_call',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("channel IN ('phone', 'video', 'radio')", name=op.f('ck_roll_call_channel')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call'))
    )
    op.create_table('shift_template',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('hours', sa.SmallInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_template')),
    sa.UniqueConstraint('code', name=op.f('uq_shift_template_code'))
    )
    op.create_table('street',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort_order', sa.SmallInteger(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_street'))
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('code', name=op.f('uq_team_code'))
    )
    op.create_table('working_day',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_working', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('estimated', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_working_day'))
    )
    op.create_table('community',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('street_code', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['street_code'], ['street.code'], name=op.f('fk_community_street_code_street')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_community'))
    )
    op.create_table('handover',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('shift_day', sa.Date(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('outgoing_leader', sa.String(length=64), nullable=False),
    sa.Column('incoming_leader', sa.String(length=64), nullable=True),
    sa.Column('summary', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('signed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shift_template.id'], name=op.f('fk_handover_shift_id_shift_template')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('roles', postgresql.ARRAY(sa.String(length=16)), server_default='{}', nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_staff_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('login', name=op.f('uq_staff_login'))
    )
    op.create_table('grid_cell',
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('street_code', sa.String(length=16), nullable=False),
    sa.Column('community_code', sa.String(length=16), nullable=False),
    sa.Column('geometry', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('centroid_lon', sa.Double(), nullable=False),
    sa.Column('centroid_lat', sa.Double(), nullable=False),
    sa.ForeignKeyConstraint(['community_code'], ['community.code'], name=op.f('fk_grid_cell_community_code_community')),
    sa.ForeignKeyConstraint(['street_code'], ['street.code'], name=op.f('fk_grid_cell_street_code_street')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_grid_cell'))
    )
    op.create_index(op.f('ix_grid_cell_community_code'), 'grid_cell', ['community_code'], unique=False)
    op.create_table('unit',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('street_code', sa.String(length=16), nullable=True),
    sa.Column('community_code', sa.String(length=16), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['community_code'], ['community.code'], name=op.f('fk_unit_community_code_community')),
    sa.ForeignKeyConstraint(['parent_id'], ['unit.id'], name=op.f('fk_unit_parent_id_unit')),
    sa.ForeignKeyConstraint(['street_code'], ['street.code'], name=op.f('fk_unit_street_code_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_unit_code'))
    )
    op.create_table('category',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.SmallInteger(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('initials', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=1), nullable=True),
    sa.Column('limit_hours', sa.Integer(), nullable=True),
    sa.Column('limit_working_days', sa.Integer(), nullable=True),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('territorial', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('auto_dispatch', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("urgency IS NULL OR urgency IN ('A', 'B', 'C')", name=op.f('ck_category_urgency')),
    sa.CheckConstraint('level BETWEEN 1 AND 3', name=op.f('ck_category_level')),
    sa.CheckConstraint('limit_hours IS NULL OR limit_hours > 0', name=op.f('ck_category_limit_hours')),
    sa.CheckConstraint('limit_working_days IS NULL OR limit_working_days > 0', name=op.f('ck_category_limit_working_days')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['unit.id'], name=op.f('fk_category_owner_unit_id_unit')),
    sa.ForeignKeyConstraint(['parent_id'], ['category.id'], name=op.f('fk_category_parent_id_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('code', name=op.f('uq_category_code'))
    )
    op.create_index(op.f('ix_category_parent_id'), 'category', ['parent_id'], unique=False)
    op.create_table('duty_post',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_duty_post_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_post')),
    sa.UniqueConstraint('code', name=op.f('uq_duty_post_code'))
    )
    op.create_table('case',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('public_no', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('nature', sa.String(length=16), server_default='complaint', nullable=False),
    sa.Column('caller_id', sa.BigInteger(), nullable=True),
    sa.Column('caller_phone', sa.String(length=32), nullable=True),
    sa.Column('caller_name', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), server_default='', nullable=False),
    sa.Column('lon', sa.Double(), nullable=True),
    sa.Column('lat', sa.Double(), nullable=True),
    sa.Column('street_code', sa.String(length=16), nullable=True),
    sa.Column('community_code', sa.String(length=16), nullable=True),
    sa.Column('grid_code', sa.String(length=24), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('urgency', sa.String(length=1), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assigned_unit_id', sa.Integer(), nullable=True),
    sa.Column('merged_into', sa.UUID(), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("status IN ('new', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'returned', 'disputed', 'merged', 'answered', 'invalid')", name=op.f('ck_case_status')),
    sa.CheckConstraint("urgency IN ('A', 'B', 'C')", name=op.f('ck_case_urgency')),
    sa.CheckConstraint('char_length(text) <= 20000', name=op.f('ck_case_text_length')),
    sa.ForeignKeyConstraint(['assigned_unit_id'], ['unit.id'], name=op.f('fk_case_assigned_unit_id_unit')),
    sa.ForeignKeyConstraint(['caller_id'], ['caller.id'], name=op.f('fk_case_caller_id_caller')),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_case_category_id_category')),
    sa.ForeignKeyConstraint(['community_code'], ['community.code'], name=op.f('fk_case_community_code_community')),
    sa.ForeignKeyConstraint(['grid_code'], ['grid_cell.code'], name=op.f('fk_case_grid_code_grid_cell')),
    sa.ForeignKeyConstraint(['merged_into'], ['case.id'], name=op.f('fk_case_merged_into_case')),
    sa.ForeignKeyConstraint(['street_code'], ['street.code'], name=op.f('fk_case_street_code_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case')),
    sa.UniqueConstraint('public_no', name=op.f('uq_case_public_no'))
    )
    op.create_index(op.f('ix_case_assigned_unit_id'), 'case', ['assigned_unit_id'], unique=False)
    op.create_index(op.f('ix_case_caller_id'), 'case', ['caller_id'], unique=False)
    op.create_index(op.f('ix_case_category_id'), 'case', ['category_id'], unique=False)
    op.create_index(op.f('ix_case_channel'), 'case', ['channel'], unique=False)
    op.create_index('ix_case_created_at', 'case', [sa.literal_column('created_at DESC'), sa.literal_column('id DESC')], unique=False)
    op.create_index(op.f('ix_case_grid_code'), 'case', ['grid_code'], unique=False)
    op.execute(CASE_SEARCH_INDEX)
    op.create_index('ix_case_status_created', 'case', ['status', sa.literal_column('created_at DESC'), sa.literal_column('id DESC')], unique=False)
    op.create_index(op.f('ix_case_street_code'), 'case', ['street_code'], unique=False)
    op.create_table('deadline_rule',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('urgency', sa.String(length=1), nullable=False),
    sa.Column('limit_hours', sa.Integer(), nullable=True),
    sa.Column('limit_working_days', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("urgency IN ('A', 'B', 'C')", name=op.f('ck_deadline_rule_urgency')),
    sa.CheckConstraint('(limit_hours IS NULL) <> (limit_working_days IS NULL)', name=op.f('ck_deadline_rule_one_limit')),
    sa.CheckConstraint('coalesce(limit_hours, limit_working_days) > 0', name=op.f('ck_deadline_rule_positive')),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_deadline_rule_category_id_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline_rule')),
    sa.UniqueConstraint('category_id', 'urgency', name=op.f('uq_deadline_rule_category_id_urgency'))
    )
    op.create_table('quick_answer',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('keywords', postgresql.ARRAY(sa.Text()), server_default='{}', nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('hits', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_quick_answer_category_id_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quick_answer'))
    )
    op.create_table('roll_call_entry',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('roll_call_id', sa.BigInteger(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(length=10), nullable=True),
    sa.Column('late_minutes', sa.SmallInteger(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("result IS NULL OR result IN ('answered', 'late', 'absent', 'no_answer')", name=op.f('ck_roll_call_entry_result')),
    sa.ForeignKeyConstraint(['post_id'], ['duty_post.id'], name=op.f('fk_roll_call_entry_post_id_duty_post')),
    sa.ForeignKeyConstraint(['roll_call_id'], ['roll_call.id'], name=op.f('fk_roll_call_entry_roll_call_id_roll_call'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_roll_call_entry_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roll_call_entry')),
    sa.UniqueConstraint('roll_call_id', 'post_id', name=op.f('uq_roll_call_entry_roll_call_id_post_id'))
    )
    op.create_table('roster_entry',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), server_default='duty', nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['duty_post.id'], name=op.f('fk_roster_entry_post_id_duty_post')),
    sa.ForeignKeyConstraint(['shift_id'], ['shift_template.id'], name=op.f('fk_roster_entry_shift_id_shift_template')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_roster_entry_staff_id_staff')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_roster_entry_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roster_entry')),
    sa.UniqueConstraint('day', 'shift_id', 'post_id', 'staff_id', name=op.f('uq_roster_entry_day_shift_id_post_id_staff_id'))
    )
    op.create_index(op.f('ix_roster_entry_day'), 'roster_entry', ['day'], unique=False)
    op.create_table('callback',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('case_id', sa.UUID(), nullable=False),
    sa.Column('attempt', sa.SmallInteger(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('satisfaction', sa.SmallInteger(), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint('satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5', name=op.f('ck_callback_satisfaction')),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_callback_case_id_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callback'))
    )
    op.create_index(op.f('ix_callback_case_id'), 'callback', ['case_id'], unique=False)
    op.create_table('escalation_order',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('case_id', sa.UUID(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('round', sa.SmallInteger(), server_default=sa.text('1'), nullable=False),
    sa.Column('issuer', sa.String(length=64), nullable=False),
    sa.Column('target_unit_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), server_default='', nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('reply_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reply_text', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.CheckConstraint("level IN ('reminder', 'urge', 'supervision', 'inspection')", name=op.f('ck_escalation_order_level')),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_escalation_order_case_id_case')),
    sa.ForeignKeyConstraint(['target_unit_id'], ['unit.id'], name=op.f('fk_escalation_order_target_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation_order')),
    sa.UniqueConstraint('case_id', 'level', 'round', name=op.f('uq_escalation_order_case_id_level_round'))
    )
    op.create_index(op.f('ix_escalation_order_case_id'), 'escalation_order', ['case_id'], unique=False)
    for statement in FEED_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in reversed(FEED_DOWN):
        op.execute(statement)
    op.drop_index(op.f('ix_escalation_order_case_id'), table_name='escalation_order')
    op.drop_table('escalation_order')
    op.drop_index(op.f('ix_callback_case_id'), table_name='callback')
    op.drop_table('callback')
    op.drop_index(op.f('ix_roster_entry_day'), table_name='roster_entry')
    op.drop_table('roster_entry')
    op.drop_table('roll_call_entry')
    op.drop_table('quick_answer')
    op.drop_table('deadline_rule')
    op.drop_index(op.f('ix_case_street_code'), table_name='case')
    op.drop_index('ix_case_status_created', table_name='case')
    op.execute("DROP INDEX IF EXISTS ix_case_search_trgm")
    op.drop_index(op.f('ix_case_grid_code'), table_name='case')
    op.drop_index('ix_case_created_at', table_name='case')
    op.drop_index(op.f('ix_case_channel'), table_name='case')
    op.drop_index(op.f('ix_case_category_id'), table_name='case')
    op.drop_index(op.f('ix_case_caller_id'), table_name='case')
    op.drop_index(op.f('ix_case_assigned_unit_id'), table_name='case')
    op.drop_table('case')
    op.drop_table('duty_post')
    op.drop_index(op.f('ix_category_parent_id'), table_name='category')
    op.drop_table('category')
    op.drop_table('unit')
    op.drop_index(op.f('ix_grid_cell_community_code'), table_name='grid_cell')
    op.drop_table('grid_cell')
    op.drop_table('staff')
    op.drop_table('handover')
    op.drop_table('community')
    op.drop_table('working_day')
    op.drop_table('team')
    op.drop_table('street')
    op.drop_table('shift_template')
    op.drop_table('roll_call')
    op.drop_table('case_number_counter')
    op.drop_index(op.f('ix_case_event_case_id'), table_name='case_event')
    op.drop_table('case_event')
    op.drop_table('caller')
