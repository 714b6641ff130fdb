"""The one composition root: build_application wires settings, services, handlers and jobs."""

from __future__ import annotations

import os
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults, ExtBot

import handlers
import scheduler
from bot.bot_identity import SANDBOX_TOKEN as SANDBOX_TOKEN
from bot.services.container import Services
from handlers.clean_updates import CleanApplication
from handlers.delivery_sender import InteractiveRateLimiter
from handlers.job_queue import JobQueueTimetable

CONCURRENT_UPDATES = 64

App = Application[Any, Any, Any, Any, Any, Any]


def _defaults(services: Services) -> Defaults:
    return Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=services.settings.tz,
    )


def _file_url(base_url: str) -> str:
    return base_url.replace("/bot", "/file/bot", 1)


def build_application(services: Services, *, token: str, base_url: str | None = None) -> App:
    """The python-telegram-bot Application with every handler and job registered."""
    # Opt in to PTB 22's timedelta durations (RetryAfter.retry_after); without it every
    # access warns about the coming change.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    builder = (
        ApplicationBuilder()
        .application_class(CleanApplication)
        .token(token)
        .defaults(_defaults(services))
        .concurrent_updates(CONCURRENT_UPDATES)
        # Replies draw from the delivery engine's budget so the two together keep the limit.
        .rate_limiter(InteractiveRateLimiter(services.limiter))
    )
    if base_url:
        builder = builder.base_url(base_url).base_file_url(_file_url(base_url))
    application = builder.build()
    application.bot_data["services"] = services
    handlers.register(application, staff_chat_id=services.settings.staff_chat_id)
    scheduler.register(JobQueueTimetable(application), services)
    return application


def build_worker_bot(services: Services, *, token: str, base_url: str | None = None) -> ExtBot[Any]:
    """The bot a delivery-only process (`signbot worker`) sends with."""
    limiter = InteractiveRateLimiter(services.limiter)
    if base_url is None:
        return ExtBot(token, defaults=_defaults(services), rate_limiter=limiter)
    return ExtBot(
        token,
        base_url=base_url,
        base_file_url=_file_url(base_url),
        defaults=_defaults(services),
        rate_limiter=limiter,
    )
