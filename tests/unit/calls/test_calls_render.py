"""Funding-call cards and reminders as each recipient gets them: Stockholm time, own language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import User
from bot.services import calls
from bot.services.calls import CallDraft
from bot.services.delivery import Button, Personal
from bot.timeutil import STOCKHOLM
from handlers.calls.actions import CallRemind
from handlers.core.callbacks import parse
from handlers.delivery.personalise import build_personaliser
from tests.conftest import FakeClock

NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # 10:00 CEST; the clocks go back on the 25th
DEADLINE = datetime(2026, 10, 27, 22, 59, tzinfo=UTC)  # 27 October 23:59 CET


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def _users(session: AsyncSession) -> tuple[int, int]:
    swede, english = User(telegram_id=1, language="sv"), User(telegram_id=2, language="en")
    session.add_all([swede, english])
    await session.flush()
    return swede.id, english.id


async def _call(session: AsyncSession, clock: FakeClock, **changes: object) -> int:
    values: dict[str, object] = {
        "title": "Kultur & hälsa",
        "funder": "Västra Götalandsregionen",
        "description_html": "Stöd för <b>unga</b>.",
        "link": "https://www.vgregion.se/kultur",
        "deadline": DEADLINE,
        "tags": ("kultur", "hälsa"),
    }
    values.update(changes)
    draft = CallDraft(**values)  # type: ignore[arg-type]
    call = await calls.create(session, draft, created_by=None, clock=clock, announce=False)
    return call.id


async def _render(
    session: AsyncSession, subject: str, user_ids: list[int], now: datetime
) -> dict[int, Personal | None]:
    return await build_personaliser(STOCKHOLM, poll_key=None).personalise(
        session, subject, user_ids, now=now
    )


async def test_the_card_shows_stockholm_time_days_left_and_buttons_in_each_language(
    session: AsyncSession, clock: FakeClock
) -> None:
    swede, english = await _users(session)
    call_id = await _call(session, clock)
    rendered = await _render(session, f"call:{call_id}", [swede, english], NOW)
    sv, en = rendered[swede], rendered[english]
    assert sv is not None and en is not None
    assert sv.text_html.splitlines()[:4] == [
        "💰 <b>Ny utlysning</b>",
        "<b>Kultur &amp; hälsa</b>",
        "Finansiär: Västra Götalandsregionen",
        "Sista ansökningsdag: 27 oktober 2026 kl. 23.59 (om 7 dagar)",
    ]
    assert "Stöd för <b>unga</b>." in sv.text_html
    assert sv.text_html.endswith("Ämnen: kultur, hälsa")
    assert "Deadline: 27 October 2026 at 23:59 (in 7 days)" in en.text_html
    remind = CallRemind(call_id).encode()
    assert sv.buttons == (
        (
            Button("Läs mer", url="https://www.vgregion.se/kultur"),
            Button("⏰ Påminn mig", callback=remind),
        ),
    )
    assert [b.text for b in en.buttons[0]] == ["Read more", "⏰ Remind me"]
    assert parse(sv.buttons[0][1].callback) == CallRemind(call_id)


async def test_without_link_or_deadline_the_buttons_that_make_no_sense_are_left_out(
    session: AsyncSession, clock: FakeClock
) -> None:
    swede, _ = await _users(session)
    call_id = await _call(session, clock, link=None, deadline=None, tags=())
    card = (await _render(session, f"call:{call_id}", [swede], NOW))[swede]
    assert card is not None
    assert "Ingen sista ansökningsdag angiven" in card.text_html
    assert "Ämnen" not in card.text_html
    assert card.buttons == ()


async def test_days_left_count_calendar_days_in_stockholm(
    session: AsyncSession, clock: FakeClock
) -> None:
    swede, _ = await _users(session)
    call_id = await _call(session, clock)
    last_day = datetime(2026, 10, 27, 5, 0, tzinfo=UTC)
    eve = datetime(2026, 10, 26, 22, 30, tzinfo=UTC)  # 23:30 local on the 26th
    today = (await _render(session, f"call:{call_id}", [swede], last_day))[swede]
    tomorrow = (await _render(session, f"call:{call_id}", [swede], eve))[swede]
    assert today is not None and "(sista dagen i dag)" in today.text_html
    assert tomorrow is not None and "(i morgon)" in tomorrow.text_html


async def test_no_card_for_a_withdrawn_or_closed_call_or_a_bad_subject(
    session: AsyncSession, clock: FakeClock
) -> None:
    swede, english = await _users(session)
    closed = await _call(session, clock)
    withdrawn = await _call(session, clock)
    await calls.withdraw(session, withdrawn, actor=None, clock=clock)
    after = DEADLINE + timedelta(minutes=1)
    assert await _render(session, f"call:{closed}", [swede, english], after) == {}
    assert await _render(session, f"call:{withdrawn}", [swede], NOW) == {}
    assert await _render(session, "call:x", [swede], NOW) == {}
    assert await _render(session, "call:999", [swede], NOW) == {}


async def test_the_reminder_names_the_deadline_and_is_dropped_when_no_longer_true(
    session: AsyncSession, clock: FakeClock
) -> None:
    swede, english = await _users(session)
    call_id = await _call(session, clock)
    at = datetime(2026, 10, 20, 7, 0, tzinfo=UTC)  # 09:00 CEST, the reminder's time
    rendered = await _render(session, f"call_reminder:{call_id}", [swede, english], at)
    sv, en = rendered[swede], rendered[english]
    assert sv is not None and en is not None
    assert sv.text_html == (
        "⏰ <b>Påminnelse:</b> sista dag för <b>Kultur &amp; hälsa</b> är "
        "27 oktober 2026 kl. 23.59 (om 7 dagar)."
    )
    assert sv.buttons == ((Button("Läs mer", url="https://www.vgregion.se/kultur"),),)
    assert en.text_html.startswith("⏰ <b>Reminder:</b> the deadline for")
    late = DEADLINE + timedelta(seconds=1)
    assert await _render(session, f"call_reminder:{call_id}", [swede], late) == {}
    await calls.withdraw(session, call_id, actor=None, clock=clock)
    assert await _render(session, f"call_reminder:{call_id}", [swede], at) == {}
