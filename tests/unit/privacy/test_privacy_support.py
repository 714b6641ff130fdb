"""Helpers for the privacy tests: one person with data in every table, and a scan of every table
for anything that still points at them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Column, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    AuditEntry,
    Base,
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    DigestFrequency,
    Nomination,
    NominationRound,
    Organisation,
    QuestionLog,
    StaffRelay,
    Topic,
    User,
)
from bot.services import calls, forms, meetings, polls, topics, users
from bot.services.calls import CallDraft
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.polls import PollDraft
from tests.conftest import FakeClock
from tests.unit.test_forms_support import SURVEY

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
GRETA_TG = 424242424
OTHER_TG = 515151515
STAFF_TG = 606060606
KEY = b"privacy-test-key"
QUESTION = "Hur söker vi pengar för en sommarkurs?"
MEETING = "Dialogmöte om bidrag"
CALL = "Kulturbidrag 2027"
NAMED = "Hur vill ni träffas?"
ANONYMOUS = "Hur nöjd är du med samverkan?"
CANDIDATE = "Karin Lund"


@dataclass(frozen=True)
class Seeded:
    """What the seed made: the person's ids and the things they took part in."""

    user_id: int
    other_id: int
    org_id: int
    meeting_id: int
    call_id: int
    named_poll: int
    anonymous_poll: int
    round_id: int
    survey_id: int
    profile_id: int


async def _person(
    session: AsyncSession, telegram_id: int, name: str, username: str, now: datetime
) -> User:
    user = User(
        telegram_id=telegram_id, display_name=name, username=username, first_seen=now, last_seen=now
    )
    session.add(user)
    await session.flush()
    return user


async def seed(session: AsyncSession, clock: FakeClock) -> Seeded:
    """Greta (linked, weekly digest) with a question, a seat at a full meeting (Olle waits),
    a call reminder, a delivery, named and anonymous poll answers with comments, a nomination,
    a survey answer naming her, her organisation's profile and audit entries of her own
    (flushed)."""
    org = Organisation(name="Föreningen Vågen")
    session.add(org)
    await session.flush()
    greta = await _person(session, GRETA_TG, "Greta Ekström", "gretae", clock())
    other = await _person(session, OTHER_TG, "Olle Berg", "olleb", clock())
    greta.digest_frequency = DigestFrequency.WEEKLY
    await users.link_by_invitation(session, greta, org)
    await topics.set_topic(session, greta.id, Topic.POLLS, False, clock=clock)
    question = QuestionLog(
        key=987654321, user_id=greta.id, asked_at=clock(), question=QUESTION, answered=False
    )
    session.add(question)
    await session.flush()
    session.add(StaffRelay(question_id=question.id, chat_id=-100200, message_id=7))
    options = MeetingOptions()
    start = NOW + timedelta(days=30)
    draft = MeetingDraft(
        title=MEETING, starts_at=start, ends_at=start + timedelta(hours=2), place="Vänersborg"
    )
    meeting = await meetings.create(
        session, draft, created_by=STAFF_TG, clock=clock, options=options, announce=False
    )
    meeting.capacity = 1
    await meetings.answer(session, meeting.id, greta.id, going=True, clock=clock, options=options)
    await meetings.answer(session, meeting.id, other.id, going=True, clock=clock, options=options)
    call = await calls.create(
        session,
        CallDraft(title=CALL, deadline=NOW + timedelta(days=60)),
        created_by=None,
        clock=clock,
        announce=False,
    )
    await calls.remind(session, call.id, greta.id, clock=clock, days_before=7)
    campaign = Campaign(text_html="Hej alla", audience="all", status=CampaignStatus.DONE)
    session.add(campaign)
    await session.flush()
    session.add(
        Delivery(
            campaign_id=campaign.id,
            user_id=greta.id,
            chat_id=GRETA_TG,
            status=DeliveryStatus.SENT,
            sent_at=clock(),
        )
    )
    named = await _poll(session, clock, NAMED, anonymous=False)
    anonymous = await _poll(session, clock, ANONYMOUS, anonymous=True)
    for poll_id in (named, anonymous):
        for user_id in (greta.id, other.id):
            option = (await polls.get(session, poll_id)).options[0].id
            await polls.choose(session, poll_id, user_id, option, key=KEY, clock=clock)
        await polls.comment(session, poll_id, greta.id, "Mer tid för frågor", key=KEY, clock=clock)
    round_ = NominationRound(
        title="Styrgruppen 2027–2030", opens_at=NOW, closes_at=NOW + timedelta(days=20)
    )
    session.add(round_)
    await session.flush()
    session.add(
        Nomination(
            round_id=round_.id,
            organisation_id=org.id,
            nominated_by=greta.id,
            candidate_name=CANDIDATE,
            candidate_organisation="Föreningen Vågen",
            candidate_contact="karin@example.org",
            motivation="Lång erfarenhet av samverkan.",
        )
    )
    session.add(
        AuditEntry(actor_telegram_id=STAFF_TG, action="note", detail=f"about user {greta.id}")
    )
    await session.flush()
    survey, profile = await _forms(session, clock, greta)
    return Seeded(
        greta.id,
        other.id,
        org.id,
        meeting.id,
        call.id,
        named,
        anonymous,
        round_.id,
        survey,
        profile,
    )


async def _forms(session: AsyncSession, clock: FakeClock, greta: User) -> tuple[int, int]:
    """Greta answers a survey (naming herself) and sends her organisation's profile."""
    survey = await forms.create(session, SURVEY, created_by=STAFF_TG, clock=clock)
    answers = {
        "channel": "Chatt",
        "topics": ["IOP"],
        "staff": 2,
        "wish": f"Ring mig, {greta.display_name}",
        "home": "Vänersborg",
    }
    await forms.record(session, survey, greta, answers, clock=clock)
    profile = await forms.ensure_profile_form(session, clock=clock)
    values = {
        "members": 80,
        "areas": ["culture"],
        "municipalities": ["Vänersborg"],
        "subregion": "fyrbodal",
        "umbrella": "no",
    }
    await forms.record(session, profile, greta, values, clock=clock)
    return survey.id, profile.id


async def _poll(session: AsyncSession, clock: FakeClock, question: str, *, anonymous: bool) -> int:
    draft = PollDraft(
        question=question, options=("Bra", "Dåligt"), allow_comment=True, anonymous=anonymous
    )
    return (await polls.create(session, draft, created_by=STAFF_TG, clock=clock)).id


def _points_at_users(column: Column[Any]) -> bool:
    return any(
        fk.column.table.name == "users" and fk.column.name == "id" for fk in column.foreign_keys
    )


async def traces(
    session: AsyncSession, *, user_id: int, telegram_id: int, names: tuple[str, ...]
) -> list[str]:
    """Every cell of every table that still names the person: their Telegram id anywhere,
    their users.id in a column pointing at users or as "user N" in text, their names in text."""
    mention = re.compile(rf"\buser[ :]{user_id}\b|\b{telegram_id}\b")

    def names_person(column: Column[Any], value: object) -> bool:
        if value == telegram_id or (_points_at_users(column) and value == user_id):
            return True
        return isinstance(value, str) and (
            mention.search(value) is not None or any(name in value for name in names)
        )

    found: list[str] = []
    for table in Base.metadata.sorted_tables:
        for row in (await session.execute(select(table))).mappings():
            found += [
                f"{table.name}.{column.name}={row[column]!r}"
                for column in table.columns
                if names_person(column, row[column])
            ]
    return found
