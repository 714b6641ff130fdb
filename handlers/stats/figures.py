"""/stats (staff): the follow-up figures from the organisation profiles, a chart and two CSVs."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import InputFile, Update
from telegram.constants import ParseMode

from bot.services import audit, followup
from bot.services.delivery import Button
from bot.texts import t
from bot.texts.numbers import grouped
from handlers.core.common import Context, reply, services, user_session
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.meetings.cards import date_text
from handlers.stats.actions import StatsExport

MUNICIPALITIES_SHOWN = 10  # the rest are in the CSV
MISSING_SHOWN = 20
FILENAMES = {"organisations": "profiler-per-organisation.csv", "figures": "profiler-siffror.csv"}


def _percent(share: float) -> str:
    return f"{100 * share:.0f}"


def _lines(rows: list[tuple[str, int]], lang: str) -> list[str]:
    return [t("stats_line", lang, label=label, count=grouped(count)) for label, count in rows]


def _capped(rows: list[tuple[str, int]], limit: int, lang: str) -> list[str]:
    lines = _lines(rows[:limit], lang)
    if len(rows) > limit:
        lines.append(t("stats_more", lang, count=len(rows) - limit))
    return lines


def summary(found: followup.FollowUp, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """The figures as one message: overview, sub-regions, areas, members, umbrella, places."""
    lines = [
        t("stats_title", lang),
        "",
        t(
            "stats_overview",
            lang,
            organisations=found.organisations,
            profiles=found.profiles,
            share=_percent(found.profile_share),
            missing=len(found.missing),
        ),
    ]
    if found.oldest is not None and found.newest is not None:
        oldest, newest = (date_text(m, lang, tz, now=now) for m in (found.oldest, found.newest))
        if oldest == newest:  # one day, said once
            lines.append(t("stats_dates_one_day", lang, day=oldest))
        else:
            lines.append(t("stats_dates", lang, oldest=oldest, newest=newest))
    lines += ["", t("stats_subregions_header", lang)]
    lines += _lines(
        [(followup.subregion_label(c, lang), n) for c, n in found.by_subregion.items()], lang
    )
    lines += ["", t("stats_areas_header", lang)]
    lines += _lines([(followup.area_label(a, lang), n) for a, n in found.by_area.items()], lang)
    lines += ["", t("stats_members", lang, total=grouped(found.members))]
    lines.append(t("stats_members_note", lang))
    lines += _lines(
        [(followup.area_label(a, lang), n) for a, n in found.members_by_area.items()], lang
    )
    share = _percent(found.umbrella_share)
    lines += [
        "",
        t("stats_umbrella", lang, count=found.umbrella, profiles=found.profiles, share=share),
    ]
    lines += ["", t("stats_municipalities_header", lang)]
    places = list(found.by_municipality.items())
    if places:
        lines += _capped(places, MUNICIPALITIES_SHOWN, lang)
    else:
        lines.append(t("stats_municipalities_none", lang))
    lines.append(t("stats_whole_region", lang, count=found.whole_region))
    if found.missing:
        lines += ["", t("stats_missing_header", lang, count=len(found.missing))]
        lines.append(", ".join(found.missing[:MISSING_SHOWN]))
        if len(found.missing) > MISSING_SHOWN:
            lines.append(t("stats_more", lang, count=len(found.missing) - MISSING_SHOWN))
    return "\n".join(lines)


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
