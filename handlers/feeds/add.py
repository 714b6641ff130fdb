"""/feeds add, step by step: address → kind → words to include → words to exclude → interval
→ a preview with a trial fetch → Lägg till or Avbryt.

Each answer is checked at once; a bad one is explained and the same step asked again.
/cancel leaves at any step, like every awaited answer.
"""

from __future__ import annotations

import secrets
from typing import Any

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.services.feeds import FeedOptions, add_feed, answers, command
from bot.texts import t
from bot.views.feeds import interval_label, preview_text
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH
from handlers.core.common import Context, ask, awaiting, reply, services, set_awaiting, user_session
from handlers.core.staff_guard import require_staff, staff_language, staff_steps
from handlers.core.step_keyboards import mark_choice
from handlers.feeds.actions import FeedAdd
from handlers.feeds.view import render_list
from handlers.meetings.input import is_skip

FA_URL = "fa_url"
FA_KIND = "fa_kind"
FA_INCLUDE = "fa_include"
FA_EXCLUDE = "fa_exclude"
FA_INTERVAL = "fa_interval"
FA_CONFIRM = "fa_confirm"
ORDER = (FA_URL, FA_KIND, FA_INCLUDE, FA_EXCLUDE, FA_INTERVAL)
FEED_ADD_STEPS = staff_steps(*ORDER, FA_CONFIRM)
SKIPPABLE = (FA_INCLUDE, FA_EXCLUDE)
INTERVALS = (15, 30, 60, 240, 1440)  # minutes offered as buttons, with the configured default


def _button(text: str, draft: str, choice: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=FeedAdd(draft, choice).encode())


def _keyboard(step: str, draft: str, lang: str, default: int) -> InlineKeyboardMarkup | None:
    """The buttons of a step: the kinds, Hoppa över, the intervals, or none (the address)."""
    if step == FA_KIND:
        return InlineKeyboardMarkup(
            [
                [
                    _button(t("button_feed_add_funding", lang), draft, "funding"),
                    _button(t("button_feed_add_news", lang), draft, "news"),
                ]
            ]
        )
    if step in SKIPPABLE:
        return InlineKeyboardMarkup([[_button(t("button_feed_add_skip", lang), draft, "skip")]])
    if step == FA_INTERVAL:
        buttons = [
            _button(interval_label(minutes, lang, default=minutes == default), draft, f"m{minutes}")
            for minutes in sorted({*INTERVALS, default})
        ]
        return InlineKeyboardMarkup([buttons[i : i + 3] for i in range(0, len(buttons), 3)])
    return None


async def _ask(
    update: Update, context: Context, step: str, data: dict[str, Any], lang: str, *, error: str = ""
) -> None:
    """Wait for this step's answer and ask for it (after what was wrong, if anything)."""
    set_awaiting(context, step, **data)
    default = services(context).settings.feed_interval_minutes
    text = t(f"feeds_add_ask_{step.removeprefix('fa_')}", lang)
    await ask(
        update,
        context,
        f"{error}\n\n{text}" if error else text,
        keyboard=_keyboard(step, data["draft"], lang, default),
    )


async def start_feed_add(update: Update, context: Context) -> None:
    """Begin adding a feed (staff only); an unfinished one is forgotten."""
    lang = await staff_language(update, context)
    draft = secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)
    await _ask(update, context, FA_URL, {"draft": draft}, lang)


async def _take(context: Context, step: str, text: str | None, data: dict[str, Any]) -> None:
    """Store one answer (None = skipped) in data, or raise DomainError to ask again."""
    skipped = text is None or (step in SKIPPABLE and is_skip(text))
    if step == FA_URL:
        async with services(context).db.session() as session:
            data["url"] = await answers.check_address(session, text or "")
    elif step == FA_KIND:
        data["kind"] = answers.check_kind(text or "")
    elif step in SKIPPABLE:
        data[step.removeprefix("fa_")] = "" if skipped else answers.check_words(text or "")
    elif step == FA_INTERVAL:
        data["minutes"] = command.check_interval(text or "")


async def _answer(update: Update, context: Context, text: str | None, lang: str) -> None:
    step = dict(awaiting(context) or {})
    name = step.pop("step")
    try:
        await _take(context, name, text, step)
    except DomainError as error:
        await _ask(update, context, name, step, lang, error=t(error.key, lang, **error.params))
        return
    following = ORDER.index(name) + 1
    if following < len(ORDER):
        await _ask(update, context, ORDER[following], step, lang)
    else:
        await _preview(update, context, step, lang)


async def on_feed_add_text(update: Update, context: Context, text: str) -> None:
    """A typed answer to the current step."""
    lang = await staff_language(update, context)
    if (awaiting(context) or {}).get("step") == FA_CONFIRM:
        await reply(update, context, t("feeds_add_use_buttons", lang))
        return
    await _answer(update, context, text, lang)


async def _preview(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """What will be added, what a trial fetch found, and "Lägg till" / "Avbryt"."""
    svc = services(context)
    options = FeedOptions.from_settings(svc.settings)
    # Waiting for the buttons already: text typed during the trial fetch is told to use them.
    set_awaiting(context, FA_CONFIRM, **data)
    async with httpx.AsyncClient() as client:
        trial = await answers.try_feed(
            client, data["url"], include=data["include"], exclude=data["exclude"], options=options
        )
    draft = data["draft"]
    keyboard = InlineKeyboardMarkup(
        [
            [
                _button(t("button_feed_add_confirm", lang), draft, "add"),
                _button(t("button_feed_add_drop", lang), draft, "drop"),
            ]
        ]
    )
    await ask(update, context, preview_text(data, trial, options, lang), keyboard=keyboard)


async def feed_add_choice(update: Update, context: Context, action: FeedAdd) -> str:
    """A button of the dialogue: a kind, Hoppa över, an interval, Lägg till or Avbryt."""
    lang = await staff_language(update, context)
    step = dict(awaiting(context) or {})
    choice = action.choice
    wanted = {"funding": (FA_KIND,), "news": (FA_KIND,), "skip": SKIPPABLE}
    wanted |= {"add": (FA_CONFIRM,), "drop": FEED_ADD_STEPS}
    allowed = wanted.get(choice, (FA_INTERVAL,))  # the rest are intervals ("m60")
    if step.get("draft") != action.draft or step.get("step") not in allowed:
        raise DomainError("feeds_add_stale")
    await mark_choice(update, context)  # the pressed message keeps "✓ <button>"
    if choice == "drop":
        set_awaiting(context, None)
        await reply(update, context, t("feeds_add_dropped", lang))
    elif choice == "add":
        await _add(update, context, step, lang)
    elif choice == "skip":
        await _answer(update, context, None, lang)
    else:
        await _answer(update, context, choice.removeprefix("m"), lang)
    return ""


async def _add(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    set_awaiting(context, None)  # first: a second press on "Lägg till" finds the draft gone
    async with user_session(update, context) as (session, user):
        require_staff(context, user)
        feed = await add_feed(
            session,
            data["url"],
            kind=data["kind"],
            include=data["include"],
            exclude=data["exclude"],
            interval_seconds=data["minutes"] * 60,
            clock=svc.clock,
        )
        added = t("feeds_added", lang, feed_id=feed.id)
        text, keyboard = await render_list(session, svc.settings, lang)
    await reply(update, context, f"{added}\n\n{text}", keyboard=keyboard)
