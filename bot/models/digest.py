"""Newsletter editions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class EditionKind(enum.StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    SPECIAL = "special"


class DigestEdition(Base):
    """One newsletter edition: its slot in time, its note, and the campaign that sends it.

    A reader's digest covers what happened between the ``window_end`` of the previous
    edition they got and this one's, so nothing is dropped or repeated between two digests.
    """

    __tablename__ = "digest_editions"
    __table_args__ = (UniqueConstraint("kind", "scheduled_for"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EditionKind] = mapped_column(enum_column(EditionKind))
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    window_end: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
