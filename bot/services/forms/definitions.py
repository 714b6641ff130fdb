"""Defining a form: its questions as plain data, checked, then stored."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Form, FormQuestion, FormStatus, Meeting, Organisation, QuestionKind, User
from bot.services.delivery import audience
from bot.timeutil import Clock, local

TITLE_MAX = 200
PROMPT_MAX = 500
OPTION_MAX = 60
OPTIONS_MAX = 20
QUESTIONS_MAX = 30
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    kind: QuestionKind
    prompt: str = ""
    options: Sequence[str] = ()
    required: bool = True
    min_value: int | None = None
    max_value: int | None = None
    max_length: int | None = None


@dataclass(frozen=True)
class FormSpec:
    title: str
    questions: Sequence[QuestionSpec]
    intro: str = ""
    audience: str = "all"
    per_organisation: bool = False
    key: str | None = None  # built-in forms only: their texts come from the catalogue
    closes_at: datetime | None = None  # UTC; no more answers after it


def validate(spec: FormSpec) -> None:
    """Raise DomainError naming the first thing wrong with the spec."""
    if not spec.title.strip() and spec.key is None:
        raise DomainError("form_title_missing")
    if len(spec.title) > TITLE_MAX:
        raise DomainError("form_title_too_long", limit=TITLE_MAX)
    if not spec.questions:
        raise DomainError("form_no_questions")
    if len(spec.questions) > QUESTIONS_MAX:
        raise DomainError("form_too_many_questions", limit=QUESTIONS_MAX)
    audience.parse(spec.audience)
    seen: set[str] = set()
    for number, question in enumerate(spec.questions, start=1):
        _validate_question(number, question, built_in=spec.key is not None)
        if question.key in seen:
            raise DomainError("form_question_key_twice", number=number, name=question.key)
        seen.add(question.key)


def _validate_question(number: int, question: QuestionSpec, *, built_in: bool) -> None:
    if not _KEY.match(question.key):
        raise DomainError("form_question_key_invalid", number=number, name=question.key)
    if not built_in and not question.prompt.strip():
        raise DomainError("form_question_prompt_missing", number=number)
    if len(question.prompt) > PROMPT_MAX:
        raise DomainError("form_question_prompt_too_long", number=number, limit=PROMPT_MAX)
    choice = question.kind in (QuestionKind.CHOICE, QuestionKind.CHOICES)
    if choice and not 2 <= len(question.options) <= OPTIONS_MAX:
        raise DomainError("form_question_options_count", number=number, limit=OPTIONS_MAX)
    if not choice and question.options:
        raise DomainError("form_question_options_unexpected", number=number)
    if len({option.casefold() for option in question.options}) != len(question.options):
        raise DomainError("form_question_options_twice", number=number)
    for option in question.options:
        if not option.strip() or len(option) > OPTION_MAX:
            raise DomainError("form_question_option_length", number=number, limit=OPTION_MAX)
    low, high = question.min_value, question.max_value
    if low is not None and high is not None and low > high:
        raise DomainError("form_question_range", number=number)


async def create(
    session: AsyncSession, spec: FormSpec, *, created_by: int | None, clock: Clock
) -> Form:
    """Store a new open form with its questions (flushed)."""
    validate(spec)
    if spec.closes_at is not None and spec.closes_at <= clock():
        raise DomainError("form_closes_past", time=f"{local(spec.closes_at):%Y-%m-%d %H:%M}")
    await _check_audience(session, spec.audience)
    form = Form(
        key=spec.key,
        title=spec.title.strip(),
        intro=spec.intro.strip(),
        per_organisation=spec.per_organisation,
        audience=audience.parse(spec.audience).spec,
        status=FormStatus.OPEN,
        closes_at=spec.closes_at,
        created_by=created_by,
        created_at=clock(),
    )
    form.questions = [_question(index, question) for index, question in enumerate(spec.questions)]
    session.add(form)
    await session.flush()
    return form


# The row an audience such as "org:12" names; a form sent to a missing one would reach nobody.
_TARGETS: dict[str, type[Organisation | Meeting | User | Form]] = {
    "org": Organisation,
    "meeting": Meeting,
    "attendees": Meeting,
    "user": User,
    "form": Form,
}


async def _check_audience(session: AsyncSession, spec: str) -> None:
    parsed = audience.parse(spec)
    model = _TARGETS.get(parsed.kind)
    if model is not None and await session.get(model, int(parsed.value)) is None:
        raise DomainError("form_audience_missing", spec=parsed.spec)


def _question(position: int, spec: QuestionSpec) -> FormQuestion:
    return FormQuestion(
        position=position,
        key=spec.key,
        kind=spec.kind,
        prompt=spec.prompt.strip(),
        options=json.dumps([option.strip() for option in spec.options], ensure_ascii=False),
        required=spec.required,
        min_value=spec.min_value,
        max_value=spec.max_value,
        max_length=spec.max_length,
    )


async def get(session: AsyncSession, form_id: int) -> Form:
    """The form with its questions; DomainError form_not_found."""
    form = await session.get(Form, form_id)
    if form is None:
        raise DomainError("form_not_found", form_id=form_id)
    return form


async def by_key(session: AsyncSession, key: str) -> Form | None:
    """A built-in form by its key, if it has been created."""
    return await session.scalar(select(Form).where(Form.key == key))
