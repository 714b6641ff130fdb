"""Staff notices raised by members' answers go through the outbox: a link request with its
approve/deny buttons and a meeting's seats running low, recorded with the answer, sent once
by the delivery engine in each reader's language, with the same words as before."""

from __future__ import annotations

from sqlalchemy import select

from bot.db import Database
from bot.models import Campaign, Delivery, DeliveryStatus, LinkStatus, Role, User
from bot.services import meetings, users
from bot.services.delivery import Button
from bot.services.link_notices import tell_staff_of_request
from bot.services.meetings.capacity import tell_staff_of_capacity
from bot.services.staff_notices import StaffChats
from bot.timeutil import STOCKHOLM
from handlers.delivery.personalise import build_personaliser
from handlers.staff.actions import DecideLink
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import FakeSender, add_org, add_user, drain, make_worker
from tests.unit.test_meetings_support import NOW, OPTIONS, add_members, new_meeting

STAFF_CHAT = -100777
ENGLISH_ADMIN = 4242
MEMBER = 55


async def _send(db: Database, clock: FakeClock) -> FakeSender:
    """What the delivery engine sends of what was recorded; a second pass sends nothing."""
    sender = FakeSender()
    worker = make_worker(
        db, sender, clock, personaliser=build_personaliser(STOCKHOLM, poll_key=None)
    )
    await drain(worker)
    await drain(worker)
    return sender


async def _request(db: Database, clock: FakeClock, chats: StaffChats) -> tuple[int, int]:
    """A member asks to be linked to an organisation (committed); (users.id, org id)."""
    async with db.session() as session:
        org = await add_org(session, "PRO Skaraborg")
        member = await add_user(session, MEMBER, link=LinkStatus.NONE)
        member.display_name, member.username = "Maja Berg", "maja"
        await users.request_link(session, member, org)
        await tell_staff_of_request(session, member, org, chats=chats, clock=clock, tz=STOCKHOLM)
        await session.commit()
        return member.id, org.id


def _decision(user_id: int, org_id: int, approve: str, deny: str) -> tuple[tuple[Button, ...]]:
    return (
        (
            Button(approve, callback=DecideLink(user_id, org_id, True).encode()),
            Button(deny, callback=DecideLink(user_id, org_id, False).encode()),
        ),
    )


async def test_a_link_request_reaches_the_staff_chat_once_with_its_buttons(
    db: Database, clock: FakeClock
) -> None:
    user_id, org_id = await _request(db, clock, StaffChats(STAFF_CHAT, (ENGLISH_ADMIN,)))
    sender = await _send(db, clock)
    assert sender.sent == [
        (
            STAFF_CHAT,
            "🔗 <b>Begäran om koppling</b>\nMaja Berg (@maja) vill kopplas till "
            "<b>PRO Skaraborg</b>.",
            _decision(user_id, org_id, "✅ Godkänn", "❌ Neka"),
        )
    ]
    async with db.session() as session:
        campaign = await session.scalar(select(Campaign))
    assert campaign is not None and campaign.subject == f"staff_link_request:{user_id}:{org_id}"
    # /campaigns names it by the organisation: no member's name stays after /delete.
    assert campaign.text_html == "🔗 Begäran om koppling till PRO Skaraborg"


async def test_without_a_staff_chat_each_admin_reads_the_request_in_their_language(
    db: Database, clock: FakeClock
) -> None:
    async with db.session() as session:
        session.add(User(telegram_id=ENGLISH_ADMIN, role=Role.ADMIN, language="en"))
        await session.commit()
    user_id, org_id = await _request(db, clock, StaffChats(None, (ENGLISH_ADMIN, 7)))
    sender = await _send(db, clock)
    assert sorted(sender.sent) == [
        (
            7,
            "🔗 <b>Begäran om koppling</b>\nMaja Berg (@maja) vill kopplas till "
            "<b>PRO Skaraborg</b>.",
            _decision(user_id, org_id, "✅ Godkänn", "❌ Neka"),
        ),
        (
            ENGLISH_ADMIN,
            "🔗 <b>Link request</b>\nMaja Berg (@maja) asks to be linked to <b>PRO Skaraborg</b>.",
            _decision(user_id, org_id, "✅ Approve", "❌ Deny"),
        ),
    ]


async def test_a_request_decided_before_it_is_sent_is_skipped(
    db: Database, clock: FakeClock
) -> None:
    user_id, _ = await _request(db, clock, StaffChats(STAFF_CHAT, ()))
    async with db.session() as session:
        member = await session.get(User, user_id)
        assert member is not None
        member.link_status = LinkStatus.NONE  # withdrawn: /settings, "Hoppa över"
        await session.commit()
    sender = await _send(db, clock)
    assert sender.sent == []
    async with db.session() as session:
        delivery = await session.scalar(select(Delivery))
    assert delivery is not None and delivery.status == DeliveryStatus.SKIPPED


async def test_seats_running_low_and_a_full_meeting_reach_staff_in_the_same_words(
    db: Database, clock: FakeClock
) -> None:
    clock.now = NOW
    meeting_id = await new_meeting(db, clock, capacity=5)
    async with db.session() as session:
        meeting = await meetings.get(session, meeting_id)
        for user_id in await add_members(session, 5):
            result = await meetings.answer(
                session, meeting_id, user_id, going=True, clock=clock, options=OPTIONS
            )
            if result.capacity_alert is not None:  # as the answer's handler does
                await tell_staff_of_capacity(
                    session,
                    meeting,
                    result.capacity_alert,
                    chats=StaffChats(STAFF_CHAT, ()),
                    clock=clock,
                    tz=STOCKHOLM,
                )
        await session.commit()
    sender = await _send(db, clock)
    when = "torsdag 3 december kl. 13.00–15.00"
    assert sender.sent == [
        (
            STAFF_CHAT,
            f"📈 Dialogmötet ”Dialogmöte om bidrag” ({when}) har nått 80 % av platserna: "
            "4 av 5 anmälda.",
            (),
        ),
        (
            STAFF_CHAT,
            f"🔒 Dialogmötet ”Dialogmöte om bidrag” ({when}) är fullt: 5 av 5 platser. "
            "Nya anmälningar hamnar på väntelistan.",
            (),
        ),
    ]
