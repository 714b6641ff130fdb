"""Scheduled broadcasts, /campaigns pause/resume/cancel, and the role checked on every press."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.models import AuditEntry, Campaign, CampaignStatus, User
from bot.services import meetings
from bot.services.delivery import campaigns
from bot.services.meetings import MeetingDraft, MeetingOptions
from bot.services.meetings import notices as meeting_notices
from bot.timeutil import STOCKHOLM, utc_now
from tests.e2e.broadcast.test_broadcast import (
    add_members,
    campaign_status,
    compose,
    due_now,
    eventually,
    is_done,
    preview_and_summary,
)
from tests.e2e.chat import JSON, Person, buttons, has
from tests.e2e.conftest import Harness


async def _press_list(admin: Person, listing: JSON, button: str) -> tuple[JSON, str]:
    """Press a /campaigns button; the list as edited in place and the press's short answer."""
    query_id, cursor = await admin.press(listing, button)
    answer = await admin.answer_text(query_id)
    edited = await admin.next_message(
        after=cursor, predicate=lambda m: m["message_id"] == listing["message_id"]
    )
    return edited, answer


async def _audit(harness: Harness) -> list[str]:
    async with harness.db.session() as session:
        return list(await session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


async def test_scheduled_waits_then_pause_resume_from_campaigns_sends_it(
    harness: Harness,
) -> None:
    people = await add_members(harness, {"Eva": None})
    admin, question = await compose(harness, text="Välkommen till årsmötet")
    _, summary = await preview_and_summary(admin, question, "Alla")
    await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    assert "har redan varit" in (await admin.say("2020-01-01 10:00"))["text"]
    confirm = await admin.say("2030-10-27 09:00")
    assert "27 oktober 2030 kl. 09.00" in confirm["text"] and "CET" not in confirm["text"]
    scheduled = await admin.press_and_wait(
        confirm, "Ja, schemalägg", predicate=has("Utskicket skickas")
    )
    assert "27 oktober 2030 kl. 09.00" in scheduled["text"] and "#" not in scheduled["text"]
    async with harness.db.session() as session:
        campaign = await session.scalar(select(Campaign))
    assert campaign is not None and campaign.status == CampaignStatus.SCHEDULED
    assert campaign.due_at == datetime(2030, 10, 27, 8, 0, tzinfo=UTC)

    listing = await admin.say("/campaigns")
    assert "🗓 schemalagt" in listing["text"] and "⏸ Pausa 1" in buttons(listing)
    paused, answer = await _press_list(admin, listing, "Pausa 1")
    assert answer == "Pausat: 📣 ”Välkommen till årsmötet”" and "⏸ pausat" in paused["text"]
    await due_now(harness, campaign.id)  # the day comes while it is paused
    await harness.worker_passes(3)  # a whole look for due campaigns after the day came, and more
    assert await harness.client.messages(people["Eva"].user_id) == []
    assert await campaign_status(harness, campaign.id) == CampaignStatus.PAUSED

    _, answer = await _press_list(admin, paused, "Återuppta 1")
    assert answer == "Fortsätter: 📣 ”Välkommen till årsmötet”"
    got = await harness.client.wait_for_bot_message(people["Eva"].user_id, after=0, timeout=10)
    assert got["text"] == "Välkommen till årsmötet"
    await eventually(lambda: is_done(harness, campaign.id))
    assert await _audit(harness) == [
        "campaign_created",
        "campaign_paused",
        "campaign_resumed",
        "campaign_started",
    ]


async def _scheduled_campaign(harness: Harness) -> int:
    async with harness.db.session() as session:
        campaign = await campaigns.create(
            session,
            text_html="Senare",
            audience_spec="all",
            created_by=None,
            clock=utc_now,
            due_at=datetime(2031, 1, 1, tzinfo=UTC),
        )
        await session.commit()
        return campaign.id


async def test_cancel_asks_for_a_second_press(harness: Harness) -> None:
    campaign_id = await _scheduled_campaign(harness)
    admin = Person(harness.client, harness.admin_id)
    listing = await admin.say("/campaigns")
    asking, answer = await _press_list(admin, listing, "Avbryt 1")
    assert "bekräfta" in answer and "Ja, avbryt 1" in buttons(asking)
    assert await campaign_status(harness, campaign_id) == CampaignStatus.SCHEDULED
    cancelled, answer = await _press_list(admin, asking, "Ja, avbryt 1")
    assert answer == "Avbrutet: 📣 ”Senare”" and "✖️ avbrutet" in cancelled["text"]
    assert await campaign_status(harness, campaign_id) == CampaignStatus.CANCELLED
    assert (await _audit(harness))[-1] == "campaign_cancelled"


async def _campaign_count(harness: Harness) -> int:
    async with harness.db.session() as session:
        return int(await session.scalar(select(func.count(Campaign.id))) or 0)


async def test_members_are_refused_and_stale_buttons_change_nothing(harness: Harness) -> None:
    campaign_id = await _scheduled_campaign(harness)
    [member] = (await add_members(harness, {"Maja": None})).values()
    refusal = await member.say("/broadcast")
    assert refusal["text"] == "Det här är bara för handläggare."
    assert (await member.say("/campaigns"))["text"] == "Det här är bara för handläggare."
    for forged in (f"cmp:{campaign_id}:pause", f"cmp:{campaign_id}:confirm", "bcd:ab12cd34:send"):
        query_id = await harness.client.press_data(member.user_id, refusal["message_id"], forged)
        assert await member.answer_text(query_id) == "Det här är bara för handläggare."
    query_id = await harness.client.press_data(member.user_id, refusal["message_id"], "cmp:1:boom")
    assert await member.answer_text(query_id) == "Den knappen fungerar inte längre."
    assert await campaign_status(harness, campaign_id) == CampaignStatus.SCHEDULED

    admin, question = await compose(harness, text="Gammalt utkast")
    _, old_summary = await preview_and_summary(admin, question, "Alla")
    await compose(harness, text="Nytt utkast")  # a new /broadcast makes the old preview stale
    query_id, _ = await admin.press(old_summary, "Skicka nu")
    assert "gäller inte längre" in await admin.answer_text(query_id)
    assert await _campaign_count(harness) == 1
    assert await _audit(harness) == ["campaign_created"]


async def _meeting_with_reminders(harness: Harness, eva: Person) -> None:
    """A meeting the admin made and announced: its card, two reminders for those with a
    seat, and a seat from the waiting list for Eva (one person's own campaign)."""
    starts = datetime(2030, 12, 3, 12, 0, tzinfo=UTC)
    draft = MeetingDraft("Dialogmöte om bidrag", starts, starts + timedelta(hours=2), place="Borås")
    async with harness.db.session() as session:
        meeting = await meetings.create(
            session, draft, created_by=harness.admin_id, clock=utc_now, options=MeetingOptions()
        )
        eva_id = await session.scalar(select(User.id).where(User.telegram_id == eva.user_id))
        assert eva_id is not None
        await meeting_notices.promoted(session, meeting, eva_id, clock=utc_now, tz=STOCKHOLM)
        await session.commit()


async def test_campaigns_names_a_meetings_campaigns_and_a_new_broadcast_can_be_stopped(
    harness: Harness,
) -> None:
    people = await add_members(harness, {"Eva": "PRO Skaraborg"})
    await _meeting_with_reminders(harness, people["Eva"])
    admin = Person(harness.client, harness.admin_id)
    # The card goes out at once; its author hears how it went, by what it is.
    report = await harness.client.wait_for_bot_message(
        admin.user_id, after=0, predicate=has("📬 Klart: 📅 Inbjudan"), timeout=15
    )
    assert report["text"] == (
        "📬 Klart: 📅 Inbjudan: Dialogmöte om bidrag, 3 december 2030 kl. 13.00\n"
        "1 skickade, 0 misslyckade, 0 hoppades över (av 1)."
    )

    admin, question = await compose(harness, text="Välkommen till årsmöte & fika")
    _, summary = await preview_and_summary(admin, question, "Alla")
    await admin.press_and_wait(summary, "Schemalägg", predicate=has("När ska det skickas?"))
    confirm = await admin.say("2030-10-27 09:00")
    await admin.press_and_wait(confirm, "Ja, schemalägg", predicate=has("Utskicket skickas"))

    listing = await admin.say("/campaigns")
    items = listing["text"].split("\n\n")[1:]
    assert [item.splitlines()[0] for item in items] == [
        "1. 📣 ”Välkommen till årsmöte & fika”",
        "2. 🎟 Plats från väntelistan: Dialogmöte om bidrag, 3 december 2030 kl. 13.00",
        "3. 📅 Inbjudan: Dialogmöte om bidrag, 3 december 2030 kl. 13.00",
        "4. ⏰ Påminnelse 1 timme före: Dialogmöte om bidrag, 3 december 2030 kl. 13.00",
        "5. ⏰ Påminnelse 1 dygn före: Dialogmöte om bidrag, 3 december 2030 kl. 13.00",
    ]
    assert "· till alla" in items[0] and "· till Eva" in items[1]
    assert "· till dem som har plats på Dialogmöte om bidrag" in items[3]
    assert "#" not in listing["text"]

    paused, answer = await _press_list(admin, listing, "Pausa 1")
    assert answer == "Pausat: 📣 ”Välkommen till årsmöte & fika”"
    asking, _ = await _press_list(admin, paused, "Avbryt 1")
    cancelled, answer = await _press_list(admin, asking, "Ja, avbryt 1")
    assert answer == "Avbrutet: 📣 ”Välkommen till årsmöte & fika”"
    assert "✖️ avbrutet" in cancelled["text"].split("\n\n")[1]
    async with harness.db.session() as session:
        rows = await session.execute(select(Campaign.subject, Campaign.status))
        statuses = {subject: status for subject, status in rows}
    assert statuses[None] == CampaignStatus.CANCELLED
    reminders = [
        status for subject, status in statuses.items() if subject and "reminder" in subject
    ]
    assert reminders == [CampaignStatus.SCHEDULED] * 2  # the meeting's own stay as they were
