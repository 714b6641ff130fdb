"""Where a draft stands: the question to ask next, and choices ticked one press at a time.

The draft's ``position`` is the question to show on resuming; ticking options saves the
list in the draft at each press (so a pause keeps it) and keeps the draft on that question.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Form, FormQuestion, FormResponse, QuestionKind
from bot.services.forms.municipalities import ALL_MUNICIPALITIES, WHOLE_REGION
from bot.services.forms.responses import set_answer, value_of
from bot.services.forms.values import check_choice, options
from bot.timeutil import Clock

TOGGLE_KINDS = (QuestionKind.CHOICES, QuestionKind.MUNICIPALITIES)


def current_question(form: Form, response: FormResponse) -> FormQuestion | None:
    """The question the draft stands at; None when it is time to review."""
    return next((q for q in form.questions if q.position == response.position), None)


def previous_question(form: Form, question: FormQuestion) -> FormQuestion | None:
    """The question before this one, if any."""
    earlier = [q for q in form.questions if q.position < question.position]
    return earlier[-1] if earlier else None


def move_to(response: FormResponse, question: FormQuestion, *, clock: Clock) -> None:
    """Stand the draft at this question (going back, or changing one answer)."""
    response.position = question.position
    response.updated_at = clock()


def ticked(response: FormResponse, question: FormQuestion) -> list[str]:
    """The codes ticked so far on a several-choices question."""
    value = value_of(response, question)
    return [str(code) for code in value] if isinstance(value, list) else []


def _ordered(question: FormQuestion, codes: set[str]) -> list[str]:
    if WHOLE_REGION in codes:
        return [WHOLE_REGION]
    order = (
        ALL_MUNICIPALITIES if question.kind == QuestionKind.MUNICIPALITIES else options(question)
    )
    return [code for code in order if code in codes]


async def toggle(
    session: AsyncSession,
    form: Form,
    response: FormResponse,
    question: FormQuestion,
    code: str,
    *,
    clock: Clock,
) -> list[str]:
    """Tick or untick one option (or the whole region) and save the list in the draft."""
    if question.kind not in TOGGLE_KINDS:
        raise DomainError("form_choice_invalid")
    check_choice(question, [code])
    chosen = set(ticked(response, question))
    if code in chosen:
        chosen.discard(code)
    elif code == WHOLE_REGION:
        chosen = {WHOLE_REGION}
    else:
        chosen = (chosen - {WHOLE_REGION}) | {code}
    codes = _ordered(question, chosen)
    if codes:
        await set_answer(session, form, response, question, codes, clock=clock)
    else:
        # Nothing ticked is no answer at all, not an empty one: "Klar" then asks for one.
        response.answers = [a for a in response.answers if a.question_id != question.id]
    move_to(response, question, clock=clock)
    await session.flush()
    return codes


async def finish_toggles(
    session: AsyncSession,
    form: Form,
    response: FormResponse,
    question: FormQuestion,
    *,
    clock: Clock,
) -> None:
    """ "Klar" on a several-choices question: keep what is ticked and move on."""
    codes = ticked(response, question)
    if not codes and question.required:
        raise DomainError("form_answer_required")
    await set_answer(session, form, response, question, codes or None, clock=clock)
