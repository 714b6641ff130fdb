"""English versions of passages and document titles

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 20:05:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite may rebuild a table here: keep it AUTOINCREMENT (0009) when it does.
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("knowledge_documents", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("title_en", sa.String(length=300), nullable=True))
    with op.batch_alter_table("passages", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("section_en", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("text_en", sa.Text(), nullable=True))
    # The shipped documents are imported again (with their English versions) on the next start.
    op.execute("UPDATE knowledge_documents SET content_hash = '' WHERE source_key LIKE 'builtin:%'")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("passages", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("text_en")
        batch_op.drop_column("section_en")
    with op.batch_alter_table("knowledge_documents", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("title_en")
