"""The one composition root: build_application wires settings, services, handlers and jobs."""

from __future__ import annotations

from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

import handlers
import scheduler
from bot.services.container import Services

SANDBOX_TOKEN = "1000000:sandbox"
CONCURRENT_UPDATES = 64

App = Application[Any, Any, Any, Any, Any, Any]


def build_application(services: Services, *, token: str, base_url: str | None = None) -> App:
    """The python-telegram-bot Application with every handler and job registered."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=services.settings.tz,
    )
    builder = (
        ApplicationBuilder().token(token).defaults(defaults).concurrent_updates(CONCURRENT_UPDATES)
    )
    if base_url:
        builder = builder.base_url(base_url).base_file_url(base_url.replace("/bot", "/file/bot", 1))
    application = builder.build()
    application.bot_data["services"] = services
    handlers.register(application, staff_chat_id=services.settings.staff_chat_id)
    scheduler.register(application, services)
    return application
