"""/newpoll, second half: the preview of the card with its audience, then send or drop.

The handler only records the poll and its campaign; the delivery worker sends it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from telegram import Update

from bot.errors import DomainError
from bot.models import Poll, Topic
from bot.services import polls
from bot.services.delivery import staff
from bot.services.polls import PollDraft
from bot.texts import Html, t
from bot.timeutil import as_utc
from bot.views.polls import head_lines
from handlers.core.common import Context, ask, reply, services, set_awaiting, user_session
from handlers.core.staff_guard import require_staff
from handlers.polls import new_keys as keys
from handlers.polls.new_keys import PN_CLOSES, PN_CONFIRM


def closes_at(data: dict[str, Any]) -> datetime | None:
    value = data.get("closes_at")
    return datetime.fromisoformat(value) if value else None


def draft_of(data: dict[str, Any]) -> PollDraft:
    return PollDraft(
        question=data["question"],
        options=tuple(data["options"]),
        multiple=data["multiple"],
        allow_comment=data["allow_comment"],
        anonymous=data["anonymous"],
        closes_at=closes_at(data),
        audience=data["audience"],
    )


async def preview(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    """The card as recipients will see it, who gets it, and "Skicka" / "Avbryt"."""
    svc = services(context)
    now = svc.clock()
    draft = draft_of(data)
    polls.validate(draft, now=now)
    closes_at = as_utc(draft.closes_at or now + timedelta(days=svc.settings.poll_days))
    shown = Poll(
        question=draft.question,
        multiple=draft.multiple,
        anonymous=draft.anonymous,
        allow_comment=draft.allow_comment,
        closes_at=closes_at,
    )
    async with user_session(update, context) as (session, _user):
        count = await staff.recipients(session, data["audience"], topic=Topic.POLLS)
    lines = [
        t("poll_new_preview_header", lang),
        "",
        *head_lines(shown, lang, svc.settings.tz, now=now),
    ]
    lines += ["", *(f"▫️ {option}" for option in draft.options)]
    if draft.allow_comment:
        lines.append(t("poll_button_comment", lang))
    audience = Html(data["audience_label"])  # already HTML (campaign_labels), stored as a string
    lines += ["", t("poll_new_preview", lang, audience=audience, count=count)]
    set_awaiting(context, PN_CONFIRM, **data)
    await ask(update, context, "\n".join(lines), keyboard=keys.decision(data["draft"], lang))


async def send_poll(update: Update, context: Context, data: dict[str, Any], lang: str) -> None:
    svc = services(context)
    # Forget the draft first: a second press on the same button finds it stale.
    set_awaiting(context, None)
    try:
        async with user_session(update, context) as (session, user):
            require_staff(context, user)
            poll = await polls.create(
                session,
                draft_of(data),
                created_by=user.telegram_id,
                clock=svc.clock,
                poll_days=svc.settings.poll_days,
            )
            number = poll.id
    except DomainError as error:
        if error.key == "poll_closes_in_past":  # the preview sat too long: ask for a new time
            set_awaiting(context, PN_CLOSES, **data)
        raise
    await reply(update, context, t("poll_new_sent", lang, poll_id=number))
