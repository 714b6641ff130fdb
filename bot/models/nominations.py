"""Nomination rounds for the steering group and the nominations made in them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class RoundStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class NominationRound(Base):
    """A period in which signatory organisations nominate people to the steering group."""

    __tablename__ = "nomination_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[RoundStatus] = mapped_column(
        enum_column(RoundStatus), default=RoundStatus.OPEN, index=True
    )
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Nomination(Base):
    """One candidate put forward by a signatory organisation's contact in a round."""

    __tablename__ = "nominations"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("nomination_rounds.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    nominated_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    candidate_name: Mapped[str] = mapped_column(String(200))
    candidate_organisation: Mapped[str] = mapped_column(String(200))
    candidate_contact: Mapped[str] = mapped_column(String(200))
    motivation: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
