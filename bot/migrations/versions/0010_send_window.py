"""send window: the shared rate limit is a log of send times

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:50:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("send_slots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("send_log", sa.Text(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("send_slots", schema=None) as batch_op:
        batch_op.drop_column("send_log")
