"""Funding-call cards and reminders: their text in the reader's language.

The buttons, and the delivery engine's renderers that use this text, are in
``handlers.calls.cards``.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import FundingCall
from bot.services import calls
from bot.services.calls.drafts import DESCRIPTION_MAX, excerpt_html
from bot.texts import Html, t
from bot.timeutil import STOCKHOLM, local

SHORT_DESCRIPTION = 300  # characters of the description in /calls


def when(moment: datetime, lang: str, tz: ZoneInfo) -> str:
    """A moment as the reader says it, e.g. "15 maj 2026 kl. 23.59"."""
    shown = local(moment, tz)
    month = t("call_months", lang).split(",")[shown.month - 1]
    return t(
        "call_date",
        lang,
        day=shown.day,
        month=month,
        year=shown.year,
        hour=f"{shown:%H}",
        minute=f"{shown:%M}",
    )


def days_left(deadline: datetime, now: datetime, lang: str, tz: ZoneInfo) -> str:
    """How far off the deadline is in calendar days: "i dag", "i morgon", "om 12 dagar"."""
    days = (local(deadline, tz).date() - local(now, tz).date()).days
    if days <= 0:
        return t("call_left_today", lang)
    if days == 1:
        return t("call_left_tomorrow", lang)
    return t("call_left_days", lang, days=days)


def _description(call: FundingCall, *, short: bool) -> str:
    return excerpt_html(call.description_html, SHORT_DESCRIPTION if short else DESCRIPTION_MAX)


def card_text(
    call: FundingCall, lang: str, *, now: datetime, tz: ZoneInfo = STOCKHOLM, new: bool = False
) -> str:
    """The card: title, funder, deadline with days left, description, subject areas."""
    lines = [t("call_card_new", lang)] if new else []
    lines.append(t("call_card_title", lang, title=call.title))
    if call.funder:
        lines.append(t("call_card_funder", lang, funder=call.funder))
    if call.deadline is None:
        lines.append(t("call_card_no_deadline", lang))
    else:
        shown, left = when(call.deadline, lang, tz), days_left(call.deadline, now, lang, tz)
        lines.append(t("call_card_deadline", lang, deadline=shown, left=left))
    description = _description(call, short=not new)
    if description:
        lines.append(f"\n{description}")
    if call.tags:
        tags = ", ".join(tag for tag in call.tags.split(",") if tag)
        lines.append(f"\n{t('call_card_tags', lang, tags=tags)}")
    return "\n".join(lines)


def reminder_text(call: FundingCall, lang: str, *, now: datetime, tz: ZoneInfo) -> str | None:
    """ "Påminnelse: sista dag för … är …", or None when the call closed or has no deadline."""
    if call.deadline is None or not calls.is_open(call, now):
        return None
    shown, left = when(call.deadline, lang, tz), days_left(call.deadline, now, lang, tz)
    return t("call_reminder", lang, title=call.title, deadline=Html(shown), left=Html(left))
