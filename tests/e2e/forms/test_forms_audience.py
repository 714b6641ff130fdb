"""A form for one organisation, through the sandbox: forged presses by someone outside its
audience, and a member who leaves the audience half-way, are refused at every step (open,
answer by button or by typing, review, send, change) with one clear line; nothing is counted."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.models import FormResponse, Organisation, QuestionKind, User
from bot.services import forms
from bot.services.forms import FormSpec, QuestionSpec
from handlers.forms.actions import FormOpen, FormPick, FormStep
from tests.e2e.broadcast.test_broadcast import add_members
from tests.e2e.chat import Person, has
from tests.e2e.conftest import Harness

NOT_FOR_YOU = "inte skickat till dig"


async def _setup(harness: Harness) -> tuple[Person, Person, int, int, int]:
    """Eva (Föreningen Vägen) and Olle (no organisation); a form for Föreningen Vägen only."""
    async with harness.db.session() as session:
        vagen = Organisation(name="Föreningen Vägen")
        session.add(vagen)
        await session.commit()
        vagen_id = vagen.id
    people = await add_members(harness, {"Eva": "Föreningen Vägen", "Olle": None})
    spec = FormSpec(
        title="Lokalfrågan",
        intro="Bara för Föreningen Vägen.",
        audience=f"org:{vagen_id}",
        questions=(
            QuestionSpec("where", QuestionKind.CHOICE, "Var träffas ni?", ("Hemma", "Borta")),
            QuestionSpec("size", QuestionKind.NUMBER, "Hur många?"),
        ),
    )
    async with harness.db.session() as session:
        form = await forms.create(session, spec, created_by=None, clock=harness.bot.services.clock)
        await session.commit()
        first, second = (q.id for q in form.questions)
        return people["Eva"], people["Olle"], form.id, first, second


async def _forged(person: Person, data: str) -> str:
    """Press a button the bot never gave this person; what the bot answered (line or alert)."""
    cursor = await person.client.cursor()
    query_id = await person.client.press_data(person.user_id, 1, data, chat_id=person.user_id)
    answer = await person.answer_text(query_id)
    said = [m for m in await person.client.messages(person.user_id, after=cursor) if m["from_bot"]]
    return "\n".join([answer, *(m["text"] or "" for m in said)])


async def _submitted(harness: Harness, form_id: int) -> int:
    async with harness.db.session() as session:
        query = select(func.count(FormResponse.id)).where(
            FormResponse.form_id == form_id, FormResponse.submitted_at.is_not(None)
        )
        return int(await session.scalar(query) or 0)


async def test_someone_outside_the_audience_cannot_answer_by_forged_presses(
    harness: Harness,
) -> None:
    eva, olle, form_id, first, second = await _setup(harness)
    listing = await olle.say("/forms")
    assert "Lokalfrågan" not in listing["text"]
    assert NOT_FOR_YOU in await _forged(olle, FormOpen(form_id).encode())
    for data in (
        FormPick(form_id, first, 0),
        FormStep(form_id, second, "skip"),
        FormStep(form_id, 0, "review"),
        FormStep(form_id, 0, "edit"),
        FormStep(form_id, 0, "send"),
    ):
        assert NOT_FOR_YOU in await _forged(olle, data.encode()), data

    # Eva starts, then is moved to no organisation: every next step is refused.
    q1 = await eva.press_and_wait(
        await eva.say("/forms"), "Fyll i: Lokalfrågan", predicate=has("Fråga 1 av 2")
    )
    await eva.press_and_wait(q1, "Hemma", predicate=has("Fråga 2 av 2"))
    async with harness.db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == eva.user_id))
        assert user is not None
        user.organisation_id = None
        await session.commit()
    assert NOT_FOR_YOU in (await eva.say("12"))["text"]
    assert NOT_FOR_YOU in await _forged(eva, FormStep(form_id, 0, "send").encode())
    assert NOT_FOR_YOU in await _forged(eva, FormPick(form_id, first, 1).encode())
    assert NOT_FOR_YOU in await _forged(eva, FormOpen(form_id).encode())
    assert await _submitted(harness, form_id) == 0
