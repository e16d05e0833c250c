"""customer gstin

Revision ID: 0002
Revises: 0001
Create Date: 2024-02-02 16:40:03.551207

"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customers", sa.Column("gstin", sa.String(length=15), nullable=True))


def downgrade() -> None:
    op.drop_column("customers", "gstin")
