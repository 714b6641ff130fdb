"""Funding calls (utlysningar) and users' reminders for them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class CallStatus(enum.StrEnum):
    OPEN = "open"
    WITHDRAWN = "withdrawn"


class FundingCall(Base):
    """A funding call (utlysning), added by staff or picked up from a funding feed."""

    __tablename__ = "funding_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    funder: Mapped[str] = mapped_column(String(200), default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(1000))
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    tags: Mapped[str] = mapped_column(Text, default="")  # comma-separated subject areas
    status: Mapped[CallStatus] = mapped_column(enum_column(CallStatus), default=CallStatus.OPEN)
    feed_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("feed_items.id", ondelete="SET NULL"), unique=True
    )
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class CallReminder(Base):
    """A user's "remind me" for a call: one per user and call, sent by its own campaign."""

    __tablename__ = "call_reminders"
    __table_args__ = (UniqueConstraint("call_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("funding_calls.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    remind_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
