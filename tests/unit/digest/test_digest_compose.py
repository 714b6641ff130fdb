"""What goes into a reader's digest: each section's rules, own answers, both languages."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    AttendanceStatus,
    CallStatus,
    CampaignStatus,
    MeetingStatus,
    Organisation,
    Topic,
    User,
    UserStatus,
)
from bot.services import digest
from bot.views.digest import Digest, OpenLink, OpenSettings, SignUp, short_title
from tests.unit.test_digest_compose_support import (
    NOW,
    SLOT,
    answer,
    broadcast,
    call,
    composed,
    edition,
    feed,
    meeting,
    news,
    plain,
    reader,
)

DAY = timedelta(days=1)


async def _one(session: AsyncSession, user_id: int) -> Digest:
    found = await composed(session, await edition(session, SLOT), [user_id], now=NOW, poll_key=None)
    result = found[user_id]
    assert result is not None
    return result


async def test_a_full_digest_in_swedish_and_english(session: AsyncSession) -> None:
    swede, english = await reader(session), await reader(session, language="en")
    held = await meeting(session, "Dialogmöte om bidrag & stöd", SLOT + 3 * DAY)
    await call(session, "Kultur och hälsa", deadline=SLOT + 8 * DAY)
    await news(session, await feed(session, "news"), "Regionen satsar", SLOT - 2 * DAY)
    await broadcast(session, "<b>Viktigt:</b> stängt i juli.", SLOT - 4 * DAY)
    issue = await edition(session, SLOT, note="Hej alla!\nVälkomna <3")
    found = await composed(session, issue, [swede, english], now=NOW, poll_key=None)
    sv, en = found[swede], found[english]
    assert sv is not None and en is not None
    assert plain(sv.text_html).splitlines() == [
        "📰 Veckans nyhetsbrev",
        "Det här är nytt sedan mån 12 okt.",
        "",
        "💬 Hälsning från oss",
        "Hej alla!",
        "Välkomna <3",
        "",
        "📣 Meddelanden",
        "tors 15 okt",
        "Viktigt: stängt i juli.",
        "",
        "📅 Kommande dialogmöten",
        "Dialogmöte om bidrag & stöd",
        "tors 22 okt kl. 08.00 · Regionens hus, Vänersborg",
        "",
        "💰 Utlysningar",
        "Kultur och hälsa · Västra Götalandsregionen",
        "Sista dag tis 27 okt kl. 07.00 (om 8 dagar)",
        "",
        "🗞 Nyheter",
        "• Regionen satsar",
    ]
    assert "Välkomna &lt;3" in sv.text_html  # the note is plain text, escaped
    assert '<a href="https://example.org/utlysning"><b>Kultur och hälsa</b></a>' in sv.text_html
    assert sv.actions == (
        SignUp("Anmäl mig: Dialogmöte om bidrag & stöd", held.id),
        OpenLink("Läs mer: Kultur och hälsa", "https://example.org/utlysning"),
        OpenSettings("⚙️ Nyhetsbrevsinställningar"),
    )
    english_lines = plain(en.text_html).splitlines()
    assert english_lines[:2] == [
        "📰 This week's newsletter",
        "Here is what's new since Mon 12 Oct.",
    ]
    assert "Thu 22 Oct, 08:00 · Regionens hus, Vänersborg" in english_lines
    assert "Deadline Tue 27 Oct, 07:00 (in 8 days)" in english_lines
    assert [a.text for a in en.actions][-1] == "⚙️ Newsletter settings"


async def test_meetings_within_30_days_with_each_readers_own_answer(
    session: AsyncSession,
) -> None:
    going, waiting, declined, fresh = [await reader(session) for _ in range(4)]
    full = await meeting(session, "Fullt möte", SLOT + 2 * DAY, capacity=1)
    await answer(session, full.id, going, AttendanceStatus.GOING)
    await answer(session, full.id, declined, AttendanceStatus.DECLINED)
    await answer(session, full.id, fresh, AttendanceStatus.WAITING, joined_at=SLOT - 2 * DAY)
    await answer(session, full.id, waiting, AttendanceStatus.WAITING, joined_at=SLOT - DAY)
    closed = await meeting(session, "Stängt möte", SLOT + 5 * DAY, signup_deadline=SLOT - DAY)
    await meeting(session, "Inställt", SLOT + 4 * DAY, status=MeetingStatus.CANCELLED)
    await meeting(session, "Om 31 dagar", NOW + 31 * DAY)
    await meeting(session, "Redan börjat", NOW - timedelta(minutes=30))
    last_day = await meeting(session, "Om 30 dagar", NOW + 30 * DAY)
    issue = await edition(session, SLOT)
    found = await composed(
        session, issue, [going, waiting, declined, fresh], now=NOW, poll_key=None
    )
    texts = {user: plain(d.text_html) for user, d in found.items() if d is not None}
    for text in texts.values():
        assert "Fullt möte" in text and "Stängt möte" in text and "Om 30 dagar" in text
        assert "Inställt" not in text and "Om 31 dagar" not in text
        assert "Redan börjat" not in text
        assert "Anmälan är stängd." in text
    assert "✅ Du är anmäld." in texts[going]
    assert "⏳ Du står på plats 2 i kön." in texts[waiting]
    assert "⏳ Du står på plats 1 i kön." in texts[fresh]
    assert "➖ Du har tackat nej." in texts[declined]
    # Only an unanswered meeting still open for sign-up gets a button.
    signups = {
        user: [a for a in d.actions if isinstance(a, SignUp)] for user, d in found.items() if d
    }
    assert [a.meeting_id for a in signups[going]] == [last_day.id]
    assert closed.id not in [a.meeting_id for a in signups[fresh]]
    other = await reader(session)
    seen = (await composed(session, issue, [other], now=NOW, poll_key=None))[other]
    assert seen is not None
    assert "Fullt just nu – anmäl dig så får du en plats i kön." in plain(seen.text_html)
    assert [a.meeting_id for a in seen.actions if isinstance(a, SignUp)] == [
        full.id,
        last_day.id,
    ]


async def test_calls_open_and_due_soon_or_new_in_the_window(session: AsyncSession) -> None:
    user = await reader(session)
    await call(session, "Snart stänger", deadline=SLOT + 10 * DAY)
    await call(session, "Långt kvar, gammal", deadline=SLOT + 60 * DAY)
    await call(session, "Långt kvar, ny", deadline=SLOT + 60 * DAY, created_at=SLOT - DAY)
    await call(session, "Utan slutdatum, ny", deadline=None, created_at=SLOT - DAY)
    await call(session, "Utan slutdatum, gammal", deadline=None)
    await call(session, "Stängd", deadline=SLOT - DAY)
    await call(session, "Tillbakadragen", deadline=SLOT + DAY, status=CallStatus.WITHDRAWN)
    await call(session, "Efter fönstret", deadline=None, created_at=NOW)
    text = plain((await _one(session, user)).text_html)
    assert "Snart stänger" in text and "🆕 Långt kvar, ny" in text
    assert "🆕 Utan slutdatum, ny" in text
    for absent in ("gammal", "Stängd", "Tillbakadragen", "Efter fönstret"):
        assert absent not in text
    assert text.index("Snart stänger") < text.index("Långt kvar, ny")  # by deadline


async def test_news_only_from_news_feeds_in_the_window(session: AsyncSession) -> None:
    user = await reader(session)
    newsfeed, funding = await feed(session, "news"), await feed(session, "funding")
    await news(session, newsfeed, "Färsk nyhet", SLOT - DAY)
    await news(session, newsfeed, "Förra veckan", SLOT - 8 * DAY)
    await news(session, newsfeed, "Efter utgåvan", SLOT + timedelta(seconds=1))
    await news(session, funding, "Utlysning från flöde", SLOT - DAY)
    text = plain((await _one(session, user)).text_html)
    assert "Färsk nyhet" in text
    for absent in ("Förra veckan", "Efter utgåvan", "Utlysning från flöde"):
        assert absent not in text


async def test_announcements_are_staff_broadcasts_to_the_reader(session: AsyncSession) -> None:
    org = Organisation(name="Föreningen Gläntan")
    other_org = Organisation(name="Annan förening")
    session.add_all([org, other_org])
    await session.flush()
    member = await reader(session, org=org)
    await broadcast(session, "Till alla", SLOT - DAY)
    await broadcast(session, "Till Gläntan", SLOT - DAY, audience=f"org:{org.id}")
    await broadcast(session, "Till någon annan", SLOT - DAY, audience=f"org:{other_org.id}")
    await broadcast(session, "Kort om möte", SLOT - DAY, subject="meeting:1")
    await broadcast(session, "Mötesämne", SLOT - DAY, topic=Topic.MEETINGS)
    await broadcast(session, "Påminnelse", SLOT - DAY, topic=None)
    await broadcast(session, "Avbruten", SLOT - DAY, status=CampaignStatus.CANCELLED)
    await broadcast(session, "Schemalagd", None, status=CampaignStatus.SCHEDULED)
    await broadcast(session, "För länge sedan", SLOT - 8 * DAY)
    text = plain((await _one(session, member)).text_html)
    assert "Till alla" in text and "Till Gläntan" in text
    for absent in (
        "någon annan",
        "Kort om möte",
        "Mötesämne",
        "Påminnelse",
        "Avbruten",
        "Schemalagd",
        "För länge sedan",
    ):
        assert absent not in text


async def test_an_empty_digest_is_not_sent_but_a_note_alone_is(session: AsyncSession) -> None:
    user = await reader(session)
    await call(session, "Gammal utan slutdatum", deadline=None)
    await news(session, await feed(session, "news"), "Förra veckan", SLOT - 8 * DAY)
    empty = await edition(session, SLOT)
    assert await composed(session, empty, [user], now=NOW, poll_key=None) == {user: None}
    noted = await edition(session, SLOT + DAY, note="Glad sommar!")
    found = (await composed(session, noted, [user], now=NOW, poll_key=None))[user]
    assert found is not None
    assert "Glad sommar!" in plain(found.text_html)
    assert found.actions == (OpenSettings("⚙️ Nyhetsbrevsinställningar"),)


async def test_unknown_inactive_and_repeated_readers(session: AsyncSession) -> None:
    user, gone = await reader(session), await reader(session)
    await broadcast(session, "Till alla", SLOT - DAY)
    (await session.get_one(User, gone)).status = UserStatus.BLOCKED
    issue = await edition(session, SLOT)
    found = await composed(session, issue, [user, user, gone, 424242], now=NOW, poll_key=None)
    assert list(found) == [user]
    assert await digest.compose_for(session, issue.id + 99, [user], now=NOW, poll_key=None) == {}


def test_button_titles_are_cut_at_a_word() -> None:
    assert short_title("Dialogmöte om bidrag & stöd") == "Dialogmöte om bidrag & stöd"
    assert short_title("Dialogmöte om föreningsbidrag i Fyrbodal") == "Dialogmöte om…"
    assert short_title("Föreningsbidragsdialogmötesserien2026") == "Föreningsbidragsdialogmötes…"
