"""The poll card's text: the question, how it is answered, when it closes, the reader's answer.

Its buttons, and the renderer of the subject "poll:<id>", are in ``handlers.polls.render``.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import Poll, PollStatus
from bot.services.polls import MyVote
from bot.texts import t
from bot.timeutil import as_utc
from bot.views.meetings import moment_text

NOTHING = MyVote(option_ids=frozenset(), comment=None)  # the reader has not answered


def is_over(poll: Poll, now: datetime) -> bool:
    """Closed, or past its closing time (the job that closes it may not have run yet)."""
    return poll.status == PollStatus.CLOSED or as_utc(now) >= as_utc(poll.closes_at)


def head_lines(poll: Poll, lang: str, tz: ZoneInfo, *, now: datetime) -> list[str]:
    """The question, how to answer, anonymity and the closing time."""
    lines = [t("poll_card_question", lang, question=poll.question)]
    lines.append(t("poll_card_multiple" if poll.multiple else "poll_card_single", lang))
    if poll.anonymous:
        lines.append(t("poll_card_anonymous", lang))
    when = moment_text(poll.closes_at, lang, tz, now=now)
    lines.append(t("poll_card_closes", lang, time=when))
    return lines


def _mine_lines(mine: MyVote, lang: str) -> list[str]:
    lines = [t("poll_card_answered", lang)] if mine.option_ids else []
    if mine.comment:
        lines.append(t("poll_card_comment", lang, comment=mine.comment))
    return lines


def card_text(poll: Poll, lang: str, tz: ZoneInfo, *, now: datetime, mine: MyVote) -> str:
    """The open card as one reader sees it."""
    mine_part = _mine_lines(mine, lang)
    head = "\n".join(head_lines(poll, lang, tz, now=now))
    return head if not mine_part else f"{head}\n\n" + "\n".join(mine_part)


def closed_text(poll: Poll, lang: str, tz: ZoneInfo, *, now: datetime, mine: MyVote) -> str:
    """The card after closing: the question, when it closed, and the reader's own answer."""
    closed_at = poll.closed_at or poll.closes_at
    lines = [
        t("poll_card_question", lang, question=poll.question),
        t("poll_card_closed", lang, time=moment_text(closed_at, lang, tz, now=now)),
    ]
    chosen = [option.text for option in poll.options if option.id in mine.option_ids]
    if chosen:
        lines.append(t("poll_card_your_answer", lang, answer=", ".join(chosen)))
    else:
        lines.append(t("poll_card_no_answer", lang))
    if mine.comment:
        lines.append(t("poll_card_comment", lang, comment=mine.comment))
    return "\n".join(lines)
