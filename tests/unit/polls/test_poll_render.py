"""The poll card as each recipient gets it: own language, own answer ✅, Stockholm time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import User
from bot.services import polls
from bot.services.delivery import Personal
from bot.services.polls import PollDraft
from bot.timeutil import STOCKHOLM
from handlers.core.callbacks import parse
from handlers.delivery.personalise import build_personaliser
from handlers.polls.actions import PollChoose, PollComment
from tests.conftest import FakeClock

NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)
CLOSES = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)  # 13.00 in Stockholm: summer time has ended


async def _users(session: AsyncSession) -> tuple[int, int]:
    swede, english = User(telegram_id=1, language="sv"), User(telegram_id=2, language="en")
    session.add_all([swede, english])
    await session.flush()
    return swede.id, english.id


async def _render(
    session: AsyncSession, poll_id: int | str, user_ids: list[int], now: datetime
) -> dict[int, Personal | None]:
    personaliser = build_personaliser(STOCKHOLM, poll_key=None)
    return await personaliser.personalise(session, f"poll:{poll_id}", user_ids, now=now)


def _labels(found: Personal | None) -> list[str]:
    assert found is not None
    return [button.text for row in found.buttons for button in row]


async def test_each_reader_sees_the_question_hints_and_their_own_choice(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    swede, english = await _users(session)
    draft = PollDraft(
        "Vilka teman vill ni ta upp?",
        ("Bidrag", "Lokaler", "Samverkan"),
        multiple=True,
        allow_comment=True,
        anonymous=True,
        closes_at=CLOSES,
    )
    poll = await polls.create(session, draft, created_by=None, clock=clock)
    lokaler = poll.options[1]
    key = await polls.poll_key(session, None)
    await polls.choose(session, poll.id, swede, lokaler.id, key=key, clock=clock)

    found = await _render(session, poll.id, [swede, english], NOW)

    mine, theirs = found[swede], found[english]
    assert mine is not None and theirs is not None
    assert mine.text_html.startswith("📊 <b>Vilka teman vill ni ta upp?</b>")
    assert "Flera val" in mine.text_html and "Anonym" in mine.text_html
    assert "söndag 25 oktober kl. 13.00" in mine.text_html
    assert "Tack för ditt svar!" in mine.text_html
    assert _labels(mine) == ["Bidrag", "✅ Lokaler", "Samverkan", "💬 Kommentera"]
    assert _labels(theirs) == ["Bidrag", "Lokaler", "Samverkan", "💬 Comment"]
    assert "Several choices" in theirs.text_html and "Thank you" not in theirs.text_html
    callbacks = [parse(button.callback) for row in mine.buttons for button in row]
    assert callbacks == [
        *(PollChoose(poll.id, option.id) for option in poll.options),
        PollComment(poll.id),
    ]


async def test_a_single_choice_named_poll_has_no_comment_button_and_nothing_once_closed(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    swede, _english = await _users(session)
    draft = PollDraft("Passar torsdagar?", ("Ja", "Nej"), closes_at=NOW + timedelta(days=1))
    poll = await polls.create(session, draft, created_by=None, clock=clock)

    found = (await _render(session, poll.id, [swede], NOW))[swede]
    assert found is not None
    assert "Välj ett svar." in found.text_html and "Anonym" not in found.text_html
    assert _labels(found) == ["Ja", "Nej"]

    assert await _render(session, poll.id, [swede], NOW + timedelta(days=1)) == {}
    await polls.close(session, poll.id, clock=clock)
    assert await _render(session, poll.id, [swede], NOW) == {}
    assert await _render(session, 999, [swede], NOW) == {}
    assert await _render(session, "x", [swede], NOW) == {}
