"""Typed SQLAlchemy models: the bot's persistent state."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Dialect,
    Enum,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    and_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.timeutil import as_utc, utc_now


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Without AUTOINCREMENT, SQLite hands the id of the newest row, once deleted, to the
        # next one: an old "Ta bort" button or audit entry then names a different thing.
        # PostgreSQL's sequences never reuse ids.
        table = getattr(cls, "__table__", None)
        if table is not None:
            table.dialect_kwargs["sqlite_autoincrement"] = True


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as plain strings (no native enum type) so migrations stay simple on both databases.
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


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
    subregion: Mapped[SubRegion | None] = mapped_column(_enum(SubRegion))
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
    role: Mapped[Role] = mapped_column(_enum(Role), default=Role.MEMBER)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    link_status: Mapped[LinkStatus] = mapped_column(_enum(LinkStatus), default=LinkStatus.NONE)
    status: Mapped[UserStatus] = mapped_column(_enum(UserStatus), default=UserStatus.ACTIVE)
    # The user's own choice of newsletter digest; None follows the default staff set.
    digest_frequency: Mapped[DigestFrequency | None] = mapped_column(_enum(DigestFrequency))
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


class KnowledgeDocument(Base):
    __tablename__ = "knowledge_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_key: Mapped[str] = mapped_column(String(500), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(10))
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    title_en: Mapped[str | None] = mapped_column(String(300))  # shipped documents only

    passages: Mapped[list[Passage]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Passage.position"
    )


class Passage(Base):
    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    # The English version (shipped documents only): English readers are answered with it.
    section_en: Mapped[str | None] = mapped_column(String(500))
    text_en: Mapped[str | None] = mapped_column(Text)
    # The passage's sentence embedding (float32 bytes) and the model that made it; empty when
    # no model was installed at import, stale when the model changed (`signbot kb reindex`).
    vector: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    vector_model: Mapped[str | None] = mapped_column(String(100), default=None)

    document: Mapped[KnowledgeDocument] = relationship(back_populates="passages")


class FaqEntry(Base):
    __tablename__ = "faq_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    phrasings: Mapped[list[FaqPhrasing]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", lazy="selectin"
    )


class FaqPhrasing(Base):
    __tablename__ = "faq_phrasings"

    id: Mapped[int] = mapped_column(primary_key=True)
    faq_id: Mapped[int] = mapped_column(
        ForeignKey("faq_entries.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(500))

    entry: Mapped[FaqEntry] = relationship(back_populates="phrasings")


class QuestionLog(Base):
    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Chosen by the bot before the row is written, so the answer's buttons can name it at once.
    key: Mapped[int] = mapped_column(BigInteger, unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    question: Mapped[str] = mapped_column(Text)
    answered: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    faq_id: Mapped[int | None] = mapped_column(ForeignKey("faq_entries.id", ondelete="SET NULL"))
    passage_id: Mapped[int | None] = mapped_column(ForeignKey("passages.id", ondelete="SET NULL"))
    feedback: Mapped[int | None] = mapped_column(Integer)
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    staff_replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Menade du …?": the passages offered ("12,40,7"), and the asker's choice: "topic" with
    # the chosen passage (a learned phrasing of it, see KnowledgeService.learned) or "none".
    offered: Mapped[str | None] = mapped_column(String(200))
    offer_choice: Mapped[str | None] = mapped_column(String(8))
    chosen_passage_id: Mapped[int | None] = mapped_column(
        ForeignKey("passages.id", ondelete="SET NULL")
    )
    # Staff finished with it in the review queue: dismissed (Klar) or made a FAQ entry.
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User | None] = relationship(lazy="joined")


class StaffRelay(Base):
    """A question forwarded to staff: the staff-side message a reply to which reaches the asker."""

    __tablename__ = "staff_relays"
    __table_args__ = (UniqueConstraint("chat_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question_log.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)

    question: Mapped[QuestionLog] = relationship(lazy="joined")


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    actor_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(Text, default="")


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
    topic: Mapped[Topic] = mapped_column(_enum(Topic))
    enabled: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


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
    topic: Mapped[Topic | None] = mapped_column(_enum(Topic))
    # What the message is about, e.g. "meeting:12": rendered for each recipient at send time
    # (their language, their sign-up) by the Personaliser; text_html then summarises it for staff.
    subject: Mapped[str | None] = mapped_column(String(80), index=True)
    text_html: Mapped[str] = mapped_column(Text, default="")
    media_kind: Mapped[str | None] = mapped_column(String(10))  # "photo" | "document"
    media_file_id: Mapped[str | None] = mapped_column(String(200))
    buttons: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [[{"text", "url"}]]
    audience: Mapped[str] = mapped_column(String(200), default="all")
    status: Mapped[CampaignStatus] = mapped_column(
        _enum(CampaignStatus), default=CampaignStatus.SCHEDULED, index=True
    )
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id; None from the shell
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expanded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_reason: Mapped[str | None] = mapped_column(String(200))


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
        _enum(DeliveryStatus), default=DeliveryStatus.PENDING, index=True
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


class Feed(Base):
    """An RSS/Atom source polled on a schedule; funding items become calls, news feed the digest."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(1000), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # "funding" | "news"
    include_words: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    exclude_words: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    interval_seconds: Mapped[int] = mapped_column(Integer, default=1800)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    next_poll_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last failure: its kind (fetch.ErrorKind, shown to staff in words), the HTTP status
    # if any, and the detail for operators and logs (never shown in a chat).
    error_kind: Mapped[str | None] = mapped_column(String(20))
    error_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # last successful fetch
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class FeedItem(Base):
    """One entry seen in a feed; the unique dedup key makes sure it is announced once, ever."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "dedup_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    dedup_key: Mapped[str] = mapped_column(String(1000))
    title: Mapped[str] = mapped_column(String(500), default="")
    link: Mapped[str | None] = mapped_column(String(1000))
    summary_html: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    announced: Mapped[bool] = mapped_column(Boolean, default=False)
    # Over the cap of its fetch (or old on the feed's first fetch): stored, never announced,
    # no call, not in the digest.
    quiet: Mapped[bool] = mapped_column(Boolean, default=False)


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
        _enum(MeetingStatus), default=MeetingStatus.SCHEDULED, index=True
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
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    user: Mapped[User] = relationship(lazy="joined")


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
    status: Mapped[CallStatus] = mapped_column(_enum(CallStatus), default=CallStatus.OPEN)
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
    kind: Mapped[EditionKind] = mapped_column(_enum(EditionKind))
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    window_end: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class AppSetting(Base):
    """A setting staff change in the running bot (e.g. the default digest frequency)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[int | None] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


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
        _enum(PollStatus), default=PollStatus.OPEN, index=True
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
        _enum(RoundStatus), default=RoundStatus.OPEN, index=True
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


class FormStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class QuestionKind(enum.StrEnum):
    CHOICE = "choice"
    CHOICES = "choices"  # several choices
    NUMBER = "number"
    TEXT = "text"  # short text
    MUNICIPALITY = "municipality"  # one municipality of Västra Götaland
    MUNICIPALITIES = "municipalities"  # several


class ResponseStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class Form(Base):
    """A short questionnaire filled in within the chat; sent to an audience like any push.

    A built-in form (``key`` set, e.g. the organisation profile) takes its texts from the
    message catalogue; a form staff made shows the texts they wrote.
    """

    __tablename__ = "forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    intro: Mapped[str] = mapped_column(Text, default="")
    # One current answer per organisation, given by one of its approved contacts.
    per_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    audience: Mapped[str] = mapped_column(String(200), default="all")
    status: Mapped[FormStatus] = mapped_column(
        _enum(FormStatus), default=FormStatus.OPEN, index=True
    )
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id; None from the shell
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    questions: Mapped[list[FormQuestion]] = relationship(
        back_populates="form",
        cascade="all, delete-orphan",
        order_by="FormQuestion.position",
        lazy="selectin",
    )


class FormQuestion(Base):
    __tablename__ = "form_questions"
    __table_args__ = (
        UniqueConstraint("form_id", "position", name="uq_form_questions_position"),
        UniqueConstraint("form_id", "key", name="uq_form_questions_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))  # stable name: CSV column, catalogue key part
    kind: Mapped[QuestionKind] = mapped_column(_enum(QuestionKind))
    prompt: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of option codes/labels
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    min_value: Mapped[int | None] = mapped_column(BigInteger)
    max_value: Mapped[int | None] = mapped_column(BigInteger)
    max_length: Mapped[int | None] = mapped_column(Integer)

    form: Mapped[Form] = relationship(back_populates="questions")


class FormResponse(Base):
    """One person's answers to a form: a draft while they fill it in, then submitted.

    Changing a submitted answer makes a new response; the old one gets ``superseded_at``,
    so the current answer is the submitted one that is not superseded (per user, or per
    organisation for a per-organisation form) and earlier ones stay, dated.
    """

    __tablename__ = "form_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[ResponseStatus] = mapped_column(
        _enum(ResponseStatus), default=ResponseStatus.DRAFT, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)  # the question to ask on resuming
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    answers: Mapped[list[FormAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", lazy="selectin"
    )

    @hybrid_property
    def in_force(self) -> bool:
        """Submitted and not replaced by a newer answer (also usable in queries)."""
        return self.status == ResponseStatus.SUBMITTED and self.superseded_at is None

    @in_force.inplace.expression
    @classmethod
    def _in_force_expression(cls) -> ColumnElement[bool]:
        return and_(cls.status == ResponseStatus.SUBMITTED, cls.superseded_at.is_(None))


class FormAnswer(Base):
    """The answer to one question, as JSON: a code, a list of codes, a number or a text."""

    __tablename__ = "form_answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("form_responses.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("form_questions.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[str] = mapped_column(Text)

    response: Mapped[FormResponse] = relationship(back_populates="answers")
