"""Delivery: campaigns, broadcast drafts, per-recipient deliveries and the shared send window."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime, enum_column
from bot.models.topics import Topic
from bot.timeutil import utc_now


class CampaignStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class Campaign(Base):
    """One push to many people: what, to whom, when, by whom."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    # None for a service message to people who asked for it (a reminder, a change to a meeting
    # they signed up for): those reach them whatever topics they receive.
    topic: Mapped[Topic | None] = mapped_column(enum_column(Topic))
    # What the message is about, e.g. "meeting:12": rendered for each recipient at send time
    # (their language, their sign-up) by the Personaliser; text_html then summarises it for staff.
    subject: Mapped[str | None] = mapped_column(String(80), index=True)
    text_html: Mapped[str] = mapped_column(Text, default="")
    media_kind: Mapped[str | None] = mapped_column(String(10))  # "photo" | "document"
    media_file_id: Mapped[str | None] = mapped_column(String(200))
    buttons: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [[{"text", "url"}]]
    audience: Mapped[str] = mapped_column(String(200), default="all")
    status: Mapped[CampaignStatus] = mapped_column(
        enum_column(CampaignStatus), default=CampaignStatus.SCHEDULED, index=True
    )
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id; None from the shell
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expanded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_reason: Mapped[str | None] = mapped_column(String(200))


class BroadcastDraft(Base):
    """A broadcast a staff member is composing (one at a time), kept across restarts."""

    __tablename__ = "broadcast_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    token: Mapped[str] = mapped_column(String(16))  # carried by the draft's buttons
    step: Mapped[str] = mapped_column(String(20))  # the composing step it waits at
    text_html: Mapped[str | None] = mapped_column(Text)
    media_kind: Mapped[str | None] = mapped_column(String(10))  # "photo" | "document"
    media_file_id: Mapped[str | None] = mapped_column(String(200))
    audience: Mapped[str | None] = mapped_column(String(200))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a time shown to confirm
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Delivery(Base):
    """One recipient of one campaign; claimed by a sender, recorded when Telegram confirms."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("campaign_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    # None for a chat that is no user's: the staff group, which staff notices reach.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[DeliveryStatus] = mapped_column(
        enum_column(DeliveryStatus), default=DeliveryStatus.PENDING, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(String(300))


class SendSlot(Base):
    """The send window shared by every process for Telegram's limit, one row ("global")."""

    __tablename__ = "send_slots"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)  # sends logged in the window, for a glance
    # JSON: {"sends": [[time, ticket if still in flight], ...], "hold_until": time}
    send_log: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
