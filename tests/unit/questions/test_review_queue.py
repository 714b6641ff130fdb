"""The review queue: declined questions and answers marked 👎, newest first, handled ones gone."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from bot.db import Database
from bot.entrypoints.cli import app
from bot.errors import DomainError
from bot.models import FaqEntry, KnowledgeDocument, Passage, QuestionLog, User
from bot.services import handover, review_queue
from bot.services.privacy.erase import erase_user
from bot.services.review_queue import Source
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock


class Log:
    """Writes question rows a minute apart, as the question log would."""

    def __init__(self, session: AsyncSession, clock: FakeClock) -> None:
        self.session = session
        self.clock = clock
        self.key = 0

    async def add(
        self, question: str, *, user: User | None, answered: bool, **fields: object
    ) -> QuestionLog:
        self.clock.advance(minutes=1)
        self.key += 1
        row = QuestionLog(
            key=self.key,
            user_id=user.id if user is not None else None,
            asked_at=self.clock(),
            question=question,
            answered=answered,
            **fields,
        )
        self.session.add(row)
        await self.session.flush()
        return row


async def _people(session: AsyncSession) -> tuple[User, User]:
    ida, otto = (
        User(telegram_id=501, display_name="Ida"),
        User(telegram_id=502, display_name="Otto"),
    )
    session.add_all([ida, otto])
    await session.flush()
    return ida, otto


async def _sources(session: AsyncSession) -> tuple[Passage, FaqEntry]:
    document = KnowledgeDocument(
        source_key="k", title="Överenskommelsen", kind="markdown", content_hash="h"
    )
    document.passages = [Passage(position=0, section="Parterna", text="Text.")]
    faq = FaqEntry(answer="Ja.", source="Kansliet")
    session.add_all([document, faq])
    await session.flush()
    return document.passages[0], faq


async def test_declined_and_disliked_newest_first_with_their_sources(
    session: AsyncSession, clock: FakeClock
) -> None:
    ida, otto = await _people(session)
    passage, faq = await _sources(session)
    log = Log(session, clock)
    declined = await log.add("Hur bakar man bröd?", user=ida, answered=False)
    await log.add("Vilka är parterna?", user=ida, answered=True, passage_id=passage.id)  # no rating
    await log.add("Vilka skrev under?", user=otto, answered=True, passage_id=passage.id, feedback=1)
    by_passage = await log.add(
        "Vem är part?", user=otto, answered=True, passage_id=passage.id, feedback=-1
    )
    by_faq = await log.add("Får vi fika?", user=ida, answered=True, faq_id=faq.id, feedback=-1)
    await session.commit()

    page = await review_queue.review_queue(session)

    assert [(i.question_id, i.kind, i.asker) for i in page.items] == [
        (by_faq.id, "disliked", "Ida"),
        (by_passage.id, "disliked", "Otto"),
        (declined.id, "declined", "Ida"),
    ]
    assert [i.source for i in page.items] == [
        Source("faq", "Kansliet", ""),
        Source("passage", "Överenskommelsen", "Parterna"),
        None,
    ]
    assert page.items[0].asked_at == clock() and page.items[0].question == "Får vi fika?"
    assert (page.total, page.has_more) == (3, False)


async def test_replied_faq_made_and_dismissed_questions_leave_the_queue(
    session: AsyncSession, clock: FakeClock
) -> None:
    ida, _ = await _people(session)
    passage, faq = await _sources(session)
    log = Log(session, clock)
    replied = await log.add("Svarad?", user=ida, answered=False)
    made_faq = await log.add("Blev FAQ?", user=ida, answered=False)
    disliked_then_faq = await log.add(
        "Dålig FAQ?", user=ida, answered=True, faq_id=faq.id, feedback=-1
    )
    dismissed = await log.add("Klar?", user=ida, answered=True, passage_id=passage.id, feedback=-1)
    handed = await log.add("Till handläggare?", user=ida, answered=False)
    await log.add("Gammal FAQ?", user=ida, answered=False, faq_id=faq.id)  # made a FAQ before 0018
    await handover.mark_replied(session, replied, clock=clock)
    new_faq = FaqEntry(answer="Nytt svar.")
    session.add(new_faq)
    await session.flush()
    await handover.covered_by_faq(session, made_faq.id, new_faq.id, clock=clock)
    await handover.covered_by_faq(session, disliked_then_faq.id, new_faq.id, clock=clock)
    assert await review_queue.dismiss(session, dismissed.id, clock=clock) is True
    assert await review_queue.dismiss(session, dismissed.id, clock=clock) is False  # twice: no-op
    handed.handed_over_at = clock()
    await session.commit()

    page = await review_queue.review_queue(session)

    assert [(i.question_id, i.handed_over) for i in page.items] == [(handed.id, True)]
    with pytest.raises(DomainError) as gone:
        await review_queue.dismiss(session, 999_999, clock=clock)
    assert gone.value.key == "question_gone"


async def test_an_erased_question_leaves_the_queue_and_a_gone_asker_has_no_name(
    session: AsyncSession, clock: FakeClock
) -> None:
    ida, otto = await _people(session)
    log = Log(session, clock)
    await log.add("Idas fråga?", user=ida, answered=False)
    await log.add("Ottos fråga?", user=otto, answered=False)
    await log.add("Anonym fråga?", user=None, answered=False)  # the asker was never a user row
    await session.commit()
    await erase_user(session, ida.id, clock=clock, tz=STOCKHOLM)
    await session.commit()

    page = await review_queue.review_queue(session)

    assert [(i.question, i.asker) for i in page.items] == [
        ("Anonym fråga?", None),
        ("Ottos fråga?", "Otto"),
    ]
    assert page.total == 2


async def test_pages_cover_the_queue_once_in_order(session: AsyncSession, clock: FakeClock) -> None:
    ida, _ = await _people(session)
    log = Log(session, clock)
    rows = [await log.add(f"Fråga {n}?", user=ida, answered=False) for n in range(11)]
    await session.commit()

    first = await review_queue.review_queue(session)
    second = await review_queue.review_queue(session, offset=len(first.items))

    assert len(first.items) == review_queue.PAGE_SIZE and first.has_more
    assert not second.has_more and second.total == 11
    shown = [i.question_id for i in first.items + second.items]
    assert shown == [r.id for r in reversed(rows)]


def test_the_cli_prints_the_queue_as_text_and_json(database: str) -> None:
    async def fill() -> None:
        db = Database(database)
        async with db.session() as session:
            clock = FakeClock()
            ida, _ = await _people(session)
            passage, _faq = await _sources(session)
            log = Log(session, clock)
            await log.add("Hur bakar man bröd?", user=ida, answered=False)
            clock.advance(hours=1)
            await log.add(
                "Vem är part?", user=None, answered=True, passage_id=passage.id, feedback=-1
            )
            await session.commit()
        await db.dispose()

    asyncio.run(fill())
    runner = CliRunner()

    text = runner.invoke(app, ["review"])
    assert text.exit_code == 0, text.output
    lines = text.output.splitlines()
    assert lines[0] == "To review: 2 question(s), newest first."
    assert "2025-03-10 11:02" in lines[1] and "thumbs down" in lines[1]
    assert "(deleted user): Vem är part?" in lines[1]
    assert lines[2].strip() == "answered from: Överenskommelsen – Parterna"
    assert (
        "2025-03-10 10:01" in lines[3] and "declined" in lines[3] and "Ida: Hur bakar" in lines[3]
    )

    as_json = runner.invoke(app, ["review", "--json", "--limit", "1"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data["total"] == 2 and len(data["items"]) == 1
    assert data["items"][0]["kind"] == "disliked" and data["items"][0]["asker"] is None
    assert data["items"][0]["source"] == {
        "kind": "passage",
        "title": "Överenskommelsen",
        "section": "Parterna",
    }


async def test_dismissed_is_stored_on_the_row(db: Database, clock: FakeClock) -> None:
    async with db.session() as session:
        ida, _ = await _people(session)
        row = await Log(session, clock).add("Fråga?", user=ida, answered=False)
        await review_queue.dismiss(session, row.id, clock=clock)
        await session.commit()
    async with db.session() as session:
        stored = await session.scalar(select(QuestionLog.reviewed_at))
    assert stored == clock()
