"""Knowledge and questions: documents, passages, FAQ, the question log and staff relays."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models.base import Base, UTCDateTime
from bot.models.people import User
from bot.timeutil import utc_now


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
