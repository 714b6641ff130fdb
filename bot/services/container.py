"""The services the Telegram side calls, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import Settings
from bot.db import Database
from bot.services.delivery import LocalLimiter, Rates, build_limiter
from bot.services.knowledge.embeddings import load_embedder
from bot.services.knowledge.phrasing import Phraser
from bot.services.knowledge.service import KnowledgeService
from bot.services.leader import LeaderLock
from bot.services.question_log import QuestionLogWriter
from bot.services.visitors import VisitorCache
from bot.texts.moments import use_clock
from bot.timeutil import Clock, utc_now


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
