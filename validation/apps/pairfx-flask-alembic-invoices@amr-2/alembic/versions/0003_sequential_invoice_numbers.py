"""sequential invoice numbers per financial year

Revision ID: 0003
Revises: 0002
Create Date: 2024-04-02 11:20:51.004113

"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invoice_counters",
        sa.Column("financial_year", sa.String(length=7), primary_key=True),
        sa.Column("last_value", sa.Integer(), nullable=False, server_default="0"),
    )
    # Existing numbers (INV-XXXXXXXX) are kept; only new invoices get INV-YYYY-YY-NNNN.
    # expect: G5.D3
    op.execute("ALTER TABLE invoices ALTER COLUMN number TYPE varchar(16)")
    # ok: G5.D3
    op.execute("ALTER TABLE invoices ALTER COLUMN number SET NOT NULL")


def downgrade() -> None:
    # ok: G5.D3
    op.execute("ALTER TABLE invoices ALTER COLUMN number TYPE varchar(32)")
    # ok: G5.D3
    op.drop_table("invoice_counters")
