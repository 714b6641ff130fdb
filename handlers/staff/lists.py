"""/unanswered (and /review): the review queue, questions the bot declined and answers marked 👎,
with Svara, Gör till FAQ and Klar for each, a page at a time."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.services import handover, review_queue
from bot.services.review_queue import ReviewItem, ReviewPage, Source
from bot.texts import label, t
from bot.views.meetings import moment_text
from handlers.core.common import (
    Context,
    edit_in_place,
    reply,
    services,
)
from handlers.core.staff_guard import staff_language
from handlers.questions import faq
from handlers.staff.actions import ReviewDone, ReviewMore, UnansweredAction
from handlers.staff.replies import ask_for_reply

# Characters of a question, a name and a source in the list: a full page must fit one message
# (4096 characters), since Klar redraws it in place.
QUESTION_SHOWN = 200
NAME_SHOWN = 60
SOURCE_SHOWN = 80


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _source(source: Source | None, lang: str) -> str:
    if source is None:
        return t("review_source_gone", lang)
    if source.kind == "faq":
        return source.title or t("answer_faq_source", lang)
    if not source.section or source.section == source.title:
        return source.title
    return f"{source.title} – {source.section}"


def _line(item: ReviewItem, number: int, lang: str, *, when: str) -> str:
    question = _shorten(item.question, QUESTION_SHOWN)
    name = (
        _shorten(item.asker, NAME_SHOWN) if item.asker is not None else t("unanswered_gone", lang)
    )
    status = t("unanswered_handed", lang) if item.handed_over else ""
    if item.kind == "disliked":
        source = _shorten(_source(item.source, lang), SOURCE_SHOWN)
        return t(
            "review_item_disliked",
            lang,
            number=number,
            when=when,
            name=name,
            question=question,
            status=status,
            source=source,
        )
    return t(
        "unanswered_item",
        lang,
        number=number,
        when=when,
        name=name,
        question=question,
        status=status,
    )


def _buttons(page: ReviewPage, lang: str) -> InlineKeyboardMarkup:
    """A row per question, numbered as in the list; the data names the question's row id."""
    rows = []
    for number, item in enumerate(page.items, start=page.offset + 1):
        row = []
        if item.asker is not None:  # a deleted asker cannot be answered
            data = UnansweredAction(item.question_id, "reply").encode()
            row.append(
                InlineKeyboardButton(
                    label("button_unanswered_reply", lang, number=number), callback_data=data
                )
            )
        data = UnansweredAction(item.question_id, "faq").encode()
        row.append(
            InlineKeyboardButton(
                label("button_unanswered_faq", lang, number=number), callback_data=data
            )
        )
        data = ReviewDone(item.question_id, page.offset).encode()
        row.append(
            InlineKeyboardButton(
                label("button_review_done", lang, number=number), callback_data=data
            )
        )
        rows.append(row)
    if page.has_more:
        data = ReviewMore(page.offset + len(page.items)).encode()
        rows.append([InlineKeyboardButton(label("button_review_more", lang), callback_data=data)])
    return InlineKeyboardMarkup(rows)


async def _page(
    context: Context, lang: str, offset: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The queue's page from offset as text and buttons; no buttons once nothing is left."""
    svc = services(context)
    await svc.question_log.flush()
    async with svc.db.session() as session:
        page = await review_queue.review_queue(session, offset=offset)
        if not page.items and offset > 0:  # the last items of a later page were dismissed
            page = await review_queue.review_queue(session)
    if not page.items:
        return t("unanswered_none", lang), None
    now = svc.clock()
    lines = [
        _line(item, number, lang, when=moment_text(item.asked_at, lang, svc.settings.tz, now=now))
        for number, item in enumerate(page.items, start=page.offset + 1)
    ]
    counts = t(
        "review_page",
        lang,
        first=page.offset + 1,
        last=page.offset + len(page.items),
        total=page.total,
    )
    text = "\n\n".join([t("unanswered_header", lang), *lines, counts, t("unanswered_hint", lang)])
    return text, _buttons(page, lang)


async def unanswered(update: Update, context: Context) -> None:
    """Show the first page of the review queue (staff only)."""
    lang = await staff_language(update, context)
    text, keyboard = await _page(context, lang, 0)
    await reply(update, context, text, keyboard=keyboard)


async def review_more(update: Update, context: Context, action: ReviewMore) -> str:
    """Visa fler: the next page as a new message, so the one before stays to act on."""
    lang = await staff_language(update, context)
    text, keyboard = await _page(context, lang, action.offset)
    await reply(update, context, text, keyboard=keyboard)
    return ""


async def review_done(update: Update, context: Context, action: ReviewDone) -> str:
    """Klar: the question leaves the queue and the pressed page is redrawn without it."""
    lang = await staff_language(update, context)
    svc = services(context)
    async with svc.db.session() as session:
        dismissed = await review_queue.dismiss(session, action.question_id, clock=svc.clock)
        await session.commit()
    text, keyboard = await _page(context, lang, action.offset)
    await edit_in_place(update, text, keyboard)
    return t("review_done" if dismissed else "review_already_done", lang)


async def unanswered_action(update: Update, context: Context, action: UnansweredAction) -> str:
    """Svara, Gör till FAQ, or (in that FAQ entry) no more phrasings; staff only."""
    if action.action == "reply":
        await ask_for_reply(update, context, action.question_id)
        return ""
    lang = await staff_language(update, context)
    if action.action == "answer":
        await faq.end_phrasings(update, context, lang, action.question_id)
        return ""
    async with services(context).db.session() as session:
        question = await handover.question_for_staff(session, action.question_id)
        text = question.question
    await faq.start_faq_from(update, context, lang, question_id=action.question_id, question=text)
    return ""
