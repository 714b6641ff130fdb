"""Organisations, users and invitations: who the bot knows and whom they speak for."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


class Role(enum.StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    ADMIN = "admin"


class UserStatus(enum.StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"
    DELETED = "deleted"


class LinkStatus(enum.StrEnum):
    NONE = "none"
    PENDING = "pending"
    APPROVED = "approved"


class DigestFrequency(enum.StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    OFF = "off"


class SubRegion(enum.StrEnum):
    FYRBODAL = "Fyrbodal"
    SKARABORG = "Skaraborg"
    SJUHARAD = "Sjuhärad"
    GOTEBORGSREGIONEN = "Göteborgsregionen"


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    org_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    subregion: Mapped[SubRegion | None] = mapped_column(enum_column(SubRegion))
    umbrella: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    username: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(5), default="sv")
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.MEMBER)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    link_status: Mapped[LinkStatus] = mapped_column(
        enum_column(LinkStatus), default=LinkStatus.NONE
    )
    status: Mapped[UserStatus] = mapped_column(enum_column(UserStatus), default=UserStatus.ACTIVE)
    # The user's own choice of newsletter digest; None follows the default staff set.
    digest_frequency: Mapped[DigestFrequency | None] = mapped_column(enum_column(DigestFrequency))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.STAFF, Role.ADMIN)

    @property
    def is_approved_contact(self) -> bool:
        """Staff approved the link: the user speaks for their organisation."""
        return self.organisation_id is not None and self.link_status == LinkStatus.APPROVED


class Invitation(Base):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    uses: Mapped[int] = mapped_column(Integer, default=0)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
