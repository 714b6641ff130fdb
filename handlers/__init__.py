"""Telegram adapters: parse an update, call one service, render the reply."""

from __future__ import annotations

from handlers import (
    basics,
    broadcast,
    callback_router,
    calls,
    calls_new,
    campaigns_view,
    digest_staff,
    errors,
    fallbacks,
    faq,
    feeds,
    forms_list,
    forms_staff,
    meeting_steps,
    menu,
    nominations,
    nominations_staff,
    onboarding,
    poll_steps,
    privacy,
    staff_invite,
    staff_lists,
    stats,
    text_router,
    topics,
)
from handlers.common import App


def register(application: App, *, staff_chat_id: int | None) -> None:
    """Register every feature's handlers; order matters: specific before catch-all."""
    menu.register(application)
    onboarding.register(application)
    basics.register(application)
    topics.register(application)
    faq.register(application)
    staff_lists.register(application)
    staff_invite.register(application)
    broadcast.register(application)
    campaigns_view.register(application)
    feeds.register(application)
    calls.register(application)
    calls_new.register(application)
    meeting_steps.register(application)
    digest_staff.register(application)
    poll_steps.register(application)
    nominations.register(application)
    nominations_staff.register(application)
    stats.register(application)
    forms_staff.register(application)
    privacy.register(application)
    forms_list.register(application)
    text_router.register(application, staff_chat_id=staff_chat_id)
    fallbacks.register(application)
    callback_router.register(application)
    errors.register(application)
