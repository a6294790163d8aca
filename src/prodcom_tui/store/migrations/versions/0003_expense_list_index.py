"""the expenses list's index carries what its filter reads

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:15:00

The date index becomes a covering one: (spent_on, id) for the list's order, then description,
invoice_ref, vendor_id and budget_line_id for its filter, so a filter that matches few rows scans
the index rather than reading every expense from the table in date order.
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COLUMNS = ['spent_on', 'id', 'description', 'invoice_ref', 'vendor_id', 'budget_line_id']


def upgrade() -> None:
    op.create_index('ix_expense_list', 'expense', COLUMNS)
    op.drop_index('ix_expense_date', table_name='expense')


def downgrade() -> None:
    op.create_index('ix_expense_date', 'expense', ['spent_on'])
    op.drop_index('ix_expense_list', table_name='expense')
