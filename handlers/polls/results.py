"""/results and /export (staff): counts, percentages, response rate, the chart, the CSV."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.ext import ExtBot

from bot import texts
from bot.ids import parse_id
from bot.models import PollStatus
from bot.services import audit, polls
from bot.services.delivery import Button
from bot.texts import t
from bot.views.meetings import moment_text
from handlers.core.common import Context, reply, services, user_session
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.polls.actions import PollResults

LIST_LENGTH = 10
BUTTON_QUESTION = 40  # characters of a question on a button


@dataclass(frozen=True)
class Report:
    """A poll's result as messages: the text and the bar chart (PNG)."""

    poll_id: int
    text: str
    chart: bytes


def _percent(part: float) -> str:
    return f"{part:.0f}"


def result_text(found: polls.Results, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """Counts and percentages per option, the response rate, the state and the comments."""
    poll = found.poll
    lines = [t("poll_results_header", lang, poll_id=poll.id, question=poll.question), ""]
    for option, count in found.counts:
        percent = _percent(found.percent(count))
        lines.append(t("poll_results_line", lang, option=option.text, count=count, percent=percent))
    lines.append("")
    rate = _percent(100 * found.response_rate)
    lines.append(
        t(
            "poll_results_rate",
            lang,
            voters=found.voters,
            recipients=found.recipients,
            rate=rate,
        )
    )
    if poll.status == PollStatus.OPEN:
        lines.append(
            t("poll_results_open", lang, time=moment_text(poll.closes_at, lang, tz, now=now))
        )
    else:
        lines.append(t("poll_results_closed", lang))
    if found.comments:
        lines.append(t("poll_results_comments", lang, count=len(found.comments), poll_id=poll.id))
    return "\n".join(lines)


async def report(
    session: AsyncSession, poll_id: int, lang: str, tz: ZoneInfo, *, now: datetime
) -> Report:
    """The poll's result now, as text and chart."""
    found = await polls.results(session, poll_id)
    labels = polls.chart_labels(found, lang)
    # Drawing takes a moment of CPU: off the event loop, so other chats are not kept waiting.
    chart = await asyncio.to_thread(
        polls.chart_png, found, title=found.poll.question, labels=labels
    )
    return Report(poll_id, result_text(found, lang, tz, now=now), chart)


async def send_report(bot: ExtBot[Any], chat_id: int, found: Report) -> None:
    """The text, then the chart as a photo."""
    await bot.send_message(chat_id, found.text, parse_mode=ParseMode.HTML)
    photo = InputFile(found.chart, filename=f"resultat-{found.poll_id}.png")
    await bot.send_photo(chat_id, photo)


async def _show(update: Update, context: Context, poll_id: int) -> None:
    svc = services(context)
    async with user_session(update, context) as (session, user):
        found = await report(session, poll_id, user.language, svc.settings.tz, now=svc.clock())
    chat = update.effective_chat
    assert chat is not None
    await send_report(context.bot, chat.id, found)


def _short(question: str) -> str:
    return question if len(question) <= BUTTON_QUESTION else question[: BUTTON_QUESTION - 1] + "…"


async def results_command(update: Update, context: Context) -> None:
    """/results <id>: that poll's result; /results alone: the recent polls to choose from."""
    args = context.args or []
    poll_id = parse_id(args[0]) if len(args) == 1 else None
    if poll_id is not None:
        await _show(update, context, poll_id)
        return
    lang = await staff_language(update, context)
    if args:
        await reply(update, context, t("poll_results_usage", lang))
        return
    async with user_session(update, context) as (session, _user):
        found = [(p.id, p.question) for p in await polls.recent(session, limit=LIST_LENGTH)]
    if not found:
        await reply(update, context, t("poll_results_none", lang))
        return
    rows = tuple(
        (
            Button(
                texts.label("poll_results_item", lang, poll_id=number, question=_short(question)),
                callback=PollResults(number).encode(),
            ),
        )
        for number, question in found
    )
    await reply(update, context, t("poll_results_pick", lang), keyboard=keyboard(rows))


async def results_pressed(update: Update, context: Context, action: PollResults) -> str:
    """A poll chosen from the /results list."""
    await _show(update, context, action.poll_id)
    return ""


async def export_command(update: Update, context: Context) -> None:
    """/export <id>: the poll's answers (and comments) as a CSV document."""
    svc = services(context)
    args = context.args or []
    lang = await staff_language(update, context)
    poll_id = parse_id(args[0]) if len(args) == 1 else None
    if poll_id is None:
        await reply(update, context, t("poll_export_usage", lang))
        return
    async with user_session(update, context) as (session, user):
        poll = await polls.get(session, poll_id)
        question = poll.question
        data = await polls.export_csv(session, poll_id, tz=svc.settings.tz, lang=lang)
        await audit.record(
            session,
            actor_telegram_id=user.telegram_id,
            action="export_poll_answers",
            detail=f"poll {poll_id}",
            clock=svc.clock,
        )
    caption = t("poll_export_caption", lang, poll_id=poll_id, question=question)
    await send_csv(update, context, data, filename=f"enkat-{poll_id}.csv", caption=caption)
