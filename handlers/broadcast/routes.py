"""Broadcast's declarations: /broadcast, /campaigns, their buttons and steps."""

from __future__ import annotations

from telegram import Update

from handlers.broadcast import campaigns, compose, send
from handlers.broadcast.actions import BroadcastAudience, BroadcastDecision, CampaignAction
from handlers.core.common import Context
from handlers.core.registry import Feature, command
from handlers.core.steps import Step


async def _broadcast(update: Update, context: Context, _text: str) -> None:
    await compose.on_broadcast_text(update, context)


FEATURE = Feature(
    commands=(
        command("broadcast", compose.start_broadcast, staff=True, menu=40),
        command("campaigns", campaigns.campaigns_command, staff=True, menu=50),
    ),
    actions={
        BroadcastAudience: compose.choose_audience,
        BroadcastDecision: send.decide,
        CampaignAction: campaigns.campaign_action,
    },
    steps=(
        # At the time's confirmation a typed time replaces the one shown.
        Step((send.BC_COMPOSE, send.BC_ORG, send.BC_TIME, send.BC_AT), _broadcast),
        Step((send.BC_AUDIENCE, send.BC_DECIDE)),
    ),
    resume=compose.resume_draft,
    media={send.BC_COMPOSE: compose.on_broadcast_media},  # a photo or document to send
)
