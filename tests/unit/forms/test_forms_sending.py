"""Staff send forms, see progress, remind those who have not answered, export and close."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    AuditEntry,
    Campaign,
    Delivery,
    DeliveryStatus,
    Form,
    FormStatus,
    LinkStatus,
    QuestionKind,
    Topic,
    User,
)
from bot.services import forms
from bot.services.delivery import audience
from bot.services.forms import FormSpec, QuestionSpec, export, manage, sending
from bot.services.forms.progress import progress
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user
from tests.unit.test_forms_support import STAFF_ID, SURVEY, contact, new_form

ANSWERS = {"channel": "Chatt", "topics": ["IOP"], "staff": 12, "wish": "=SUM(A1)", "home": "Borås"}


async def _delivered(session: AsyncSession, campaign: Campaign, *people: User) -> None:
    """The campaign reached these people (as the worker records it)."""
    for person in people:
        session.add(
            Delivery(
                campaign_id=campaign.id,
                user_id=person.id,
                chat_id=person.telegram_id,
                status=DeliveryStatus.SENT,
            )
        )
    await session.flush()


async def _actions(session: AsyncSession) -> list[str]:
    return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


async def _waiting(session: AsyncSession, form: Form) -> set[int]:
    query = select(User.id).where(audience.condition(audience.parse(f"form:{form.id}"), None))
    return set(await session.scalars(query))


async def test_send_makes_a_card_campaign(session: AsyncSession, clock: FakeClock) -> None:
    form = await new_form(session, clock)
    await add_user(session, 1)
    campaign = (await sending.send(session, form, actor=STAFF_ID, clock=clock)).campaign
    assert (campaign.subject, campaign.audience, campaign.topic) == (
        f"form:{form.id}",
        "all",
        Topic.POLLS,
    )
    assert "Hur når vi er?" in campaign.text_html
    assert await _actions(session) == ["campaign_created", "form_sent"]


async def test_closed_form_is_not_sent_or_reminded(session: AsyncSession, clock: FakeClock) -> None:
    form = await new_form(session, clock)
    await manage.close(session, form, actor=STAFF_ID, clock=clock)
    assert form.status == FormStatus.CLOSED and form.closed_at is not None
    for action in (sending.send, sending.remind):
        with pytest.raises(DomainError) as caught:
            await action(session, form, actor=STAFF_ID, clock=clock)
        assert caught.value.key == "form_closed"
    assert await _actions(session) == ["form_closed"]


async def test_reminder_reaches_only_those_reached_who_have_not_answered(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    answered, paused, silent, never_sent = [await contact(session, n) for n in (1, 2, 3, 4)]
    campaign = (await sending.send(session, form, actor=STAFF_ID, clock=clock)).campaign
    await _delivered(session, campaign, answered, paused, silent)
    await forms.record(session, form, answered, ANSWERS, clock=clock)
    await forms.begin(session, form, paused, clock=clock)
    assert await _waiting(session, form) == {paused.id, silent.id}
    reminder = (await sending.remind(session, form, actor=STAFF_ID, clock=clock)).campaign
    assert (reminder.subject, reminder.audience) == (f"form_reminder:{form.id}", f"form:{form.id}")
    found = await progress(session, form)
    assert (found.total, found.answered, found.in_progress, found.not_started) == (3, 1, 1, 1)
    assert found.waiting_names == ["u2", "u3"]
    assert never_sent.id not in await _waiting(session, form)


async def test_per_organisation_reminder_and_progress(
    session: AsyncSession, clock: FakeClock
) -> None:
    spec = FormSpec(
        title="Antal medlemmar",
        audience="contacts",
        per_organisation=True,
        questions=(QuestionSpec("members", QuestionKind.NUMBER, "Hur många?"),),
    )
    form = await new_form(session, clock, spec)
    red, blue, green = [await add_org(session, name) for name in ("Röd", "Blå", "Grön")]
    await add_org(session, "Utan kontakt")
    first, colleague = await contact(session, 1, red), await contact(session, 2, red)
    other = await contact(session, 3, blue)
    unlinked = await add_user(session, 4, org=green, link=LinkStatus.PENDING)
    campaign = (await sending.send(session, form, actor=STAFF_ID, clock=clock)).campaign
    await _delivered(session, campaign, first, colleague, other, unlinked)
    await forms.record(session, form, first, {"members": 40}, clock=clock)
    # The colleague's organisation has answered: only the other organisation's contact waits.
    assert await _waiting(session, form) == {other.id}
    await forms.begin(session, form, other, clock=clock)
    found = await progress(session, form)
    assert (found.total, found.answered, found.in_progress, found.missing) == (4, 1, 1, 3)
    assert found.without_contact == 2  # Grön (only a pending link) and Utan kontakt
    assert found.waiting_names == ["Blå", "Grön", "Utan kontakt"]
    await forms.record(session, form, other, {"members": 7}, clock=clock)
    with pytest.raises(DomainError) as caught:
        await sending.remind(session, form, actor=STAFF_ID, clock=clock)
    assert (caught.value.key, caught.value.params) == (
        "form_remind_nobody",
        {"reached": 4, "answered": 2},
    )


async def test_export_rows_are_current_answers_and_audited(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    org = await add_org(session, "Föreningen Väst")
    anna = await contact(session, 1, org)
    await forms.record(session, form, anna, ANSWERS, clock=clock)
    clock.advance(hours=1)
    await forms.record(session, form, anna, {**ANSWERS, "staff": 1500}, clock=clock)
    text = await export.export_csv(session, form, actor=STAFF_ID, clock=clock, tz=STOCKHOLM)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["skickat", "organisation", "namn", "channel", "topics", "staff", "wish", "home"],
        [
            "2025-03-10 11:00",
            "Föreningen Väst",
            "u1",
            "Chatt",
            "IOP",
            "1\u00a0500",
            "'=SUM(A1)",
            "Borås",
        ],
    ]
    [entry] = await session.scalars(select(AuditEntry).where(AuditEntry.action == "export_form"))
    assert entry.actor_telegram_id == STAFF_ID and "1 answer(s)" in entry.detail


async def test_list_forms_open_first(session: AsyncSession, clock: FakeClock) -> None:
    first = await new_form(session, clock)
    clock.advance(minutes=1)
    second = await new_form(session, clock, FormSpec(title="Andra", questions=SURVEY.questions))
    await manage.close(session, second, actor=None, clock=clock)
    clock.advance(minutes=1)
    third = await new_form(session, clock, FormSpec(title="Tredje", questions=SURVEY.questions))
    assert [f.id for f in await manage.list_forms(session)] == [third.id, first.id, second.id]
