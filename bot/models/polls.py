"""Feedback polls: options, votes and chosen options."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class PollStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Poll(Base):
    """A quick feedback question to an audience; answered with one tap until it closes."""

    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(300))
    multiple: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_comment: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    audience: Mapped[str] = mapped_column(String(200), default="all")
    # Set for the feedback poll after a dialogue meeting: one per meeting, ever.
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), unique=True
    )
    status: Mapped[PollStatus] = mapped_column(
        enum_column(PollStatus), default=PollStatus.OPEN, index=True
    )
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id; None from the shell
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    options: Mapped[list[PollOption]] = relationship(
        back_populates="poll",
        cascade="all, delete-orphan",
        order_by="PollOption.position",
        lazy="selectin",
    )


class PollOption(Base):
    __tablename__ = "poll_options"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(100))

    poll: Mapped[Poll] = relationship(back_populates="options")


class PollVote(Base):
    """One person's answer to a poll. ``voter_key`` is a keyed hash of poll and user, so a
    person can change their answer; an anonymous poll stores no ``user_id`` at all."""

    __tablename__ = "poll_votes"
    __table_args__ = (UniqueConstraint("poll_id", "voter_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    voter_key: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class PollChoice(Base):
    """An option chosen in a vote (several for a multiple-choice poll)."""

    __tablename__ = "poll_choices"
    __table_args__ = (UniqueConstraint("vote_id", "option_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(
        ForeignKey("poll_votes.id", ondelete="CASCADE"), index=True
    )
    option_id: Mapped[int] = mapped_column(
        ForeignKey("poll_options.id", ondelete="CASCADE"), index=True
    )
