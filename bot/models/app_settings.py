"""Settings staff change in the running bot."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime
from bot.timeutil import utc_now


class AppSetting(Base):
    """A setting staff change in the running bot (e.g. the default digest frequency)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[int | None] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
