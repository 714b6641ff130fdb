"""RSS/Atom feeds and the items seen in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.base import Base, UTCDateTime
from bot.timeutil import utc_now


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
