"""The services the Telegram side calls, built once by the composition root
(`bot.entrypoints.bootstrap.build_services`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.timeutil import Clock, utc_now

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.db import Database
    from bot.services.delivery import LocalLimiter
    from bot.services.knowledge.phrasing import Phraser
    from bot.services.knowledge.service import KnowledgeService
    from bot.services.leader import LeaderLock
    from bot.services.question_log import QuestionLogWriter
    from bot.services.visitors import VisitorCache


@dataclass
class Services:
    """Everything a handler or job needs, passed in rather than imported."""

    settings: Settings
    db: Database
    knowledge: KnowledgeService
    question_log: QuestionLogWriter
    visitors: VisitorCache
    limiter: LocalLimiter
    leader: LeaderLock  # the process's one leader lock, for the jobs only the leader runs
    clock: Clock = field(default=utc_now)
    phraser: Phraser | None = None  # generative phrasing of answers; off unless configured
