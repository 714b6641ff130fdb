"""Filling in a form: a draft saved after every answer (so it can be paused and resumed),
reviewed, submitted, and changed later by a new response that replaces the current one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.errors import DomainError
from bot.models import (
    Form,
    FormAnswer,
    FormQuestion,
    FormResponse,
    FormStatus,
    Organisation,
    ResponseStatus,
    User,
)
from bot.services.delivery.audience import still_eligible
from bot.services.forms import profile
from bot.services.forms.values import decode, encode, values_by_question
from bot.timeutil import Clock, as_utc


def is_open(form: Form, *, clock: Clock) -> bool:
    """Open, and not past its closing time (if it has one)."""
    if form.status != FormStatus.OPEN:
        return False
    return form.closes_at is None or as_utc(clock()) < as_utc(form.closes_at)


async def addressed_to(session: AsyncSession, form: Form, user: User) -> bool:
    """Whether the form is for this person: the profile for contacts, else its audience."""
    if form.per_organisation and not user.is_approved_contact:
        return False
    if form.key == profile.PROFILE_KEY:
        return True
    return user.id in await still_eligible(session, form.audience, None, [user.id])


async def check_may_answer(session: AsyncSession, form: Form, user: User, *, clock: Clock) -> None:
    """DomainError form_closed, form_needs_organisation for a per-organisation form, or
    form_not_for_you outside its audience; checked at every step, as a press can be forged."""
    if not is_open(form, clock=clock):
        raise DomainError("form_closed")
    if form.per_organisation and not user.is_approved_contact:
        raise DomainError("form_needs_organisation")
    if not await addressed_to(session, form, user):
        raise DomainError("form_not_for_you")


def owner_column(form: Form) -> InstrumentedAttribute[int | None]:
    """Whose answer a response is: the organisation's on a per-organisation form, else the user's."""
    return FormResponse.organisation_id if form.per_organisation else FormResponse.user_id


def _owned_by(form: Form, user_id: int | None, organisation_id: int | None) -> ColumnElement[bool]:
    return owner_column(form) == (organisation_id if form.per_organisation else user_id)


async def current(session: AsyncSession, form: Form, user: User) -> FormResponse | None:
    """The answer in force: the user's own, or their organisation's for a per-organisation form."""
    if form.per_organisation and user.organisation_id is None:
        return None
    query = select(FormResponse).where(
        FormResponse.form_id == form.id,
        FormResponse.in_force,
        _owned_by(form, user.id, user.organisation_id),
    )
    return await session.scalar(query.order_by(FormResponse.submitted_at.desc()).limit(1))


async def draft(session: AsyncSession, form: Form, user: User) -> FormResponse | None:
    """The user's unfinished answers to the form, if any."""
    query = select(FormResponse).where(
        FormResponse.form_id == form.id,
        FormResponse.user_id == user.id,
        FormResponse.status == ResponseStatus.DRAFT,
    )
    return await session.scalar(query.limit(1))


async def begin(session: AsyncSession, form: Form, user: User, *, clock: Clock) -> FormResponse:
    """The user's draft: the one they paused, else a new one (holding the current answers,
    when there are any, so changing one answer keeps the rest)."""
    await check_may_answer(session, form, user, clock=clock)
    found = await draft(session, form, user)
    if found is not None:
        return found
    now = clock()
    response = FormResponse(
        form_id=form.id,
        user_id=user.id,
        organisation_id=user.organisation_id if form.per_organisation else None,
        status=ResponseStatus.DRAFT,
        position=0,
        started_at=now,
        updated_at=now,
    )
    in_force = await current(session, form, user)
    kept = in_force.answers if in_force is not None else []
    response.answers = [FormAnswer(question_id=a.question_id, value=a.value) for a in kept]
    session.add(response)
    await session.flush()
    response.position = _next_position(form, response)
    return response


def _next_position(form: Form, response: FormResponse) -> int:
    answered = {answer.question_id for answer in response.answers}
    for question in form.questions:
        if question.id not in answered:
            return question.position
    return len(form.questions)


def next_question(form: Form, response: FormResponse) -> FormQuestion | None:
    """The first question not yet answered (or skipped); None when it is time to review."""
    answered = {answer.question_id for answer in response.answers}
    return next((q for q in form.questions if q.id not in answered), None)


def question_by_id(form: Form, question_id: int) -> FormQuestion:
    """One of the form's questions; DomainError form_question_not_found."""
    for question in form.questions:
        if question.id == question_id:
            return question
    raise DomainError("form_question_not_found")


def value_of(response: FormResponse, question: FormQuestion) -> Any:
    """The stored answer to the question (None if skipped or not answered)."""
    for answer in response.answers:
        if answer.question_id == question.id:
            return decode(answer.value)
    return None


async def set_answer(
    session: AsyncSession,
    form: Form,
    response: FormResponse,
    question: FormQuestion,
    value: Any,
    *,
    clock: Clock,
) -> None:
    """Store (or replace) one answer of a draft; None records an optional question skipped."""
    if response.status != ResponseStatus.DRAFT:
        raise DomainError("form_already_sent")
    if value is None and question.required:
        raise DomainError("form_answer_required")
    for answer in response.answers:
        if answer.question_id == question.id:
            answer.value = encode(value)
            break
    else:
        response.answers.append(FormAnswer(question_id=question.id, value=encode(value)))
    response.updated_at = clock()
    response.position = _next_position(form, response)
    await session.flush()


def missing(form: Form, response: FormResponse) -> list[FormQuestion]:
    """Required questions the draft has no answer to."""
    values = values_by_question(response)
    return [q for q in form.questions if q.required and values.get(q.id) in (None, [])]


async def submit(
    session: AsyncSession, form: Form, response: FormResponse, user: User, *, clock: Clock
) -> FormResponse:
    """Send the reviewed draft: it becomes the answer in force and the previous one is
    marked replaced (dated), for the user or, on a per-organisation form, their organisation."""
    if response.status != ResponseStatus.DRAFT:
        raise DomainError("form_already_sent")
    await check_may_answer(session, form, user, clock=clock)
    gaps = missing(form, response)
    if gaps:
        raise DomainError("form_incomplete", number=gaps[0].position + 1)
    if form.per_organisation:
        # Serialises two contacts of one organisation sending at once (row lock on PostgreSQL).
        await session.scalar(
            select(Organisation.id).where(Organisation.id == user.organisation_id).with_for_update()
        )
        response.organisation_id = user.organisation_id
    now = clock()
    replaced = await session.scalars(
        select(FormResponse).where(
            FormResponse.form_id == form.id,
            FormResponse.in_force,
            _owned_by(form, response.user_id, response.organisation_id),
        )
    )
    for earlier in replaced:
        earlier.superseded_at = now
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = now
    response.updated_at = now
    await session.flush()
    await profile.after_submit(session, form, response)
    await session.flush()
    return response


async def discard(session: AsyncSession, response: FormResponse) -> None:
    """Throw a draft away (a submitted answer stays)."""
    if response.status == ResponseStatus.DRAFT:
        await session.delete(response)
        await session.flush()


async def record(
    session: AsyncSession, form: Form, user: User, values: Mapping[str, Any], *, clock: Clock
) -> FormResponse:
    """Fill in and send the whole form at once (the shell, imports and tests)."""
    response = await begin(session, form, user, clock=clock)
    by_key = {question.key: question for question in form.questions}
    for key, value in values.items():
        if key not in by_key:
            raise DomainError("form_question_not_found")
        await set_answer(session, form, response, by_key[key], value, clock=clock)
    return await submit(session, form, response, user, clock=clock)


async def history(session: AsyncSession, form: Form, user: User) -> list[FormResponse]:
    """Every answer sent (for the user, or their organisation), newest first."""
    if form.per_organisation and user.organisation_id is None:
        return []
    query = select(FormResponse).where(
        FormResponse.form_id == form.id,
        FormResponse.status == ResponseStatus.SUBMITTED,
        _owned_by(form, user.id, user.organisation_id),
    )
    return list((await session.scalars(query.order_by(FormResponse.submitted_at.desc()))).all())
