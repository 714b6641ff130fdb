"""passage vectors for semantic search, with the model that computed them

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-06 20:10:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite may rebuild a table here: keep it AUTOINCREMENT (0009) when it does.
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("passages", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("vector", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("vector_model", sa.String(length=100), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("passages", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("vector_model")
        batch_op.drop_column("vector")
