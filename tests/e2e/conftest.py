"""End-to-end fixtures: the real bot, python-telegram-bot's real client, the sandbox over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.bot_identity import SANDBOX_TOKEN
from bot.config import Settings
from bot.db import Database
from bot.entrypoints.bootstrap import build_services
from bot.entrypoints.runner import RunningBot, running_bot
from bot.models import QuestionLog
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import RunningSandbox
from bot.services.delivery import Rates, build_limiter
from bot.services.org_import import import_csv
from tests.conftest import FakeClock
from tests.dbutil import open_empty_database

ADMIN_ID = 900001
REGISTER = """namn;organisationsnummer;delregion;paraply;undertecknad
Röda Korset Västra Götaland;802002-8711;Göteborgsregionen;ja;2014-06-01
Viskadalens folkhögskola;;Sjuhärad;nej;2016-03-01
PRO Skaraborg;;Skaraborg;ja;2024-05-01
Suicide Zero;;Göteborgsregionen;nej;2024-09-01
"""


@dataclass
class Harness:
    """What an end-to-end test needs: the sandbox client, the bot, its database."""

    client: SandboxClient
    bot: RunningBot
    db: Database
    admin_id: int = ADMIN_ID

    async def logged_question(self, text: str) -> QuestionLog:
        """The question log row of a question asked in the chat (written in the background)."""
        await self.bot.services.question_log.flush()
        async with self.db.session() as session:
            row = await session.scalar(select(QuestionLog).where(QuestionLog.question == text))
            assert row is not None
            return row


def e2e_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a bot that talks to an in-process sandbox on a free port."""
    values: dict[str, object] = {
        "database_url": database_url,
        "telegram_bot_token": None,
        "telegram_api_base_url": None,
        "admins": (ADMIN_ID,),
        "staff_chat_id": None,
        "sandbox_port": 0,
        "log_level": "INFO",
    }
    values.update(overrides)
    return Settings.model_validate(values)


@asynccontextmanager
async def start_harness(
    database_url: str, *, sandbox: RunningSandbox | None = None, **overrides: object
) -> AsyncIterator[Harness]:
    """The bot with a small register and an admin; on its own sandbox unless one is given."""
    if sandbox is not None:
        overrides = {
            "telegram_bot_token": SANDBOX_TOKEN,
            "telegram_api_base_url": sandbox.base_url,
            **overrides,
        }
    async with open_empty_database(database_url) as db:
        async with db.session() as session:
            await import_csv(session, REGISTER)
            await session.commit()
        async with running_bot(e2e_settings(database_url, **overrides), poll_timeout=1) as bot:
            running = sandbox or bot.sandbox
            assert running is not None
            async with SandboxClient(running.root_url) as client:
                await client.create_user("Admin", user_id=ADMIN_ID, language_code="sv")
                yield Harness(client=client, bot=bot, db=db)


@asynccontextmanager
async def clocked_harness(db_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    """The bot whose services (and so its delivery worker) tell time by this clock."""
    settings = e2e_settings(db_url)
    async with open_empty_database(db_url) as db:
        services = build_services(settings, clock=clock)
        # Telegram's rate limits run on real time: on a frozen clock they would never refill.
        services.limiter = build_limiter(services.db, Rates.from_settings(settings))
        async with running_bot(settings, services=services, poll_timeout=1) as bot:
            assert bot.sandbox is not None
            async with SandboxClient(bot.sandbox.root_url) as client:
                await client.create_user("Admin", user_id=ADMIN_ID, language_code="sv")
                yield Harness(client=client, bot=bot, db=db)


@pytest.fixture
async def harness(db_url: str) -> AsyncIterator[Harness]:
    """The bot running against its in-process sandbox."""
    async with start_harness(db_url) as started:
        yield started
