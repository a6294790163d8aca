"""a devis requested but never priced can be declined when another one is accepted

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 08:55:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

OLD = "status = 'requested' OR amount_minor IS NOT NULL"
NEW = "status IN ('requested', 'declined') OR amount_minor IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table('quote', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('ck_quote_amount_known', type_='check')
        batch_op.create_check_constraint('ck_quote_amount_known', NEW)


def downgrade() -> None:
    op.execute("UPDATE quote SET status = 'requested' WHERE status = 'declined' AND amount_minor IS NULL")
    with op.batch_alter_table('quote', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('ck_quote_amount_known', type_='check')
        batch_op.create_check_constraint('ck_quote_amount_known', OLD)
