"""Telegram adapters: parse an update, call one service, render the reply."""

from __future__ import annotations

from handlers.broadcast import campaigns as campaigns_view
from handlers.broadcast import compose as broadcast
from handlers.calls import listing as calls
from handlers.calls import new as calls_new
from handlers.core import callback_router, errors, fallbacks, menu, text_router
from handlers.core.common import App
from handlers.digest import staff as digest_staff
from handlers.feeds import listing as feeds
from handlers.forms import listing as forms_list
from handlers.forms import staff as forms_staff
from handlers.meetings import steps as meeting_steps
from handlers.nominations import form as nominations
from handlers.nominations import staff as nominations_staff
from handlers.onboarding import start as onboarding
from handlers.polls import steps as poll_steps
from handlers.privacy import mydata as privacy
from handlers.questions import faq
from handlers.settings import basics, topics
from handlers.staff import invite as staff_invite
from handlers.staff import lists as staff_lists
from handlers.stats import figures as stats


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
