"""The one composition root: settings in; database, services, senders, the PTB application,
the scheduler's jobs and the sandbox out.

The shell's commands only need `build_services`, so python-telegram-bot, the handlers and the
jobs are imported by the functions that build the Telegram side: a command stays quick to start.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.bot_identity import SANDBOX_TOKEN
from bot.config import Settings
from bot.db import Database
from bot.services.container import Services
from bot.services.delivery import DeliveryWorker, Rates, WorkerLoop, WorkerOptions, build_limiter
from bot.services.knowledge.embeddings import load_embedder
from bot.services.knowledge.phrasing import Phraser
from bot.services.knowledge.service import KnowledgeService
from bot.services.leader import LeaderLock
from bot.services.question_log import QuestionLogWriter
from bot.services.visitors import VisitorCache
from bot.texts.moments import use_clock
from bot.timeutil import Clock, utc_now

if TYPE_CHECKING:
    from telegram.ext import Application, Defaults, ExtBot

    from bot.sandbox.server import RunningSandbox

    App = Application[Any, Any, Any, Any, Any, Any]

CONCURRENT_UPDATES = 64


def build_services(settings: Settings, *, clock: Clock = utc_now) -> Services:
    """Create the database and services for these settings."""
    use_clock(clock, settings.tz)  # texts say "this year" and give example dates by this clock
    db = Database(settings.database_url)
    question_log = QuestionLogWriter(db, clock=clock)
    knowledge = KnowledgeService(
        db,
        threshold=settings.answer_threshold,
        question_log=question_log,
        embedder=lambda: load_embedder(settings.semantic_model),  # loaded when first needed
        clock=clock,
        synonyms_file=settings.synonyms_file,
    )
    return Services(
        settings=settings,
        db=db,
        knowledge=knowledge,
        question_log=question_log,
        visitors=VisitorCache(clock=clock),
        limiter=build_limiter(db, Rates.from_settings(settings), clock=clock),
        leader=LeaderLock(db.engine),
        clock=clock,
        phraser=Phraser.from_settings(settings),
    )


async def prepare_knowledge(services: Services) -> None:
    """Bring the shipped knowledge up to date and build the search index."""
    if services.settings.builtin_knowledge:
        async with services.db.session() as session:
            await services.knowledge.import_builtin(session)
            await session.commit()
    await services.knowledge.rebuild()


async def bot_api(settings: Settings) -> tuple[str, str | None, RunningSandbox | None]:
    """The token and Bot API address to use: Telegram's with a token, else a sandbox started
    here (stop it when done)."""
    if settings.telegram_bot_token is not None:
        return settings.telegram_bot_token.get_secret_value(), settings.telegram_api_base_url, None
    from bot.sandbox.server import start_sandbox

    sandbox = await start_sandbox(settings.sandbox_host, settings.sandbox_port)
    return SANDBOX_TOKEN, sandbox.base_url, sandbox


def _defaults(services: Services) -> Defaults:
    from telegram import LinkPreviewOptions
    from telegram.constants import ParseMode
    from telegram.ext import Defaults

    return Defaults(
        parse_mode=ParseMode.HTML,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        tzinfo=services.settings.tz,
    )


def _file_url(base_url: str) -> str:
    return base_url.replace("/bot", "/file/bot", 1)


def build_application(services: Services, *, token: str, base_url: str | None = None) -> App:
    """The python-telegram-bot Application with every handler and job registered."""
    from telegram.ext import ApplicationBuilder

    import handlers
    import scheduler
    from handlers.core.clean_updates import CleanApplication
    from handlers.core.job_queue import JobQueueTimetable
    from handlers.delivery.sender import InteractiveRateLimiter

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
    from telegram.ext import ExtBot

    from handlers.delivery.sender import InteractiveRateLimiter

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


def delivery_loop(services: Services, bot: ExtBot[Any]) -> WorkerLoop:
    """The delivery worker sending through this bot."""
    from bot.services import campaign_labels
    from handlers.delivery.personalise import build_personaliser
    from handlers.delivery.sender import BotSender

    worker = DeliveryWorker(
        services.db,
        BotSender(bot),
        services.limiter,
        options=WorkerOptions.from_settings(services.settings),
        clock=services.clock,
        personaliser=build_personaliser(services.settings.tz, poll_key=services.settings.poll_key),
        title=partial(campaign_labels.title, tz=services.settings.tz),
    )
    return WorkerLoop(worker)
