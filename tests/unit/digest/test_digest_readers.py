"""Readers' digest choice, finding a reader, the next editions staff see, and the callbacks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.errors import DomainError
from bot.models import DigestFrequency, EditionKind, Topic, User
from bot.services import topics
from bot.services.delivery import audience, campaigns
from bot.services.digest import editions, readers
from bot.services.digest.readers import Planned, ReaderChoice
from bot.services.digest.schedule import DigestOptions
from handlers.core.callbacks import BadCallback, parse
from handlers.digest.actions import DigestChoice, DigestDraft, DigestMenu, DigestSettings
from handlers.digest.settings import frequency_label, menu_text
from handlers.settings.actions import SettingsMenu
from tests.conftest import FakeClock

OPTIONS = DigestOptions()
# Tuesday 20 October 2026; summer time ends on Sunday the 25th.
TUESDAY = datetime(2026, 10, 20, 10, 0, tzinfo=UTC)
NEXT_MONDAY = datetime(2026, 10, 26, 7, 0, tzinfo=UTC)  # 08:00 CET
FIRST_WEEKDAY_OF_NOVEMBER = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)  # Monday 2nd, 08:00 CET


async def _user(session: AsyncSession, telegram_id: int, username: str | None = None) -> User:
    user = User(telegram_id=telegram_id, display_name=f"User {telegram_id}", username=username)
    session.add(user)
    await session.flush()
    return user


async def _weekly_readers(session: AsyncSession) -> int:
    default = await editions.get_default_frequency(session)
    spec = editions.audience_for(EditionKind.WEEKLY, default)
    return await audience.count(session, spec, Topic.DIGEST)


async def test_a_new_reader_follows_the_staff_default(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _user(session, 1)
    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.WEEKLY, False)

    await editions.set_default_frequency(session, DigestFrequency.MONTHLY, actor=7, clock=clock)

    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.MONTHLY, False)


async def test_choosing_sets_the_frequency_and_the_digest_topic(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _user(session, 1)
    await readers.set_frequency(session, user, DigestFrequency.OFF, clock=clock)
    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.OFF, True)
    assert (await topics.preferences(session, user.id))[Topic.DIGEST] is False
    assert await _weekly_readers(session) == 0

    await readers.set_frequency(session, user, DigestFrequency.MONTHLY, clock=clock)
    assert user.digest_frequency == DigestFrequency.MONTHLY
    assert (await topics.preferences(session, user.id))[Topic.DIGEST] is True
    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.MONTHLY, True)
    assert await _weekly_readers(session) == 0

    await readers.set_frequency(session, user, DigestFrequency.WEEKLY, clock=clock)
    assert await _weekly_readers(session) == 1


async def test_the_digest_topic_switched_off_means_off_until_a_frequency_is_chosen(
    session: AsyncSession, clock: FakeClock
) -> None:
    user = await _user(session, 1)
    await topics.stop_all(session, user.id, clock=clock)
    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.OFF, True)

    await readers.set_frequency(session, user, DigestFrequency.WEEKLY, clock=clock)

    assert await readers.choice_of(session, user) == ReaderChoice(DigestFrequency.WEEKLY, True)
    assert (await topics.preferences(session, user.id))[Topic.MEETINGS] is False  # untouched


async def test_find_a_reader_by_telegram_id_or_username(session: AsyncSession) -> None:
    anna = await _user(session, 4711, username="Anna_S")
    assert await readers.find_reader(session, "4711") is anna
    assert await readers.find_reader(session, " @anna_s ") is anna
    with pytest.raises(DomainError) as unknown:
        await readers.find_reader(session, "@nobody")
    assert (unknown.value.key, unknown.value.params) == (
        "dchat_reader_unknown",
        {"reference": "@nobody"},
    )
    for bad in ("anna", "@", ""):
        with pytest.raises(DomainError) as invalid:
            await readers.find_reader(session, bad)
        assert invalid.value.key == "dchat_reader_invalid"


async def test_planned_lists_the_next_slots_across_the_dst_change_and_live_specials(
    session: AsyncSession,
) -> None:
    clock = FakeClock(TUESDAY)
    await _user(session, 1)  # follows the default (weekly)
    monthly = await _user(session, 2)
    await readers.set_frequency(session, monthly, DigestFrequency.MONTHLY, clock=clock)
    special = await editions.schedule_special(
        session, at=datetime(2026, 10, 22, 9, 0, tzinfo=UTC), note="", created_by=1, clock=clock
    )
    dropped = await editions.schedule_special(
        session, at=datetime(2026, 10, 23, 9, 0, tzinfo=UTC), note="", created_by=1, clock=clock
    )
    assert dropped.campaign_id is not None
    await campaigns.cancel(session, dropped.campaign_id, clock=clock)

    found = await readers.planned(session, now=clock(), options=OPTIONS)

    assert found == [
        Planned(EditionKind.SPECIAL, datetime(2026, 10, 22, 9, 0, tzinfo=UTC), 2, special.id),
        Planned(EditionKind.WEEKLY, NEXT_MONDAY, 1),
        Planned(EditionKind.MONTHLY, FIRST_WEEKDAY_OF_NOVEMBER, 1),
    ]


@pytest.mark.parametrize(
    ("frequency", "kind", "slot"),
    [
        (DigestFrequency.WEEKLY, EditionKind.WEEKLY, NEXT_MONDAY),
        (DigestFrequency.MONTHLY, EditionKind.MONTHLY, FIRST_WEEKDAY_OF_NOVEMBER),
        (DigestFrequency.OFF, EditionKind.WEEKLY, NEXT_MONDAY),
    ],
)
def test_the_preview_edition_ends_at_the_readers_next_slot(
    frequency: DigestFrequency, kind: EditionKind, slot: datetime
) -> None:
    edition = readers.preview_edition(ReaderChoice(frequency, True), now=TUESDAY, options=OPTIONS)
    assert (edition.id, edition.kind, edition.scheduled_for, edition.window_end, edition.note) == (
        None,
        kind,
        slot,
        slot,
        "",
    )


def test_digest_callbacks_round_trip_and_refuse_forgeries() -> None:
    assert DigestSettings().encode() == "dgs"  # the composition renders this data as is
    for action in (
        DigestSettings(),
        DigestChoice(DigestFrequency.MONTHLY),
        DigestMenu("special"),
        DigestDraft("ab12cd34", "send"),
        SettingsMenu("digest"),
    ):
        assert parse(action.encode()) == action
    for forged in ("dgf:daily", "dgm:drop", "dgn:ab12cd34:publish", "dgn:short:send", "dgs:1"):
        with pytest.raises(BadCallback):
            parse(forged)


@pytest.mark.parametrize(
    ("lang", "weekly", "monthly"),
    [
        ("sv", "Varje vecka (tisdagar kl. 07.30)", "Varje månad (första vardagen kl. 07.30)"),
        ("en", "Every week (Tuesdays at 07:30)", "Every month (first weekday at 07:30)"),
    ],
)
def test_the_menu_says_the_configured_day_and_time(lang: str, weekly: str, monthly: str) -> None:
    settings = Settings.model_validate(
        {"database_url": "sqlite:///unused.db", "digest_weekday": "Tuesday", "digest_time": "7:30"}
    )
    assert frequency_label(DigestFrequency.WEEKLY, settings, lang) == weekly
    assert frequency_label(DigestFrequency.MONTHLY, settings, lang) == monthly
    default = menu_text(ReaderChoice(DigestFrequency.WEEKLY, False), settings, lang)
    own = menu_text(ReaderChoice(DigestFrequency.WEEKLY, True), settings, lang)
    assert own.endswith(f"<b>{weekly}</b>")
    assert default.endswith(
        f"<b>{weekly} ({'standardinställningen' if lang == 'sv' else 'the default'})</b>"
    )
