"""Answering a poll: one tap to choose, change or add a comment, until the poll closes.

A vote is found by ``voter_key``, a keyed hash (HMAC-SHA256) of poll and user, so a user
can change their answer; an anonymous poll never stores the user id, and without the key
the hash cannot be turned back into a person.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from pydantic import SecretStr
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import (
    AppSetting,
    Delivery,
    DeliveryStatus,
    Poll,
    PollChoice,
    PollStatus,
    PollVote,
)
from bot.services.polls.drafts import COMMENT_MAX
from bot.services.polls.store import get
from bot.timeutil import Clock, utc_now

KEY_SETTING = "poll_voter_key"


@dataclass(frozen=True)
class MyVote:
    """What one user answered: the chosen options and their comment."""

    option_ids: frozenset[int]
    comment: str | None


NO_VOTE = MyVote(option_ids=frozenset(), comment=None)


async def poll_key(session: AsyncSession, settings_key: SecretStr | None) -> bytes:
    """The HMAC key of voter keys: SIGNBOT_POLL_KEY, else a random key stored once."""
    if settings_key is not None and settings_key.get_secret_value():
        return settings_key.get_secret_value().encode()
    stored = await session.get(AppSetting, KEY_SETTING)
    if stored is None:
        try:
            # A savepoint: when another process stored a key first, use theirs.
            async with session.begin_nested():
                stored = AppSetting(
                    key=KEY_SETTING, value=secrets.token_hex(32), changed_at=utc_now()
                )
                session.add(stored)
        except IntegrityError:
            stored = await session.get_one(AppSetting, KEY_SETTING, populate_existing=True)
    return stored.value.encode()


async def voter_key(session: AsyncSession, poll_id: int, user_id: int, *, key: bytes) -> str:
    """The keyed hash (hex) that finds this user's vote in this poll."""
    return hmac.new(key, f"{poll_id}:{user_id}".encode(), hashlib.sha256).hexdigest()


async def _vote(
    session: AsyncSession, poll_id: int, voter: str, *, lock: bool = True
) -> PollVote | None:
    query = (
        select(PollVote)
        .where(PollVote.poll_id == poll_id, PollVote.voter_key == voter)
        .execution_options(populate_existing=True)
    )
    if lock:  # an answer being changed: two taps at once must not both create a row
        query = query.with_for_update()
    return await session.scalar(query)


async def _chosen(session: AsyncSession, vote: PollVote | None) -> MyVote:
    if vote is None:
        return NO_VOTE
    ids = await session.scalars(select(PollChoice.option_id).where(PollChoice.vote_id == vote.id))
    return MyVote(option_ids=frozenset(ids), comment=vote.comment)


async def my_choice(session: AsyncSession, poll: Poll, user_id: int, *, key: bytes) -> MyVote:
    """What this user has answered in the poll (nothing yet: no options, no comment)."""
    voter = await voter_key(session, poll.id, user_id, key=key)
    return await _chosen(session, await _vote(session, poll.id, voter, lock=False))


async def waiting_for(
    session: AsyncSession, user_id: int, *, key: bytes, clock: Clock
) -> list[Poll]:
    """The open polls sent to the user that they have not answered, soonest closing first."""
    query = (
        select(Poll)
        .join(Delivery, Delivery.campaign_id == Poll.campaign_id)
        .where(
            Delivery.user_id == user_id,
            Delivery.status == DeliveryStatus.SENT,
            Poll.status == PollStatus.OPEN,
            Poll.closes_at > clock(),
        )
        .order_by(Poll.closes_at, Poll.id)
    )
    waiting = []
    for poll in await session.scalars(query):
        if not (await my_choice(session, poll, user_id, key=key)).option_ids:
            waiting.append(poll)
    return waiting


async def _open_poll(session: AsyncSession, poll_id: int, clock: Clock) -> Poll:
    poll = await get(session, poll_id)
    if poll.status != PollStatus.OPEN or poll.closes_at <= clock():
        raise DomainError("poll_closed", question=poll.question)
    return poll


async def _vote_for(
    session: AsyncSession, poll: Poll, user_id: int, key: bytes, clock: Clock
) -> PollVote:
    """The user's vote row, made on the first answer (without user id when anonymous)."""
    voter = await voter_key(session, poll.id, user_id, key=key)
    await _one_tap_at_a_time(session, voter)
    vote = await _vote(session, poll.id, voter)
    if vote is not None:
        return vote
    now = clock()
    try:
        # Two quick taps may race to make the row; the unique key lets one win.
        async with session.begin_nested():
            vote = PollVote(
                poll_id=poll.id,
                voter_key=voter,
                user_id=None if poll.anonymous else user_id,
                answered_at=now,
                changed_at=now,
            )
            session.add(vote)
    except IntegrityError:
        vote = await _vote(session, poll.id, voter)
        if vote is None:
            raise
    return vote


async def _one_tap_at_a_time(session: AsyncSession, voter: str) -> None:
    """Make this user's other taps on this poll wait until this transaction ends (PostgreSQL).

    Fifteen quick taps on a multiple-choice option each toggle it: a tap must see the one before
    it. Locking the vote row is not enough, since a tap that clears the last choice deletes the
    row, and a tap waiting on it then finds nothing and races the others to insert a new one
    (a unique violation). The lock is on the voter key instead, which always exists; it is
    released at commit or rollback. SQLite already runs one writing transaction at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        lock_id = int.from_bytes(bytes.fromhex(voter[:16]), "big", signed=True)
        await session.execute(select(func.pg_advisory_xact_lock(lock_id)))


async def _tidy(session: AsyncSession, vote: PollVote, clock: Clock) -> MyVote:
    """The vote as it now stands; a vote left with no option and no comment is removed."""
    vote.changed_at = clock()
    await session.flush()
    mine = await _chosen(session, vote)
    if not mine.option_ids and mine.comment is None:
        await session.delete(vote)
        await session.flush()
    return mine


async def choose(
    session: AsyncSession, poll_id: int, user_id: int, option_id: int, *, key: bytes, clock: Clock
) -> MyVote:
    """Record a tap on an option: single choice picks it, multiple choice toggles it."""
    poll = await _open_poll(session, poll_id, clock)
    if option_id not in {option.id for option in poll.options}:
        raise DomainError("poll_option_unknown")
    vote = await _vote_for(session, poll, user_id, key, clock)
    current = await _chosen(session, vote)
    if poll.multiple and option_id in current.option_ids:
        await session.execute(
            delete(PollChoice).where(
                PollChoice.vote_id == vote.id, PollChoice.option_id == option_id
            )
        )
    elif option_id not in current.option_ids:
        if not poll.multiple:
            await session.execute(delete(PollChoice).where(PollChoice.vote_id == vote.id))
        session.add(PollChoice(vote_id=vote.id, option_id=option_id))
    return await _tidy(session, vote, clock)


async def comment(
    session: AsyncSession, poll_id: int, user_id: int, text: str, *, key: bytes, clock: Clock
) -> MyVote:
    """Set (or, with empty text, remove) the user's free-text comment on the poll."""
    poll = await _open_poll(session, poll_id, clock)
    if not poll.allow_comment:
        raise DomainError("poll_comment_not_allowed")
    cleaned = text.strip()
    if len(cleaned) > COMMENT_MAX:
        raise DomainError("poll_comment_too_long", limit=COMMENT_MAX)
    vote = await _vote_for(session, poll, user_id, key, clock)
    vote.comment = cleaned or None
    return await _tidy(session, vote, clock)
