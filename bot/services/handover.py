"""Handing a question to staff and relaying a staff reply back to the asker."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import QuestionLog, Role, StaffRelay, User, UserStatus
from bot.timeutil import Clock


async def question_to_hand_over(
    session: AsyncSession, question_key: int, *, telegram_user_id: int
) -> QuestionLog:
    """The asker's own question, not yet handed over; refuses anyone else's."""
    question = await session.scalar(select(QuestionLog).where(QuestionLog.key == question_key))
    if question is None or question.user is None:
        raise DomainError("callback_invalid")
    if question.user.telegram_id != telegram_user_id:
        raise DomainError("callback_not_yours")
    if question.handed_over_at is not None:
        raise DomainError("already_handed_over")
    return question


async def staff_destinations(
    session: AsyncSession, *, staff_chat_id: int | None, admins: Collection[int]
) -> list[int]:
    """Where questions for staff land: the staff chat, else every admin's private chat."""
    if staff_chat_id is not None:
        return [staff_chat_id]
    rows = await session.scalars(
        select(User.telegram_id).where(User.role == Role.ADMIN, User.status == UserStatus.ACTIVE)
    )
    return sorted(set(rows) | set(admins))


async def record_relay(
    session: AsyncSession,
    question: QuestionLog,
    *,
    chat_ids_and_messages: list[tuple[int, int]],
    clock: Clock,
) -> None:
    """Remember the staff-side messages whose replies reach the asker."""
    for chat_id, message_id in chat_ids_and_messages:
        session.add(StaffRelay(question_id=question.id, chat_id=chat_id, message_id=message_id))
    question.handed_over_at = clock()
    await session.flush()


async def find_relay(session: AsyncSession, *, chat_id: int, message_id: int) -> StaffRelay | None:
    """The relay for a staff message, if that message carried a question."""
    return await session.scalar(
        select(StaffRelay).where(StaffRelay.chat_id == chat_id, StaffRelay.message_id == message_id)
    )


async def mark_replied(session: AsyncSession, question: QuestionLog, *, clock: Clock) -> None:
    """Note that staff answered the question."""
    question.staff_replied_at = clock()
    await session.flush()


async def question_for_staff(session: AsyncSession, question_id: int) -> QuestionLog:
    """A logged question staff act on from /unanswered (by its row id)."""
    question = await session.get(QuestionLog, question_id)
    if question is None:
        raise DomainError("question_gone")
    return question


async def covered_by_faq(
    session: AsyncSession, question_id: int, faq_id: int, *, clock: Clock
) -> None:
    """Note that a FAQ entry made from this question now answers it (gone: nothing to note);
    it leaves the review queue."""
    question = await session.get(QuestionLog, question_id)
    if question is not None:
        question.faq_id = faq_id
        question.reviewed_at = clock()
        await session.flush()
