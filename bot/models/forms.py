"""Forms: questions, responses and answers."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.models.base import Base, UTCDateTime, enum_column
from bot.timeutil import utc_now


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
        enum_column(FormStatus), default=FormStatus.OPEN, index=True
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
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind))
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
        enum_column(ResponseStatus), default=ResponseStatus.DRAFT, index=True
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
