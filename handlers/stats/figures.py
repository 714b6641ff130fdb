"""/stats (staff): the follow-up figures from the organisation profiles, a chart and two CSVs."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update
from telegram.constants import ParseMode

from bot.services import audit, followup
from bot.services.delivery import Button
from bot.texts import t
from bot.views.stats import summary
from handlers.core.common import Context, reply, services, user_session
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.stats.actions import StatsExport

FILENAMES = {"organisations": "profiler-per-organisation.csv", "figures": "profiler-siffror.csv"}


def _buttons(lang: str) -> tuple[tuple[Button, ...], ...]:
    return (
        (
            Button(
                t("stats_button_organisations", lang),
                callback=StatsExport("organisations").encode(),
            ),
            Button(t("stats_button_figures", lang), callback=StatsExport("figures").encode()),
        ),
    )


async def stats_command(update: Update, context: Context) -> None:
    """/stats: the summary, then the chart with the CSV buttons (or how to get profiles)."""
    lang = await staff_language(update, context)
    svc = services(context)
    async with svc.db.session() as session:
        found = await followup.follow_up(session)
    if not found.profiles:
        await reply(update, context, t("stats_none", lang, organisations=found.organisations))
        return
    await reply(update, context, summary(found, lang, svc.settings.tz, now=svc.clock()))
    labels = followup.chart_labels(found, lang)
    # Drawing takes a moment of CPU: off the event loop, so other chats are not kept waiting.
    chart = await asyncio.to_thread(followup.chart_png, found, labels=labels)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_photo(
        chat.id,
        InputFile(chart, filename="profiler.png"),
        caption=t("stats_chart_caption", lang),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(_buttons(lang)),
    )


async def export_pressed(update: Update, context: Context, action: StatsExport) -> str:
    """A CSV of the follow-up as a document; the role is checked on every press."""
    svc = services(context)
    tz = svc.settings.tz
    async with user_session(update, context) as (session, user):
        lang = user.language
        found = await followup.follow_up(session)
        if action.what == "organisations":
            data = followup.organisations_csv(found, tz=tz, lang=lang)
        else:
            data = followup.figures_csv(found, tz=tz, lang=lang)
        # Organisation facts only, no personal data; logged so staff can trace the exports.
        await audit.record(
            session,
            actor_telegram_id=user.telegram_id,
            action="stats_exported",
            detail=f"{action.what}: {found.organisations} organisation(s)",
            clock=svc.clock,
        )
    caption = t(f"stats_csv_{action.what}_caption", lang)
    await send_csv(update, context, data, filename=FILENAMES[action.what], caption=caption)
    return ""
