"""/newpoll: staff write the question and options, choose how it is answered, when it
closes and who gets it, see the card, then send it.

A bad answer is asked again (the error handler says what is wrong; the step stays);
text where a button is expected repeats the question. /cancel leaves at any step.
"""

from __future__ import annotations

import secrets
from typing import Any

from telegram import InlineKeyboardMarkup, Update

from bot.errors import DomainError
from bot.ids import parse_id
from bot.services import meetings, organisations
from bot.services.delivery import audience, schedule
from bot.services.polls.drafts import OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX
from bot.texts import t
from handlers.core.callbacks import DRAFT_TOKEN_LENGTH
from handlers.core.common import (
    Context,
    ask,
    awaiting,
    reply,
    services,
    set_awaiting,
    user_session,
)
from handlers.core.staff_guard import staff_language
from handlers.core.step_keyboards import mark_choice
from handlers.polls import new_keys as keys
from handlers.polls.actions import PollCreate
from handlers.polls.new_keys import (
    NEW_POLL_STEPS,
    PN_ANONYMOUS,
    PN_AUDIENCE,
    PN_CLOSES,
    PN_COMMENT,
    PN_CONFIRM,
    PN_MULTIPLE,
    PN_OPTIONS,
    PN_ORG,
    PN_QUESTION,
)
from handlers.polls.new_send import preview, send_poll

# Which step each button answers; the draft's flag it sets, if it is a yes/no step.
FLAGS = {
    "single": (PN_MULTIPLE, "multiple", False, PN_COMMENT),
    "multiple": (PN_MULTIPLE, "multiple", True, PN_COMMENT),
    "comment": (PN_COMMENT, "allow_comment", True, PN_ANONYMOUS),
    "nocomment": (PN_COMMENT, "allow_comment", False, PN_ANONYMOUS),
    "anonymous": (PN_ANONYMOUS, "anonymous", True, PN_CLOSES),
    "named": (PN_ANONYMOUS, "anonymous", False, PN_CLOSES),
}
AUDIENCES = ("all", "subregion", "umbrella", "topic", "org", "meeting")
MEETINGS_SHOWN = 8


def _data(step: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in step.items() if key != "step"}


async def _ask(
    update: Update, context: Context, step: str, data: dict[str, Any], lang: str
) -> None:
    """Go to a step and ask its question."""
    set_awaiting(context, step, **data)
    draft = data["draft"]
    markup: InlineKeyboardMarkup | None = None
    if step == PN_QUESTION:
        text = t("poll_new_ask_question", lang)
    elif step == PN_OPTIONS:
        text = t("poll_new_ask_option", lang, number=len(data["options"]) + 1)
        if len(data["options"]) >= OPTIONS_MIN:
            markup = keys.done(draft, lang)
    elif step in keys.TWO_CHOICES:
        text = t(f"poll_new_ask_{step.removeprefix('pn_')}", lang)
        markup = keys.two_choices(step, draft, lang)
    elif step == PN_CLOSES:
        text = t("poll_new_ask_closes", lang)
        markup = keys.closing(draft, lang, services(context).settings.poll_days)
    elif step == PN_ORG:
        text = t("poll_new_org_prompt", lang)
    else:
        set_awaiting(context, PN_AUDIENCE, **data)
        text, markup = t("poll_new_ask_audience", lang), keys.audience_kinds(draft, lang)
    await ask(update, context, text, keyboard=markup)


async def start_new_poll(update: Update, context: Context) -> None:
    """Begin a new poll (staff only); an unfinished one is forgotten."""
    lang = await staff_language(update, context)
    token = secrets.token_hex(DRAFT_TOKEN_LENGTH // 2)
    await _ask(update, context, PN_QUESTION, {"draft": token, "options": []}, lang)


def _clean(text: str) -> str:
    return " ".join(text.split())


async def _take_option(
    update: Update, context: Context, data: dict[str, Any], text: str, lang: str
) -> None:
    option = _clean(text)
    if len(option) > OPTION_MAX:
        raise DomainError("poll_option_too_long", option=option[:40], limit=OPTION_MAX)
    if option.casefold() in {known.casefold() for known in data["options"]}:
        raise DomainError("poll_options_duplicate")
    data["options"] = [*data["options"], option]
    count = len(data["options"])
    if count >= OPTIONS_MAX:
        await reply(update, context, t("poll_new_options_full", lang, limit=OPTIONS_MAX))
        await _ask(update, context, PN_MULTIPLE, data, lang)
        return
    set_awaiting(context, PN_OPTIONS, **data)
    if count < OPTIONS_MIN:
        await _ask(update, context, PN_OPTIONS, data, lang)
        return
    text = t("poll_new_option_added", lang, number=count, option=option, limit=OPTIONS_MAX)
    # Only the newest option's message offers Klar.
    await ask(update, context, text, keyboard=keys.done(data["draft"], lang), replace=True)


async def on_new_poll_text(update: Update, context: Context, text: str) -> None:
    """A typed answer to the current /newpoll step."""
    lang = await staff_language(update, context)
    step = awaiting(context) or {}
    name, data = step.get("step", ""), _data(step)
    svc = services(context)
    if name == PN_QUESTION:
        question = text.strip()
        if not question:
            raise DomainError("poll_question_missing")
        if len(question) > QUESTION_MAX:
            raise DomainError("poll_question_too_long", limit=QUESTION_MAX)
        data["question"] = question
        await _ask(update, context, PN_OPTIONS, data, lang)
    elif name == PN_OPTIONS:
        await _take_option(update, context, data, text, lang)
    elif name == PN_CLOSES:
        closes_at = schedule.parse_local(text, now=svc.clock(), tz=svc.settings.tz)
        if closes_at <= svc.clock():
            raise DomainError("poll_closes_in_past")
        data["closes_at"] = closes_at.isoformat()
        await _ask(update, context, PN_AUDIENCE, data, lang)
    elif name == PN_ORG:
        async with user_session(update, context) as (session, _user):
            found = await organisations.search(session, text)
        if not found:
            await reply(update, context, t("poll_new_org_none", lang, text=text))
            return
        markup = keys.organisations(data["draft"], found)
        await ask(update, context, t("poll_new_org_matches", lang), keyboard=markup)


async def _choose_meeting(
    update: Update, context: Context, data: dict[str, Any], lang: str
) -> None:
    """The coming meetings as buttons; without any, the audiences again."""
    svc = services(context)
    async with user_session(update, context) as (session, _user):
        found = await meetings.upcoming(session, clock=svc.clock, limit=MEETINGS_SHOWN)
        markup = keys.meetings(data["draft"], found)
    if markup is None:
        await reply(update, context, t("poll_new_no_meetings", lang))
        await _ask(update, context, PN_AUDIENCE, data, lang)
        return
    await ask(update, context, t("poll_new_choose_meeting", lang), keyboard=markup)


async def _audience(
    update: Update, context: Context, data: dict[str, Any], action: PollCreate, lang: str
) -> None:
    """An audience button: its second step, or the preview once the audience is complete."""
    kind, value = action.choice, action.value
    if kind == "org" and not value:
        await _ask(update, context, PN_ORG, data, lang)
        return
    if kind == "subregion" and not value:
        markup = keys.subregions(data["draft"])
        await ask(update, context, t("broadcast_choose_subregion", lang), keyboard=markup)
        return
    if kind == "topic" and not value:
        markup = keys.topics(data["draft"], lang)
        await ask(update, context, t("broadcast_choose_topic", lang), keyboard=markup)
        return
    if kind == "meeting" and not value:
        await _choose_meeting(update, context, data, lang)
        return
    name: str | None = None
    if kind in ("meeting", "org") and parse_id(value) is None:
        raise DomainError("audience_id_invalid", spec=f"{kind}:{value}")
    async with user_session(update, context) as (session, _user):
        if kind == "meeting":
            name = (await meetings.get(session, int(value))).title
        elif kind == "org":
            name = (await organisations.get(session, int(value))).name
    spec = f"attendees:{value}" if kind == "meeting" else (f"{kind}:{value}" if value else kind)
    data["audience"] = audience.parse(spec).spec
    data["audience_label"] = keys.label(data["audience"], lang, name=name)
    await preview(update, context, data, lang)


async def decide_new_poll(update: Update, context: Context, action: PollCreate) -> str:
    """A /newpoll button: a step's answer, send, or drop."""
    lang = await staff_language(update, context)
    step = awaiting(context) or {}
    name, data = step.get("step"), _data(step)
    flag = FLAGS.get(action.choice)
    wanted = {
        "done": (PN_OPTIONS,),
        "default": (PN_CLOSES,),
        "send": (PN_CONFIRM,),
        "drop": NEW_POLL_STEPS,
        **{kind: (PN_AUDIENCE, PN_ORG) for kind in AUDIENCES},
    }
    allowed = (flag[0],) if flag is not None else wanted[action.choice]
    if step.get("draft") != action.draft or name not in allowed:
        raise DomainError("poll_stale")
    await mark_choice(update, context)
    if action.choice == "drop":
        set_awaiting(context, None)
        await reply(update, context, t("poll_new_dropped", lang))
    elif action.choice == "send":
        await send_poll(update, context, data, lang)
    elif flag is not None:
        _step, field, value, following = flag
        await _ask(update, context, following, {**data, field: value}, lang)
    elif action.choice == "done":
        enough = len(data["options"]) >= OPTIONS_MIN
        await _ask(update, context, PN_MULTIPLE if enough else PN_OPTIONS, data, lang)
    elif action.choice == "default":
        await _ask(update, context, PN_AUDIENCE, {**data, "closes_at": None}, lang)
    else:
        await _audience(update, context, data, action, lang)
    return ""
