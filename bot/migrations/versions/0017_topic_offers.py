"""The topics offered for a question ("Menade du …?") and the asker's choice

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 20:40:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite may rebuild a table here: keep it AUTOINCREMENT (0009) when it does.
KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("question_log", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("offered", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("offer_choice", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("chosen_passage_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_question_log_chosen_passage_id_passages"),
            "passages",
            ["chosen_passage_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("question_log", table_kwargs=KEEP_IDS) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_question_log_chosen_passage_id_passages"), type_="foreignkey"
        )
        batch_op.drop_column("chosen_passage_id")
        batch_op.drop_column("offer_choice")
        batch_op.drop_column("offered")
