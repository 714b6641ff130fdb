"""Running the bot: migrate, prepare knowledge, start the sandbox if there is no token, poll."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import migrate
from bot.bot_identity import SANDBOX_TOKEN
from bot.config import Settings
from bot.entrypoints.bootstrap import (
    bot_api,
    build_application,
    build_services,
    build_worker_bot,
    delivery_loop,
    prepare_knowledge,
)
from bot.sandbox.server import RunningSandbox
from bot.services.container import Services
from bot.services.delivery import WorkerLoop
from handlers.core.menu import MENUS_KEY, set_command_menu

if TYPE_CHECKING:
    from bot.entrypoints.bootstrap import App

log = logging.getLogger(__name__)


@dataclass
class RunningBot:
    """A started bot, with its sandbox when it runs without a token."""

    application: App
    services: Services
    sandbox: RunningSandbox | None
    worker: WorkerLoop | None = None


@asynccontextmanager
async def running_bot(
    settings: Settings, *, services: Services | None = None, poll_timeout: int = 10
) -> AsyncIterator[RunningBot]:
    """Start everything, yield while it runs, then stop it cleanly."""
    await asyncio.to_thread(migrate.upgrade, settings.database_url)
    services = services or build_services(settings)
    token, base_url, sandbox = await bot_api(settings)
    try:
        await prepare_knowledge(services)
        services.question_log.start()
        application = build_application(services, token=token, base_url=base_url)
        async with application:
            application.bot_data[MENUS_KEY] = await set_command_menu(application.bot, services)
            await application.start()
            updater = application.updater
            assert updater is not None
            if settings.webhook_url:
                secret = settings.webhook_secret
                await updater.start_webhook(
                    listen=settings.webhook_listen,
                    port=settings.webhook_port,
                    url_path="telegram",
                    webhook_url=f"{settings.webhook_url.rstrip('/')}/telegram",
                    secret_token=secret.get_secret_value() if secret else None,
                )
            else:
                await updater.start_polling(timeout=poll_timeout, drop_pending_updates=False)
            worker = delivery_loop(services, application.bot) if settings.delivery_worker else None
            if worker is not None:
                worker.start()
            try:
                yield RunningBot(application, services, sandbox, worker)
            finally:
                try:
                    if worker is not None:
                        await worker.stop()
                finally:
                    await updater.stop()
                    await application.stop()
                    await services.leader.release()  # another process takes over at once
    finally:
        await services.question_log.stop()
        await services.db.dispose()
        if sandbox is not None:
            await sandbox.stop()


async def run_until_stopped(settings: Settings) -> None:
    """Run until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_bot(settings) as bot:
        me = bot.application.bot
        log.info("signbot is running as @%s", me.username)
        if bot.sandbox is not None:
            print(
                f"No TELEGRAM_BOT_TOKEN: running against the sandbox. Open {bot.sandbox.page_url}"
            )
        await stop.wait()
    log.info("signbot stopped")


async def run_worker_until_stopped(settings: Settings) -> None:
    """Only deliver (no updates), until SIGINT or SIGTERM: `signbot worker`."""
    if settings.telegram_bot_token is not None:
        token = settings.telegram_bot_token.get_secret_value()
    elif settings.telegram_api_base_url is not None:
        token = SANDBOX_TOKEN  # a sandbox started with `signbot sandbox`
    else:
        raise SystemExit("signbot worker needs TELEGRAM_BOT_TOKEN or TELEGRAM_API_BASE_URL")
    await asyncio.to_thread(migrate.upgrade, settings.database_url)
    services = build_services(settings)
    if services.db.is_sqlite:
        # The rate limit is counted per process with SQLite: one sending process only.
        log.warning("SQLite: run only this worker, not `signbot run` beside it")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        bot = build_worker_bot(services, token=token, base_url=settings.telegram_api_base_url)
        async with bot:
            worker = delivery_loop(services, bot)
            worker.start()
            log.info("delivery worker running")
            await stop.wait()
            await worker.stop()
    finally:
        await services.db.dispose()
    log.info("delivery worker stopped")
