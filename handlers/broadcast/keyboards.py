"""Inline keyboards and labels for /broadcast and /campaigns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import CampaignStatus, Organisation, SubRegion, Topic
from bot.services import campaign_labels
from bot.services.delivery.listing import CampaignEntry
from bot.texts import t
from handlers.broadcast.actions import BroadcastAudience, BroadcastDecision, CampaignAction
from handlers.core.callbacks import Callback

FIRST_STEP = ("all", "subregion", "umbrella", "topic", "org")


def _button(text: str, action: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=action.encode())


def audience_kinds(draft: str, lang: str) -> InlineKeyboardMarkup:
    """The first audience step: one button per kind of audience."""
    return InlineKeyboardMarkup(
        [
            [_button(t(f"button_audience_{kind}", lang), BroadcastAudience(draft, kind, ""))]
            for kind in FIRST_STEP
        ]
    )


def subregions(draft: str) -> InlineKeyboardMarkup:
    """The four sub-regions."""
    return InlineKeyboardMarkup(
        [[_button(s.value, BroadcastAudience(draft, "subregion", s.value))] for s in SubRegion]
    )


def topics(draft: str, lang: str) -> InlineKeyboardMarkup:
    """The push topics."""
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    t(f"topic_{topic.value}", lang), BroadcastAudience(draft, "topic", topic.value)
                )
            ]
            for topic in Topic
        ]
    )


def organisations(draft: str, found: Sequence[Organisation]) -> InlineKeyboardMarkup:
    """Search results, one organisation per button."""
    return InlineKeyboardMarkup(
        [[_button(org.name, BroadcastAudience(draft, "org", str(org.id)))] for org in found]
    )


def decision(draft: str, lang: str) -> InlineKeyboardMarkup:
    """Under the preview: send now, schedule, cancel."""
    return InlineKeyboardMarkup(
        [
            [
                _button(t("button_send_now", lang), BroadcastDecision(draft, "send")),
                _button(t("button_schedule", lang), BroadcastDecision(draft, "schedule")),
            ],
            [_button(t("button_cancel", lang), BroadcastDecision(draft, "drop"))],
        ]
    )


def time_version(due: datetime) -> int:
    """The confirmed time in whole minutes: carried by its button, so an older one is told."""
    return int(due.timestamp()) // 60


def confirm_time(draft: str, due: datetime, lang: str) -> InlineKeyboardMarkup:
    """Confirm the parsed time, or cancel."""
    confirm = BroadcastDecision(draft, "at", time_version(due))
    return InlineKeyboardMarkup(
        [
            [
                _button(t("button_confirm_time", lang), confirm),
                _button(t("button_cancel", lang), BroadcastDecision(draft, "drop")),
            ]
        ]
    )


def audience_label(spec: str, lang: str, *, org_name: str | None = None) -> str:
    """The audience in words, e.g. "organisations in Skaraborg"."""
    return campaign_labels.audience_words(spec, lang, name=org_name)


def campaign_list(
    found: Sequence[CampaignEntry], lang: str, *, confirming: int | None = None
) -> InlineKeyboardMarkup:
    """Pause / resume / cancel per open campaign (cancel asks for a second press), refresh.

    Buttons name a campaign by its place in the list (1, 2, ...), as the list does; the
    callback data carries its id. An entry that is not actionable has no buttons.
    """
    rows: list[list[InlineKeyboardButton]] = []
    for entry in found:
        if not entry.actionable:
            continue
        number, campaign_id = entry.number, entry.campaign_id
        if campaign_id == confirming:
            confirm = t("button_campaign_confirm_cancel", lang, number=number)
            rows.append(
                [
                    _button(confirm, CampaignAction(campaign_id, "confirm")),
                    _button(
                        t("button_campaign_keep", lang), CampaignAction(campaign_id, "refresh")
                    ),
                ]
            )
            continue
        row: list[InlineKeyboardButton] = []
        if entry.status in (CampaignStatus.SCHEDULED, CampaignStatus.RUNNING):
            pause = t("button_campaign_pause", lang, number=number)
            row.append(_button(pause, CampaignAction(campaign_id, "pause")))
        if entry.status == CampaignStatus.PAUSED:
            resume = t("button_campaign_resume", lang, number=number)
            row.append(_button(resume, CampaignAction(campaign_id, "resume")))
        if entry.open:
            cancel = t("button_campaign_cancel", lang, number=number)
            row.append(_button(cancel, CampaignAction(campaign_id, "cancel")))
        if row:
            rows.append(row)
    rows.append([_button(t("button_refresh", lang), CampaignAction(0, "refresh"))])
    return InlineKeyboardMarkup(rows)
