"""The knowledge service on a real database: imports, FAQ entries, questions and feedback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import Database
from bot.errors import DomainError
from bot.models import Passage, QuestionLog, User
from bot.services.knowledge import KnowledgeService
from bot.services.knowledge.synonyms import append_group
from bot.services.question_log import QuestionLogWriter

BUDGET = (
    "# Budget 2026\n\n## Budget 2026\n\n- Processledare: 595 000 kr\n- Kommunikation: 80 000 kr\n"
)
MEETINGS = "# Möten\n\n## Dialogmöten\n\nVid dialogmötet i maj deltog 59 personer.\n"


@pytest.fixture
def service(db: Database) -> KnowledgeService:
    return KnowledgeService(db, threshold=0.5, question_log=QuestionLogWriter(db))


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    (tmp_path / "budget.md").write_text(BUDGET, encoding="utf-8")
    (tmp_path / "moten.md").write_text(MEETINGS, encoding="utf-8")
    return [tmp_path / "budget.md", tmp_path / "moten.md"]


async def test_import_then_answer(
    service: KnowledgeService, session: AsyncSession, files: list[Path]
) -> None:
    outcomes = await service.import_paths(session, files)
    await session.commit()
    assert [(o.ok, o.title, o.passages, o.replaced) for o in outcomes] == [
        (True, "Budget 2026", 1, False),
        (True, "Möten", 1, False),
    ]
    assert service.answer_now("Vad kostar kommunikationen?") == (False, None)  # not rebuilt yet
    await service.rebuild()
    answered, match = service.answer_now("Vad kostar kommunikationen?")
    assert answered and match is not None
    assert "80 000" in match.text
    assert (match.title, match.section) == ("Budget 2026", "Budget 2026")


async def test_reimport_replaces_and_bad_files_are_reported(
    service: KnowledgeService, session: AsyncSession, files: list[Path], tmp_path: Path
) -> None:
    await service.import_paths(session, files)
    files[0].write_text(BUDGET + "- Totalt: 1 470 000 kr\n\nEn ny mening.\n", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    outcomes = await service.import_paths(session, [tmp_path / "bild.png", files[0]])
    await session.commit()
    assert outcomes[0].error is not None and outcomes[0].error.key == "kb_unsupported_file"
    assert (outcomes[1].ok, outcomes[1].replaced, outcomes[1].passages) == (True, True, 2)
    documents = await service.list_documents(session)
    assert [(d.title, d.passages) for d in documents] == [("Budget 2026", 2), ("Möten", 1)]
    assert documents[0].source_key == str(files[0].resolve())


async def test_remove_document_by_id_name_or_key(
    service: KnowledgeService, session: AsyncSession, files: list[Path]
) -> None:
    await service.import_paths(session, files, keys=["upload:budget.md", "upload:moten.md"])
    documents = await service.list_documents(session)
    removed = await service.remove_document(session, str(documents[0].id))
    assert removed.title == "Budget 2026"
    assert (await service.remove_document(session, "upload:moten.md")).title == "Möten"
    with pytest.raises(DomainError) as missing:
        await service.remove_document(session, "moten.md")
    assert (missing.value.key, missing.value.params) == (
        "kb_document_not_found",
        {"ident": "moten.md"},
    )
    assert await session.scalar(select(func.count(Passage.id))) == 0


async def test_builtin_import_only_changes(
    service: KnowledgeService, session: AsyncSession, tmp_path: Path, files: list[Path]
) -> None:
    assert await service.import_builtin(session) > 0
    assert await service.import_builtin(session) == 0
    names = {d.source_key for d in await service.list_documents(session)}
    assert "builtin:budget-2026.md" in names
    assert await service.import_builtin(session, folder=files[0].parent) == len(names) + 2


async def test_faq_add_list_remove_and_rank(
    service: KnowledgeService, session: AsyncSession, files: list[Path]
) -> None:
    await service.import_paths(session, files)
    entry = await service.add_faq(
        session,
        ["Hur blir vi underskrivare?", " ", "Hur skriver man under?"],
        "Kontakta processledaren.",
        source="Webb",
    )
    await session.commit()
    assert [p.text for p in entry.phrasings] == [
        "Hur blir vi underskrivare?",
        "Hur skriver man under?",
    ]
    await service.rebuild()
    answered, match = service.answer_now("Hur skriver vi under?")
    assert answered and match is not None and (match.kind, match.id) == ("faq", entry.id)
    assert [f.id for f in await service.list_faqs(session)] == [entry.id]
    await service.remove_faq(session, entry.id)
    assert await service.list_faqs(session) == []
    with pytest.raises(DomainError) as missing:
        await service.remove_faq(session, entry.id)
    assert missing.value.key == "kb_faq_not_found"
    with pytest.raises(DomainError) as empty:
        await service.add_faq(session, [" "], "Svar")
    assert empty.value.key == "kb_faq_invalid"


async def test_ask_logs_and_feedback_only_by_the_asker(
    service: KnowledgeService, session: AsyncSession, files: list[Path]
) -> None:
    await service.import_paths(session, files)
    asker, other = User(telegram_id=111), User(telegram_id=222)
    session.add_all([asker, other])
    await session.commit()
    await service.rebuild()
    result = service.answer("Hur många deltog på dialogmötet i maj?", user_id=asker.id)
    unknown = service.answer("Hur bakar man surdegsbröd?", user_id=asker.id)
    await session.commit()
    await service.question_log.flush()
    assert result.answered and result.match is not None and "59" in result.match.text
    log = await session.scalar(select(QuestionLog).where(QuestionLog.key == result.question_key))
    assert log is not None and log.passage_id == result.match.id and log.score >= 0.5
    assert not unknown.answered
    assert [q.question for q in await service.unanswered(session)] == ["Hur bakar man surdegsbröd?"]
    with pytest.raises(DomainError) as not_yours:
        await service.record_feedback(
            session, result.question_key, telegram_user_id=222, helpful=True
        )
    assert not_yours.value.key == "callback_not_yours"
    await service.record_feedback(session, result.question_key, telegram_user_id=111, helpful=False)
    await session.commit()
    await session.refresh(log)
    assert log.feedback == -1


async def test_refresh_if_changed_notices_other_writers(
    service: KnowledgeService, db: Database, files: list[Path]
) -> None:
    assert await service.refresh_if_changed()  # first time: builds
    assert not await service.refresh_if_changed()
    async with db.session() as other:  # as if another process imported
        writer = QuestionLogWriter(db)
        await KnowledgeService(db, threshold=0.5, question_log=writer).import_paths(
            other, files[:1]
        )
        await other.commit()
    assert await service.refresh_if_changed()
    assert service.answer_now("Vad kostar kommunikationen?")[0]
    service.mark_changed()
    assert await service.refresh_if_changed()


async def test_an_edited_operator_synonyms_file_is_picked_up_on_refresh(
    db: Database, session: AsyncSession, tmp_path: Path
) -> None:
    own = tmp_path / "synonyms.txt"
    service = KnowledgeService(
        db, threshold=0.5, question_log=QuestionLogWriter(db), synonyms_file=own
    )
    statutes = tmp_path / "stadgar.md"
    statutes.write_text("# Stadgar\n\n## Årsmöte\n\nÅrsmötet hålls i mars.\n", encoding="utf-8")
    await service.import_paths(session, [statutes])
    await session.commit()
    assert await service.refresh_if_changed() is True
    assert service.answer_now("När är stämman?")[0] is False
    assert await service.refresh_if_changed() is False
    append_group(own, "årsmöte, stämma")
    assert await service.refresh_if_changed() is True
    answered, match = service.answer_now("När är stämman?")
    assert answered and match is not None and match.text == "Årsmötet hålls i mars."


async def test_chosen_topics_are_learned_checked_and_forgotten(
    service: KnowledgeService, session: AsyncSession, files: list[Path]
) -> None:
    await service.import_paths(session, files)
    asker = User(telegram_id=333)
    session.add(asker)
    await session.commit()
    await service.rebuild()
    budget = await session.scalar(select(Passage.id).where(Passage.text.contains("80 000")))
    meetings = await session.scalar(select(Passage.id).where(Passage.text.contains("59 personer")))
    assert budget is not None and meetings is not None
    log = QuestionLog(key=4242, user_id=asker.id, question="vad går pengarna till", answered=False)
    log.offered = f"{budget}"
    session.add(log)
    await session.commit()

    for key, passage, user in ((4242, meetings, 333), (4242, budget, 444), (99, budget, 333)):
        with pytest.raises(DomainError):  # not offered, not the asker's, no such question
            await service.choose_topic(session, key, passage, telegram_user_id=user, lang="sv")
    match = await service.choose_topic(session, 4242, budget, telegram_user_id=333, lang="sv")
    await session.commit()
    assert "80 000" in match.text and match.id == budget
    assert [(p.question, p.passage_id) for p in await service.learned(session)] == [
        ("vad går pengarna till", budget)
    ]
    await session.commit()  # release the connection: the rebuild reads with its own session
    assert await service.refresh_if_changed()  # a new learned phrasing rebuilds the index
    assert budget in service._index.learned

    await service.forget_learned(session, log.id)
    await session.commit()
    assert await service.learned(session) == []
    with pytest.raises(DomainError):
        await service.forget_learned(session, log.id)
    log.offer_choice, log.question = "topic", ""  # an erased asker's question teaches nothing
    await session.commit()
    assert await service.learned(session) == []
