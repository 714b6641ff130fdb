"""sqlite autoincrement: ids are never reused

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 20:00:00.000000

SQLite gives a deleted newest row's id to the next row unless the table says AUTOINCREMENT, so
an old button or audit entry could name a different feed, meeting or person. SQLite cannot
alter a table's primary key: every table is rebuilt (batch mode copies the rows, ids included,
and the new table's sequence starts past the highest id). PostgreSQL's sequences never reuse
ids: nothing to do there.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SKIP = {"alembic_version", "sqlite_sequence"}


def _rebuild(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # Every table there is, so tables added by other migrations are covered whatever the order.
    for table in sa.inspect(bind).get_table_names():
        if table in _SKIP:
            continue
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade() -> None:
    """Rebuild every SQLite table with AUTOINCREMENT."""
    _rebuild(True)


def downgrade() -> None:
    """Rebuild every SQLite table without AUTOINCREMENT."""
    _rebuild(False)
