"""Filling in a form: drafts saved per answer, review gaps, submit, change later, profiles."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import FormResponse, Organisation, ResponseStatus, SubRegion
from bot.services import forms
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_user
from tests.unit.test_forms_support import NOW, contact, new_form


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def test_a_draft_keeps_each_answer_and_resumes_at_the_first_open_question(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    user = await add_user(session, 1)
    draft = await forms.begin(session, form, user, clock=clock)
    first, second = form.questions[0], form.questions[1]
    await forms.set_answer(session, form, draft, first, "Chatt", clock=clock)
    await session.commit()

    resumed = await forms.begin(session, form, user, clock=clock)

    assert resumed.id == draft.id
    assert forms.next_question(form, resumed) == second
    assert forms.value_of(resumed, first) == "Chatt"
    assert resumed.position == 1


async def test_a_skipped_optional_question_is_not_asked_again_but_a_required_one_must_be_answered(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    user = await add_user(session, 1)
    draft = await forms.begin(session, form, user, clock=clock)
    wish = form.questions[3]
    await forms.set_answer(session, form, draft, wish, None, clock=clock)
    with pytest.raises(DomainError) as refused:
        await forms.set_answer(session, form, draft, form.questions[0], None, clock=clock)
    assert refused.value.key == "form_answer_required"
    assert forms.next_question(form, draft) == form.questions[0]
    assert [q.key for q in forms.missing(form, draft)] == ["channel", "topics", "staff", "home"]
    with pytest.raises(DomainError) as incomplete:
        await forms.submit(session, form, draft, user, clock=clock)
    assert incomplete.value.key == "form_incomplete"


async def test_changing_a_sent_answer_starts_from_it_and_replaces_it_dated(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    user = await add_user(session, 1)
    values = {"channel": "E-post", "topics": ["IOP"], "staff": 3, "wish": None, "home": "Borås"}
    first = await forms.record(session, form, user, values, clock=clock)
    clock.advance(days=3)

    change = await forms.begin(session, form, user, clock=clock)
    assert forms.next_question(form, change) is None  # straight to the review
    await forms.set_answer(session, form, change, form.questions[2], 4, clock=clock)
    await forms.submit(session, form, change, user, clock=clock)

    in_force = await forms.current(session, form, user)
    assert in_force is not None and in_force.id == change.id
    assert forms.values_by_key(form, in_force)["staff"] == 4
    assert first.superseded_at == clock()
    assert [r.id for r in await forms.history(session, form, user)] == [change.id, first.id]


async def test_typed_answers_are_checked(session: AsyncSession, clock: FakeClock) -> None:
    form = await new_form(session, clock)
    staff, wish, home = form.questions[2], form.questions[3], form.questions[4]
    assert forms.check_typed(staff, "1 200") == 1200
    for bad, key in (("många", "form_number_invalid"), ("9000", "form_number_range")):
        with pytest.raises(DomainError) as refused:
            forms.check_typed(staff, bad)
        assert refused.value.key == key
    with pytest.raises(DomainError) as long_text:
        forms.check_typed(wish, "x" * 201)
    assert long_text.value.key == "form_text_too_long"
    assert forms.check_typed(home, "boras") == "Borås"
    with pytest.raises(DomainError) as ambiguous:
        forms.check_typed(home, "L")
    assert ambiguous.value.key == "form_municipality_ambiguous"
    assert forms.check_choice(form.questions[1], ["IOP", "Möten", "IOP"]) == ["IOP", "Möten"]


async def test_one_current_profile_per_organisation_and_it_updates_the_organisation(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await forms.ensure_profile_form(session, clock=clock)
    anna = await contact(session, 1)
    org = await session.get(Organisation, anna.organisation_id)
    assert org is not None
    bo = await contact(session, 2, org)
    profile = {
        "members": 120,
        "areas": ["culture", "sport"],
        "municipalities": ["Skövde", "Skara"],
        "subregion": "skaraborg",
        "umbrella": "no",
    }
    await forms.record(session, form, anna, profile, clock=clock)
    clock.advance(days=30)
    await forms.record(session, form, bo, {**profile, "umbrella": "yes"}, clock=clock)

    rows = list(await session.scalars(select(FormResponse).order_by(FormResponse.id)))
    assert [r.status for r in rows] == [ResponseStatus.SUBMITTED] * 2
    assert [r.superseded_at is None for r in rows] == [False, True]
    assert (org.subregion, org.umbrella) == (SubRegion.SKARABORG, True)
    loner = await add_user(session, 3)
    with pytest.raises(DomainError) as refused:
        await forms.begin(session, form, loner, clock=clock)
    assert refused.value.key == "form_needs_organisation"
