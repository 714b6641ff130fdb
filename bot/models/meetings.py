"""Dialogue meetings and who signed up."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models.base import Base, UTCDateTime, enum_column
from bot.models.people import User
from bot.timeutil import utc_now


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class AttendanceStatus(enum.StrEnum):
    GOING = "going"
    WAITING = "waiting"
    DECLINED = "declined"


class Meeting(Base):
    """A dialogue meeting: when, where, how many may come, and until when they may sign up."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str | None] = mapped_column(String(300))
    online_url: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    signup_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer, default=0)  # 0 = unlimited
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.SCHEDULED, index=True
    )
    # Bumped on every change of time or place; reminders name the version they were made for.
    version: Mapped[int] = mapped_column(Integer, default=1)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notified_80: Mapped[bool] = mapped_column(Boolean, default=False)
    notified_full: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id; None from the shell
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Attendance(Base):
    """One user's answer to one meeting; the waiting list is ordered by ``joined_at``."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(enum_column(AttendanceStatus))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    user: Mapped[User] = relationship(lazy="joined")
