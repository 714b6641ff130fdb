"""/forms' list (which open forms, how far the person got) and ticking several choices."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import FormStatus, LinkStatus
from bot.services import forms
from bot.services.forms import WHOLE_REGION, FormState, drafting
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user
from tests.unit.test_forms_support import NOW, SURVEY, contact, new_form


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def test_a_contact_sees_open_forms_for_them_with_the_profile_and_each_state(
    session: AsyncSession, clock: FakeClock
) -> None:
    survey = await new_form(session, clock)
    paused = await new_form(session, clock, replace(SURVEY, title="Pausad"))
    closed = await new_form(session, clock, replace(SURVEY, title="Stängd"))
    closed.status = FormStatus.CLOSED
    await new_form(session, clock, replace(SURVEY, title="Andra", audience="subregion:Skaraborg"))
    eva = await contact(session, 1)
    await forms.record(
        session,
        survey,
        eva,
        {"channel": "Chatt", "topics": ["IOP"], "staff": 3, "home": "Borås"},
        clock=clock,
    )
    draft = await forms.begin(session, paused, eva, clock=clock)
    await forms.set_answer(session, paused, draft, paused.questions[0], "Chatt", clock=clock)

    mine = await forms.open_forms(session, eva, clock=clock)

    states = {item.form.title: (item.state, item.question_number) for item in mine}
    assert states == {
        "Hur når vi er?": (FormState.SENT, None),
        "Pausad": (FormState.PAUSED, 2),
        "Organisationsprofil": (FormState.NEW, None),
    }
    sent = next(item for item in mine if item.state == FormState.SENT)
    assert sent.sent_at == NOW


async def test_someone_without_an_approved_link_gets_no_profile_and_no_closed_forms(
    session: AsyncSession, clock: FakeClock
) -> None:
    await new_form(session, clock, replace(SURVEY, closes_at=NOW + timedelta(hours=1)))
    org = await add_org(session, "Väntar")
    waiting = await add_user(session, 2, org=org, link=LinkStatus.PENDING)

    assert [i.form.title for i in await forms.open_forms(session, waiting, clock=clock)] == [
        "Hur når vi er?"
    ]
    clock.advance(hours=2)
    assert await forms.open_forms(session, waiting, clock=clock) == []


async def test_ticking_is_saved_in_the_draft_and_done_needs_one_tick(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    user = await add_user(session, 3)
    draft = await forms.begin(session, form, user, clock=clock)
    topics = form.questions[1]
    drafting.move_to(draft, topics, clock=clock)

    assert await drafting.toggle(session, form, draft, topics, "IOP", clock=clock) == ["IOP"]
    assert await drafting.toggle(session, form, draft, topics, "Möten", clock=clock) == [
        "Möten",
        "IOP",
    ]
    assert drafting.current_question(form, draft) == topics  # a pause comes back here
    assert await drafting.toggle(session, form, draft, topics, "Möten", clock=clock) == ["IOP"]
    assert await drafting.toggle(session, form, draft, topics, "IOP", clock=clock) == []
    assert forms.value_of(draft, topics) is None
    with pytest.raises(DomainError) as refused:
        await drafting.finish_toggles(session, form, draft, topics, clock=clock)
    assert refused.value.key == "form_answer_required"

    await drafting.toggle(session, form, draft, topics, "Utlysningar", clock=clock)
    await drafting.finish_toggles(session, form, draft, topics, clock=clock)
    assert drafting.current_question(form, draft) == form.questions[0]  # first unanswered


async def test_the_whole_region_replaces_single_municipalities_and_the_other_way(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await forms.ensure_profile_form(session, clock=clock)
    eva = await contact(session, 4)
    draft = await forms.begin(session, form, eva, clock=clock)
    places = next(q for q in form.questions if q.key == "municipalities")

    await drafting.toggle(session, form, draft, places, "Mark", clock=clock)
    assert await drafting.toggle(session, form, draft, places, "Borås", clock=clock) == [
        "Borås",
        "Mark",
    ]
    whole = await drafting.toggle(session, form, draft, places, WHOLE_REGION, clock=clock)
    assert whole == [WHOLE_REGION]
    assert await drafting.toggle(session, form, draft, places, "Ale", clock=clock) == ["Ale"]
    with pytest.raises(DomainError):
        await drafting.toggle(session, form, draft, places, "Oslo", clock=clock)
    assert drafting.previous_question(form, places) == form.questions[1]
    assert drafting.previous_question(form, form.questions[0]) is None
