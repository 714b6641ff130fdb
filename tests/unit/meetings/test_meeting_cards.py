"""The meeting card and the renderers of meeting subjects: wall time across DST, None cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import AttendanceStatus
from bot.services import meetings
from bot.services.meetings import Counts, MeetingDraft, MeetingOptions, MyStatus, subjects
from bot.timeutil import STOCKHOLM
from bot.views.meetings import Facts, card_text, lead_text, when_text
from handlers.delivery.personalise import build_personaliser
from handlers.meetings.actions import MeetingAnswer, MeetingCalendar
from handlers.meetings.keyboards import card_buttons
from handlers.meetings.render import MeetingRenderers
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_user

NOW = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
# Sunday 25 October 2026 is the night summer time ends: 13:00 in Stockholm is then 12:00 UTC.
START = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
END = datetime(2026, 10, 25, 14, 0, tzinfo=UTC)
OPTIONS = MeetingOptions()
RENDER = MeetingRenderers(STOCKHOLM)


def _draft(**changes: object) -> MeetingDraft:
    values: dict[str, object] = {
        "title": "Dialogmöte <om> bidrag",
        "starts_at": START,
        "ends_at": END,
        "place": "Regionens hus, Vänersborg",
        "online_url": "https://example.org/mote",
        "description": "Vi pratar om nya bidrag.",
        "capacity": 2,
        "signup_deadline": START - timedelta(days=2),
    }
    values.update(changes)
    return MeetingDraft(**values)  # type: ignore[arg-type]


def test_times_are_stockholm_wall_time_on_both_sides_of_the_dst_change() -> None:
    assert when_text(START, END, "sv", STOCKHOLM, now=NOW) == "söndag 25 oktober kl. 13.00–15.00"
    assert when_text(START, END, "en", STOCKHOLM, now=NOW) == "Sunday 25 October, 13:00–15:00"
    summer = datetime(2026, 10, 22, 11, 0, tzinfo=UTC)  # Thursday, still CEST (UTC+2)
    assert when_text(summer, summer + timedelta(hours=2), "sv", STOCKHOLM, now=NOW) == (
        "torsdag 22 oktober kl. 13.00–15.00"
    )
    next_year = datetime(2027, 3, 28, 9, 0, tzinfo=UTC)  # the day summer time starts
    assert when_text(next_year, next_year + timedelta(days=1), "sv", STOCKHOLM, now=NOW) == (
        "söndag 28 mars 2027 kl. 11.00 – måndag 29 mars 2027 kl. 11.00"
    )


def test_card_shows_place_link_deadline_seats_and_own_status_escaped() -> None:
    facts = Facts.of_draft(_draft())
    text = card_text(
        facts,
        "sv",
        STOCKHOLM,
        now=NOW,
        status=MyStatus(AttendanceStatus.WAITING, 3),
        counts=Counts(going=2),
    )
    assert "📅 <b>Dialogmöte &lt;om&gt; bidrag</b>" in text
    assert "🕐 söndag 25 oktober kl. 13.00–15.00" in text
    assert "📍 Regionens hus, Vänersborg" in text and "https://example.org/mote" in text
    # Two days earlier is still summer time: the same UTC hour is 14.00 there.
    assert "Anmäl dig senast fredag 23 oktober kl. 14.00." in text
    assert "Fullt" in text and "väntelistan, plats 3" in text
    closed = card_text(facts, "en", STOCKHOLM, now=START - timedelta(days=1))
    assert "Sign-up is closed." in closed and "seats left" not in closed
    open_seats = card_text(facts, "sv", STOCKHOLM, now=NOW, counts=Counts(going=1))
    assert "1 av 2 platser kvar." in open_seats and "Du" not in open_seats


def test_buttons_mark_the_choice_and_carry_the_meeting() -> None:
    rows = card_buttons(7, "sv", MyStatus(AttendanceStatus.GOING, None))
    assert [[b.text for b in row] for row in rows] == [
        ["✅ Jag kommer", "Kan inte"],
        ["📅 Lägg i kalender"],
    ]
    assert rows[0][1].callback == MeetingAnswer(7, False).encode()
    assert rows[1][0].callback == MeetingCalendar(7).encode()
    assert lead_text(1440, "sv") == "en dag" and lead_text(60, "en") == "one hour"
    assert lead_text(2880, "sv") == "2 dagar" and lead_text(90, "sv") == "90 minuter"


async def _setup(session: AsyncSession, clock: FakeClock) -> tuple[int, int, int]:
    """A meeting with one seat; a Swedish member going and an English one waiting."""
    sara = (await add_user(session, 1)).id
    english = await add_user(session, 2)
    english.language = "en"
    meeting = await meetings.create(
        session, _draft(capacity=1), created_by=None, clock=clock, options=OPTIONS
    )
    await meetings.answer(session, meeting.id, sara, going=True, clock=clock, options=OPTIONS)
    await meetings.answer(session, meeting.id, english.id, going=True, clock=clock, options=OPTIONS)
    await session.commit()
    return meeting.id, sara, english.id


async def test_card_renders_each_reader_in_their_language_until_the_start(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    meeting_id, sara, english = await _setup(session, clock)
    personaliser = build_personaliser(STOCKHOLM, poll_key=None)
    rendered = await personaliser.personalise(
        session, subjects.card(meeting_id), [sara, english], now=NOW
    )
    sv, en = rendered[sara], rendered[english]
    assert sv is not None and en is not None
    assert "söndag 25 oktober kl. 13.00–15.00" in sv.text_html and "Du är anmäld" in sv.text_html
    assert "Sunday 25 October, 13:00–15:00" in en.text_html
    assert "waiting list, place 1" in en.text_html
    assert en.buttons[0][0].text == "⏳ I'm coming (waiting list)"
    assert await RENDER.card(session, str(meeting_id), [sara], START) == {}
    assert await RENDER.card(session, "x", [sara], NOW) == {}
    assert await RENDER.card(session, "999", [sara], NOW) == {}


async def test_reminder_only_for_its_version_before_the_start_to_those_going(
    session: AsyncSession,
) -> None:
    clock = FakeClock(NOW)
    meeting_id, sara, english = await _setup(session, clock)
    arguments = subjects.reminder(meeting_id, 1, 1440).partition(":")[2]
    day_before = START - timedelta(days=1)
    rendered = await RENDER.reminder(session, arguments, [sara, english], day_before)
    assert list(rendered) == [sara]  # the waiting list has no seat to be reminded of
    reminder = rendered[sara]
    assert reminder is not None and "börjar om en dag" in reminder.text_html
    assert "kl. 13.00–15.00" in reminder.text_html
    assert await RENDER.reminder(session, arguments, [sara], START) == {}

    await meetings.move(
        session,
        meeting_id,
        starts_at=START + timedelta(days=1),
        ends_at=END + timedelta(days=1),
        actor=None,
        clock=clock,
        options=OPTIONS,
    )
    await session.commit()
    assert await RENDER.reminder(session, arguments, [sara], day_before) == {}
    old_change = subjects.changed(meeting_id, 1).partition(":")[2]
    assert await RENDER.changed(session, old_change, [sara], NOW) == {}
    change = subjects.changed(meeting_id, 2).partition(":")[2]
    notice = (await RENDER.changed(session, change, [sara, english], NOW))[english]
    assert notice is not None and "Monday 26 October, 13:00–15:00" in notice.text_html
    assert notice.text_html.startswith("🔄")

    await meetings.cancel(session, meeting_id, actor=None, clock=clock)
    await session.commit()
    fresh = subjects.reminder(meeting_id, 2, 60).partition(":")[2]
    assert await RENDER.reminder(session, fresh, [sara], day_before) == {}
    assert await RENDER.changed(session, change, [sara], NOW) == {}
    cancelled = (await RENDER.cancelled(session, str(meeting_id), [sara], NOW))[sara]
    assert cancelled is not None
    assert "inställt" in cancelled.text_html.lower() and "måndag 26 oktober" in cancelled.text_html


async def test_promotion_notice_only_while_the_seat_is_held(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    meeting_id, sara, english = await _setup(session, clock)
    await meetings.answer(session, meeting_id, sara, going=False, clock=clock, options=OPTIONS)
    await session.commit()
    rendered = await RENDER.promoted(session, str(meeting_id), [sara, english], NOW)
    assert list(rendered) == [english]
    notice = rendered[english]
    assert notice is not None and notice.text_html.startswith("🎉 <b>You got a seat!</b>")
    assert "You are signed up." in notice.text_html
    assert await RENDER.promoted(session, str(meeting_id), [english], START) == {}
