"""Topics of pushes and each user's choice of which to receive."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class Topic(enum.StrEnum):
    """What kind of push a message is; users choose which topics they receive."""

    ANNOUNCEMENTS = "announcements"
    MEETINGS = "meetings"
    FUNDING_CALLS = "funding_calls"
    DIGEST = "digest"
    POLLS = "polls"


class TopicPreference(Base):
    """A user's explicit choice for one topic; without a row the topic's default applies."""

    __tablename__ = "topic_preferences"
    __table_args__ = (UniqueConstraint("user_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    topic: Mapped[Topic] = mapped_column(enum_column(Topic))
    enabled: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
