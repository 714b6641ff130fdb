"""When staff finished reviewing a logged question (dismissed it or made it a FAQ entry)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 20:55:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite may rebuild a table here: keep it AUTOINCREMENT (0009) when it does.
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("question_log", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("question_log", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("reviewed_at")
