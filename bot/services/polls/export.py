"""A poll's answers as CSV: named polls with who and when, anonymous ones with answers only."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import PollChoice, PollVote, User
from bot.services.polls.store import get
from bot.services.spreadsheet import safe_cell
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import local

NAMED_COLUMNS = ("answered_at", "name", "organisation", "options", "comment")
ANONYMOUS_COLUMNS = ("options", "comment")


async def export_csv(
    session: AsyncSession, poll_id: int, *, tz: ZoneInfo, lang: str = DEFAULT_LANGUAGE
) -> str:
    """One row per vote: the options chosen and the comment; for a named poll also the
    time (Stockholm), name and organisation. Anonymous rows carry nothing about the person
    or the time and are ordered by their content, so the order gives nobody away."""
    poll = await get(session, poll_id)
    position = {option.id: option.position for option in poll.options}
    text = {option.id: option.text for option in poll.options}
    chosen: dict[int, list[int]] = defaultdict(list)
    choices = await session.execute(
        select(PollChoice.vote_id, PollChoice.option_id)
        .join(PollVote, PollVote.id == PollChoice.vote_id)
        .where(PollVote.poll_id == poll_id)
    )
    for vote_id, option_id in choices:
        chosen[vote_id].append(option_id)
    votes = list(
        await session.scalars(
            select(PollVote)
            .where(PollVote.poll_id == poll_id)
            .order_by(PollVote.answered_at, PollVote.id)
        )
    )

    def answers(vote: PollVote) -> str:
        return "; ".join(text[o] for o in sorted(chosen[vote.id], key=position.__getitem__))

    output = io.StringIO()
    writer = csv.writer(output)
    columns = ANONYMOUS_COLUMNS if poll.anonymous else NAMED_COLUMNS
    writer.writerow([t(f"poll_csv_{column}", lang) for column in columns])
    if poll.anonymous:
        rows = sorted([safe_cell(answers(vote)), safe_cell(vote.comment or "")] for vote in votes)
        writer.writerows(rows)
        return output.getvalue()
    users = {
        user.id: user
        for user in await session.scalars(
            select(User).where(User.id.in_({v.user_id for v in votes if v.user_id is not None}))
        )
    }
    for vote in votes:
        user = users.get(vote.user_id) if vote.user_id is not None else None
        organisation = user.organisation if user is not None else None
        writer.writerow(
            [
                f"{local(vote.answered_at, tz):%Y-%m-%d %H:%M}",
                safe_cell(user.display_name) if user is not None else "",
                safe_cell(organisation.name) if organisation is not None else "",
                safe_cell(answers(vote)),
                safe_cell(vote.comment or ""),
            ]
        )
    return output.getvalue()
