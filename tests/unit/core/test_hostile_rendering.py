"""Every pushed card and staff notice (each personaliser subject kind) rendered with text that
looks like markup in every field staff or feeds write: it must parse as Telegram HTML and show
the text as typed."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    AttendanceStatus,
    EditionKind,
    Feed,
    LinkStatus,
    MeetingStatus,
    NominationRound,
    Organisation,
    QuestionKind,
    User,
)
from bot.services import calls, forms, polls, staff_notices
from bot.services.calls import CallDraft
from bot.services.calls import subjects as call_subjects
from bot.services.digest import subject as digest_subject
from bot.services.forms import FormSpec, QuestionSpec
from bot.services.forms import subjects as form_subjects
from bot.services.meetings import subjects as meeting_subjects
from bot.services.polls import SUBJECT as POLL_SUBJECT
from bot.services.polls import PollDraft
from bot.services.staff_notices import Subject
from bot.timeutil import STOCKHOLM
from handlers.delivery.personalise import build_personaliser
from tests.conftest import FakeClock
from tests.unit.test_digest_compose_support import (
    NOW,
    SLOT,
    answer,
    call,
    edition,
    feed,
    meeting,
    news,
    plain,
    reader,
)

# Each looks like (or is) markup; Telegram refuses most of them unescaped.
HOSTILE = ("<b>fet</b>", "Gäller <10 anställda", "Kultur & hälsa", '"citat"', "</a>", "&amp; &lt;")


async def _subjects(session: AsyncSession, text: str) -> tuple[list[str], list[int]]:
    """One subject of every kind, about content whose every text field is ``text``."""
    clock = FakeClock(NOW)
    sv = await reader(session)
    en = await reader(session, language="en")
    held = await meeting(
        session, f"Möte {text}", SLOT + timedelta(days=3), place=text, description=text
    )
    gone = await meeting(
        session, f"Inställt {text}", SLOT + timedelta(days=4), status=MeetingStatus.CANCELLED
    )
    for user_id in (sv, en):
        await answer(session, held.id, user_id, AttendanceStatus.GOING)
    funding = await calls.create(
        session,
        CallDraft(title=f"Utlysning {text}", funder=text, deadline=SLOT + timedelta(days=5)),
        created_by=None,
        clock=clock,
        announce=False,
    )
    await call(session, f"Bidrag {text}", deadline=SLOT + timedelta(days=6))
    await news(session, await feed(session, "news"), f"Nyhet {text}", SLOT - timedelta(days=1))
    poll = await polls.create(
        session,
        PollDraft(f"Fråga {text}", (f"Ja {text}", "Nej")),
        created_by=None,
        clock=clock,
    )
    spec = FormSpec(
        title=f"Formulär {text}",
        intro=text,
        questions=(QuestionSpec("q", QuestionKind.CHOICE, f"Fråga {text}", (text, "Annat")),),
    )
    form = await forms.create(session, spec, created_by=1, clock=clock)
    issue = await edition(session, SLOT, kind=EditionKind.WEEKLY, note=text)
    nominations = NominationRound(title=f"Styrgrupp {text}", opens_at=SLOT, closes_at=SLOT)
    source = Feed(url=f"https://example.org/flode?q={text}", kind="funding")
    asking = Organisation(name=f"Förening {text}")
    member = User(telegram_id=990001, display_name=f"Maja {text}", username="maja")
    member.organisation, member.link_status = asking, LinkStatus.PENDING
    session.add_all([nominations, source, asking, member])
    await session.flush()
    subjects = [
        meeting_subjects.card(held.id),
        meeting_subjects.reminder(held.id, held.version, 60),
        meeting_subjects.changed(held.id, held.version),
        meeting_subjects.cancelled(gone.id),
        meeting_subjects.promoted(held.id),
        call_subjects.card(funding.id),
        call_subjects.reminder(funding.id),
        f"{POLL_SUBJECT}:{poll.id}",
        form_subjects.card(form.id),
        form_subjects.reminder(form.id),
        digest_subject(issue.id),
        Subject(staff_notices.FORM_CLOSED, (form.id, 1, 2)).encode(),
        Subject(staff_notices.NOMINATION_CLOSED, (nominations.id, 3)).encode(),
        Subject(staff_notices.FEED_DISABLED, (source.id, 5, "http", 503)).encode(),
        Subject(staff_notices.FEED_RECOVERED, (source.id,)).encode(),
        Subject(staff_notices.FEED_CAPPED, (source.id, 1200, 1197)).encode(),
        Subject(staff_notices.POLL_RESULT, (poll.id,)).encode(),
        Subject(staff_notices.LINK_REQUEST, (member.id, asking.id)).encode(),
        Subject(staff_notices.MEETING_CAPACITY, (held.id, 100, 2, 2)).encode(),
    ]
    return subjects, [sv, en]


@pytest.mark.parametrize("text", HOSTILE)
async def test_every_card_shows_markup_like_text_literally(
    session: AsyncSession, text: str
) -> None:
    personaliser = build_personaliser(STOCKHOLM, poll_key=None)
    subjects, readers = await _subjects(session, text)
    # A new kind of card must be added here too.
    assert {s.partition(":")[0] for s in subjects} == set(personaliser.renderers)
    for subject in subjects:
        rendered = await personaliser.personalise(session, subject, readers, now=NOW)
        for user_id in readers:
            card = rendered.get(user_id)
            assert card is not None, (subject, user_id)
            shown = plain(card.text_html)  # raises like Telegram on broken HTML
            assert text in shown, (subject, shown)
            # Button labels are plain text: escaped there, the reader would see "&lt;".
            escaped = html.escape(text, quote=False)
            labels = [button.text for row in card.buttons for button in row]
            assert escaped == text or not any(escaped in label for label in labels), labels


async def test_a_feed_title_in_html_shows_its_text_not_its_tags(session: AsyncSession) -> None:
    # feedparser keeps the markup of a title it takes for HTML, with its entities.
    sv = await reader(session)
    await news(
        session, await feed(session, "news"), "<b>Nyhet</b> &amp; mer", SLOT - timedelta(days=1)
    )
    await news(
        session, await feed(session, "news"), "Gäller <10 anställda", SLOT - timedelta(days=1)
    )
    issue = await edition(session, SLOT)
    personaliser = build_personaliser(STOCKHOLM, poll_key=None)
    card = (await personaliser.personalise(session, digest_subject(issue.id), [sv], now=NOW))[sv]
    assert card is not None
    shown = plain(card.text_html)
    assert "Nyhet & mer" in shown and "<b>" not in shown and "&amp;" not in shown
    assert "Gäller <10 anställda" in shown
