"""Broadcast drafts: the message a staff member is composing, kept across restarts

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 22:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "broadcast_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("text_html", sa.Text(), nullable=True),
        sa.Column("media_kind", sa.String(length=10), nullable=True),
        sa.Column("media_file_id", sa.String(length=200), nullable=True),
        sa.Column("audience", sa.String(length=200), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_broadcast_drafts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast_drafts")),
        sa.UniqueConstraint("user_id", name=op.f("uq_broadcast_drafts_user_id")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("broadcast_drafts")
