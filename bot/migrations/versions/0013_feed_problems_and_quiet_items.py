"""feed problems as kinds, last successful fetch, quiet feed items

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-06 19:45:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The texts the fetcher stored before errors had kinds, and the kind each one was.
OLD_ERRORS = """
    CASE
        WHEN last_error = 'timeout' THEN 'timeout'
        WHEN last_error LIKE 'HTTP %' THEN 'http'
        WHEN last_error LIKE 'too large%' THEN 'too_large'
        WHEN last_error = 'too many redirects' THEN 'redirects'
        WHEN last_error LIKE 'not a feed%' THEN 'not_feed'
        WHEN last_error LIKE 'internal error%' THEN 'internal'
        ELSE 'unreachable'
    END
"""

# SQLite rebuilds a table to change a default: keep it AUTOINCREMENT (0009) when it does.
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("feeds", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("error_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("error_status", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("feed_items", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(
            sa.Column("quiet", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("feed_items", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.alter_column("quiet", server_default=None)
    op.execute(f"UPDATE feeds SET error_kind = {OLD_ERRORS} WHERE last_error IS NOT NULL")
    op.execute(
        "UPDATE feeds SET error_status = CAST(SUBSTR(last_error, 6, 3) AS INTEGER) "
        "WHERE error_kind = 'http'"
    )
    # A feed with items has been fetched: its next fetch is not its first.
    op.execute(
        "UPDATE feeds SET fetched_at = "
        "(SELECT MAX(feed_items.seen_at) FROM feed_items WHERE feed_items.feed_id = feeds.id)"
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("feed_items", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("quiet")
    with op.batch_alter_table("feeds", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_column("fetched_at")
        batch_op.drop_column("error_status")
        batch_op.drop_column("error_kind")
