"""The form card and reminder as each recipient sees them: their state and their button."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import LinkStatus, QuestionKind
from bot.services import forms
from bot.services.forms import FormSpec, QuestionSpec, manage
from bot.timeutil import STOCKHOLM
from handlers.forms.actions import FormOpen
from handlers.forms.cards import card_renderer, reminder_renderer
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user
from tests.unit.test_forms_support import contact, new_form

ANSWERS = {"channel": "Chatt", "topics": ["IOP"], "staff": 12, "home": "Borås"}
ORG_SPEC = FormSpec(
    title="Antal medlemmar",
    intro="En fråga per organisation.",
    audience="contacts",
    per_organisation=True,
    questions=(QuestionSpec("members", QuestionKind.NUMBER, "Hur många?"),),
)


async def test_card_shows_each_readers_state(session: AsyncSession, clock: FakeClock) -> None:
    form = await new_form(session, clock)
    form.closes_at = clock() + timedelta(days=3)
    fresh, paused, done = [await contact(session, n) for n in (1, 2, 3)]
    draft = await forms.begin(session, form, paused, clock=clock)
    await forms.set_answer(session, form, draft, form.questions[0], "Chatt", clock=clock)
    await forms.record(session, form, done, ANSWERS, clock=clock)
    render = card_renderer(STOCKHOLM)
    cards = await render(session, str(form.id), [fresh.id, paused.id, done.id], clock())
    texts = {user_id: card.text_html for user_id, card in cards.items() if card is not None}
    assert texts[fresh.id] == (
        "📋 <b>Hur når vi er?</b>\n\nFem snabba frågor om hur ni vill få information.\n\n"
        "5 frågor. Du kan pausa och fortsätta senare.\n"
        "Sista dag att svara: torsdag 13 mars kl. 10.00.\n\nDu har inte börjat ännu."
    )
    assert texts[paused.id].endswith("Du har pausat vid fråga 2 av 5.")
    assert texts[done.id].endswith("Du skickade dina svar måndag 10 mars. Du kan ändra dem.")
    labels = {
        user_id: [(b.text, b.callback) for row in card.buttons for b in row]
        for user_id, card in cards.items()
        if card is not None
    }
    opening = FormOpen(form.id).encode()
    assert labels == {
        fresh.id: [("Fyll i", opening)],
        paused.id: [("Fortsätt", opening)],
        done.id: [("Ändra svar", opening)],
    }


async def test_per_organisation_card_skips_non_contacts(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock, ORG_SPEC)
    org = await add_org(session, "Föreningen")
    first, colleague = await contact(session, 1, org), await contact(session, 2, org)
    pending = await add_user(
        session, 3, org=await add_org(session, "Annan"), link=LinkStatus.PENDING
    )
    await forms.record(session, form, first, {"members": 40}, clock=clock)
    cards = await card_renderer(STOCKHOLM)(
        session, str(form.id), [colleague.id, pending.id], clock()
    )
    assert cards[pending.id] is None
    card = cards[colleague.id]
    assert card is not None and "Er organisation skickade sina svar" in card.text_html
    reminders = await reminder_renderer(STOCKHOLM)(
        session, str(form.id), [colleague.id, pending.id], clock()
    )
    assert reminders == {colleague.id: None, pending.id: None}


async def test_reminder_only_for_those_still_waiting(
    session: AsyncSession, clock: FakeClock
) -> None:
    form = await new_form(session, clock)
    waiting, answered = await contact(session, 1), await contact(session, 2)
    await forms.record(session, form, answered, ANSWERS, clock=clock)
    reminders = await reminder_renderer(STOCKHOLM)(
        session, str(form.id), [waiting.id, answered.id], clock()
    )
    assert reminders[answered.id] is None
    nudge = reminders[waiting.id]
    assert nudge is not None
    assert nudge.text_html == (
        "⏰ Påminnelse: vi saknar ert svar på formuläret <b>Hur når vi er?</b>."
    )
    assert [b.text for row in nudge.buttons for b in row] == ["Fyll i"]


async def test_nothing_once_closed_or_unknown(session: AsyncSession, clock: FakeClock) -> None:
    form = await new_form(session, clock)
    reader = await contact(session, 1)
    await manage.close(session, form, actor=None, clock=clock)
    for render in (card_renderer(STOCKHOLM), reminder_renderer(STOCKHOLM)):
        assert await render(session, str(form.id), [reader.id], clock()) == {}
        assert await render(session, "999", [reader.id], clock()) == {}
        assert await render(session, "x", [reader.id], clock()) == {}
