"""Staff add curated FAQ entries from the chat: phrasings, answer, preview, save."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.services import handover
from bot.texts import t
from handlers.core.common import (
    Context,
    ask,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.questions import keyboards
from handlers.questions.actions import FaqDecision
from handlers.staff.actions import UnansweredAction

FAQ_PHRASINGS = "faq_phrasings"
FAQ_ANSWER = "faq_answer"
FAQ_CONFIRM = "faq_confirm"
FAQ_STEPS = staff_steps(FAQ_PHRASINGS, FAQ_ANSWER, FAQ_CONFIRM)


async def start_faq(update: Update, context: Context) -> None:
    """Begin a new FAQ entry (staff only)."""
    async with user_session(update, context) as (_session, user):
        lang = user.language
    set_awaiting(context, FAQ_PHRASINGS)
    await reply(update, context, t("faq_ask_phrasings", lang))


async def start_faq_from(
    update: Update, context: Context, lang: str, *, question_id: int, question: str
) -> None:
    """Gör till FAQ under /unanswered: a new entry whose first phrasing is the question."""
    phrasings = [question.strip()]
    set_awaiting(context, FAQ_PHRASINGS, phrasings=phrasings, question_id=question_id)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("button_faq_no_more", lang),
                    callback_data=UnansweredAction(question_id, "answer").encode(),
                )
            ]
        ]
    )
    text = t("faq_ask_more_phrasings", lang, phrasings=_listing(phrasings))
    await ask(update, context, text, keyboard=keyboard)


async def end_phrasings(update: Update, context: Context, lang: str, question_id: int) -> None:
    """No more phrasings for the entry made from this question: ask for the answer."""
    step = awaiting(context) or {}
    if step.get("step") != FAQ_PHRASINGS or step.get("question_id") != question_id:
        raise DomainError("callback_invalid")  # a button of an entry no longer being written
    set_awaiting(context, FAQ_ANSWER, **_carried(step))
    await mark_choice(update, context)
    await reply(update, context, t("faq_ask_answer", lang))


def _listing(phrasings: list[str]) -> str:
    return "\n".join(f"• {p}" for p in phrasings)


def _carried(step: dict[str, Any]) -> dict[str, Any]:
    """What the next step keeps: the phrasings, and the question an entry is made from."""
    return {key: step[key] for key in ("phrasings", "question_id") if key in step}


async def on_faq_text(update: Update, context: Context, text: str) -> None:
    """Take the next part of the FAQ entry being written."""
    step = awaiting(context) or {}
    async with user_session(update, context) as (_session, user):
        lang = user.language
    if step.get("step") == FAQ_PHRASINGS:
        # After Gör till FAQ the asked question is already the first phrasing.
        typed = [line.strip() for line in text.splitlines() if line.strip()]
        phrasings = list(dict.fromkeys([*step.get("phrasings", []), *typed]))
        if not phrasings:
            await reply(update, context, t("faq_empty", lang))
            return
        set_awaiting(context, FAQ_ANSWER, **{**_carried(step), "phrasings": phrasings})
        await reply(update, context, t("faq_ask_answer", lang))
        return
    phrasings = step.get("phrasings", [])
    set_awaiting(context, FAQ_CONFIRM, **_carried(step), answer=text.strip())
    preview = t("faq_preview", lang, phrasings=_listing(phrasings), answer=text.strip())
    await ask(update, context, preview, keyboard=keyboards.faq_decision(lang))


async def decide_faq(update: Update, context: Context, action: FaqDecision) -> str:
    """Save or drop the previewed entry; the index is rebuilt so it answers at once."""
    step = awaiting(context) or {}
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        if step.get("step") != FAQ_CONFIRM:
            raise DomainError("callback_invalid")
        if action.save:
            entry = await svc.knowledge.add_faq(
                session, step["phrasings"], step["answer"], created_by=user.telegram_id
            )
            if step.get("question_id") is not None:  # made from an unanswered question
                await handover.covered_by_faq(
                    session, int(step["question_id"]), entry.id, clock=svc.clock
                )
    set_awaiting(context, None)
    if action.save:
        await svc.knowledge.rebuild()
    await mark_choice(update, context)
    await reply(update, context, t("faq_saved" if action.save else "faq_cancelled", lang))
    return ""
