"""Deliveries to a chat that is no user's (the staff group): deliveries.user_id may be empty

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 22:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the table here: keep it AUTOINCREMENT (0009).
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("deliveries", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    """Downgrade schema: deliveries to chats without a user cannot stay."""
    op.execute("DELETE FROM deliveries WHERE user_id IS NULL")
    with op.batch_alter_table("deliveries", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
